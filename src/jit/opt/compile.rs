//! One optimized compile on a worker: lease → profile snapshot → lowering → LLVM →
//! relocation into the TC → metadata → entry swap (DESIGN.md decisions 4, 7 and 8).
//!
//! Lock order as everywhere: the function's write lease, then TC space (the block's
//! bump lock, inside `alloc_main`), then metadata. Metadata is committed before the
//! code becomes reachable: the OSR body is published first, then the entry slot, each
//! with a Release store.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::codegen::{Compiled, Llvm};
use super::dump_ir;
use super::irgen::{self, BODY_SYMBOL};
use super::reloc;
use super::spec::Spec;
use super::stats::{self as opt_stats, CompileTiming, STATS};
use super::workers::{on_worker, Job};
use crate::bytecode::unit::{Func, Unit};
use crate::jit::baseline::translate::block_heads;
use crate::jit::meta::{self, TranslationMeta};
use crate::jit::state::opt_state;
use crate::jit::tc::ViewKind;
use crate::jit::{enter, lease, stats, trace};

/// How long a worker retries a function's write lease before putting the job back
/// at the end of the queue (the lease's holder is a request thread translating a
/// block, or a worker still publishing an earlier compile: both are short).
const LEASE_PATIENCE: Duration = Duration::from_millis(200);

/// Times a job goes back on the queue for a busy lease before the function is
/// handed back to profiling (or given up on, when nothing would request it again).
const LEASE_RETRIES: u8 = 3;

/// Compiles and publishes one queued function; on failure the function stays in the
/// baseline tier (given up, or back to profiling when only the lease was busy).
/// Returns the job when it goes back on the queue because its lease stayed busy:
/// the worker requeues it, and a `jit.sync` waiter keeps waiting.
pub fn run(job: Job, llvm: Option<&mut Llvm>) -> Option<Job> {
    let func = job.unit.funcs.get(job.fid as usize)?;
    let Some(llvm) = llvm else {
        give_up(func, "LLVM is unavailable on this worker");
        return None;
    };
    // Workers may wait for a lease (request threads never do).
    let waiting = Instant::now();
    let _lease = loop {
        if let Some(l) = lease::try_acquire_for_worker(&func.jit.lease) {
            break l;
        }
        if waiting.elapsed() > LEASE_PATIENCE {
            return lease_stayed_busy(job);
        }
        std::thread::sleep(Duration::from_micros(200));
    };
    publish(&job, func, llvm);
    None
}

/// Everything of [`run`] under the lease: compile, relocate, commit, swap.
fn publish(job: &Job, func: &Func, llvm: &mut Llvm) {
    let started = Instant::now();
    if !on_worker() {
        STATS.off_worker.fetch_add(1, Ordering::Relaxed);
    }
    let dump = dump_ir::wanted(&func.name);
    let compiled = match lower_and_compile(&job.unit, func, llvm, dump) {
        Ok(c) => c,
        Err(e) => return give_up(func, &e),
    };
    if let (Some(before), Some(after)) = (compiled.ir_before, compiled.ir_after) {
        dump_ir::record(&func.name, before, after);
    }
    let Some(tc) = enter::tc() else {
        return give_up(func, "no translation cache");
    };
    let file = match reloc::parse(&compiled.object) {
        Ok(f) => f,
        Err(e) => return give_up(func, &e.to_string()),
    };
    let layout = match reloc::plan(&file) {
        Ok(l) => l,
        Err(e) => return give_up(func, &e.to_string()),
    };
    let view = tc.view(ViewKind::Optimized);
    let stub_at = layout.size.next_multiple_of(ENTRY_STUB_ALIGN);
    let Some(span) = view.alloc_main(stub_at + ENTRY_STUB_LEN, 64) else {
        STATS.tc_full.fetch_add(1, Ordering::Relaxed);
        stats::STATS.tc_full.fetch_add(1, Ordering::Relaxed);
        return give_up(func, "translation cache full");
    };
    let base = span.rx_addr();
    let mut image = match layout.image(&file, base) {
        Ok(i) => i,
        Err(e) => return give_up(func, &e.to_string()),
    };
    let Some(body) = layout.named_symbol(&file, BODY_SYMBOL, base) else {
        return give_up(func, "the object lacks the body symbol");
    };
    let entry = base + stub_at;
    image.resize(stub_at, 0xCC);
    image.extend_from_slice(&entry_stub(entry, body));
    if span.write(&image).is_err() {
        return give_up(func, "relocated image larger than its allocation");
    }
    meta::commit(TranslationMeta {
        func_name: func.name.clone(),
        func_id: func.id,
        unit: std::sync::Arc::as_ptr(&job.unit) as usize,
        tier: "optimized",
        start: base,
        len: layout.text_len,
        cold: None,
        pc_offsets: Vec::new(),
        helper_calls: Vec::new(),
    });
    let jit = &func.jit;
    jit.deopts.store(0, Ordering::Relaxed);
    jit.opt_rounds.fetch_add(1, Ordering::Relaxed);
    jit.osr_body.store(body as *mut (), Ordering::Release);
    func.entry.store(entry as *mut (), Ordering::Release);
    jit.opt.store(opt_state::OPTIMIZED, Ordering::Release);
    stats::note_tierup(&func.name, "optimized");
    let timing = CompileTiming {
        queued: job.queued,
        started,
        lowered: compiled.lowered,
        optimized: compiled.optimized,
        emitted: compiled.emitted,
        published: Instant::now(),
    };
    opt_stats::record_compile(&timing);
    trace::optimized_compile(&func.name, image.len(), func.ops.len(), &timing);
    if trace::enabled() {
        trace::instant(
            "entry swap",
            "jit",
            serde_json::json!({ "func": func.name, "tier": "optimized", "entry": format!("{entry:#x}") }),
        );
    }
}

