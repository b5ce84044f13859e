//! Deoptimization: where optimized code goes when one of its assumptions fails.
//!
//! Optimized code keeps every frame slot in memory (see `irgen.rs`), so a failed
//! guard has nothing to write back: it calls [`hop_opt_deopt`], which continues the
//! activation at the op's pc in the function's baseline translation (its resume
//! entry) — or in the interpreter when there is none — and returns that status.
//! The op runs again from its start there: guards come before any side effect.
//!
//! Policy: each deopt records the operand tags it saw into the profile (so the next
//! optimized translation is generic where this one guessed wrong). After
//! [`DEOPT_LIMIT`] deopts the optimized code is dropped: the entry slot goes back to
//! the baseline translation, which keeps profiling and requests a new optimized
//! translation once its counters say so. After [`MAX_ROUNDS`] optimized
//! translations the function stays in the baseline tier for good. Dropped code is
//! never freed (threads may still be inside it; see `opt/mod.rs`).

use std::sync::atomic::Ordering;
use std::sync::Arc;

use super::stats as opt_stats;
use crate::bytecode::op::Op;
use crate::bytecode::unit::Func;
use crate::jit::baseline::helpers::record_profile;
use crate::jit::state::opt_state;
use crate::jit::trace;
use crate::runtime::value::TypedValue;
use crate::vm::ctx::ExecCtx;
use crate::vm::interp::execute_at;
use crate::vm::interp_call::store_fault;
use crate::vm::status;

/// Deopts of one optimized translation before it is dropped.
pub const DEOPT_LIMIT: u32 = 16;
/// Optimized translations of one function before the tier gives up on it.
pub const MAX_ROUNDS: u32 = 4;

/// Why optimized code deoptimized (the `reason` argument of [`hop_opt_deopt`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum DeoptReason {
    /// An operand's type was not the one the profile promised.
    TypeGuard = 0,
    /// Control reached a block that never ran while the function was profiled.
    ColdBlock = 1,
    /// A value the inline path does not handle (overflow, division by zero, an
    /// undefined or referenced operand, a counted value to release): the op runs in
    /// the tier below instead of merging back, so the fast path keeps what it knows.
    SlowPath = 2,
    /// An element read found an element of a type other than the one the op that
    /// consumes it was specialized to (`Spec::elem_tags`). The read's own operands
    /// were as promised, so nothing is recorded for it: the consumer's profile
    /// widens when the tier below runs it with this element, and a guard taken
    /// from the element profile widens when baseline code's read records it.
    ElemType = 3,
    /// An OSR entry found a live slot of the frame baseline code left at a loop
    /// header holding a type this translation assumed it could not (a float where
    /// the loop was compiled for ints). The header's op did nothing wrong, so
    /// nothing is recorded for it (its plan would turn generic): the ops that use
    /// the slot widen their profiles when the tier below runs them. The loop's
    /// entry `Jmp`, whose moved checks have no profile to widen, is marked instead
    /// (see `osr_refusal_site`).
    OsrEntry = 4,
    /// A loop-invariant guard checked at the `Jmp` entering a loop
    /// (`irgen_tags/loop_entry.rs`) failed: the loop runs in the tier below, and
    /// the `Jmp` is marked as a slow path, so the next translation checks those
    /// slots inside the loop again (the loop might have exited before its guard).
    LoopEntry = 5,
}

impl DeoptReason {
    pub const ALL: [DeoptReason; 6] = [
        DeoptReason::TypeGuard,
        DeoptReason::ColdBlock,
        DeoptReason::SlowPath,
        DeoptReason::ElemType,
        DeoptReason::OsrEntry,
        DeoptReason::LoopEntry,
    ];
    pub fn name(self) -> &'static str {
        match self {
            DeoptReason::TypeGuard => "type_guard",
            DeoptReason::ColdBlock => "cold_block",
            DeoptReason::SlowPath => "slow_path",
            DeoptReason::ElemType => "elem_type",
            DeoptReason::OsrEntry => "osr_entry",
            DeoptReason::LoopEntry => "loop_entry",
        }
    }
    fn from_raw(r: u64) -> DeoptReason {
        match r {
            1 => DeoptReason::ColdBlock,
            2 => DeoptReason::SlowPath,
            3 => DeoptReason::ElemType,
            4 => DeoptReason::OsrEntry,
            5 => DeoptReason::LoopEntry,
            _ => DeoptReason::TypeGuard,
        }
    }
}

/// A baseline translation's resume entry (see `baseline::translate::prologue`).
type ResumeFn = unsafe extern "C" fn(*mut TypedValue, *mut ExecCtx, u64) -> u64;

