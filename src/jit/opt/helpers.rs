//! Runtime helpers only optimized code calls (the rest are the baseline tier's, see
//! `baseline/helpers.rs`, and the deopt entries in `deopt.rs`). Each is
//! `extern "C"`; optimized code reaches them through absolute addresses.

use crate::bytecode::unit::{Func, Unit};
use crate::jit::baseline::helpers::route_fault;
use crate::jit::enter::run_func_to_ret;
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{CallRare, ExecCtx};
use crate::vm::interp::{drop_slots, write};
use crate::vm::interp_call::{call_builtin_slots, call_to_ret, store_fault, take_fault};
use crate::vm::status;

/// A call of user function `callee` with the `argc` arguments at `args` (this
/// frame's argument temporaries), its result written to slot `dst` of `frame`: the
/// `Call` op without the op decoding, profiling and result routing of the generic
/// helper (the lowering checked at compile time that the call site is a plain one).
/// Returns 0, or the fault's status with the fault pending (see [`hop_opt_fault`]).
///
/// # Safety
/// `ctx` is the running request's context with `ctx.line` set to the call's line,
/// `frame` the live frame of the calling function, `args .. args + argc` and `dst`
/// slots of it (`dst` may be `NO_SLOT`), `callee` a function of `ctx.unit`.
pub unsafe extern "C" fn hop_opt_call(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    args: u64,
    callee: u64,
    argc: u64,
    dst: u64,
) -> u64 {
    // SAFETY: per the contract.
    let ctx = unsafe { &mut *ctx };
    // SAFETY: the argument temporaries are `argc` slots of this live frame.
    let st = unsafe { call_to_ret(ctx, callee as u32, frame.add(args as usize), argc as usize) };
    if st == status::OK {
        write(frame, dst as u32, ctx.ret.take());
    }
    st
}

/// The entry a native call takes while its callee's entry slot is empty: the
/// entry-slot convention (so emitted code calls it like any entry), the callee
/// named by the `CallInfo` the call pushed. Takes the tier-up path
/// (`jit::enter::run_func_to_ret`), which counts the call, may translate the
/// callee, and runs it.
///
/// # Safety
/// As for any entry (`bytecode::unit::EntryFn`): `frame` is the callee's frame and
/// the innermost `CallInfo` of `ctx` names the callee and that frame.
pub unsafe extern "C" fn hop_opt_enter(frame: *mut TypedValue, ctx: *mut ExecCtx) -> u64 {
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
pub unsafe extern "C" fn hop_opt_call_cleanup(rare: *mut CallRare, frame: *mut TypedValue, n: u64) {
    if !rare.is_null() {
        // SAFETY: per the contract: the pointer is the Box the entry owned.
        drop(unsafe { Box::from_raw(rare) });
    }
    // SAFETY: per the contract.
    unsafe { drop_slots(frame, n as usize) }
}

/// Releases a string, array or object value an inline store is about to overwrite
/// (one owner less; the last frees it).
///
/// # Safety
/// `(tag, data)` is an owned value with a tag in STRING..=OBJECT, whose slot the
/// caller overwrites next without reading it.
pub unsafe extern "C" fn hop_opt_release(tag: u8, data: u64) {
    drop(TypedValue::raw(tag, data));
}

/// `frame[dst] = (tag, data)` with the interpreter's `write` semantics (through
/// references, releasing the old value), for a returned value the inline store could
/// not take; `NO_SLOT` releases the value.
///
/// # Safety
/// `frame` is the live frame of the calling function and `dst` one of its slots or
/// `NO_SLOT`; `(tag, data)` is an owned value.
pub unsafe extern "C" fn hop_opt_write_slot(frame: *mut TypedValue, dst: u64, tag: u8, data: u64) {
    write(frame, dst as u32, TypedValue::raw(tag, data));
}

/// Routes the fault an inline call left pending, as the generic helpers do: an
/// exception a handler of this function covers continues at the handler (the
/// exception pending in `ctx.jit_pending`); anything else stays pending and
/// `STEP_FAULT` is returned.
///
/// # Safety
/// As for `hop_step`; a fault is pending (`store_fault` ran) for op `pc`.
pub unsafe extern "C" fn hop_opt_fault(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: per the contract.
    let (ctx, func) = unsafe { (&mut *ctx, &*func) };
    route_fault(ctx, func, frame, pc as usize, take_fault(status::THROW))
}

/// A call of built-in function `builtin` with the `argc` arguments at `args`, its
/// result written to slot `dst`: the `CallBuiltin` op without the generic helper's
/// op decoding, profiling and result routing. Returns 0, or the fault's status with
/// the fault pending (see [`hop_opt_fault`]).
///
/// # Safety
/// As for [`hop_opt_call`]; `builtin` is an index of the built-in registry.
pub unsafe extern "C" fn hop_opt_call_builtin(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    args: u64,
    builtin: u64,
    argc: u64,
    dst: u64,
) -> u64 {
    // SAFETY: per the contract.
    let ctx = unsafe { &mut *ctx };
    match call_builtin_slots(ctx, builtin as u32, frame, args as u32, argc as u32) {
        Ok(v) => {
            write(frame, dst as u32, v);
            status::OK
        }
        Err(f) => store_fault(f),
    }
}
