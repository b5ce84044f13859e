//! Runtime helpers baseline code calls. Each is `extern "C"` with its contract
//! documented here once; baseline code reaches them through absolute addresses.

use std::sync::Arc;

use crate::bytecode::op::{DimMode, Op, Operand};
use crate::bytecode::unit::Func;
use crate::jit::slow_sites;
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, Fault, VmResult};
use crate::vm::dim_fast::{fetch_dim_packed, fetch_dim_w_packed};
use crate::vm::interp::{append_n_op, concat_n_op, concat_op, echo_op, line_of};
use crate::vm::interp::{peek, step, write};
use crate::vm::interp_call::{
    call_builtin_slots, call_to_ret, call_value_op, result_of, store_fault,
};
use crate::vm::interp_dim;
use crate::vm::interp_iter::iter_next_by_value;
use crate::vm::interp_ops::{slow_op, Flow};

/// `hop_step` result: the function returned; its value is in `ctx.ret`.
pub const STEP_RETURNED: i64 = -1;
/// `hop_step` result: a fault is pending (`interp_call::take_fault` has it).
pub const STEP_FAULT: i64 = -2;

/// Executes bytecode op `pc` of `func` on `frame` with the interpreter's semantics —
/// the out-of-line path of every baseline op — and records what the profile wants
/// to know about it (operand tags, callees).
///
/// Returns the pc to continue at (`>= 0`; an exception caught by a handler of this
/// function continues at the handler), `STEP_RETURNED`, or `STEP_FAULT`.
///
/// # Safety
/// `ctx` is the running request's context, `frame` the live frame of `func` (which
/// belongs to `ctx.unit`), and `pc <= func.ops.len()` (one past the end returns
/// null, as falling off the end of a function does).
pub unsafe extern "C" fn hop_step(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: per the contract above.
    let (ctx, func) = unsafe { (&mut *ctx, &*func) };
    // SAFETY: the unit is owned by ctx.unit, which outlives this call.
    let unit = unsafe { &*Arc::as_ptr(&ctx.unit) };
    let pc = pc as usize;
    slow_sites::note(func, pc);
    record_profile(func, frame, pc);
    let mut next = pc;
    let mut pending = ctx.jit_pending.take();
    let r = step(ctx, unit, func, frame, &mut next, &mut pending);
    ctx.jit_pending = pending;
    let flow = r.map(|returned| match returned {
        None => Flow::Jump(next as u32),
        Some(v) => Flow::Return(v),
    });
    finish_op(ctx, func, frame, pc, flow)
}

/// A helper in [`hop_step`]'s convention.
pub(crate) type OutOfLineFn =
    unsafe extern "C" fn(*mut ExecCtx, *mut TypedValue, *const Func, u64) -> i64;

/// The helper that runs `op` out of line with the interpreter's semantics, for
/// both JIT tiers: a specialized entry for the ops that have one (no op dispatch,
/// no profiling where there is nothing to record), else the single-op dispatcher
/// or the out-of-line op table.
pub(crate) fn out_of_line_helper(op: &Op) -> usize {
    let f: OutOfLineFn = match op {
        Op::Call { .. } => hop_call,
        Op::CallBuiltin { .. } => hop_call_builtin,
        Op::CallValue { .. } => hop_call_value,
        Op::FetchDim { .. } => hop_fetch_dim,
        Op::FetchDimW { .. } => hop_fetch_dim_w,
        Op::IterNext { .. } => hop_iter_next,
        op if interp_dim::handles(op) => hop_dim,
        Op::Concat { .. } | Op::ConcatN { .. } | Op::AppendN { .. } | Op::Echo { .. } => {
            hop_string_op
        }
        op if super::translate::runs_in_dispatch_loop(op) => hop_step,
        _ => hop_slow,
    };
    f as *const () as usize
}

