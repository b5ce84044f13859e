//! Entering a function: the one place that decides which tier runs a call.
//!
//! Every call goes through the function's entry slot. An empty slot means "not
//! translated": the call counts toward `jit.baseline_threshold`, and the thread that
//! crosses it tries to take the function's write lease and translate; a thread that
//! cannot (lease taken, JIT thread limit, TC full) simply interprets this call.
//! Tier-up is one Release store into the slot; callers Acquire-load it.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use once_cell::sync::OnceCell;

use super::state::{BASELINE, DECLINED, UNTRANSLATED};
use super::stats::{self, STATS};
use super::tc::CodeCache;
use super::{baseline, config, lease, opt, trace};
use crate::bytecode::unit::{EntryFn, Func, Unit};
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};
use crate::vm::interp::execute_func;
use crate::vm::interp_call::{result_of, status_of};

static TC: OnceCell<Option<CodeCache>> = OnceCell::new();

/// The process's translation cache (`None` if it could not be mapped: no JIT).
pub fn tc() -> Option<&'static CodeCache> {
    TC.get_or_init(|| CodeCache::new(config::get().tc).ok())
        .as_ref()
}

/// The translation cache if it was created (statistics must not create it).
pub fn tc_if_created() -> Option<&'static CodeCache> {
    TC.get().and_then(Option::as_ref)
}

/// Runs function `fid` of `unit` on `frame` in the best tier available, and returns
/// its value.
///
/// # Safety
/// `frame` is a live frame of `fid`'s `num_slots` slots on `ctx`'s VM stack, set up
/// by the caller (parameters in place, its `CallInfo` pushed, `ctx.cur_argc` set).
pub unsafe fn run_function(
    ctx: &mut ExecCtx,
    unit: &Unit,
    fid: u32,
    frame: *mut TypedValue,
) -> VmResult<TypedValue> {
    let Some(func) = unit.funcs.get(fid as usize) else {
        return Err(ctx.fatal(format!("Call to an invalid function index {fid}")));
    };
    // SAFETY: forwarded contract; `func` is function `fid` of `unit`.
    unsafe { run_func(ctx, unit, func, frame) }
}

/// [`run_function`] for a function already looked up: the call paths have it.
///
/// # Safety
/// As for [`run_function`]; `func` is a function of `unit`.
#[inline(always)]
pub unsafe fn run_func(
    ctx: &mut ExecCtx,
    unit: &Unit,
    func: &Func,
    frame: *mut TypedValue,
) -> VmResult<TypedValue> {
    // SAFETY: forwarded contract.
    let st = unsafe { run_func_to_ret(ctx, unit, func, frame) };
    result_of(ctx, st)
}

/// [`run_func`] in the entry-slot convention: the returned value is left in
/// `ctx.ret` (which callers leave empty) and the result is a status (a fault is
/// left for `take_fault`). The lean call path uses it because a `VmResult` travels
/// through memory (a `Fault` is 32 bytes) and copying it back stalled on store
/// forwarding: a third of an optimized fib.
///
/// # Safety
/// As for [`run_func`].
#[inline(always)]
pub unsafe fn run_func_to_ret(
    ctx: &mut ExecCtx,
    unit: &Unit,
    func: &Func,
    frame: *mut TypedValue,
) -> u64 {
    let entry = func.entry.load(Ordering::Acquire);
    if entry.is_null() {
        // SAFETY: forwarded contract.
        return unsafe { run_untranslated(ctx, unit, func, frame) };
    }
    // SAFETY: `entry` is non-null, Acquire-loaded from the entry slot; the frame
    // contract is the caller's.
    unsafe { call_entry(ctx, entry, frame) }
}

/// Calls a published entry.
///
/// # Safety
/// `entry` was loaded (Acquire) from an entry slot and is non-null; the frame and
/// its `CallInfo` are set up per the convention.
#[inline(always)]
unsafe fn call_entry(ctx: &mut ExecCtx, entry: *mut (), frame: *mut TypedValue) -> u64 {
    // SAFETY: a non-null entry slot holds an `EntryFn` published with a Release
    // store after its code and metadata were complete (DESIGN.md decision 4).
    let f: EntryFn = unsafe { std::mem::transmute::<*mut (), EntryFn>(entry) };
    // SAFETY: the caller set up the frame (and its CallInfo) per the convention.
    unsafe { f(frame, ctx) }
}

