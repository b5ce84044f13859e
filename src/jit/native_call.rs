//! The runtime side of native calls: the helpers the call sequences both JIT tiers
//! emit (`jit/baseline/translate_call.rs`, `jit/opt/irgen_call.rs`) reach out to.
//!
//! A native call does in machine code what `vm::interp_call::call_to_ret` does in
//! Rust for a lean call (every argument by value, exactly the declared count):
//! claim the callee's frame at `ctx.sp` and move the arguments in, mark the other
//! slots undefined, push its `CallInfo` on `ctx.calls`, call the callee's entry slot
//! — or [`hop_enter_untranslated`] while it is empty — then pop, release and take
//! `ctx.ret`. Only what is rare leaves the emitted code: releasing counted values
//! or rare `CallInfo` parts ([`hop_call_cleanup`]) and storing a result over a
//! counted value ([`hop_write_result`]). Each helper is `extern "C"` and reached by
//! absolute address.

use crate::bytecode::unit::{Func, Unit};
use crate::jit::baseline::helpers::route_fault;
use crate::jit::enter::run_func_to_ret;
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{CallRare, ExecCtx};
use crate::vm::interp::{drop_slots, write};
use crate::vm::interp_call::take_fault;
use crate::vm::status;

/// The entry a native call takes while its callee's entry slot is empty: the
/// entry-slot convention (so emitted code calls it like any entry), the callee
/// named by the `CallInfo` the call pushed. Takes the tier-up path
/// (`jit::enter::run_func_to_ret`), which counts the call, may translate the
/// callee, and runs it.
///
/// # Safety
/// As for any entry (`bytecode::unit::EntryFn`): `frame` is the callee's frame and
/// the innermost `CallInfo` of `ctx` names the callee and that frame.
pub unsafe extern "C" fn hop_enter_untranslated(frame: *mut TypedValue, ctx: *mut ExecCtx) -> u64 {
    // SAFETY: per the contract.
    let ctx = unsafe { &mut *ctx };
    // SAFETY: the unit is owned by `ctx.unit`, never replaced while code runs.
    let unit: &Unit = unsafe { &*std::sync::Arc::as_ptr(&ctx.unit) };
    let callee = ctx.calls.last().map_or(unit.main, |ci| ci.func);
    let func = &unit.funcs[callee as usize];
    // SAFETY: forwarded contract.
    unsafe { run_func_to_ret(ctx, unit, func, frame) }
}

/// What a native call releases after the callee returned, when there is anything:
/// the rare parts of the `CallInfo` it popped (`rare`, or null) and the counted
/// values among the `n` slots of the callee's frame.
///
/// # Safety
/// `rare` is null or the `CallInfo::rare` box of the popped entry, owned by nobody
/// else; `frame .. frame + n` are initialised slots of the returned callee, dead
/// afterwards.
pub unsafe extern "C" fn hop_call_cleanup(rare: *mut CallRare, frame: *mut TypedValue, n: u64) {
    if !rare.is_null() {
        // SAFETY: per the contract: the pointer is the Box the entry owned.
        drop(unsafe { Box::from_raw(rare) });
    }
    // SAFETY: per the contract.
    unsafe { drop_slots(frame, n as usize) }
}

/// `frame[dst] = (tag, data)` with the interpreter's `write` semantics (through
/// references, releasing the old value), for a returned value the inline store could
/// not take; `NO_SLOT` releases the value.
///
/// # Safety
/// `frame` is the live frame of the calling function and `dst` one of its slots or
/// `NO_SLOT`; `(tag, data)` is an owned value.
pub unsafe extern "C" fn hop_write_result(frame: *mut TypedValue, dst: u64, tag: u8, data: u64) {
    write(frame, dst as u32, TypedValue::raw(tag, data));
}

/// Routes the fault a call left pending (a native call's, or an optimized
/// helper call's), as the generic helpers do: an
/// exception a handler of this function covers continues at the handler (the
/// exception pending in `ctx.jit_pending`); anything else stays pending and
/// `STEP_FAULT` is returned.
///
/// # Safety
/// As for `hop_step`; a fault is pending (`store_fault` ran) for op `pc`.
pub unsafe extern "C" fn hop_call_fault(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: per the contract.
    let (ctx, func) = unsafe { (&mut *ctx, &*func) };
    route_fault(ctx, func, frame, pc as usize, take_fault(status::THROW))
}