/// Operand tags of type-sensitive ops and callees of call sites, into ProfData.
pub(crate) fn record_profile(func: &Func, frame: *mut TypedValue, pc: usize) {
    let prof = &func.jit.prof;
    let Some(op) = func.ops.get(pc) else { return };
    let operands: [Option<Operand>; 2] = match op {
        Op::Add { a, b, .. }
        | Op::Sub { a, b, .. }
        | Op::Mul { a, b, .. }
        | Op::Concat { a, b, .. }
        | Op::Bin { a, b, .. }
        | Op::Lt { a, b, .. }
        | Op::Le { a, b, .. }
        | Op::Eq { a, b, .. }
        | Op::NotEq { a, b, .. }
        | Op::Identical { a, b, .. }
        | Op::NotIdentical { a, b, .. }
        | Op::JmpNotLt { a, b, .. }
        | Op::JmpLt { a, b, .. } => [Some(*a), Some(*b)],
        Op::FetchDim { base, key, .. } => [Some(*base), Some(*key)],
        // Keys of element writes that left the packed fast path: a string key makes
        // the optimizing tier call the generic op there instead of guarding.
        Op::FetchDimW { key: Some(key), .. } | Op::AssignDim { key: Some(key), .. } => {
            [Some(*key), None]
        }
        Op::JmpZ { cond, .. } | Op::JmpNZ { cond, .. } => [Some(*cond), None],
        Op::Move { src, .. } => [Some(*src), None],
        Op::IncDec { target, .. } => [Some(Operand::slot(*target)), None],
        Op::Call { func: f, .. } => {
            prof.record_callee(pc, *f);
            [None, None]
        }
        Op::CallValue { callee, .. } => {
            record_value_callee(func, frame, pc, *callee);
            [None, None]
        }
        _ => [None, None],
    };
    for o in operands.into_iter().flatten() {
        prof.record_tag(pc, peek(func, frame, o).tag());
    }
}

/// The out-of-line path of `Call` (a user function known at compile time): moves
/// the arguments from this frame into the callee's, runs it in its best tier, and
/// stores the result. Same results as `hop_step`.
///
/// # Safety
/// As for [`hop_step`]; op `pc` of `func` is a `Call`.
pub unsafe extern "C" fn hop_call(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: per the contract above.
    let (ctx, func) = unsafe { (&mut *ctx, &*func) };
    let pc = pc as usize;
    // SAFETY: the unit is owned by ctx.unit, which outlives this call.
    let unit = unsafe { &*Arc::as_ptr(&ctx.unit) };
    let Some(&Op::Call {
        dst,
        func: callee,
        args,
        argc,
    }) = func.ops.get(pc)
    else {
        // SAFETY: forwarded contract.
        return unsafe { hop_step(ctx, frame, func, pc as u64) };
    };
    // A by-reference variadic callee binds the caller's extra arguments as
    // references: the interpreter's path does that (precomputed per callee).
    if unit
        .funcs
        .get(callee as usize)
        .is_some_and(|f| f.call_shape.variadic_by_ref)
    {
        // SAFETY: forwarded contract.
        return unsafe { hop_step(ctx, frame, func, pc as u64) };
    }
    func.jit.prof.record_callee(pc, callee);
    ctx.line = line_of(func, pc);
    // SAFETY: the argument temporaries are `argc` slots of this live frame.
    let st = unsafe { call_to_ret(ctx, callee, frame.add(args as usize), argc as usize) };
    match result_of(ctx, st) {
        Ok(v) => {
            write(frame, dst, v);
            pc as i64 + 1
        }
        Err(f) => finish_op(ctx, func, frame, pc, Err(f)),
    }
}

/// The out-of-line path of `FetchDim`: reads a packed array's element by int key
/// directly (the common case in loops), everything else via [`hop_step`]. Same
/// results as `hop_step`.
///
/// # Safety
/// As for [`hop_step`].
pub unsafe extern "C" fn hop_fetch_dim(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: per the contract above.
    let f = unsafe { &*func };
    if let Some(&Op::FetchDim { dst, base, key }) = f.ops.get(pc as usize) {
        if fetch_dim_packed(f, frame, dst, base, key) {
            return pc as i64 + 1;
        }
    }
    // SAFETY: forwarded contract.
    unsafe { hop_dim(ctx, frame, func, pc) }
}

/// The out-of-line path of `FetchDimW` for writes and read-modify-writes of an
/// existing element of a packed array held directly (and uniquely) by a local: the
/// element's address goes to `dst` as an INDIRECT. Everything else via [`hop_step`].
///
/// # Safety
/// As for [`hop_step`].
pub unsafe extern "C" fn hop_fetch_dim_w(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: per the contract above.
    let f = unsafe { &*func };
    if let Some(Op::FetchDimW {
        dst,
        base,
        key: Some(key),
        mode: DimMode::Write | DimMode::ReadWrite,
    }) = f.ops.get(pc as usize)
    {
        if fetch_dim_w_packed(f, frame, *dst, *base, *key) {
            return pc as i64 + 1;
        }
    }
    // SAFETY: forwarded contract.
    unsafe { hop_dim(ctx, frame, func, pc) }
}