/// A call of a function whose entry slot is empty: counts it toward the tier-up
/// threshold (translating the function when it crosses it) and interprets it unless
/// a translation appeared. The value is left in `ctx.ret`.
///
/// # Safety
/// As for [`run_func`].
#[inline(always)]
unsafe fn run_untranslated(
    ctx: &mut ExecCtx,
    unit: &Unit,
    func: &Func,
    frame: *mut TypedValue,
) -> u64 {
    let cfg = config::get();
    // Not `fetch_add`: a locked add per call was 40% of an interpreted fib. The count
    // only picks when to translate, so an increment lost to a racing thread delays
    // tier-up by one call (baseline code counts blocks the same way).
    let counter = &func.jit.prof.calls;
    let calls = counter.load(Ordering::Relaxed);
    counter.store(calls + 1, Ordering::Relaxed);
    // The script body runs once, so a call threshold means nothing for it.
    let hot = calls >= cfg.baseline_threshold || func.id == unit.main;
    if hot && cfg.enabled {
        let entry = tier_up(ctx, unit, func, cfg);
        if !entry.is_null() {
            // SAFETY: `entry` was just published (or loaded) non-null.
            return unsafe { call_entry(ctx, entry, frame) };
        }
    }
    let r = execute_func(ctx, unit, func, frame);
    status_of(ctx, r)
}

/// A hot call of an untranslated function: translates it if nobody tried yet;
/// returns the entry to call, or null to interpret this call.
#[cold]
#[inline(never)]
fn tier_up(ctx: &ExecCtx, unit: &Unit, func: &Func, cfg: &config::JitConfig) -> *mut () {
    let mut entry = std::ptr::null_mut();
    if func.jit.state() == UNTRANSLATED {
        entry = try_translate(unit, func.id);
        if !entry.is_null() && cfg.optimize {
            entry = after_baseline(ctx, func.id, entry);
        }
    }
    // A hot function that still has no translation runs in the interpreter.
    if entry.is_null() && cfg.stats.is_on() {
        STATS.interp_fallback_calls.fetch_add(1, Ordering::Relaxed);
    }
    entry
}

/// A function just got its baseline translation: with `jit.sync=1` it is optimized
/// right away (a worker compiles; this thread waits), and with
/// `jit.retranslate_all` it joins the collective retranslation. Returns the entry to
/// call now.
#[cold]
fn after_baseline(ctx: &ExecCtx, fid: u32, entry: *mut ()) -> *mut () {
    let cfg = config::get();
    if opt::retranslate::armed() {
        opt::retranslate::register(ctx.unit.clone(), fid);
        return entry;
    }
    if cfg.sync == config::SyncMode::FirstCall && opt::request::request(&ctx.unit, fid, true) {
        if let Some(f) = ctx.unit.funcs.get(fid as usize) {
            return f.entry.load(Ordering::Acquire);
        }
    }
    entry
}

/// Translates under the function's write lease; returns the published entry or null.
fn try_translate(unit: &Unit, fid: u32) -> *mut () {
    let func = &unit.funcs[fid as usize];
    let Some(_lease) = lease::try_acquire(&func.jit.lease) else {
        if trace::enabled() {
            trace::instant(
                "lease declined",
                "jit",
                serde_json::json!({ "func": func.name }),
            );
        }
        return std::ptr::null_mut();
    };
    // Another thread may have finished while we took the lease.
    let current = func.entry.load(Ordering::Acquire);
    if !current.is_null() || func.jit.state() != UNTRANSLATED {
        return current;
    }
    let Some(tc) = tc() else {
        func.jit.state.store(DECLINED, Ordering::Release);
        if trace::enabled() {
            trace::instant(
                "translation declined",
                "jit",
                serde_json::json!({ "func": func.name, "reason": "no TC" }),
            );
        }
        return std::ptr::null_mut();
    };
    let tier_up = baseline::tier_up_from_config();
    match baseline::translate(tc, unit, func, tier_up) {
        Some(addr) => {
            func.entry.store(addr as *mut (), Ordering::Release);
            func.jit.state.store(BASELINE, Ordering::Release);
            stats::note_tierup(&func.name, "baseline");
            if trace::enabled() {
                trace::instant(
                    "entry swap",
                    "jit",
                    serde_json::json!({ "func": func.name, "tier": "baseline", "entry": format!("{addr:#x}") }),
                );
            }
            addr as *mut ()
        }
        None => {
            func.jit.state.store(DECLINED, Ordering::Release);
            if trace::enabled() {
                trace::instant(
                    "translation declined",
                    "jit",
                    serde_json::json!({ "func": func.name, "reason": "TC full or translation failed" }),
                );
            }
            std::ptr::null_mut()
        }
    }
}

/// Keeps `Arc` in the public signature of callers that hold units by Arc.
pub fn unit_id(unit: &Arc<Unit>) -> usize {
    Arc::as_ptr(unit) as usize
}