/// Bytes of the entry stub: `xor edx, edx; jmp rel32`.
const ENTRY_STUB_LEN: usize = 7;
const ENTRY_STUB_ALIGN: usize = 16;

/// The entry-slot function of an optimized translation (DESIGN.md decision 4):
/// `fn(frame, ctx)` is the body `fn(frame, ctx, start_pc)` at pc 0, so the stub
/// zeroes the third argument register (rdx in the SysV ABI) and jumps to the body.
/// Written here rather than by LLVM because a second LLVM function costs a whole
/// codegen pipeline run (measured: about 0.4 ms of a 7 ms compile).
fn entry_stub(at: usize, body: usize) -> [u8; ENTRY_STUB_LEN] {
    let rel = (body as i64 - (at + ENTRY_STUB_LEN) as i64) as i32;
    let r = rel.to_le_bytes();
    [0x31, 0xD2, 0xE9, r[0], r[1], r[2], r[3]]
}

/// The profile snapshot, the plan, the IR and LLVM: everything of a compile that
/// does not touch the TC (also what the compile-latency benchmark measures).
pub fn lower_and_compile(
    unit: &Unit,
    func: &Func,
    llvm: &mut Llvm,
    dump: bool,
) -> Result<Compiled, String> {
    let heads = block_heads(func);
    let spec = Spec::of(unit, func, &heads);
    let ir = irgen::lower(unit, func, &spec);
    llvm.compile(&func.name, &ir, dump)
}

/// A job skipped at shutdown: the function stays where it is.
pub fn abandon(job: &Job) {
    STATS.abandoned.fetch_add(1, Ordering::Relaxed);
    if let Some(func) = job.unit.funcs.get(job.fid as usize) {
        func.jit.opt.store(opt_state::GAVE_UP, Ordering::Release);
    }
}

fn give_up(func: &Func, why: &str) {
    STATS.failed.fetch_add(1, Ordering::Relaxed);
    func.jit.opt.store(opt_state::GAVE_UP, Ordering::Release);
    if trace::enabled() {
        trace::instant(
            "optimization declined",
            "jit",
            serde_json::json!({ "func": func.name, "reason": why }),
        );
    }
    opt_stats::note_failure(&func.name, why);
}

/// The job's write lease stayed busy past [`LEASE_PATIENCE`]: back to the end of
/// the queue (the job is returned to the worker), up to [`LEASE_RETRIES`] times;
/// then back to profiling, where its baseline code requests it again — or, for a
/// job nothing would request again (the retranslate-all watcher's), given up on
/// with a reason, never left queued in name only.
fn lease_stayed_busy(mut job: Job) -> Option<Job> {
    if job.lease_retries < LEASE_RETRIES {
        job.lease_retries += 1;
        return Some(job);
    }
    let func = &job.unit.funcs[job.fid as usize];
    if !job.retriggers {
        give_up(func, "its write lease stayed busy");
        return None;
    }
    STATS.lease_returns.fetch_add(1, Ordering::Relaxed);
    func.jit.opt.store(opt_state::PROFILING, Ordering::Release);
    func.jit.opt_requested.store(0, Ordering::Release);
    None
}
