//! Lowering: one whole profiled function → an LLVM module (as LLVM IR text, parsed
//! by the worker's inkwell `Context`).
//!
//! **Frames stay in memory, except promoted slots.** Ops read and write their frame
//! slots through the frame pointer, exactly where the interpreter and baseline code
//! keep them: the frame is current at every helper call and every deopt, which
//! continues at the op's pc in the baseline translation (or the interpreter) as it
//! is, and the body can start at any loop header, so baseline code enters it
//! mid-loop (OSR). The frame escapes into every helper, though, so LLVM keeps every
//! store to it; in loop functions the slots that only ever hold uncounted values
//! live in allocas instead (`promote.rs`), copied to the frame where a helper or a
//! deopt could look (the slots live there) and back after a call (the slots it
//! writes), and SROA makes registers of them.
//!
//! **Aliasing.** The frame pointer is not `noalias`: built-ins such as `extract`
//! reach the caller's frame through the context's call stack, not through the
//! pointer passed to them. Measured on the array benchmarks, `noalias` bought
//! nothing, so the IR does not claim it.
//!
//! **Shape.** `hop_opt_body(frame, ctx, start_pc)` has one block per op (`pcN`) and
//! starts at pc 0 or a loop header; the entry-slot function (DESIGN.md decision 4)
//! is a 7-byte stub written next to it that jumps to the body at pc 0. Each op is
//! lowered by its [`Plan`]: specialized ops guard their operand tags (a failure
//! branches to a deopt block) and compute inline; value conditions the fast path does
//! not handle (overflow, division by zero, an undefined variable) call the op's
//! generic helper instead and continue after it. Generic ops call the same
//! `extern "C"` helpers as baseline code, which return the next pc; a `switch` maps
//! it to the successor block, and any pc the lowering did not expect (an exception
//! caught elsewhere, a `finally` return path) continues in a lower tier.
//!
//! Why text rather than the C API builder: the lowering stays a readable template per
//! op, the same text is what `--dump-ir` prints, and parsing costs tens of µs per
//! function next to milliseconds of passes (see the compile-latency stats).

use std::collections::BTreeSet;
use std::fmt::Write;

use super::deopt::{hop_opt_deopt, hop_opt_resume, DeoptReason};
use super::fuse::{ElemUpdate, NestedRead};
use super::helpers::{hop_opt_call, hop_opt_call_builtin, hop_opt_release};
use super::intrinsic::Intrinsic;
use super::irgen_tags::{self as tags, TagFlow, TagSet};
use super::promote::{Promotion, MAX_COPIES};
use super::spec::{Plan, Spec};
use crate::bytecode::op::{BinOp, DimMode, IncDec, Op, Operand, Slot, NO_SLOT};
use crate::bytecode::unit::{Func, Unit};
use crate::jit::baseline::helpers::{hop_call, hop_step, out_of_line_helper};
use crate::jit::baseline::translate::{const_jump_taken, loop_headers};
use crate::jit::native_call::hop_call_fault;
use crate::runtime::value::tag;
use crate::vm::ctx::ExecCtx;
use crate::vm::dim_fast::{hop_packed_elem_w, hop_packed_get, hop_packed_set};

#[path = "irgen_alias.rs"]
mod alias;
#[path = "irgen_builtin.rs"]
mod builtin;
#[path = "irgen_byref.rs"]
mod byref;
#[path = "irgen_call.rs"]
mod call;
#[path = "irgen_concat.rs"]
mod concat_lowering;
#[path = "irgen_dim.rs"]
mod dim;
#[path = "irgen_dim_keyed.rs"]
mod dim_keyed;
#[path = "irgen_iter.rs"]
mod iter;
#[path = "irgen_loop_entry.rs"]
mod loop_entry;
#[path = "irgen_osr.rs"]
mod osr;
#[path = "irgen_rem.rs"]
mod rem;
#[path = "irgen_retfwd.rs"]
mod retfwd;
#[path = "irgen_selfcall.rs"]
mod selfcall;

/// The runtime fast paths every module starts with (llvm/runtime.ll).
pub const RUNTIME_IR: &str = include_str!("../../../llvm/runtime.ll");

/// Where the entry block's allocas (inlined callees' frames) go.
const ALLOCAS_MARKER: &str = "  ; allocas\n";

/// Callees of at most this many ops may be inlined.
const INLINE_MAX_OPS: usize = 48;

/// An inlined call being lowered.
struct InlineSite {
    /// Where the callee's guards go: the real call.
    slow: String,
    /// Allocas receiving the returned value's tag (i8) and data (i64).
    ret_tag: String,
    ret_data: String,
    /// Where the callee's returns continue.
    done: String,
    /// The call's argument count.
    argc: u32,
}

/// Symbol of the body `fn(frame, ctx, pc) -> status` (the entry slot's stub calls
/// it at pc 0, OSR entries at a loop header; see `compile::entry_stub`).
pub const BODY_SYMBOL: &str = "hop_opt_body";

/// What the body returns: the entry-slot convention's status (in `rax`, all that
/// callers through the entry slot or an OSR jump read), and a second word (in
/// `rdx`) that is 1 when the function returned through a `Return` whose frame the
/// tag analysis proves to hold no counted value — so the body's own recursive calls
/// can skip scanning the callee's frame for values to release.
pub const BODY_RET: &str = "{ i64, i64 }";

/// At most this many slots the tag analysis does not know are checked at a
/// `Return` to report a clean frame (more would cost every return).
const MAX_RETURN_CHECKS: usize = 3;

/// The module text for `func` under `spec`: the runtime prelude, then the function.
///
/// Guards are dropped where the tag analysis (`irgen_tags/`) proves them; should
/// an op it took for inline come out as a helper call, the analysis is redone with
/// that op forgetting everything and the function lowered again (rare: the
/// analysis mirrors the lowering's choices, this keeps a mismatch from being unsound).
pub fn lower(unit: &Unit, func: &Func, spec: &Spec) -> String {
    let mut forced_clobber = vec![false; func.ops.len()];
    let mut flow = TagFlow::analyze(func, func.id == unit.main, spec, &forced_clobber);
    // Decided once; dropped (not recomputed) if a lowering finds it too costly.
    let mut promo = if crate::jit::config::get().promote {
        Promotion::of(unit, func, spec)
    } else {
        Promotion::none()
    };
    loop {
        let out = String::with_capacity(func.ops.len() * 400 + RUNTIME_IR.len() + 1024);
        let mut l = Lower::new(unit, func, spec, Some(&flow), out);
        l.promo = promo.clone();
        l.module();
        if l.copies > MAX_COPIES {
            // Promotion would cost more compile time than its loops are likely to
            // repay (see `promote::MAX_COPIES`): fewer slots, those the innermost
            // loops use, or in the end the frame as it is.
            promo = promo
                .narrowed(unit, func, spec)
                .unwrap_or_else(Promotion::none);
            continue;
        }
        if l.unexpected_calls.is_empty() {
            return l.out;
        }
        for pc in l.unexpected_calls {
            forced_clobber[pc] = true;
        }
        flow = TagFlow::analyze(func, func.id == unit.main, spec, &forced_clobber);
    }
}

fn fnptr(f: usize) -> String {
    format!("inttoptr (i64 {f} to ptr)")
}

/// A 16-byte slot's byte offset in the frame.
fn slot_offset(s: Slot) -> u64 {
    u64::from(s) * 16
}

fn f64_literal(bits: u64) -> String {
    format!("0x{bits:016X}")
}

struct Lower<'f> {
    unit: &'f Unit,
    func: &'f Func,
    /// The frame the ops address: `%frame`, or an inlined callee's alloca.
    frame: String,
    /// Prefix of op labels (empty, or an inlined callee's `iN_`).
    prefix: String,
    /// While a loop's test is lowered again at the loop's entry: the test's ops
    /// after its first, whose labels then name the copy's blocks.
    test_copy: Option<std::ops::RangeInclusive<usize>>,
    /// While lowering an inlined callee: where its guards and returns go.
    inlining: Option<InlineSite>,
    /// Allocas for inlined callees' frames, emitted into the entry block.
    allocas: String,
    /// Module-level constants the body refers to (OSR entry tables), emitted
    /// after it.
    globals: String,
    /// Inline sites so far (label and alloca names).
    inlined: u32,
    spec: &'f Spec,
    out: String,
    next: u32,
    /// (pc value, block) pairs flowing into the shared `resume` block.
    resume_in: Vec<(String, String)>,
    /// (pc value, block) pairs of straight-line generic ops that returned anything
    /// but the next pc, into the shared `dispatch` block.
    dispatch_in: Vec<(String, String)>,
    /// The block being emitted (phi sources).
    cur: String,
    /// (pc, reason) of the deopt blocks to emit.
    deopts: BTreeSet<(usize, u8)>,
    /// The guards' own blocks in front of the deopt blocks, in functions with
    /// promoted slots: (pc, reason) per guard, numbered from 1.
    deopt_trampolines: Vec<(usize, u8)>,
    /// Slot tags known at each op (None inside inlined callees: nothing known).
    flow: Option<&'f TagFlow>,
    /// The op being lowered.
    pc: usize,
    /// Whether the op being lowered called a helper that may write any slot.
    clobbered: bool,
    /// Ops that did so although the analysis took them for inline.
    unexpected_calls: Vec<usize>,
    /// The slots kept in allocas (`promote.rs`; none inside inlined callees).
    promo: Promotion,
    /// Emitting the blocks after the ops (deopt, dispatch, resume): calls there
    /// continue at a pc known only at run time.
    in_epilogue: bool,
    /// Promoted-slot copies emitted so far (the IR promotion added).
    copies: usize,
    /// The memory region of pointers the lowering derived (see `irgen_alias.rs`).
    regions: std::collections::HashMap<String, alias::Region>,
    /// Whether self calls are jumps (`irgen_selfcall.rs`): the frame is then
    /// `%frame.var`'s value and every return goes through `selfret`.
    self_loop: bool,
    /// The epilogue label of each self call taken as a jump, by site number.
    self_sites: Vec<String>,
    /// Each return into `selfret`.
    ret_in: Vec<selfcall::RetEdge>,
    /// The op just lowered took over the next one (a comparison its jump).
    fused_next: bool,
    /// A result handed to the next op, a `Return`, in registers (`irgen_retfwd.rs`).
    forwarded: Option<retfwd::Forwarded>,
    /// Arguments handed to a native call (at `ret_pc`) in registers, each with the
    /// pc of the first op after its write: the call takes them, and the deopts of
    /// the ops from there up to the call write them into their slots.
    handed_args: Vec<(usize, retfwd::Forwarded)>,
    /// Where a straight-line generic helper continues instead of the next op's
    /// block (a call handing its result over takes it out of the slot first).
    next_after_helper: Option<String>,
}