/// A failed assumption in optimized code at op `pc` of `func`: records it, maybe
/// drops the optimized translation, and finishes the activation in a lower tier.
/// Returns the activation's status (the entry-slot convention).
///
/// # Safety
/// `ctx` is the running request's context, `frame` the live frame of `func` (which
/// belongs to `ctx.unit`), nothing of op `pc` has run yet, and `pc < func.ops.len()`.
pub unsafe extern "C" fn hop_opt_deopt(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
    reason: u64,
) -> u64 {
    // SAFETY: per the contract above.
    let f = unsafe { &*func };
    let reason = DeoptReason::from_raw(reason);
    if !matches!(
        reason,
        DeoptReason::ElemType | DeoptReason::OsrEntry | DeoptReason::LoopEntry
    ) {
        record_profile(f, frame, pc as usize);
    }
    // A refused OSR entry at a loop's body is charged to the loop's `Jmp`, as a
    // failed entry check would be (see `osr_refusal_site`).
    let marked = match reason {
        DeoptReason::SlowPath | DeoptReason::LoopEntry => Some(pc as usize),
        DeoptReason::OsrEntry => osr_refusal_site(f, pc as usize),
        _ => None,
    };
    if let Some(pc) = marked {
        // The next translation keeps this op generic (see `profile::SLOW_PATH_TAG`;
        // for a loop's `Jmp`: no entry checks); an element read or keyed write
        // first tries its fast helper (`profile::HELPER_PATH_TAG`).
        let prof = &f.jit.prof;
        let seen = prof.tags.get(pc).map_or(0, |t| t.load(Ordering::Relaxed));
        let dim = matches!(
            f.ops.get(pc),
            Some(Op::FetchDim { .. } | Op::AssignDim { key: Some(_), .. })
        );
        if dim && seen & crate::jit::profile::HELPER_PATH_BIT == 0 {
            prof.record_tag(pc, crate::jit::profile::HELPER_PATH_TAG);
        } else {
            prof.record_tag(pc, crate::jit::profile::SLOW_PATH_TAG);
        }
    }
    opt_stats::note_deopt(reason);
    if trace::enabled() {
        trace::instant(
            "deopt",
            "jit",
            serde_json::json!({ "func": f.name, "pc": pc, "reason": reason.name() }),
        );
    }
    if f.jit.deopts.fetch_add(1, Ordering::Relaxed) + 1 == DEOPT_LIMIT {
        drop_optimized(f);
    }
    // SAFETY: forwarded contract.
    unsafe { resume(ctx, frame, func, pc) }
}

/// The op a refused OSR entry at loop header `header` marks as a slow path: the
/// `Jmp` entering the loop whose body starts there, if it is one.
///
/// **Why.** The entry checks what the tag analysis knows at the header. Most of
/// that comes from ops the loop runs, whose profile baseline code widens while it
/// keeps running the loop, so the next translation expects what it met. But guards
/// moved to the loop's `Jmp` (`irgen_tags/loop_entry.rs`) have no profile of their
/// own: an array check hoisted there for an element read that falls back to its
/// helper, say, on a slot that holds a string. Baseline code entering at the body
/// never runs that `Jmp`, so nothing would change, and every later translation
/// would refuse the same entry until the function was given up on (a string
/// benchmark's script body stayed in baseline code in about half its runs). Marked,
/// the loop's checks stay inside it from the next translation on, as after a failed
/// entry check; an entry refused for another reason costs that hoisting only.
fn osr_refusal_site(f: &Func, header: usize) -> Option<usize> {
    let entry = header.checked_sub(1)?;
    match f.ops.get(entry) {
        Some(Op::Jmp { target }) if (*target as usize) > header => Some(entry),
        _ => None,
    }
}

/// Continues op `pc` of `func` in a lower tier: where optimized code goes for a pc
/// its lowering did not expect (not a deopt: nothing is counted).
///
/// # Safety
/// As for [`hop_opt_deopt`]; `pc <= func.ops.len()`, and an exception a handler at
/// `pc` consumes is in `ctx.jit_pending`.
pub unsafe extern "C" fn hop_opt_resume(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> u64 {
    // SAFETY: forwarded contract.
    unsafe { resume(ctx, frame, func, pc) }
}

/// # Safety
/// As for [`hop_opt_resume`].
unsafe fn resume(ctx: *mut ExecCtx, frame: *mut TypedValue, func: *const Func, pc: u64) -> u64 {
    // SAFETY: per the contract.
    let f = unsafe { &*func };
    let entry = f.jit.baseline_resume.load(Ordering::Acquire);
    if entry != 0 {
        // SAFETY: a non-zero resume entry was stored after the baseline translation
        // was complete; it takes (frame, ctx, pc) and continues at any pc.
        let resume: ResumeFn = unsafe { std::mem::transmute::<usize, ResumeFn>(entry) };
        // SAFETY: the frame and context are the live ones of this activation.
        return unsafe { resume(frame, ctx, pc) };
    }
    // SAFETY: per the contract.
    let ctx = unsafe { &mut *ctx };
    // SAFETY: the unit is owned by ctx.unit, which outlives this call.
    let unit = unsafe { &*Arc::as_ptr(&ctx.unit) };
    let pending = ctx.jit_pending.take();
    match execute_at(ctx, unit, f, frame, pc as usize, pending) {
        Ok(v) => {
            ctx.ret = v;
            status::OK
        }
        Err(fault) => store_fault(fault),
    }
}

/// Drops `func`'s optimized translation: its entry goes back to the baseline
/// translation (or the interpreter), OSR stops, and it may be optimized again unless
/// it has used up its rounds.
pub fn drop_optimized(func: &Func) {
    let jit = &func.jit;
    jit.osr_body.store(std::ptr::null_mut(), Ordering::Release);
    let baseline = jit.baseline_entry.load(Ordering::Acquire);
    func.entry.store(baseline as *mut (), Ordering::Release);
    jit.deopts.store(0, Ordering::Relaxed);
    let gave_up = jit.opt_rounds.load(Ordering::Relaxed) >= MAX_ROUNDS;
    if gave_up {
        jit.opt.store(opt_state::GAVE_UP, Ordering::Release);
        opt_stats::STATS.gave_up.fetch_add(1, Ordering::Relaxed);
    } else {
        jit.opt.store(opt_state::PROFILING, Ordering::Release);
        jit.opt_requested.store(0, Ordering::Release);
    }
    opt_stats::STATS.dropped.fetch_add(1, Ordering::Relaxed);
    crate::jit::stats::note_tierup(&func.name, "deopt");
    if trace::enabled() {
        trace::instant(
            "entry swap",
            "jit",
            serde_json::json!({
                "func": func.name,
                "tier": "baseline",
                "why": if gave_up { "too many deopts: gave up" } else { "too many deopts: re-profiling" },
            }),
        );
    }
}