/// The out-of-line path of the array ops (`FetchDim` with a string key, `isset`,
/// `unset`, `AssignDim` on a hash, ...) once their fast paths did not apply: the
/// interpreter's element access (`interp_dim::dim_op`) directly, without the op
/// table. Same results as [`hop_step`].
///
/// # Safety
/// As for [`hop_step`].
pub unsafe extern "C" fn hop_dim(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: forwarded contract.
    unsafe {
        run_out_of_line(ctx, frame, func, pc, |ctx, func, op| {
            interp_dim::handles(op).then(|| {
                slow_sites::note(func, pc as usize);
                record_profile(func, frame, pc as usize);
                interp_dim::dim_op(ctx, func, frame, op)
            })
        })
    }
}

/// What the dedicated out-of-line helpers share: `run` performs op `pc` of `func`
/// (with `ctx.line` set for its messages) and returns `None` when it is not an op it
/// handles, which then goes through [`hop_step`]; the result is routed as
/// `hop_step`'s.
///
/// # Safety
/// As for [`hop_step`].
#[inline(always)]
unsafe fn run_out_of_line(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
    run: impl FnOnce(&mut ExecCtx, &Func, &Op) -> Option<VmResult<()>>,
) -> i64 {
    // SAFETY: per the contract of the calling helper (that of hop_step).
    let (ctx, f) = unsafe { (&mut *ctx, &*func) };
    let at = pc as usize;
    let Some(op) = f.ops.get(at) else {
        // SAFETY: forwarded contract.
        return unsafe { hop_step(ctx, frame, func, pc) };
    };
    ctx.line = line_of(f, at);
    match run(ctx, f, op) {
        Some(r) => finish_op(ctx, f, frame, at, r.map(|_| Flow::Next)),
        // SAFETY: forwarded contract.
        None => unsafe { hop_step(ctx, frame, func, pc) },
    }
}

/// What the out-of-line path of op `pc` returns once the op ran: the next pc, or a
/// returned value / fault / caught exception, in `hop_step`'s convention.
fn finish_op(
    ctx: &mut ExecCtx,
    func: &Func,
    frame: *mut TypedValue,
    pc: usize,
    r: VmResult<Flow>,
) -> i64 {
    match r {
        Ok(Flow::Next) => pc as i64 + 1,
        Ok(Flow::Jump(t)) => t as i64,
        Ok(Flow::Return(v)) => {
            ctx.ret = v;
            STEP_RETURNED
        }
        Err(f) => route_fault(ctx, func, frame, pc, f),
    }
}

/// Where JIT code goes after op `pc` faulted, in `hop_step`'s convention: an
/// exception a handler of this function covers continues at the handler (pending
/// in `ctx.jit_pending`); anything else is stored and `STEP_FAULT` returned.
pub(crate) fn route_fault(
    ctx: &mut ExecCtx,
    func: &Func,
    frame: *mut TypedValue,
    pc: usize,
    f: Fault,
) -> i64 {
    if let Fault::Throw(e) = f {
        match crate::vm::interp_unwind::unwind_target(func, frame, pc as u32, &e) {
            Some(h) => {
                ctx.jit_pending = Some(e);
                return h.handler as i64;
            }
            None => {
                store_fault(Fault::Throw(e));
                return STEP_FAULT;
            }
        }
    }
    store_fault(f);
    STEP_FAULT
}

/// The out-of-line path of ops the interpreter itself runs out of line (arrays,
/// iteration, built-in calls, ...): calls the interpreter's implementation of the op
/// directly, without entering its dispatch loop. Same results as [`hop_step`].
///
/// # Safety
/// As for [`hop_step`]; op `pc` is one `vm::interp_ops::slow_op` implements.
pub unsafe extern "C" fn hop_slow(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: per the contract above.
    let (ctx, func) = unsafe { (&mut *ctx, &*func) };
    // SAFETY: the unit is owned by ctx.unit, which outlives this call.
    let unit = unsafe { &*Arc::as_ptr(&ctx.unit) };
    let pc = pc as usize;
    let Some(op) = func.ops.get(pc) else {
        // SAFETY: forwarded contract.
        return unsafe { hop_step(ctx, frame, func, pc as u64) };
    };
    slow_sites::note(func, pc);
    record_profile(func, frame, pc);
    ctx.line = line_of(func, pc);
    let mut pending = ctx.jit_pending.take();
    let r = slow_op(ctx, unit, func, frame, op, &mut pending);
    ctx.jit_pending = pending;
    finish_op(ctx, func, frame, pc, r)
}

