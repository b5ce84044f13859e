//! Tier 1: the baseline JIT. Profiling translations of whole functions, emitted on
//! the requesting thread in microseconds into the TC's `prof` block (see
//! `translate.rs` for the code shape and `helpers.rs` for what it calls).

pub mod helpers;
pub mod translate;

use std::time::Instant;

use super::meta::{self, TranslationMeta};
use super::stats::{self, TranslationTiming, STATS};
use super::tc::split::split_translation;
use super::tc::{CodeCache, ViewKind};
use super::trace;
use crate::bytecode::unit::{Func, Unit};
use std::sync::atomic::Ordering;

/// The optimizing-tier hand-off baseline code gets under the process's JIT
/// configuration: none with `jit.optimize=0`.
pub fn tier_up_from_config() -> Option<translate::TierUp> {
    let cfg = super::config::get();
    cfg.optimize.then(|| translate::TierUp {
        // Under jit.retranslate_all the collective trigger decides, not the function.
        threshold: if super::opt::retranslate::armed() {
            i32::MAX as u32
        } else {
            cfg.optimize_threshold.min(i32::MAX as u64) as u32
        },
        request_helper: super::opt::request::hop_opt_request as *const () as usize,
    })
}

/// Translates `func` into `tc` and returns the entry address, or `None` when the
/// JIT declines (TC full, function too large): the caller stays in the interpreter.
/// Metadata is committed before the caller publishes the entry.
/// `tier_up`: whether (and when) the translation hands the function to the
/// optimizing tier ([`tier_up_from_config`] in a running VM; `None` in isolation).
pub fn translate(
    tc: &CodeCache,
    unit: &Unit,
    func: &Func,
    tier_up: Option<translate::TierUp>,
) -> Option<usize> {
    let unit_id = unit as *const Unit as usize;
    let started = Instant::now();
    let view = tc.view(ViewKind::Profiling);
    // Assemble first: a translation that does not fit allocates nothing (the
    // blocks are bump allocators; a failed translation must not leak space).
    let mut asm = translate::assemble(unit, func, 0, tier_up).ok()?;
    let assembled = Instant::now();
    // The body in the view's main block, the slow paths apart in its cold block.
    // A translation that cannot fit takes no space: the main block's room is checked
    // first (an attempt that cannot fit is still made, so the block counts it), then
    // the cold part is allocated, then the main part.
    let split = asm.cold_offset.min(asm.code.len());
    let cold_len = asm.code.len() - split;
    let mut code = None;
    if view.main().available() < split + 16 {
        match view.alloc_main(split, 16) {
            Some(c) => code = Some(c), // it fit after all (alignment to spare)
            None => {
                STATS.tc_full.fetch_add(1, Ordering::Relaxed);
                return None;
            }
        }
    }
    let cold = match cold_len {
        0 => None,
        n => match view.alloc_cold(n, 16) {
            Some(c) => Some(c),
            None => {
                STATS.tc_full.fetch_add(1, Ordering::Relaxed);
                return None;
            }
        },
    };
    let Some(code) = code.or_else(|| view.alloc_main(split, 16)) else {
        STATS.tc_full.fetch_add(1, Ordering::Relaxed);
        return None;
    };
    let table_len = func.ops.len().max(1) * 8;
    let Some(table) = view.alloc_data(table_len, 8) else {
        STATS.tc_full.fetch_add(1, Ordering::Relaxed);
        return None;
    };
    let at = asm.table_imm_offset;
    asm.code
        .get_mut(at..at + 8)?
        .copy_from_slice(&(table.addr() as u64).to_ne_bytes());
    let start = code.rx_addr();
    if let Some(c) = &cold {
        if let Err(e) = split_translation(&mut asm.code, split, start, c.rx_addr()) {
            // Not expected (the assembler emits rel32 branches only): keep the
            // function in the interpreter rather than run misplaced code.
            debug_assert!(
                false,
                "baseline translation of {} not split: {e:?}",
                func.name
            );
            STATS.tc_full.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        c.write(&asm.code[split..]).ok()?;
    }
    code.write(&asm.code[..split]).ok()?;
    for (pc, off) in asm.pc_offsets.iter().enumerate() {
        let target = (start + *off as usize) as u64;
        table.write_at(pc * 8, &target.to_ne_bytes()).ok()?;
    }
    let emitted = Instant::now();
    func.jit
        .baseline_resume
        .store(start + asm.resume_offset, Ordering::Release);
    func.jit.baseline_entry.store(start, Ordering::Release);
    meta::commit(TranslationMeta {
        func_name: func.name.clone(),
        func_id: func.id,
        unit: unit_id,
        tier: "baseline",
        start,
        len: split,
        cold: cold.as_ref().map(|c| (c.rx_addr(), cold_len)),
        pc_offsets: asm
            .pc_offsets
            .iter()
            .enumerate()
            .map(|(pc, o)| (pc as u32, *o))
            .collect(),
        helper_calls: asm.helper_calls,
    });
    // Assembly now comes first; the table allocation is part of the emit phase.
    let timing = TranslationTiming {
        start: started,
        table_allocated: started,
        assembled,
        emitted,
        committed: Instant::now(),
    };
    stats::record_baseline(&timing);
    trace::translation(
        &func.name,
        "baseline",
        asm.code.len(),
        func.ops.len(),
        &timing,
    );
    Some(start)
}