/// An operand as an i64 (int plans) or as an f64 plus "was it an int" (float plans).
struct Num {
    value: String,
    is_int: String,
}

impl<'f> Lower<'f> {
    /// A lowering of `func` into `out`, addressing `%frame`.
    fn new(
        unit: &'f Unit,
        func: &'f Func,
        spec: &'f Spec,
        flow: Option<&'f TagFlow>,
        out: String,
    ) -> Lower<'f> {
        Lower {
            unit,
            func,
            frame: "%frame".to_string(),
            prefix: String::new(),
            test_copy: None,
            inlining: None,
            allocas: String::new(),
            globals: String::new(),
            inlined: 0,
            spec,
            out,
            next: 0,
            resume_in: Vec::new(),
            dispatch_in: Vec::new(),
            cur: String::new(),
            deopts: BTreeSet::new(),
            deopt_trampolines: Vec::new(),
            flow,
            pc: 0,
            clobbered: false,
            unexpected_calls: Vec::new(),
            promo: Promotion::none(),
            in_epilogue: false,
            copies: 0,
            regions: std::collections::HashMap::new(),
            self_loop: false,
            self_sites: Vec::new(),
            ret_in: Vec::new(),
            fused_next: false,
            forwarded: None,
            handed_args: Vec::new(),
            next_after_helper: None,
        }
    }

    fn tmp(&mut self) -> String {
        self.next += 1;
        format!("%t{}", self.next)
    }

    fn line(&mut self, s: &str) {
        // A call that can reach the frame by slot index sees the promoted slots'
        // current values, and whatever it wrote is read back (see `promote.rs`).
        let syncs = self.promotes()
            && s.contains("call ")
            && (s.contains("ptr %ctx") || s.contains("ptr %frame"));
        let (flush, refill) = if !syncs {
            (Vec::new(), Vec::new())
        } else if self.in_epilogue {
            (self.promo.slots.clone(), self.promo.slots.clone())
        } else {
            (self.promo.live(self.pc), self.promo.written(self.pc))
        };
        self.flush_promoted(&flush);
        self.raw_line(s);
        self.refill_promoted(&refill);
    }

    /// A line as is.
    fn raw_line(&mut self, s: &str) {
        self.out.push_str("  ");
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// Whether this lowering addresses the function's own frame and keeps some of
    /// its slots in allocas.
    fn promotes(&self) -> bool {
        self.inlining.is_none() && self.frame == "%frame" && !self.promo.slots.is_empty()
    }

    /// The promoted slots' allocas (into the entry block's) and the addresses they
    /// are copied to and from.
    fn enter_promoted(&mut self) {
        for s in self.promo.slots.clone() {
            let _ = writeln!(self.allocas, "  %sh{s} = alloca [16 x i8], align 16");
            let off = slot_offset(s);
            self.raw_line(&format!(
                "%sht{s} = getelementptr inbounds i8, ptr %sh{s}, i64 8"
            ));
            self.raw_line(&format!(
                "%fr{s} = getelementptr inbounds i8, ptr %frame, i64 {off}"
            ));
            self.raw_line(&format!(
                "%frt{s} = getelementptr inbounds i8, ptr %frame, i64 {}",
                off + 8
            ));
        }
    }

    /// Writes promoted slots `which` to the frame.
    fn flush_promoted(&mut self, which: &[Slot]) {
        self.copy_promoted(which, ("%sh", "%sht"), ("%fr", "%frt"));
    }

    /// Reads promoted slots `which` back from the frame.
    fn refill_promoted(&mut self, which: &[Slot]) {
        self.copy_promoted(which, ("%fr", "%frt"), ("%sh", "%sht"));
    }

    /// Copies value and tag of each slot in `which` between its alloca and its frame
    /// slot; `from` and `to` name the (value, tag) pointers (`%sh`/`%sht` for the
    /// alloca, `%fr`/`%frt` for the frame, suffixed with the slot).
    fn copy_promoted(&mut self, which: &[Slot], from: (&str, &str), to: (&str, &str)) {
        self.copies += which.len();
        for &s in which {
            let (d, t) = (self.tmp(), self.tmp());
            self.raw_line(&format!("{d} = load i64, ptr {}{s}, align 8", from.0));
            self.raw_line(&format!("{t} = load i8, ptr {}{s}, align 8", from.1));
            self.raw_line(&format!("store i64 {d}, ptr {}{s}, align 8", to.0));
            self.raw_line(&format!("store i8 {t}, ptr {}{s}, align 8", to.1));
        }
    }

    fn block(&mut self, name: &str) {
        let _ = writeln!(self.out, "{name}:");
        self.cur = name.to_string();
    }

    fn fresh_block(&mut self, stem: &str) -> String {
        self.next += 1;
        format!("{stem}{}", self.next)
    }

    fn func_ptr(&self) -> String {
        fnptr(self.func as *const Func as usize)
    }

    fn module(&mut self) {
        self.out.push_str(RUNTIME_IR);
        let _ = write!(
            self.out,
            "\n; ---- {} (function #{}, {} ops, {} slots)\n",
            self.func.name.replace(['\n', '\r'], " "),
            self.func.id,
            self.func.ops.len(),
            self.func.num_slots
        );
        self.out.push_str(
            "declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64)\n\
             declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64)\n\
             declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64)\n\
             declare double @llvm.sqrt.f64(double)\n\
             declare void @llvm.assume(i1 noundef)\n\n",
        );
        self.self_loop = self.wants_self_loop();
        let frame_param = if self.self_loop {
            "%frame.arg"
        } else {
            "%frame"
        };
        // Both stay allocated for the whole call: what lets LICM hoist a frame
        // slot's or a context field's load out of a loop from behind a guard.
        let frame_bytes = slot_offset(self.func.num_slots.max(1));
        let ctx_bytes = std::mem::size_of::<ExecCtx>();
        let _ = writeln!(
            self.out,
            "define dso_local {BODY_RET} @{BODY_SYMBOL}(ptr noundef align 8 dereferenceable({frame_bytes}) {frame_param}, \
             ptr noundef align 8 dereferenceable({ctx_bytes}) %ctx, i64 %start) #2 {{"
        );
        self.block("entry");
        self.out.push_str(ALLOCAS_MARKER);
        if self.self_loop {
            self.self_loop_allocas();
        }
        if self.promotes() {
            self.enter_promoted();
        }
        let headers = loop_headers(self.func);
        let mut cases = String::new();
        for (pc, h) in headers.iter().enumerate().take(self.func.ops.len()) {
            if *h && pc != 0 {
                let _ = write!(cases, " i64 {pc}, label %{}", self.osr_label(pc));
            }
        }
        if self.promotes() {
            // A call enters at pc 0 with every slot but the parameters undefined
            // (what the tag analysis assumes too); OSR entries read the frame.
            self.line(&format!("switch i64 %start, label %entry.pc0 [{cases} ]"));
            self.block("entry.pc0");
            for s in self.promo.slots.clone() {
                self.raw_line(&format!("store i8 {}, ptr %sht{s}, align 8", tag::UNINIT));
            }
            self.raw_line("br label %pc0");
        } else {
            self.line(&format!("switch i64 %start, label %pc0 [{cases} ]"));
        }
        let mut pc = 0;
        while pc < self.func.ops.len() {
            self.block(&format!("pc{pc}"));
            self.pc = pc;
            self.clobbered = false;
            self.load_loop_arrays(pc);
            if let Some(u) = self.spec.elem_updates.get(pc).copied().flatten() {
                self.elem_update(pc, u);
                for inner in pc + 1..pc + u.op_count() {
                    self.block(&format!("pc{inner}"));
                    self.line("unreachable");
                }
                pc += u.op_count();
                continue;
            }
            if let Some(r) = self.spec.nested_reads.get(pc).copied().flatten() {
                // One lowering for the sequence; nothing branches to its other ops.
                self.nested_read(pc, r);
                for inner in pc + 1..pc + NestedRead::LEN {
                    self.block(&format!("pc{inner}"));
                    self.line("unreachable");
                }
                pc += NestedRead::LEN;
                continue;
            }
            self.op(pc);
            if self.clobbered && self.flow.is_some_and(|f| !f.clobbers(pc)) {
                self.unexpected_calls.push(pc);
            }
            if std::mem::take(&mut self.fused_next) {
                // The jump the comparison took over: nothing branches to it.
                self.block(&format!("pc{}", pc + 1));
                self.line("unreachable");
                pc += 1;
            }
            pc += 1;
        }
        self.in_epilogue = true;
        self.osr_guards(&headers);
        // Falling off the end returns null: the generic step at one past the end.
        let end = self.func.ops.len();
        self.block(&format!("pc{end}"));
        self.generic(end, hop_step as *const () as usize);
        // One call site for every deopt of the function (less code for LLVM to
        // compile): each (pc, reason) block writes its site into `%deopt.site` and
        // jumps there. A volatile store, not phis: simplifycfg would fold a block
        // that only fed phis into its guards' branches, leaving each guard a
        // critical edge into a block with phis, and FastISel then no longer folds
        // an overflow check into `jo` (`seto; test; jne` instead: two more
        // instructions per checked add or increment, in every loop of a function
        // without promoted slots). With promoted slots the (pc, reason) block
        // flushes them, and LCSSA gives it phis of the loop's values when several
        // guards share it, so each guard then has a block of its own that writes
        // the site (`deopt_label`).
        let deopts = std::mem::take(&mut self.deopts);
        if !deopts.is_empty() {
            let _ = writeln!(self.allocas, "  %deopt.site = alloca i64, align 8");
            let site = |pc: usize, reason: u8| ((pc as u64) << 8) | u64::from(reason);
            let trampolines = std::mem::take(&mut self.deopt_trampolines);
            for (n, (pc, reason)) in trampolines.iter().enumerate() {
                self.block(&format!("deopt{pc}_{reason}.g{}", n + 1));
                let word = site(*pc, *reason);
                self.line(&format!(
                    "store volatile i64 {word}, ptr %deopt.site, align 8"
                ));
                self.line(&format!("br label %deopt{pc}"));
            }
            // With promoted slots, one block per pc: every guard of an op exits
            // with the same live slots, so its reasons share the flush.
            let promotes = self.promotes();
            let mut exits: Vec<(usize, Option<u8>)> = deopts
                .iter()
                .map(|&(pc, reason)| (pc, (!promotes).then_some(reason)))
                .collect();
            exits.dedup();
            for (pc, reason) in exits {
                match reason {
                    Some(r) => self.block(&format!("deopt{pc}_{r}")),
                    None => self.block(&format!("deopt{pc}")),
                }
                // Arguments handed over to a call after this op: the tier below
                // finds them in their slots (`irgen_retfwd.rs`).
                self.spill_handed_args(|from, call| (from..call).contains(&pc));
                // The tier below continues at pc: the promoted slots it may read.
                match reason {
                    None => {
                        let live = self.promo.live(pc);
                        self.flush_promoted(&live);
                    }
                    Some(r) => {
                        let word = site(pc, r);
                        self.line(&format!(
                            "store volatile i64 {word}, ptr %deopt.site, align 8"
                        ));
                    }
                }
                self.line("br label %deopt");
            }
            self.block("deopt");
            self.line("%deopt.word = load volatile i64, ptr %deopt.site, align 8");
            self.line("%deopt.pc = lshr i64 %deopt.word, 8");
            self.line("%deopt.reason = and i64 %deopt.word, 255");
            let f = self.func_ptr();
            let frame = self.frame_ref();
            // Each deopt wrote back what its pc needs (above), not every slot.
            self.raw_line(&format!(
                "%deopt.status = call i64 {}(ptr %ctx, ptr {frame}, ptr {f}, i64 %deopt.pc, i64 %deopt.reason) #1",
                fnptr(hop_opt_deopt as *const () as usize)
            ));
            self.ret_status("%deopt.status");
        }
        self.block("ret_ok");
        self.emit_ret("0", "0");
        self.block("ret_clean");
        self.emit_ret("0", "1");
        self.block("ret_fault");
        self.emit_ret(&crate::vm::status::THROW.to_string(), "0");
        if !self.dispatch_in.is_empty() {
            self.block("dispatch");
            let incoming = phi_incoming(&self.dispatch_in);
            self.line(&format!("%dispatch.pc = phi i64 {incoming}"));
            let mut cases = String::from(" i64 -1, label %ret_ok i64 -2, label %ret_fault");
            let handlers: BTreeSet<u32> = self.func.handlers.iter().map(|h| h.handler).collect();
            for h in handlers {
                let _ = write!(cases, " i64 {h}, label %pc{h}");
            }
            self.line(&format!(
                "switch i64 %dispatch.pc, label %resume [{cases} ]"
            ));
            self.resume_in
                .push(("%dispatch.pc".into(), "dispatch".into()));
        }
        if !self.resume_in.is_empty() {
            self.block("resume");
            let incoming = phi_incoming(&self.resume_in);
            self.line(&format!("%resume.pc = phi i64 {incoming}"));
            let f = self.func_ptr();
            let resume = fnptr(hop_opt_resume as *const () as usize);
            let frame = self.frame_ref();
            self.line(&format!(
                "%resume.status = call i64 {resume}(ptr %ctx, ptr {frame}, ptr {f}, i64 %resume.pc) #1"
            ));
            self.ret_status("%resume.status");
        }
        if self.self_loop {
            self.self_return_block();
        }
        self.out.push_str("}\n\n");
        let globals = std::mem::take(&mut self.globals);
        self.out.push_str(&globals);
        let allocas = std::mem::take(&mut self.allocas);
        self.out = self.out.replacen(ALLOCAS_MARKER, &allocas, 1);
        self.out.push_str(
            "attributes #0 = { nounwind }\n\
             attributes #1 = { cold nounwind }\n\
             attributes #2 = { noinline nounwind }\n\
             attributes #3 = { nounwind willreturn memory(read) }\n\
             !0 = !{!\"branch_weights\", i32 2000, i32 1}\n",
        );
        self.out.push_str(alias::ALIAS_METADATA);
    }

    // ---- type knowledge --------------------------------------------------------------

    /// The tags slot `s` of this frame may hold when the current op starts.
    fn known(&self, s: Slot) -> TagSet {
        self.flow.map_or(tags::ANY, |f| f.at(self.pc, s))
    }

    /// Releases the value at `p` (tag `t`) if it is a string, array or object — out
    /// of line, in a cold block — and goes on in a fresh block (`names`: the
    /// release block's and that one's); a REF or INDIRECT there, to be written
    /// through rather than dropped, goes to `exit` instead.
    fn release_out_of_line(&mut self, p: &str, t: &str, exit: &str, names: [&str; 2]) {
        let (plain, release, done) = (
            self.tmp(),
            self.fresh_block(names[0]),
            self.fresh_block(names[1]),
        );
        self.line(&format!("{plain} = icmp ult i8 {t}, {}", tag::STRING));
        self.line(&format!(
            "br i1 {plain}, label %{done}, label %{release}, !prof !0"
        ));
        self.block(&release);
        let value = self.tmp();
        self.line(&format!("{value} = icmp ule i8 {t}, {}", tag::OBJECT));
        self.expect(&value, exit);
        let d = self.load_data(p);
        self.line(&format!(
            "call void {}(i8 {t}, i64 {d}) #1{}",
            fnptr(hop_opt_release as *const () as usize),
            alias::HEAP_ONLY_CALL
        ));
        self.line(&format!("br label %{done}"));
        self.block(&done);
    }

    /// Whether tag `t` (an i8 below 32: `tag::INDIRECT` is the largest) is in `set`: one compare for a run of
    /// consecutive tags (int, int/float, bool/int), else a bit test.
    fn tag_in(&mut self, t: &str, set: tags::TagSet) -> String {
        let (lo, len) = (set.trailing_zeros(), set.count_ones());
        if len < 32 && set >> lo == (1 << len) - 1 {
            let (rel, ok) = (self.tmp(), self.tmp());
            self.line(&format!("{rel} = sub i8 {t}, {lo}"));
            self.line(&format!("{ok} = icmp ult i8 {rel}, {len}"));
            return ok;
        }
        let (z, bit, hit, ok) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{z} = zext i8 {t} to i32"));
        self.line(&format!("{bit} = shl i32 1, {z}"));
        self.line(&format!("{hit} = and i32 {bit}, {}", set as i32));
        self.line(&format!("{ok} = icmp ne i32 {hit}, 0"));
        ok
    }

    // ---- generic ops -------------------------------------------------------------

    /// Calls `helper(ctx, frame, func, pc)` and branches on the pc it returns.
    fn generic(&mut self, pc: usize, helper: usize) {
        if let Some(site) = &self.inlining {
            // Never expected (inlinable callees have no generic ops), but if it
            // happened the real call is exact.
            let slow = site.slow.clone();
            return self.line(&format!("br label %{slow}"));
        }
        self.clobbered = true;
        let f = self.func_ptr();
        let frame = self.frame_ref();
        let r = self.tmp();
        self.line(&format!(
            "{r} = call i64 {}(ptr %ctx, ptr {frame}, ptr {f}, i64 {pc}) #0",
            fnptr(helper)
        ));
        let targets = branch_targets(self.func, pc);
        if targets.is_empty() && pc < self.func.ops.len() {
            // Straight-line ops: one compare; returns, faults and caught exceptions
            // go through the function's shared dispatch block.
            let ok = self.tmp();
            self.line(&format!("{ok} = icmp eq i64 {r}, {}", pc + 1));
            let next = self
                .next_after_helper
                .clone()
                .unwrap_or_else(|| format!("pc{}", pc + 1));
            self.line(&format!(
                "br i1 {ok}, label %{next}, label %dispatch, !prof !0"
            ));
            self.dispatch_in.push((r, self.cur.clone()));
            return;
        }
        let mut succ: BTreeSet<usize> = successors(self.func, pc).into_iter().collect();
        succ.retain(|s| *s <= self.func.ops.len());
        let mut cases = String::from(" i64 -1, label %ret_ok i64 -2, label %ret_fault");
        for s in succ {
            let _ = write!(cases, " i64 {s}, label %pc{s}");
        }
        self.line(&format!("switch i64 {r}, label %resume [{cases} ]"));
        self.resume_in.push((r, self.cur.clone()));
    }

    /// Block `name`: op `pc` through its out-of-line helper, continuing after it —
    /// where an inline fast path branches for the values it does not handle.
    fn generic_block(&mut self, name: &str, pc: usize) {
        self.block(name);
        let op = &self.func.ops[pc];
        self.generic(pc, out_of_line_helper(op));
    }

    /// Leaves optimized code at `pc` for a value the inline path does not handle
    /// (the op runs in the tier below; see `DeoptReason::SlowPath`).
    fn fallback_label(&mut self, pc: usize) -> String {
        self.deopt_label(pc, DeoptReason::SlowPath)
    }

    fn deopt_label(&mut self, pc: usize, reason: DeoptReason) -> String {
        if let Some(site) = &self.inlining {
            // Inside an inlined callee nothing has happened yet that the real call
            // would not redo: every surprise takes the real call instead.
            return site.slow.clone();
        }
        let reason = reason as u8;
        self.deopts.insert((pc, reason));
        if self.promotes() {
            // A block per guard (see the deopt blocks in `lower`): the shared one
            // flushes loop values, and once LLVM has put the loop in LCSSA form it
            // starts with phis, which a guard must not branch to directly.
            self.deopt_trampolines.push((pc, reason));
            return format!("deopt{pc}_{reason}.g{}", self.deopt_trampolines.len());
        }
        format!("deopt{pc}_{reason}")
    }

    /// Continues in a fresh block when `ok` holds, else at `otherwise` (unlikely).
    fn expect(&mut self, ok: &str, otherwise: &str) {
        let next = self.fresh_block("ok");
        self.line(&format!(
            "br i1 {ok}, label %{next}, label %{otherwise}, !prof !0"
        ));
        self.block(&next);
    }

    /// Deoptimizes at `pc` unless `ok` holds.
    fn guard(&mut self, ok: &str, pc: usize) {
        let d = self.deopt_label(pc, DeoptReason::TypeGuard);
        self.expect(ok, &d);
    }

    // ---- slots ---------------------------------------------------------------------

    /// Pointer to the slot itself.
    fn slot_ptr(&mut self, s: Slot) -> String {
        if self.frame == "%frame" && self.promo.is_promoted(s) {
            // The slot's alloca: told apart from the frame by its own scope (it
            // escapes into helpers that take slot pointers, so LLVM cannot tell
            // by itself that a frame store leaves it alone).
            let p = format!("%sh{s}");
            self.mark(&p, alias::Region::Local);
            return p;
        }
        let frame = self.frame_ref();
        let p = self.tmp();
        self.line(&format!(
            "{p} = getelementptr inbounds i8, ptr {frame}, i64 {}",
            slot_offset(s)
        ));
        self.mark(&p, alias::Region::Frame);
        p
    }

    /// Pointer to the storage a slot designates: through INDIRECT and REF for slots
    /// that may hold them, the slot itself for the rest (see `Spec::deref_slots`).
    fn storage(&mut self, s: Slot) -> String {
        let p = self.slot_ptr(s);
        if self
            .spec
            .ref_slots
            .get(s as usize)
            .copied()
            .unwrap_or(false)
        {
            // Always a REF box: its value sits after the box's header (inside a
            // counted cell).
            let b = self.load_at("ptr", &p, 8);
            let q = self.tmp();
            self.line(&format!("{q} = getelementptr inbounds i8, ptr {b}, i64 8"));
            self.mark(&q, alias::Region::Cell);
            return q;
        }
        if !self
            .spec
            .deref_slots
            .get(s as usize)
            .copied()
            .unwrap_or(true)
        {
            return p;
        }
        let q = self.tmp();
        self.line(&format!("{q} = call ptr @hop_rt_deref(ptr {p})"));
        q
    }

    fn load_tag(&mut self, p: &str) -> String {
        let tp = self.tmp();
        self.line(&format!("{tp} = getelementptr inbounds i8, ptr {p}, i64 8"));
        self.load_in("i8", &tp, 8, p)
    }

    fn load_data(&mut self, p: &str) -> String {
        self.load_at("i64", p, 8)
    }

    fn store_raw(&mut self, p: &str, tag_v: &str, data: &str) {
        self.store_at("i64", data, p, 8);
        let tp = self.tmp();
        self.line(&format!("{tp} = getelementptr inbounds i8, ptr {p}, i64 8"));
        self.store_in("i8", tag_v, &tp, 8, p);
    }

    /// Writes only the payload word of the value at `p` (its tag is unchanged).
    pub(super) fn store_payload(&mut self, p: &str, data: &str) {
        self.store_at("i64", data, p, 8);
    }

    /// Stores only the tag of the value at `p` (a slot left UNINIT, say).
    pub(super) fn store_tag(&mut self, p: &str, tag_v: u8) {
        let tp = self.tmp();
        self.line(&format!("{tp} = getelementptr inbounds i8, ptr {p}, i64 8"));
        self.store_in("i8", tag_v, &tp, 8, p);
    }

    /// Writes a whole value with one 16-byte store, for values Rust code reads
    /// next (call arguments, the return value): Rust moves `TypedValue`s with
    /// 16-byte loads, and a load spanning two earlier stores (data, tag) cannot be
    /// forwarded from the store buffer — a stall per argument. Inside loops the
    /// two-store form is better (LLVM splits i128 operations).
    fn store_whole(&mut self, p: &str, tag_v: &str, data: &str) {
        let (d, t, ts, w) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{d} = zext i64 {data} to i128"));
        self.line(&format!("{t} = zext i8 {tag_v} to i128"));
        self.line(&format!("{ts} = shl i128 {t}, 64"));
        self.line(&format!("{w} = or i128 {d}, {ts}"));
        self.store_at("i128", &w, p, 8);
    }

    /// The storage `dst` designates (through REF and INDIRECT where it may hold
    /// them), checked to hold no counted value — else op `pc` leaves optimized code
    /// (a release would be a call that clobbers everything LLVM knows). Call it
    /// before any side effect of the op.
    fn dst_ready(&mut self, dst: Slot, pc: usize) -> String {
        let q = self.storage(dst);
        if tags::subset(self.known(dst), tags::UNCOUNTED) {
            return q;
        }
        let old = self.load_tag(&q);
        // Not `release_inline`: its extra paths inside every store cost tight loops
        // (measured: nested_loops 0.30 s -> 0.45 s). A string, array or object is
        // released out of line, in a cold block: temporaries are reused for values
        // of any type (a concatenation's, then a remainder's), and leaving optimized
        // code for each such op gave whole loops up after a few rounds. A REF or
        // INDIRECT (to write through) leaves optimized code.
        let exit = self.fallback_label(pc);
        self.release_out_of_line(&q, &old, &exit, ["dst.release", "dst.ready"]);
        q
    }

    /// Releases the value at `p` (tag `t`) unless that needs more than a count
    /// decrement: tags below STRING own nothing; counted tags up to `max_counted`
    /// lose one owner when they have another; anything else (the last owner, a REF
    /// to write through, ...) leaves optimized code at `pc`.
    fn release_inline(&mut self, p: &str, t: &str, max_counted: u8, pc: usize) {
        let (plain, counted, dec, done) = (
            self.tmp(),
            self.fresh_block("rel.counted"),
            self.fresh_block("rel.dec"),
            self.fresh_block("rel.done"),
        );
        let exit = self.fallback_label(pc);
        self.line(&format!("{plain} = icmp ult i8 {t}, {}", tag::STRING));
        self.line(&format!(
            "br i1 {plain}, label %{done}, label %{counted}, !prof !0"
        ));
        self.block(&counted);
        let (rel, is_counted) = (self.tmp(), self.tmp());
        self.line(&format!("{rel} = sub i8 {t}, {}", tag::STRING));
        self.line(&format!(
            "{is_counted} = icmp ule i8 {rel}, {}",
            max_counted - tag::STRING
        ));
        self.line(&format!("br i1 {is_counted}, label %{dec}, label %{exit}"));
        self.block(&dec);
        let d = self.load_data(p);
        let ok = self.tmp();
        self.line(&format!(
            "{ok} = call i1 @hop_rt_decref_unless_last(i64 {d})"
        ));
        self.line(&format!("br i1 {ok}, label %{done}, label %{exit}"));
        self.block(&done);
    }

    /// `dst = (tag, data)` for a fresh uncounted (or static) value, with the
    /// interpreter's `write` semantics.
    fn store_value(&mut self, pc: usize, dst: Slot, tag_v: &str, data: &str) {
        if dst == NO_SLOT {
            return;
        }
        let q = self.dst_ready(dst, pc);
        self.store_to(dst, &q, tag_v, data);
    }

    /// Stores `(tag_v, data)` at `q`, the storage of `dst` (checked by `dst_ready`):
    /// whole for call arguments (see `store_whole`), the payload alone when `dst`
    /// is known to have that tag already, else data and tag.
    fn store_to(&mut self, dst: Slot, q: &str, tag_v: &str, data: &str) {
        if self
            .spec
            .call_args
            .get(dst as usize)
            .copied()
            .unwrap_or(false)
        {
            self.store_whole(q, tag_v, data);
        } else if tag_v
            .parse::<u8>()
            .is_ok_and(|t| self.known(dst) == tags::only(t))
        {
            // The slot already has this tag: only the payload changes.
            self.store_payload(q, data);
        } else {
            self.store_raw(q, tag_v, data);
        }
    }

    // ---- operands ------------------------------------------------------------------

    /// An operand as i64, guarded to be an int (deopt at `pc` otherwise).
    fn int_operand(&mut self, o: Operand, pc: usize) -> String {
        if o.is_const() {
            let v = self.func.consts.get(o.index() as usize);
            return v.map_or(0, |v| v.int_val()).to_string();
        }
        let p = self.storage(o.0);
        if tags::subset(self.known(o.0), tags::INT) {
            return self.load_data(&p);
        }
        let t = self.load_tag(&p);
        let ok = self.tmp();
        self.line(&format!("{ok} = icmp eq i8 {t}, {}", tag::INT));
        self.guard(&ok, pc);
        self.load_data(&p)
    }

    /// The value of `o` when it is an int constant.
    fn const_int(&self, o: Operand) -> Option<i64> {
        let v = self.func.consts.get(o.index() as usize)?;
        (o.is_const() && v.is_int()).then(|| v.int_val())
    }

    /// An operand as f64, guarded to be an int or a float.
    fn num_operand(&mut self, o: Operand, pc: usize) -> Num {
        if o.is_const() {
            let v = self.func.consts.get(o.index() as usize);
            return match v {
                Some(v) if v.is_int() => Num {
                    value: f64_literal((v.int_val() as f64).to_bits()),
                    is_int: "true".into(),
                },
                Some(v) => Num {
                    value: f64_literal(v.data),
                    is_int: "false".into(),
                },
                None => Num {
                    value: f64_literal(0),
                    is_int: "false".into(),
                },
            };
        }
        let p = self.storage(o.0);
        let known = self.known(o.0);
        if tags::subset(known, tags::INT) || tags::subset(known, tags::DOUBLE) {
            let d = self.load_data(&p);
            let (f, int) = (self.tmp(), known == tags::INT);
            let conv = if int { "sitofp" } else { "bitcast" };
            self.line(&format!("{f} = {conv} i64 {d} to double"));
            return Num {
                value: f,
                is_int: int.to_string(),
            };
        }
        let is_int = if tags::subset(known, tags::NUMBER) {
            let t = self.load_tag(&p);
            let is_int = self.tmp();
            self.line(&format!("{is_int} = icmp eq i8 {t}, {}", tag::INT));
            is_int
        } else {
            let t = self.load_tag(&p);
            let (is_int, ok) = self.tag_either(&t, tag::INT, tag::DOUBLE);
            self.guard(&ok, pc);
            is_int
        };
        let d = self.load_data(&p);
        let f = self.number_as_double(&is_int, &d);
        Num { value: f, is_int }
    }

    /// The payload `d` of an int (`is_int`) or a float as an f64.
    fn number_as_double(&mut self, is_int: &str, d: &str) -> String {
        let (fi, fd, f) = (self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{fi} = sitofp i64 {d} to double"));
        self.line(&format!("{fd} = bitcast i64 {d} to double"));
        self.line(&format!(
            "{f} = select i1 {is_int}, double {fi}, double {fd}"
        ));
        f
    }

    /// Float plans: deoptimize when both operands are ints (PHP computes in ints).
    fn num_operands(&mut self, a: Operand, b: Operand, pc: usize) -> (String, String) {
        let x = self.num_operand(a, pc);
        let y = self.num_operand(b, pc);
        let (both, not_both) = (self.tmp(), self.tmp());
        self.line(&format!("{both} = and i1 {}, {}", x.is_int, y.is_int));
        self.line(&format!("{not_both} = xor i1 {both}, true"));
        self.guard(&not_both, pc);
        (x.value, y.value)
    }

    /// Whether tag `t` is `a` or `b`: returns (`t == a`, either).
    fn tag_either(&mut self, t: &str, a: u8, b: u8) -> (String, String) {
        let (is_a, is_b, ok) = (self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{is_a} = icmp eq i8 {t}, {a}"));
        self.line(&format!("{is_b} = icmp eq i8 {t}, {b}"));
        self.line(&format!("{ok} = or i1 {is_a}, {is_b}"));
        (is_a, ok)
    }

    /// Whether tag `t` is a defined uncounted scalar (null, bool, int, float).
    fn defined_scalar(&mut self, t: &str) -> String {
        let (scalar, defined, ok) = (self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{scalar} = icmp ult i8 {t}, {}", tag::STRING));
        self.line(&format!("{defined} = icmp ne i8 {t}, {}", tag::UNINIT));
        self.line(&format!("{ok} = and i1 {scalar}, {defined}"));
        ok
    }

    /// Whether tag `t` is a defined value held directly (null .. object): not
    /// undefined (which warns), not a REF or INDIRECT (which must be followed).
    fn plain_value(&mut self, t: &str) -> String {
        let (rel, ok) = (self.tmp(), self.tmp());
        self.line(&format!("{rel} = sub i8 {t}, {}", tag::NULL));
        self.line(&format!(
            "{ok} = icmp ult i8 {rel}, {}",
            tag::OBJECT - tag::NULL + 1
        ));
        ok
    }

    fn br(&mut self, pc: usize) {
        let l = self.pc_label(pc);
        self.line(&format!("br label %{l}"));
    }

    /// The label of op `pc` (prefixed inside an inlined callee; inside a loop
    /// test's copy, its own blocks — see `irgen_loop_entry.rs`).
    fn pc_label(&self, pc: usize) -> String {
        if self.test_copy.as_ref().is_some_and(|r| r.contains(&pc)) {
            return format!("{}pc{pc}.entry", self.prefix);
        }
        format!("{}pc{pc}", self.prefix)
    }

    fn store_int(&mut self, pc: usize, dst: Slot, v: &str) {
        self.store_value(pc, dst, &tag::INT.to_string(), v);
    }

    fn store_double(&mut self, pc: usize, dst: Slot, f: &str) {
        let bits = self.tmp();
        self.line(&format!("{bits} = bitcast double {f} to i64"));
        self.store_value(pc, dst, &tag::DOUBLE.to_string(), &bits);
    }

    fn store_bool(&mut self, pc: usize, dst: Slot, c: &str) {
        let v = self.tmp();
        self.line(&format!("{v} = zext i1 {c} to i64"));
        self.store_value(pc, dst, &tag::BOOL.to_string(), &v);
    }

    // ---- ops -------------------------------------------------------------------------

    fn op(&mut self, pc: usize) {
        let func = self.func;
        let op = &func.ops[pc];
        let plan = self.spec.plans[pc];
        if plan == Plan::Cold {
            let d = self.deopt_label(pc, DeoptReason::ColdBlock);
            self.line(&format!("br label %{d}"));
            return;
        }
        match (op, plan) {
            (Op::JmpIfArg { n, target }, _) if self.inlining.is_some() => {
                // The argument count of an inlined call is known.
                let argc = self.inlining.as_ref().map_or(0, |s| s.argc);
                self.br(if *n < argc { *target as usize } else { pc + 1 });
            }
            (Op::CheckArgs { .. }, _) if self.inlining.is_some() => self.br(pc + 1),
            (Op::Nop, _) => self.br(pc + 1),
            (Op::Jmp { target }, _) => self.jump(pc, *target as usize),
            (
                Op::Add { dst, a, b } | Op::Sub { dst, a, b } | Op::Mul { dst, a, b },
                Plan::Int | Plan::Double | Plan::Numeric,
            ) if *dst != NO_SLOT => self.arith(pc, op, *dst, *a, *b, plan),
            (Op::Bin { op: bop, dst, a, b }, Plan::Int | Plan::Double) if *dst != NO_SLOT => {
                self.bin(pc, *bop, *dst, *a, *b, plan)
            }
            (
                Op::Lt { dst, a, b }
                | Op::Le { dst, a, b }
                | Op::Eq { dst, a, b }
                | Op::NotEq { dst, a, b }
                | Op::Identical { dst, a, b }
                | Op::NotIdentical { dst, a, b },
                Plan::Int | Plan::Double | Plan::Numeric,
            ) if *dst != NO_SLOT => {
                let c = self.compare(pc, op, *a, *b, plan);
                if self.branches_on_compare(pc, *dst) {
                    // The jump after it, in its place (see `fuse.rs`).
                    let (taken, jz) = match func.ops[pc + 1] {
                        Op::JmpZ { target, .. } => (target as usize, true),
                        Op::JmpNZ { target, .. } => (target as usize, false),
                        _ => unreachable!("fuse::compare_branch checked the jump"),
                    };
                    let (yes, no) = if jz { (pc + 2, taken) } else { (taken, pc + 2) };
                    let (yes, no) = (self.pc_label(yes), self.pc_label(no));
                    self.line(&format!("br i1 {c}, label %{yes}, label %{no}"));
                    self.fused_next = true;
                    return;
                }
                self.store_bool(pc, *dst, &c);
                self.br(pc + 1);
            }
            (Op::JmpNotLt { a, b, target }, Plan::Int | Plan::Double | Plan::Numeric) => {
                let c = self.compare(pc, op, *a, *b, plan);
                let (next, jump) = (self.pc_label(pc + 1), self.pc_label(*target as usize));
                self.line(&format!("br i1 {c}, label %{next}, label %{jump}"));
            }
            (Op::JmpLt { a, b, target }, Plan::Int | Plan::Double | Plan::Numeric) => {
                let c = self.compare(pc, op, *a, *b, plan);
                let (next, jump) = (self.pc_label(pc + 1), self.pc_label(*target as usize));
                self.line(&format!("br i1 {c}, label %{jump}, label %{next}"));
            }
            (Op::JmpZ { cond, target } | Op::JmpNZ { cond, target }, _) if cond.is_const() => {
                // `while (true)`: the branch is decided now.
                self.br(if const_jump_taken(func, op) {
                    *target as usize
                } else {
                    pc + 1
                });
            }
            (Op::JmpZ { cond, target } | Op::JmpNZ { cond, target }, Plan::Int) => {
                let p = self.storage(cond.0);
                if !tags::subset(self.known(cond.0), tags::BOOL | tags::INT) {
                    let t = self.load_tag(&p);
                    let (_, ok) = self.tag_either(&t, tag::BOOL, tag::INT);
                    self.guard(&ok, pc);
                }
                let d = self.load_data(&p);
                let nz = self.tmp();
                self.line(&format!("{nz} = call i1 @hop_rt_truthy_scalar(i64 {d})"));
                let (yes, no) = if matches!(op, Op::JmpZ { .. }) {
                    (pc + 1, *target as usize)
                } else {
                    (*target as usize, pc + 1)
                };
                let (yes, no) = (self.pc_label(yes), self.pc_label(no));
                self.line(&format!("br i1 {nz}, label %{yes}, label %{no}"));
            }
            (Op::Move { dst, src }, Plan::Int) if *dst != NO_SLOT => self.move_op(pc, *dst, *src),
            (Op::ToBool { dst, src }, _) if *dst != NO_SLOT && !src.is_const() => {
                // Bools and ints inline (`&&` / `||` of comparisons); anything else
                // through the generic op, which continues here.
                let p = self.storage(src.0);
                let t = self.load_tag(&p);
                let (_, ok) = self.tag_either(&t, tag::BOOL, tag::INT);
                let (inline, generic) =
                    (self.fresh_block("tobool"), self.fresh_block("tobool.gen"));
                self.line(&format!(
                    "br i1 {ok}, label %{inline}, label %{generic}, !prof !0"
                ));
                self.generic_block(&generic, pc);
                self.block(&inline);
                let d = self.load_data(&p);
                let nz = self.tmp();
                self.line(&format!("{nz} = icmp ne i64 {d}, 0"));
                self.store_bool(pc, *dst, &nz);
                self.br(pc + 1);
            }
            (Op::IncDec { kind, dst, target }, Plan::Int) => {
                let p = self.storage(*target);
                if !tags::subset(self.known(*target), tags::INT) {
                    let t = self.load_tag(&p);
                    let ok = self.tmp();
                    self.line(&format!("{ok} = icmp eq i8 {t}, {}", tag::INT));
                    self.guard(&ok, pc);
                }
                let v = self.load_data(&p);
                let name = match kind {
                    IncDec::PreInc | IncDec::PostInc => "sadd",
                    IncDec::PreDec | IncDec::PostDec => "ssub",
                };
                let r = self.checked_int_op(pc, name, &v, "1");
                let result = if matches!(kind, IncDec::PreInc | IncDec::PreDec) {
                    r.clone()
                } else {
                    v
                };
                // The result first: its store may still leave optimized code, and
                // the op must not have changed anything when it does.
                self.store_int(pc, *dst, &result);
                self.store_payload(&p, &r);
                self.br(pc + 1);
            }
            (Op::CheckArgs { required }, Plan::Int) => {
                let off = std::mem::offset_of!(ExecCtx, cur_argc);
                let (p, n, ok) = (self.tmp(), self.tmp(), self.tmp());
                self.line(&format!(
                    "{p} = getelementptr inbounds i8, ptr %ctx, i64 {off}"
                ));
                self.line(&format!("{n} = load i32, ptr {p}, align 4"));
                self.line(&format!("{ok} = icmp uge i32 {n}, {required}"));
                let gen = self.fallback_label(pc);
                self.expect(&ok, &gen);
                self.br(pc + 1);
            }
            (Op::Return { src }, Plan::Int) => self.return_op(pc, *src),
            (Op::IsSet { dst, src }, _) if !src.is_const() && *dst != NO_SLOT => {
                // Set unless undefined or null (of the value a REF or INDIRECT leads
                // to, for slots that may hold one).
                let p = self.storage(src.0);
                let t = self.load_tag(&p);
                let set = self.tmp();
                self.line(&format!("{set} = icmp ugt i8 {t}, {}", tag::NULL));
                self.store_bool(pc, *dst, &set);
                self.br(pc + 1);
            }
            (Op::FetchDim { dst, base, key }, Plan::Int) if *dst != NO_SLOT && !base.is_const() => {
                self.fetch_dim(pc, *dst, base.0, *key)
            }
            (
                Op::FetchDimW {
                    dst,
                    base,
                    key: Some(key),
                    mode: DimMode::Write | DimMode::ReadWrite,
                },
                Plan::Int,
            ) => self.fetch_dim_w(pc, *dst, *base, *key),
            (
                Op::AssignDim {
                    dst,
                    base,
                    key,
                    val,
                },
                Plan::Int,
            ) => self.assign_dim(pc, *dst, *base, *key, *val),
            (Op::UnsetLocal { slot }, Plan::Int) => {
                // The slot itself (a REF box or an INDIRECT pointer is what it drops).
                let p = self.slot_ptr(*slot);
                let t = self.load_tag(&p);
                let (ind, keep) = (self.fresh_block("unset.ind"), self.fresh_block("unset.val"));
                let is_ind = self.tmp();
                self.line(&format!("{is_ind} = icmp eq i8 {t}, {}", tag::INDIRECT));
                let clear = self.fresh_block("unset.clear");
                self.line(&format!("br i1 {is_ind}, label %{ind}, label %{keep}"));
                self.block(&ind);
                self.line(&format!("br label %{clear}"));
                self.block(&keep);
                self.release_inline(&p, &t, tag::REF, pc);
                self.line(&format!("br label %{clear}"));
                self.block(&clear);
                self.store_tag(&p, tag::UNINIT);
                self.br(pc + 1);
            }
            (
                Op::Call {
                    dst,
                    func: callee,
                    args,
                    argc,
                },
                _,
            ) => self.call_op(pc, *dst, *callee, *args, *argc),
            (
                Op::CallBuiltin {
                    dst,
                    builtin,
                    args,
                    argc,
                },
                Plan::Int,
            ) if Intrinsic::of(*builtin, *args, *argc, *dst).is_some() => {
                let which = Intrinsic::of(*builtin, *args, *argc, *dst).expect("checked");
                self.intrinsic_call(pc, which, *dst, *args)
            }
            (
                Op::CallBuiltin {
                    dst,
                    builtin,
                    args,
                    argc,
                },
                _,
            ) => self.call_with(
                pc,
                hop_opt_call_builtin as *const () as usize,
                [*args, *builtin, *argc, *dst],
            ),
            (
                Op::CallValue {
                    dst,
                    callee,
                    args,
                    argc,
                },
                _,
            ) if !callee.is_const() && self.spec.value_callees[pc].is_some() => {
                let f = self.spec.value_callees[pc].expect("checked");
                self.closure_call(pc, *dst, callee.0, f, *args, *argc)
            }
            (
                Op::IterNext {
                    iter,
                    val,
                    key,
                    by_ref: false,
                    exit,
                },
                _,
            ) if *val != NO_SLOT && *key != *val => self.iter_next(pc, *iter, *val, *key, *exit),
            (Op::CallValue { .. }, _) => self.generic_call_value(pc),
            (Op::VerifyParam { slot, param }, _) => self.verify_param(pc, *slot, *param),
            (Op::MakeRef { dst, src }, _) if *dst != NO_SLOT && dst != src => {
                self.make_ref(pc, *dst, *src)
            }
            (Op::Concat { .. } | Op::ConcatN { .. } | Op::AppendN { .. }, Plan::Int) => {
                self.concat(pc)
            }
            _ if self.keyed_dim(pc) => {}
            _ => self.generic(pc, out_of_line_helper(op)),
        }
    }

    /// Whether both operands hold ints right now (no guard).
    fn both_int(&mut self, a: Operand, b: Operand) -> String {
        let mut parts = Vec::new();
        for o in [a, b] {
            if o.is_const() {
                let int = self
                    .func
                    .consts
                    .get(o.index() as usize)
                    .is_some_and(|v| v.is_int());
                parts.push(int.to_string());
            } else if tags::subset(self.known(o.0), tags::INT) {
                parts.push("true".into());
            } else if self.known(o.0) & tags::INT == 0 {
                parts.push("false".into());
            } else {
                let p = self.storage(o.0);
                let t = self.load_tag(&p);
                let c = self.tmp();
                self.line(&format!("{c} = icmp eq i8 {t}, {}", tag::INT));
                parts.push(c);
            }
        }
        let both = self.tmp();
        self.line(&format!("{both} = and i1 {}, {}", parts[0], parts[1]));
        both
    }

    /// `+ - *` under a plan; `Numeric` runs the int form when both operands are ints
    /// and the float form otherwise. Ends with the branch to the next op.
    fn arith(&mut self, pc: usize, op: &Op, dst: Slot, a: Operand, b: Operand, plan: Plan) {
        match plan {
            Plan::Numeric => {
                let both = self.both_int(a, b);
                let (int_b, flt_b) = (self.fresh_block("num.int"), self.fresh_block("num.flt"));
                self.line(&format!("br i1 {both}, label %{int_b}, label %{flt_b}"));
                self.block(&int_b);
                self.arith_int(pc, op, dst, a, b);
                self.block(&flt_b);
                let (x, y) = (self.num_operand(a, pc), self.num_operand(b, pc));
                self.arith_float(pc, op, dst, &x.value, &y.value);
            }
            Plan::Double => {
                let (x, y) = self.num_operands(a, b, pc);
                self.arith_float(pc, op, dst, &x, &y);
            }
            _ => self.arith_int(pc, op, dst, a, b),
        }
    }

    /// `x <op> y` in i64 (`op`: sadd, ssub or smul); on overflow — the result would
    /// be a float — op `pc` leaves optimized code.
    fn checked_int_op(&mut self, pc: usize, op: &str, x: &str, y: &str) -> String {
        let (s, v, o, no) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
        self.line(&format!(
            "{s} = call {{ i64, i1 }} @llvm.{op}.with.overflow.i64(i64 {x}, i64 {y})"
        ));
        self.line(&format!("{v} = extractvalue {{ i64, i1 }} {s}, 0"));
        self.line(&format!("{o} = extractvalue {{ i64, i1 }} {s}, 1"));
        self.line(&format!("{no} = xor i1 {o}, true"));
        let exit = self.fallback_label(pc);
        self.expect(&no, &exit);
        v
    }

    fn arith_int(&mut self, pc: usize, op: &Op, dst: Slot, a: Operand, b: Operand) {
        let x = self.int_operand(a, pc);
        let y = self.int_operand(b, pc);
        let name = match op {
            Op::Add { .. } => "sadd",
            Op::Sub { .. } => "ssub",
            _ => "smul",
        };
        let v = self.checked_int_op(pc, name, &x, &y);
        let int = tag::INT.to_string();
        if self.forwardable_result(pc) == Some(dst) {
            self.hand_to_return(pc, dst, int, v);
        } else if !self.hand_to_call(pc, dst, &int, &v) {
            self.store_int(pc, dst, &v);
        }
        self.br(pc + 1);
    }

    fn arith_float(&mut self, pc: usize, op: &Op, dst: Slot, x: &str, y: &str) {
        let ins = match op {
            Op::Add { .. } => "fadd",
            Op::Sub { .. } => "fsub",
            _ => "fmul",
        };
        let r = self.tmp();
        self.line(&format!("{r} = {ins} double {x}, {y}"));
        self.store_double(pc, dst, &r);
        self.br(pc + 1);
    }

    /// The comparison of a compare op, `JmpNotLt` or `JmpLt` (true when `a < b` for
    /// the last two), under a plan.
    fn compare(&mut self, pc: usize, op: &Op, a: Operand, b: Operand, plan: Plan) -> String {
        if plan == Plan::Numeric {
            let both = self.both_int(a, b);
            let (int_b, flt_b, join) = (
                self.fresh_block("cmp.int"),
                self.fresh_block("cmp.flt"),
                self.fresh_block("cmp.join"),
            );
            self.line(&format!("br i1 {both}, label %{int_b}, label %{flt_b}"));
            self.block(&int_b);
            let ci = self.compare(pc, op, a, b, Plan::Int);
            let int_end = self.cur.clone();
            self.line(&format!("br label %{join}"));
            self.block(&flt_b);
            let cf = self.compare_float(pc, op, a, b, false);
            let flt_end = self.cur.clone();
            self.line(&format!("br label %{join}"));
            self.block(&join);
            let c = self.tmp();
            self.line(&format!(
                "{c} = phi i1 [ {ci}, %{int_end} ], [ {cf}, %{flt_end} ]"
            ));
            return c;
        }
        if plan == Plan::Double {
            return self.compare_float(pc, op, a, b, true);
        }
        let c = self.tmp();
        {
            let x = self.int_operand(a, pc);
            let y = self.int_operand(b, pc);
            let pred = match op {
                Op::Lt { .. } | Op::JmpNotLt { .. } | Op::JmpLt { .. } => "slt",
                Op::Le { .. } => "sle",
                Op::Eq { .. } | Op::Identical { .. } => "eq",
                _ => "ne",
            };
            self.line(&format!("{c} = icmp {pred} i64 {x}, {y}"));
        }
        c
    }

    /// A comparison in floats; `guard_both_int`: deoptimize when both are ints.
    fn compare_float(
        &mut self,
        pc: usize,
        op: &Op,
        a: Operand,
        b: Operand,
        guard_both_int: bool,
    ) -> String {
        let c = self.tmp();
        {
            let (x, y) = if matches!(op, Op::Identical { .. } | Op::NotIdentical { .. }) {
                // `1 === 1.0` is false: identity is specialized for two floats only.
                let (x, y) = (self.num_operand(a, pc), self.num_operand(b, pc));
                let (any, none) = (self.tmp(), self.tmp());
                self.line(&format!("{any} = or i1 {}, {}", x.is_int, y.is_int));
                self.line(&format!("{none} = xor i1 {any}, true"));
                self.guard(&none, pc);
                (x.value, y.value)
            } else if guard_both_int {
                self.num_operands(a, b, pc)
            } else {
                let (x, y) = (self.num_operand(a, pc), self.num_operand(b, pc));
                (x.value, y.value)
            };
            let pred = match op {
                Op::Lt { .. } | Op::JmpNotLt { .. } | Op::JmpLt { .. } => "olt",
                Op::Le { .. } => "ole",
                Op::Eq { .. } | Op::Identical { .. } => "oeq",
                _ => "une",
            };
            self.line(&format!("{c} = fcmp {pred} double {x}, {y}"));
        }
        c
    }

    fn bin(&mut self, pc: usize, bop: BinOp, dst: Slot, a: Operand, b: Operand, plan: Plan) {
        if plan == Plan::Double {
            if bop != BinOp::Div {
                return self.generic(pc, out_of_line_helper(&self.func.ops[pc]));
            }
            let (x, y) = self.num_operands(a, b, pc);
            let nz = self.tmp();
            self.line(&format!("{nz} = fcmp une double {y}, 0.0"));
            let gen = self.fallback_label(pc);
            self.expect(&nz, &gen);
            let r = self.tmp();
            self.line(&format!("{r} = fdiv double {x}, {y}"));
            self.store_double(pc, dst, &r);
            return self.br(pc + 1);
        }
        let x = self.int_operand(a, pc);
        let y = self.int_operand(b, pc);
        let r = self.tmp();
        match bop {
            BinOp::BitAnd => self.line(&format!("{r} = and i64 {x}, {y}")),
            BinOp::BitOr => self.line(&format!("{r} = or i64 {x}, {y}")),
            BinOp::BitXor => self.line(&format!("{r} = xor i64 {x}, {y}")),
            BinOp::Mod => {
                // By a constant: a multiply (`irgen_rem.rs`).
                let by_const = self
                    .const_int(b)
                    .is_some_and(|d| self.rem_by_const(&r, &x, d));
                if !by_const {
                    // `% 0` throws (generic); `% -1` is 0 (and srem would trap on MIN).
                    let nz = self.tmp();
                    self.line(&format!("{nz} = icmp ne i64 {y}, 0"));
                    let gen = self.fallback_label(pc);
                    self.expect(&nz, &gen);
                    let (m1, safe) = (self.tmp(), self.tmp());
                    self.line(&format!("{m1} = icmp eq i64 {y}, -1"));
                    self.line(&format!("{safe} = select i1 {m1}, i64 1, i64 {y}"));
                    self.line(&format!("{r} = srem i64 {x}, {safe}"));
                }
            }
            BinOp::Shl | BinOp::Shr => {
                // Negative counts throw (generic); counts >= 64 shift everything out.
                let nonneg = self.tmp();
                self.line(&format!("{nonneg} = icmp sge i64 {y}, 0"));
                let gen = self.fallback_label(pc);
                self.expect(&nonneg, &gen);
                let (small, sh) = (self.tmp(), self.tmp());
                self.line(&format!("{small} = icmp ult i64 {y}, 64"));
                self.line(&format!("{sh} = select i1 {small}, i64 {y}, i64 63"));
                if bop == BinOp::Shl {
                    let s = self.tmp();
                    self.line(&format!("{s} = shl i64 {x}, {sh}"));
                    self.line(&format!("{r} = select i1 {small}, i64 {s}, i64 0"));
                } else {
                    self.line(&format!("{r} = ashr i64 {x}, {sh}"));
                }
            }
            BinOp::Div => {
                // By a constant: a multiply (`irgen_rem.rs`).
                if let Some((t, v)) = self.const_int(b).and_then(|d| self.div_by_const(&x, d)) {
                    self.store_value(pc, dst, &t, &v);
                    return self.br(pc + 1);
                }
                // int / int: an int when exact, else the float quotient.
                let nz = self.tmp();
                self.line(&format!("{nz} = icmp ne i64 {y}, 0"));
                let gen = self.fallback_label(pc);
                self.expect(&nz, &gen);
                let (m1, safe, rem, q, exact) =
                    (self.tmp(), self.tmp(), self.tmp(), self.tmp(), self.tmp());
                self.line(&format!("{m1} = icmp eq i64 {y}, -1"));
                self.line(&format!("{safe} = select i1 {m1}, i64 1, i64 {y}"));
                self.line(&format!("{rem} = srem i64 {x}, {safe}"));
                self.line(&format!("{q} = sdiv i64 {x}, {safe}"));
                self.line(&format!("{exact} = icmp eq i64 {rem}, 0"));
                // x / -1 is -x, except MIN / -1, which overflows to a float.
                let (neg, min, qq, exact2) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
                self.line(&format!("{neg} = sub i64 0, {x}"));
                self.line(&format!("{min} = icmp eq i64 {x}, {}", i64::MIN));
                self.line(&format!("{qq} = select i1 {m1}, i64 {neg}, i64 {q}"));
                let m1min = self.tmp();
                self.line(&format!("{m1min} = and i1 {m1}, {min}"));
                self.line(&format!(
                    "{exact2} = select i1 {m1min}, i1 false, i1 {exact}"
                ));
                let (fx, fy, fq, bits) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
                self.line(&format!("{fx} = sitofp i64 {x} to double"));
                self.line(&format!("{fy} = sitofp i64 {y} to double"));
                self.line(&format!("{fq} = fdiv double {fx}, {fy}"));
                self.line(&format!("{bits} = bitcast double {fq} to i64"));
                let (t, d) = (self.tmp(), self.tmp());
                self.line(&format!(
                    "{t} = select i1 {exact2}, i8 {}, i8 {}",
                    tag::INT,
                    tag::DOUBLE
                ));
                self.line(&format!("{d} = select i1 {exact2}, i64 {qq}, i64 {bits}"));
                self.store_value(pc, dst, &t, &d);
                return self.br(pc + 1);
            }
            _ => return self.generic(pc, out_of_line_helper(&self.func.ops[pc])),
        }
        self.store_int(pc, dst, &r);
        self.br(pc + 1);
    }

    /// `dst = src`: any defined value, with one more owner for counted cells.
    fn move_op(&mut self, pc: usize, dst: Slot, src: Operand) {
        if src.is_const() {
            let Some(v) = self.func.consts.get(src.index() as usize) else {
                return self.generic(pc, hop_step as *const () as usize);
            };
            if v.is_uninit() {
                return self.generic(pc, hop_step as *const () as usize);
            }
            // Literals are static: no refcount to take.
            let (t, d) = (v.tag().to_string(), v.data.to_string());
            if !self.hand_to_call(pc, dst, &t, &d) {
                self.store_value(pc, dst, &t, &d);
            }
            return self.br(pc + 1);
        }
        let p = self.storage(src.0);
        let known = self.known(src.0);
        let t = match tags::single(known) {
            Some(t) => t.to_string(),
            None => self.load_tag(&p),
        };
        if !tags::subset(known, tags::PLAIN) {
            let defined = self.plain_value(&t);
            let gen = self.fallback_label(pc);
            self.expect(&defined, &gen);
        }
        let d = self.load_data(&p);
        if !tags::subset(known, tags::UNCOUNTED) {
            self.line(&format!("call void @hop_rt_incref(i8 {t}, i64 {d})"));
        }
        if !self.hand_to_call(pc, dst, &t, &d) {
            let q = self.dst_ready(dst, pc);
            self.store_to(dst, &q, &t, &d);
        }
        self.br(pc + 1);
    }

    /// `return src`: the value goes to `ctx.ret` (which callers leave empty).
    fn return_op(&mut self, pc: usize, src: Operand) {
        if self.inlining.is_some() {
            return self.inline_return(pc, src);
        }
        // `ctx.ret`, which must be empty to take the value (callers leave it so);
        // none in a self-looping body, which writes it only at its outermost
        // return and checks there (`self_return_block`).
        let forwarded = self.take_forwarded(pc, src);
        let ret_ptr = (!self.self_loop).then(|| {
            let off = std::mem::offset_of!(ExecCtx, ret);
            let rp = self.tmp();
            self.line(&format!(
                "{rp} = getelementptr inbounds i8, ptr %ctx, i64 {off}"
            ));
            let old = self.load_tag(&rp);
            let free = self.tmp();
            self.line(&format!("{free} = icmp ult i8 {old}, {}", tag::STRING));
            match &forwarded {
                Some(f) => self.expect_or_spill(pc, &free, src.0, f),
                None => {
                    let gen = self.fallback_label(pc);
                    self.expect(&free, &gen);
                }
            }
            rp
        });
        let (t, d) = if let Some(f) = &forwarded {
            // The op before handed its result over, never stored
            // (`irgen_retfwd.rs`): owned, so no new reference.
            if f.tag.parse::<u8>().is_err() {
                let defined = self.plain_value(&f.tag);
                self.expect_or_spill(pc, &defined, src.0, f);
            }
            (f.tag.clone(), f.data.clone())
        } else if src.is_const() {
            let Some(v) = self.func.consts.get(src.index() as usize) else {
                return self.generic(pc, hop_step as *const () as usize);
            };
            if v.is_uninit() {
                return self.generic(pc, hop_step as *const () as usize);
            }
            (v.tag().to_string(), v.data.to_string())
        } else {
            let p = self.storage(src.0);
            let t = self.load_tag(&p);
            let defined = self.plain_value(&t);
            let gen = self.fallback_label(pc);
            self.expect(&defined, &gen);
            let d = self.load_data(&p);
            self.line(&format!("call void @hop_rt_incref(i8 {t}, i64 {d})"));
            (t, d)
        };
        if let Some(rp) = ret_ptr {
            self.store_whole(&rp, &t, &d);
        }
        // A frame left with nothing to release tells a recursive caller so (see
        // `BODY_RET`): known from the tag analysis, or checked here for a few slots
        // it does not know (a call's result being returned, say).
        // (A value handed over in registers is not in its slot, which holds
        // nothing counted: see `irgen_retfwd.rs`.)
        let handed = forwarded.as_ref().map(|f| f.slot);
        let unknown: Option<Vec<Slot>> = self.flow.map(|f| {
            (0..self.func.num_slots)
                .filter(|s| Some(*s) != handed && !tags::subset(f.at(pc, *s), tags::UNCOUNTED))
                .collect()
        });
        let clean = match unknown {
            Some(u) if u.is_empty() => "1".to_string(),
            Some(u) if u.len() <= MAX_RETURN_CHECKS => {
                let mut clean = "true".to_string();
                for s in u {
                    let p = self.slot_ptr(s);
                    let t = self.load_tag(&p);
                    let (plain, both) = (self.tmp(), self.tmp());
                    self.line(&format!("{plain} = icmp ult i8 {t}, {}", tag::STRING));
                    self.line(&format!("{both} = and i1 {clean}, {plain}"));
                    clean = both;
                }
                clean
            }
            _ => "0".to_string(),
        };
        if self.self_loop {
            // The value stays in registers up to the caller (`irgen_selfcall.rs`).
            let word = match clean.as_str() {
                "0" | "1" => clean,
                flag => {
                    let w = self.tmp();
                    self.line(&format!("{w} = zext i1 {flag} to i64"));
                    w
                }
            };
            return self.emit_ret_value("0", &word, Some((&t, &d)));
        }
        match clean.as_str() {
            "0" => self.line("br label %ret_ok"),
            "1" => self.line("br label %ret_clean"),
            flag => self.line(&format!("br i1 {flag}, label %ret_clean, label %ret_ok")),
        }
    }

    /// Whether the comparison at `pc` branches itself instead of writing `dst` for
    /// the jump after it: `fuse::compare_branch` found the jump its only reader,
    /// and the slot's old value (left in place) needs no release and lives in the
    /// frame (not a promoted slot; not inside an inlined body, where nothing is
    /// known).
    fn branches_on_compare(&self, pc: usize, dst: Slot) -> bool {
        self.spec.compare_branches.get(pc).copied().unwrap_or(false)
            && self.inlining.is_none()
            && !self.promo.is_promoted(dst)
            && tags::subset(self.known(dst), tags::UNCOUNTED)
    }

    /// Returns `status` (a dynamic value) with no claim about the frame.
    fn ret_status(&mut self, status: &str) {
        self.emit_ret(status, "0");
    }
}

/// A phi's incoming list from (value, block) pairs: `[ v, %b ], ...`.
fn phi_incoming(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(v, b)| format!("[ {v}, %{b} ]"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where control may go after op `pc` ran out of line: the next op, its jump
/// targets, and the handler covering it. Anything else reaches the resume block.
pub(super) fn successors(func: &Func, pc: usize) -> Vec<usize> {
    let mut s = vec![pc + 1];
    s.extend(branch_targets(func, pc));
    if let Some(h) = func.handler_for(pc as u32) {
        s.push(h.handler as usize);
    }
    s
}

/// The jump targets of op `pc` (besides falling through).
pub(super) fn branch_targets(func: &Func, pc: usize) -> Vec<usize> {
    func.ops
        .get(pc)
        .and_then(Op::branch_target)
        .map(|t| t as usize)
        .into_iter()
        .collect()
}