/// The out-of-line path of the string ops the interpreter runs inside its dispatch
/// loop — `Concat` (appending in place when it can), `ConcatN`, `AppendN`, `Echo` — through
/// the interpreter's own per-op functions, without entering the loop.
///
/// # Safety
/// As for [`hop_step`].
pub unsafe extern "C" fn hop_string_op(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: forwarded contract.
    unsafe {
        run_out_of_line(ctx, frame, func, pc, |ctx, func, op| match op {
            Op::Concat { dst, a, b } => Some(concat_op(ctx, func, frame, *dst, *a, *b)),
            Op::ConcatN { dst, parts } => Some(concat_n_op(ctx, func, frame, *dst, parts)),
            Op::AppendN { dst, parts } => Some(append_n_op(ctx, func, frame, *dst, parts)),
            Op::Echo { src } => Some(echo_op(ctx, func, frame, *src)),
            _ => None,
        })
    }
}

/// The out-of-line path of `CallBuiltin`: the call itself, without the generic
/// helper's profiling (built-in calls record nothing) and op dispatch. Same results
/// as [`hop_step`].
///
/// # Safety
/// As for [`hop_step`].
pub unsafe extern "C" fn hop_call_builtin(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: forwarded contract.
    unsafe {
        run_out_of_line(ctx, frame, func, pc, |ctx, _, op| match *op {
            Op::CallBuiltin {
                dst,
                builtin,
                args,
                argc,
            } => Some(call_builtin_slots(ctx, builtin, frame, args, argc, dst)),
            _ => None,
        })
    }
}

/// Profiles `CallValue` site `pc` of `func`: the function of the by-value closure
/// its `callee` holds, or polymorphic for any other callable (a native call in
/// optimized code needs one closure function, see `opt::irgen_call`).
fn record_value_callee(func: &Func, frame: *mut TypedValue, pc: usize, callee: Operand) {
    let prof = &func.jit.prof;
    let v = peek(func, frame, callee).deref();
    match v.is_object().then(|| v.obj().closure.as_ref()).flatten() {
        Some(c) if c.builtin.is_none() => prof.record_callee(pc, c.func),
        _ => prof.record_polymorphic(pc),
    }
}

/// The out-of-line path of `CallValue` (`$f(...)`, closures above all): the call
/// itself, without the generic helper's profiling and op dispatch. Same results as
/// [`hop_step`].
///
/// # Safety
/// As for [`hop_step`].
pub unsafe extern "C" fn hop_call_value(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: forwarded contract.
    unsafe {
        run_out_of_line(ctx, frame, func, pc, |ctx, func, op| match *op {
            Op::CallValue {
                dst,
                callee,
                args,
                argc,
            } => {
                record_value_callee(func, frame, pc as usize, callee);
                // SAFETY: the unit is owned by ctx.unit, which outlives this call.
                let unit = &*Arc::as_ptr(&ctx.unit);
                Some(call_value_op(
                    ctx, unit, func, frame, op, dst, callee, args, argc,
                ))
            }
            _ => None,
        })
    }
}

/// The out-of-line path of `IterNext`: by-value iteration directly (the common
/// `foreach`), by reference through [`hop_slow`]. Same results as [`hop_step`].
///
/// # Safety
/// As for [`hop_step`].
pub unsafe extern "C" fn hop_iter_next(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    func: *const Func,
    pc: u64,
) -> i64 {
    // SAFETY: per the contract above.
    let f = unsafe { &*func };
    if let Some(&Op::IterNext {
        iter,
        val,
        key,
        by_ref: false,
        exit,
    }) = f.ops.get(pc as usize)
    {
        return if iter_next_by_value(frame, iter, val, key) {
            pc as i64 + 1
        } else {
            exit as i64
        };
    }
    // SAFETY: forwarded contract.
    unsafe { hop_slow(ctx, frame, func, pc) }
}

/// Drops the value a frame slot holds and leaves it undefined (baseline code clears
/// a temporary that still holds a string, array or object before reusing it).
///
/// # Safety
/// `slot` points at a live, initialised slot of the running frame.
pub unsafe extern "C" fn hop_clear_slot(slot: *mut TypedValue) {
    // SAFETY: per the contract above; the old value is released here.
    unsafe { *slot = TypedValue::uninit() };
}
