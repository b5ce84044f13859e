//! Calls and frames: frame allocation on the VM stack, argument passing, the call
//! ops, the prologue ops (`CheckArgs`, `RecvVariadic`, `VerifyParam`) and
//! `VerifyReturn`, and `interp_entry`, the native entry-slot target.

use std::cell::RefCell;
use std::ptr;

pub use super::call_args::call_value_array;
use super::call_args::{bind_ref_args, by_ref_flags, by_ref_params_of, take_args_keep_refs};
use super::ctx::{CallInfo, CallRare, ExecCtx, Fault, VmResult, STACK_SLACK};
use super::interp::{drop_slots, execute, peek, read, slot, write};
use super::interp_ops::name_of;
use super::status;
use crate::bytecode::op::{Op, Operand, Slot};
use crate::bytecode::unit::{Func, TypeHint, Unit};
use crate::runtime::array::PhpArray;
use crate::runtime::builtins::registry;
use crate::runtime::convert::{to_bool, to_float, to_int, to_str_quiet};
use crate::runtime::numeric::{parse_numeric, Number, NumericKind};
use crate::runtime::value::{tag, TypedValue};

thread_local! {
    /// The fault behind a non-OK status returned through the native convention
    /// (until `ExecCtx` gets a field for it).
    static PENDING_FAULT: RefCell<Option<Fault>> = const { RefCell::new(None) };
}

/// Stores the fault of a non-OK status for the caller to pick up.
pub fn store_fault(f: Fault) -> u64 {
    let s = status::of_fault(&f);
    PENDING_FAULT.with(|p| *p.borrow_mut() = Some(f));
    s
}

/// The fault behind a non-OK status.
pub fn take_fault(s: u64) -> Fault {
    PENDING_FAULT
        .with(|p| p.borrow_mut().take())
        .unwrap_or(match s {
            status::EXIT => Fault::Exit(0),
            _ => Fault::Fatal {
                msg: "unknown fault".into(),
                line: 0,
            },
        })
}

/// A status of the entry-slot convention as a result: the value left in `ctx.ret`,
/// or the fault left for [`take_fault`].
#[inline(always)]
pub fn result_of(ctx: &mut ExecCtx, st: u64) -> VmResult<TypedValue> {
    match st {
        status::OK => Ok(ctx.ret.take()),
        s => Err(take_fault(s)),
    }
}

/// A result in the entry-slot convention: the value into `ctx.ret` (empty before),
/// a fault stored for [`take_fault`]; returns the status.
#[inline(always)]
pub fn status_of(ctx: &mut ExecCtx, r: VmResult<TypedValue>) -> u64 {
    match r {
        Ok(v) => {
            ctx.ret = v;
            status::OK
        }
        Err(f) => store_fault(f),
    }
}

/// The interpreter as an entry-slot target (`EntryFn`). Convention: the caller has
/// allocated and filled `frame` and pushed the `CallInfo` whose `func` names the
/// callee (or, for the script body, pushed nothing and passes `ctx.main_frame`).
/// The return value goes to `ctx.ret`; a fault is left for [`take_fault`].
///
/// # Safety
/// `ctx` must be a valid, exclusively usable `ExecCtx` and `frame` a frame of the
/// function named by the innermost `CallInfo`, with `num_slots` initialised slots.
pub unsafe extern "C" fn interp_entry(frame: *mut TypedValue, ctx: *mut ExecCtx) -> u64 {
    // SAFETY: guaranteed by the caller (see above).
    let ctx = &mut *ctx;
    let fid = match ctx.calls.last() {
        Some(ci) if ci.frame == frame => ci.func,
        _ => ctx.unit.main,
    };
    let unit = ctx.unit.clone();
    match execute(ctx, &unit, fid, frame) {
        Ok(v) => {
            ctx.ret = v;
            status::OK
        }
        Err(f) => store_fault(f),
    }
}

/// Takes `argc` argument values out of consecutive slots (leaving them uninit).
pub(crate) fn take_args(frame: *mut TypedValue, args: Slot, argc: u32) -> Vec<TypedValue> {
    (0..argc)
        .map(|i| {
            // SAFETY: argument slots are temporaries of this frame.
            let v = unsafe { slot(frame, args + i) }.take();
            if v.tag == tag::INDIRECT {
                // SAFETY: see interp::deref_slot.
                unsafe { (*(v.data as *const TypedValue)).copy_value() }
            } else if v.is_uninit() {
                TypedValue::null()
            } else {
                v
            }
        })
        .collect()
}

/// Whether argument `n` (0-based) was passed to the innermost call.
pub(crate) fn arg_passed(ctx: &ExecCtx, n: u32) -> bool {
    ctx.calls.last().is_some_and(|ci| ci.argc > n)
}

/// Calls `fid` with exactly its declared number of by-value arguments — the
/// common case, and the one worth a lean path: no defaults, variadics, by-reference
/// parameters, closure captures, named arguments or `$GLOBALS` to arrange (the
/// function's `CallShape::lean_argc`). Anything else goes through
/// [`call_function_from`]. Same contract as that function.
///
/// # Safety
/// As for [`call_function_from`].
pub unsafe fn call_simple_or_general(
    ctx: &mut ExecCtx,
    fid: u32,
    args: *mut TypedValue,
    argc: usize,
) -> VmResult<TypedValue> {
    // SAFETY: forwarded contract.
    let st = unsafe { call_to_ret(ctx, fid, args, argc) };
    result_of(ctx, st)
}

/// [`call_simple_or_general`] in the entry-slot convention (see
/// `jit::enter::run_func_to_ret` for why): the returned value is left in `ctx.ret`
/// for the caller to take, the result is a status and a fault is left for
/// [`take_fault`]. What the call ops of every tier use.
///
/// # Safety
/// As for [`call_function_from`]; `ctx.ret` is empty.
#[inline]
pub unsafe fn call_to_ret(ctx: &mut ExecCtx, fid: u32, args: *mut TypedValue, argc: usize) -> u64 {
    // SAFETY: as in call_function_from: the unit outlives the call.
    let unit: &Unit = unsafe { &*std::sync::Arc::as_ptr(&ctx.unit) };
    let func = match unit.funcs.get(fid as usize) {
        Some(f) if f.call_shape.lean_argc as usize == argc => f,
        // SAFETY: forwarded contract.
        _ => return unsafe { call_general(ctx, fid, args, argc) },
    };
    // SAFETY: forwarded contract; `func` is `fid` and takes `argc` by value.
    let Some(lean) = (unsafe { push_lean_frame(ctx, func, args, argc) }) else {
        return store_fault(stack_exhausted(ctx));
    };
    // SAFETY: the frame and its CallInfo were set up just above.
    let r = unsafe { crate::jit::enter::run_func_to_ret(ctx, unit, func, lean.frame) };
    // SAFETY: the frame was pushed above and its function has returned.
    unsafe { pop_lean_frame(ctx, lean) };
    r
}

/// Writes a closure's bound values into the capture slots of its frame, after the
/// parameters.
///
/// # Safety
/// `frame` is a frame of `func` whose capture slots (`params.len()` up to
/// `params.len() + num_captures`, within its slots) hold nothing to release.
#[inline]
pub(crate) unsafe fn bind_captures(func: &Func, frame: *mut TypedValue, bound: &[TypedValue]) {
    let first = func.params.len();
    for (j, v) in bound.iter().take(func.num_captures as usize).enumerate() {
        // SAFETY: per the contract, a capture slot with nothing to release.
        unsafe { ptr::write(frame.add(first + j), v.clone()) };
    }
}

/// A frame [`push_lean_frame`] set up, and what popping it restores.
#[derive(Clone, Copy)]
pub(crate) struct LeanFrame {
    pub frame: *mut TypedValue,
    /// The callee's slot count.
    pub slots: u32,
    /// The caller's line, restored on return.
    pub saved_line: u32,
    /// The VM stack pointer before the call.
    pub base: usize,
}

/// The first half of a lean call (see [`call_simple_or_general`]): claims the
/// callee's frame on the VM stack, moves the `argc` arguments in, starts the other
/// slots UNINIT and pushes the `CallInfo`. `None` when the VM stack has no room (the
/// caller reports it; nothing was changed). The interpreter's inline calls and
/// [`call_to_ret`] both use it, so a frame looks the same whoever runs it.
///
/// # Safety
/// As for [`call_function_from`]; `func` takes at least `argc` parameters, all by
/// value, and its slots hold them (`CallShape::lean_argc` or `inline_argc`).
#[inline(always)]
pub(crate) unsafe fn push_lean_frame(
    ctx: &mut ExecCtx,
    func: &Func,
    args: *mut TypedValue,
    argc: usize,
) -> Option<LeanFrame> {
    let n = func.num_slots as usize;
    let base = ctx.sp;
    if base + n > ctx.stack_limit() {
        return None;
    }
    // SAFETY: base + n is within the stack's capacity; the slots above sp belong to
    // no live frame.
    let frame = unsafe { ctx.stack.as_mut_ptr().add(base) };
    for i in 0..argc {
        // SAFETY: the caller guarantees `argc` readable values at `args`, outside the
        // unclaimed slots; slot i < argc <= n (the parameters fit the slots) is unclaimed
        // memory being initialised. A value below REF is moved field by field (JIT
        // code wrote the argument as two stores, which a 16-byte load could not
        // forward from) and its source left UNINIT (defined by the tag alone), which
        // is what `take` does.
        unsafe {
            let (src, dst) = (args.add(i), frame.add(i));
            let t = (*src).tag;
            if t < tag::REF {
                ptr::addr_of_mut!((*dst).data).write((*src).data);
                ptr::addr_of_mut!((*dst).tag).write(t);
                ptr::addr_of_mut!((*src).tag).write(tag::UNINIT);
            } else {
                ptr::write(dst, deref_arg((*src).take()));
            }
        }
    }
    // The other slots start UNINIT (defined by the tag alone), written in groups of
    // STACK_SLACK tags: up to STACK_SLACK - 1 past the frame's end, into unclaimed
    // slots, which no frame owns and which the next frame claimed there initialises.
    let mut i = argc;
    while i < n {
        for k in 0..STACK_SLACK {
            // SAFETY: i + k < n + STACK_SLACK <= the stack's capacity (ExecCtx::stack_limit);
            // slots from argc on are unclaimed memory.
            unsafe { ptr::addr_of_mut!((*frame.add(i + k)).tag).write(tag::UNINIT) };
        }
        i += STACK_SLACK;
    }
    ctx.sp = base + n;
    let saved_line = ctx.line;
    ctx.calls.push(CallInfo {
        func: func.id,
        call_line: saved_line,
        frame,
        argc: argc as u32,
        nextra: 0,
        rare: None,
    });
    ctx.cur_argc = argc as u32;
    Some(LeanFrame {
        frame,
        slots: n as u32,
        saved_line,
        base,
    })
}

/// The second half of a lean call: pops the `CallInfo`, releases the frame's slots
/// and gives the VM stack and the line back to the caller.
///
/// # Safety
/// `lean` is the innermost frame pushed by [`push_lean_frame`], and its function
/// has finished with it (returned or faulted).
#[inline(always)]
pub(crate) unsafe fn pop_lean_frame(ctx: &mut ExecCtx, lean: LeanFrame) {
    pop_call(ctx);
    // SAFETY: the frame's slots were initialised by push_lean_frame and nothing else
    // owns them now.
    unsafe { drop_slots(lean.frame, lean.slots as usize) };
    ctx.sp = lean.base;
    ctx.line = lean.saved_line;
}

/// The value an argument passes by value: what a `REF` or `INDIRECT` designates.
#[cold]
#[inline(never)]
fn deref_arg(v: TypedValue) -> TypedValue {
    if v.tag == tag::INDIRECT {
        // SAFETY: see interp::deref_slot.
        unsafe { (*(v.data as *const TypedValue)).copy_value() }
    } else if v.tag == tag::REF {
        v.copy_value()
    } else {
        v
    }
}

/// The general path out of line, so the lean one stays small.
///
/// # Safety
/// As for [`call_function_from`].
#[inline(never)]
unsafe fn call_general(ctx: &mut ExecCtx, fid: u32, args: *mut TypedValue, argc: usize) -> u64 {
    // SAFETY: forwarded contract.
    unsafe { call_function_to_ret(ctx, fid, args, argc, None) }
}

#[cold]
#[inline(never)]
fn stack_exhausted(ctx: &ExecCtx) -> Fault {
    ctx.fatal("Allowed memory size of 134217728 bytes exhausted (tried to allocate 262144 bytes)")
}

/// Pops the innermost `CallInfo`, releasing what it holds only when it holds
/// anything (most calls have no rare parts).
#[inline(always)]
fn pop_call(ctx: &mut ExecCtx) {
    if let Some(ci) = ctx.calls.pop() {
        if ci.rare.is_some() {
            drop_call(ci);
        }
    }
}

#[cold]
#[inline(never)]
fn drop_call(ci: CallInfo) {
    drop(ci);
}

/// The closure `c` is, when it is a user function taking every parameter by value
/// (what `CallValue` can call with its argument temporaries as they are).
fn by_value_closure<'c>(
    unit: &Unit,
    c: &'c TypedValue,
) -> Option<&'c crate::runtime::object::Closure> {
    let c = c.deref();
    if !c.is_object() {
        return None;
    }
    let cl = c.obj().closure.as_ref()?;
    let f = unit.funcs.get(cl.func as usize)?;
    (cl.builtin.is_none() && f.params.iter().all(|p| !p.by_ref)).then_some(cl)
}

/// Calls user function `fid` with `args` (by-reference parameters expect `REF`
/// values; others are dereferenced) and, for closures, the bound capture values.
pub fn call_function(
    ctx: &mut ExecCtx,
    fid: u32,
    mut args: Vec<TypedValue>,
    bound: Option<&[TypedValue]>,
) -> VmResult<TypedValue> {
    let argc = args.len();
    // SAFETY: `args` holds `argc` initialised values; taking them leaves uninit.
    unsafe { call_function_from(ctx, fid, args.as_mut_ptr(), argc, bound) }
}

/// The call path proper: takes (moves out) `argc` arguments starting at `args` —
/// the caller's argument temporaries or a vector — so a PHP-to-PHP call allocates
/// nothing.
///
/// # Safety
/// `args` must point at `argc` initialised values that stay valid for the call and
/// do not overlap the VM stack above `ctx.sp`.
pub unsafe fn call_function_from(
    ctx: &mut ExecCtx,
    fid: u32,
    args: *mut TypedValue,
    argc: usize,
    bound: Option<&[TypedValue]>,
) -> VmResult<TypedValue> {
    // SAFETY: forwarded contract.
    let st = unsafe { call_function_to_ret(ctx, fid, args, argc, bound) };
    result_of(ctx, st)
}

/// [`call_function_from`] in the entry-slot convention (see [`call_to_ret`]).
///
/// # Safety
/// As for [`call_function_from`]; `ctx.ret` is empty.
unsafe fn call_function_to_ret(
    ctx: &mut ExecCtx,
    fid: u32,
    args: *mut TypedValue,
    argc: usize,
    bound: Option<&[TypedValue]>,
) -> u64 {
    // SAFETY: the unit is owned by `ctx.unit` (an Arc never replaced while code
    // runs), so it outlives this call; a raw borrow avoids an atomic refcount pair per
    // call.
    let unit: &crate::bytecode::unit::Unit = unsafe { &*std::sync::Arc::as_ptr(&ctx.unit) };
    let Some(func) = unit.funcs.get(fid as usize) else {
        return store_fault(ctx.fatal(format!("Call to an invalid function index {fid}")));
    };
    let nparams = func.params.len();
    let ncap = func.num_captures as usize;
    let n = (func.num_slots as usize).max(nparams + ncap);
    let declared = if func.params.last().is_some_and(|p| p.variadic) {
        nparams - 1
    } else {
        nparams
    };
    // Arguments beyond the declared parameters live on the VM stack just below the
    // frame (`CallInfo::extra`), so passing them allocates nothing either.
    let nextra = argc.saturating_sub(declared);
    let base = ctx.sp;
    if base + nextra + n > ctx.stack_limit() {
        return store_fault(stack_exhausted(ctx));
    }
    // SAFETY: base + nextra + n is within the stack's capacity (checked above), the
    // Vec is never reallocated, and the slots at and above sp belong to no live frame.
    let extra = unsafe { ctx.stack.as_mut_ptr().add(base) };
    // SAFETY: as above.
    let frame = unsafe { extra.add(nextra) };
    for i in 0..n {
        // SAFETY: as above; the slots are uninitialised memory being claimed. An
        // UNINIT value is defined by its tag alone (its data is never read), so only
        // the tag byte is written.
        unsafe { ptr::addr_of_mut!((*frame.add(i)).tag).write(tag::UNINIT) };
    }
    // (The extra slots are written below before anything reads or drops them.)
    ctx.sp = base + nextra + n;
    let variadic_by_ref = func.call_shape.variadic_by_ref;
    for i in 0..argc {
        // SAFETY: the caller guarantees `argc` readable values at `args`.
        let v = unsafe { (*args.add(i)).take() };
        let v = if v.tag == tag::INDIRECT {
            // SAFETY: see interp::deref_slot.
            unsafe { (*(v.data as *const TypedValue)).copy_value() }
        } else {
            v
        };
        if i < declared {
            let v = if func.params[i].by_ref {
                if v.is_ref() {
                    v
                } else {
                    TypedValue::new_ref(v.copy_value())
                }
            } else if v.is_ref() {
                v.copy_value()
            } else {
                // (uninit stays uninit: a parameter skipped by named arguments,
                // which gets its default value.)
                v
            };
            // SAFETY: i < nparams <= n; the slot holds UNINIT (nothing to release).
            unsafe { ptr::write(frame.add(i), v) };
        } else {
            let v = if variadic_by_ref && v.is_ref() {
                v
            } else {
                v.copy_value()
            };
            // SAFETY: i - declared < nextra: an unclaimed slot below the frame, being
            // initialised.
            unsafe { ptr::write(extra.add(i - declared), v) };
        }
    }
    if let Some(b) = bound {
        // SAFETY: nparams + ncap <= n slots, the capture slots UNINIT (above).
        unsafe { bind_captures(func, frame, b) };
    }
    let named_extra = std::mem::take(&mut ctx.pending_named);
    let saved_line = ctx.line;
    ctx.calls.push(CallInfo {
        func: fid,
        call_line: ctx.line,
        frame,
        argc: argc as u32,
        nextra: nextra as u32,
        rare: (!named_extra.is_empty()).then(|| {
            Box::new(CallRare {
                named_extra,
                ..CallRare::default()
            })
        }),
    });
    if let Some(gs) = super::globals::globals_slot(func) {
        let g = super::globals::globals_array(ctx);
        // SAFETY: gs < num_locals <= n.
        unsafe { *frame.add(gs as usize) = g };
    }
    ctx.cur_argc = argc as u32;
    // SAFETY: the frame and its CallInfo were set up just above.
    let st = unsafe { crate::jit::enter::run_func_to_ret(ctx, unit, func, frame) };
    pop_call(ctx);
    // SAFETY: the extra arguments and the frame's n slots above them were
    // initialised above and nothing else owns them.
    unsafe { drop_slots(extra, nextra + n) };
    ctx.sp = base;
    ctx.line = saved_line;
    st
}

/// Calls a built-in with the arguments in consecutive frame slots, in place; its
/// result goes to slot `dst` (see `ExecCtx::call_builtin_to_slot`).
pub(crate) fn call_builtin_slots(
    ctx: &mut ExecCtx,
    b: u32,
    frame: *mut TypedValue,
    args: Slot,
    argc: u32,
    dst: Slot,
) -> VmResult<()> {
    let def = registry::get(b);
    for i in 0..argc {
        // SAFETY: argument slots are temporaries of this frame.
        let s = unsafe { slot(frame, args + i) };
        if s.tag == tag::INDIRECT || s.is_uninit() || (s.is_ref() && !def.is_by_ref(i as usize)) {
            *s = super::interp::deref_slot(s).copy_value();
        }
    }
    // SAFETY: the argc argument slots are initialised values of this frame; the
    // built-in may re-enter the VM, which only allocates frames above `sp`.
    let argv = unsafe { std::slice::from_raw_parts_mut(frame.add(args as usize), argc as usize) };
    let r = ctx.call_builtin_to_slot(b, argv, frame, dst);
    for v in argv.iter_mut() {
        *v = TypedValue::uninit();
    }
    // A fresh `Ok(())` rather than `r` moved out: the copy of the whole result
    // read back narrow stores (a forwarding stall per call).
    r?;
    Ok(())
}

/// Calls a callable value (closure, function name) with `args`.
pub fn call_value(
    ctx: &mut ExecCtx,
    callee: &TypedValue,
    mut args: Vec<TypedValue>,
) -> VmResult<TypedValue> {
    let callee = callee.deref();
    if callee.is_object() {
        if let Some(c) = &callee.obj().closure {
            if let Some(b) = c.builtin {
                let def = registry::get(b);
                for (i, v) in args.iter_mut().enumerate() {
                    if v.is_ref() && !def.is_by_ref(i) {
                        *v = v.copy_value();
                    }
                }
                return ctx.call_builtin(b, &mut args);
            }
            // The caller holds `callee` (one owner of the closure object) for the
            // whole call, and a closure's bound values never change: borrow them.
            return call_function(ctx, c.func, args, Some(&c.bound));
        }
        let msg = "Object of type {} is not callable".replace("{}", callee.obj().class_name());
        return Err(ctx.throw("Error", msg));
    }
    if callee.is_string() {
        let name = String::from_utf8_lossy(callee.str_bytes()).into_owned();
        if let Some(id) = ctx.user_function(&name) {
            return call_function(ctx, id, args, None);
        }
        if let Some(b) = registry::lookup(&name) {
            let def = registry::get(b);
            for (i, v) in args.iter_mut().enumerate() {
                if v.is_ref() && !def.is_by_ref(i) {
                    *v = v.copy_value();
                }
            }
            return ctx.call_builtin(b, &mut args);
        }
        return Err(ctx.throw("Error", format!("Call to undefined function {name}()")));
    }
    if callee.is_array() {
        return Err(ctx.throw("Error", "Array callback must have exactly two elements"));
    }
    let msg = format!("Value of type {} is not callable", callee.zend_type_name());
    Err(ctx.throw("Error", msg))
}

/// `CallValue` (`$f(...)`): a closure over a by-value user function is called with
/// the argument temporaries moved straight into its frame (no vectors); any other
/// callable through [`call_value`]. `op` is the `CallValue` op itself.
#[allow(clippy::too_many_arguments)]
pub(crate) fn call_value_op(
    ctx: &mut ExecCtx,
    unit: &Unit,
    func: &Func,
    frame: *mut TypedValue,
    op: &Op,
    dst: Slot,
    callee: Operand,
    args: Slot,
    argc: u32,
) -> VmResult<()> {
    let c = read(ctx, func, frame, callee).clone();
    if let Some(cl) = by_value_closure(unit, &c) {
        // SAFETY: the argc argument slots are temporaries of this frame; `c` keeps
        // the closure (and its bound values) alive for the call.
        let st = unsafe {
            call_function_to_ret(
                ctx,
                cl.func,
                frame.add(args as usize),
                argc as usize,
                Some(&cl.bound),
            )
        };
        let r = result_of(ctx, st)?;
        write(frame, dst, r);
        return Ok(());
    }
    let by_ref = by_ref_params_of(ctx, &c);
    if by_ref.iter().any(|&b| b) {
        bind_ref_args(func, frame, op, args, argc, &by_ref);
    }
    let argv = take_args_keep_refs(frame, args, argc, &by_ref);
    let r = call_value(ctx, &c, argv)?;
    write(frame, dst, r);
    Ok(())
}

pub(crate) fn call_op(
    ctx: &mut ExecCtx,
    unit: &Unit,
    func: &Func,
    frame: *mut TypedValue,
    op: &Op,
) -> VmResult<()> {
    match op {
        Op::Call {
            dst,
            func: f,
            args,
            argc,
        } => {
            if let Some(callee) = unit.funcs.get(*f as usize) {
                if callee.call_shape.variadic_by_ref {
                    // The emitter marks only declared positions as by-reference.
                    let by_ref = by_ref_flags(callee, *argc);
                    bind_ref_args(func, frame, op, *args, *argc, &by_ref);
                }
            }
            let argv = take_args(frame, *args, *argc);
            let r = call_function(ctx, *f, argv, None)?;
            write(frame, *dst, r);
        }
        Op::CallBuiltin {
            dst,
            builtin,
            args,
            argc,
        } => {
            call_builtin_slots(ctx, *builtin, frame, *args, *argc, *dst)?;
        }
        Op::CallName {
            dst,
            name,
            args,
            argc,
        } => {
            let n = name_of(unit, *name);
            let r = if let Some(id) = ctx.user_function(n) {
                let by_ref = by_ref_flags(&unit.funcs[id as usize], *argc);
                if by_ref.iter().any(|&b| b) {
                    bind_ref_args(func, frame, op, *args, *argc, &by_ref);
                }
                let argv = take_args_keep_refs(frame, *args, *argc, &by_ref);
                call_function(ctx, id, argv, None)?
            } else if let Some(b) = registry::lookup(n) {
                let def = registry::get(b);
                let by_ref: Vec<bool> = (0..*argc as usize).map(|i| def.is_by_ref(i)).collect();
                if by_ref.iter().any(|&b| b) {
                    bind_ref_args(func, frame, op, *args, *argc, &by_ref);
                }
                call_builtin_slots(ctx, b, frame, *args, *argc, *dst)?;
                return Ok(());
            } else {
                let msg = format!(
                    "Call to undefined function {}()",
                    n.trim_start_matches('\\')
                );
                return Err(ctx.throw("Error", msg));
            };
            write(frame, *dst, r);
        }
        Op::CallValue {
            dst,
            callee,
            args,
            argc,
        } => call_value_op(ctx, unit, func, frame, op, *dst, *callee, *args, *argc)?,
        Op::CallArray { dst, callee, arr } => {
            let c = read(ctx, func, frame, *callee).clone();
            let a = peek(func, frame, Operand::slot(*arr)).clone();
            let empty = PhpArray::new();
            let arr = if a.is_array() { a.arr() } else { &empty };
            let r = call_value_array(ctx, &c, arr, true)?;
            write(frame, *dst, r);
        }
        Op::CheckArgs { required } => {
            let argc = ctx.calls.last().map_or(0, |ci| ci.argc);
            if argc < *required {
                let call_line = ctx.calls.last().map_or(0, |ci| ci.call_line);
                let fixed = func.params.iter().all(|p| !p.variadic && !p.has_default);
                let how = if fixed && func.params.len() as u32 == *required {
                    "exactly"
                } else {
                    "at least"
                };
                let msg = format!(
                    "Too few arguments to function {}(), {argc} passed in {} on line {call_line} and {how} {required} expected",
                    func.name, ctx.file
                );
                if func.decl_line != 0 {
                    ctx.line = func.decl_line;
                }
                return Err(ctx.throw("ArgumentCountError", msg));
            }
        }
        Op::RecvVariadic { dst, from } => {
            let declared = func.params.iter().take_while(|p| !p.variadic).count() as u32;
            let skip = from.saturating_sub(declared) as usize;
            let mut vals: Vec<TypedValue> = ctx
                .calls
                .last()
                .map(|ci| ci.extra().iter().skip(skip).cloned().collect())
                .unwrap_or_default();
            let named: Vec<(Vec<u8>, TypedValue)> = ctx
                .calls
                .last()
                .map(|ci| ci.named_extra().to_vec())
                .unwrap_or_default();
            if let Some(ty) = func.params.get(*from as usize).and_then(|p| p.ty.as_ref()) {
                for (j, v) in vals.iter_mut().enumerate() {
                    let target = if v.is_ref() { v.deref_mut() } else { v };
                    match coerce(ctx, target, ty) {
                        Some(Some(nv)) => *target = nv,
                        Some(None) => {}
                        None => {
                            let call_line = ctx.calls.last().map_or(0, |ci| ci.call_line);
                            let msg = format!(
                                "{}(): Argument #{} must be of type {}, {} given, called in {} on line {call_line}",
                                func.name,
                                *from as usize + skip + j + 1,
                                type_string(ty),
                                target.debug_type(),
                                ctx.file
                            );
                            return Err(ctx.type_error(msg));
                        }
                    }
                }
            }
            let mut arr = PhpArray::from_values(vals);
            for (k, v) in named {
                arr.set_str(&k, v);
            }
            write(frame, *dst, TypedValue::array(arr));
        }
        Op::VerifyParam { slot: s, param } => {
            let Some(p) = func.params.get(*param as usize) else {
                return Ok(());
            };
            let Some(ty) = &p.ty else { return Ok(()) };
            // SAFETY: s is a slot of this frame.
            let v = super::interp::deref_slot_mut(unsafe { slot(frame, *s) });
            if v.is_uninit() || (v.is_null() && default_is_null(func, *param)) {
                return Ok(());
            }
            match coerce(ctx, v, ty) {
                Some(Some(nv)) => *v = nv,
                Some(None) => {}
                None => {
                    let call_line = ctx.calls.last().map_or(0, |ci| ci.call_line);
                    let msg = format!(
                        "{}(): Argument #{} (${}) must be of type {}, {} given, called in {} on line {call_line}",
                        func.name,
                        param + 1,
                        p.name.trim_start_matches('$'),
                        type_string(ty),
                        v.debug_type(),
                        ctx.file
                    );
                    return Err(ctx.type_error(msg));
                }
            }
        }
        Op::VerifyReturn { src } => {
            let Some(ty) = &func.return_type else {
                return Ok(());
            };
            // SAFETY: src is a slot of this frame.
            let v = super::interp::deref_slot_mut(unsafe { slot(frame, *src) });
            if matches!(ty, TypeHint::Void) {
                return Ok(());
            }
            if v.is_uninit() {
                *v = TypedValue::null();
            }
            match coerce(ctx, v, ty) {
                Some(Some(nv)) => *v = nv,
                Some(None) => {}
                None => {
                    // The implicit return at the end of the body is the last
                    // VerifyReturn (followed only by the final return): "none".
                    let pc = (op as *const Op as usize).wrapping_sub(func.ops.as_ptr() as usize)
                        / std::mem::size_of::<Op>().max(1);
                    let rest = func.ops.get(pc + 1..).unwrap_or(&[]);
                    let implicit = v.is_null()
                        && matches!(
                            rest,
                            [Op::Return { .. }]
                                | [
                                    Op::RefNotice { .. },
                                    Op::ReturnRef { .. },
                                    Op::Return { .. }
                                ]
                        );
                    let msg = format!(
                        "{}(): Return value must be of type {}, {} returned",
                        func.name,
                        type_string(ty),
                        if implicit {
                            "none".to_string()
                        } else {
                            v.debug_type()
                        }
                    );
                    return Err(ctx.type_error(msg));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Whether parameter `param` has the literal default `null` (which makes its
/// declared type implicitly nullable): its default-value code, between the
/// `JmpIfArg` for it and the jump target, is one move of the constant null.
fn default_is_null(func: &Func, param: u32) -> bool {
    let Some(p) = func.params.get(param as usize) else {
        return false;
    };
    if !p.has_default {
        return false;
    }
    for (j, op) in func.ops.iter().enumerate() {
        if let Op::JmpIfArg { n, target } = op {
            if *n != param {
                continue;
            }
            let body = func.ops.get(j + 1..*target as usize).unwrap_or(&[]);
            return match body {
                [Op::Move { dst, src }] => {
                    *dst == param
                        && src.is_const()
                        && func
                            .consts
                            .get(src.index() as usize)
                            .is_some_and(|c| c.is_null())
                }
                _ => false,
            };
        }
    }
    false
}

/// PHP's spelling of a declared type.
pub(crate) fn type_string(t: &TypeHint) -> String {
    match t {
        TypeHint::Int => "int".into(),
        TypeHint::Float => "float".into(),
        TypeHint::String => "string".into(),
        TypeHint::Bool => "bool".into(),
        TypeHint::Array => "array".into(),
        TypeHint::Callable => "callable".into(),
        TypeHint::Iterable => "iterable".into(),
        TypeHint::Object => "object".into(),
        TypeHint::Mixed => "mixed".into(),
        TypeHint::Void => "void".into(),
        TypeHint::Null => "null".into(),
        TypeHint::False => "false".into(),
        TypeHint::True => "true".into(),
        TypeHint::Never => "never".into(),
        TypeHint::Class(c) => c.trim_start_matches('\\').to_string(),
        TypeHint::Union(ts) => {
            if ts.len() == 2 && ts.contains(&TypeHint::Null) {
                let other = ts
                    .iter()
                    .find(|t| **t != TypeHint::Null)
                    .map(type_string)
                    .unwrap_or_default();
                return format!("?{other}");
            }
            ts.iter().map(type_string).collect::<Vec<_>>().join("|")
        }
    }
}

fn members(t: &TypeHint) -> &[TypeHint] {
    match t {
        TypeHint::Union(ts) => ts,
        _ => std::slice::from_ref(t),
    }
}

fn accepts_exactly(ctx: &ExecCtx, v: &TypedValue, t: &TypeHint) -> bool {
    match t {
        TypeHint::Int => v.is_int(),
        TypeHint::Float => v.is_double(),
        TypeHint::String => v.is_string(),
        TypeHint::Bool => v.is_bool(),
        TypeHint::Array | TypeHint::Iterable => v.is_array(),
        TypeHint::Callable => ctx.is_callable(v),
        TypeHint::Object => v.is_object(),
        TypeHint::Mixed => true,
        TypeHint::Void | TypeHint::Null => v.is_null(),
        TypeHint::False => v.is_bool() && !v.bool_val(),
        TypeHint::True => v.is_bool() && v.bool_val(),
        TypeHint::Never => false,
        TypeHint::Class(c) => {
            v.is_object() && v.obj().class.is_subclass_of(c.trim_start_matches('\\'))
        }
        TypeHint::Union(ts) => ts.iter().any(|t| accepts_exactly(ctx, v, t)),
    }
}

/// Weak-mode coercion: `None` = TypeError, `Some(None)` = accepted as is,
/// `Some(Some(v))` = converted.
fn coerce(ctx: &mut ExecCtx, v: &TypedValue, t: &TypeHint) -> Option<Option<TypedValue>> {
    if accepts_exactly(ctx, v, t) {
        return Some(None);
    }
    let ms = members(t);
    let has = |x: TypeHint| ms.contains(&x);
    if !(v.is_int() || v.is_double() || v.is_string() || v.is_bool()) {
        return None;
    }
    // int → float is allowed even without other scalar targets.
    if v.is_int() && has(TypeHint::Float) {
        return Some(Some(TypedValue::double(v.int_val() as f64)));
    }
    if v.is_string() {
        let (n, kind) = parse_numeric(v.str_bytes());
        if kind == NumericKind::Numeric {
            match n {
                Some(Number::Int(i)) if has(TypeHint::Int) => {
                    return Some(Some(TypedValue::int(i)))
                }
                Some(Number::Int(i)) if has(TypeHint::Float) => {
                    return Some(Some(TypedValue::double(i as f64)))
                }
                Some(Number::Float(f)) if has(TypeHint::Float) => {
                    return Some(Some(TypedValue::double(f)))
                }
                Some(Number::Float(f))
                    if has(TypeHint::Int) && f.fract() == 0.0 && f.is_finite() =>
                {
                    return Some(Some(TypedValue::int(f as i64)))
                }
                Some(Number::Float(f))
                    if has(TypeHint::Int)
                        && f.is_finite()
                        && f >= i64::MIN as f64
                        && f < i64::MAX as f64 =>
                {
                    ctx.deprecated(&format!(
                        "Implicit conversion from float-string \"{}\" to int loses precision",
                        String::from_utf8_lossy(v.str_bytes())
                    ));
                    return Some(Some(TypedValue::int(f as i64)));
                }
                _ => {}
            }
        }
        if has(TypeHint::Bool) {
            return Some(Some(TypedValue::bool(to_bool(v))));
        }
        return None;
    }
    if has(TypeHint::Int) && (v.is_bool() || v.is_double()) {
        if v.is_double() {
            let f = v.double_val();
            if !f.is_finite() {
                return None;
            }
            if f.fract() != 0.0 {
                if has(TypeHint::String) && !has(TypeHint::Int) {
                    return Some(Some(TypedValue::string(to_str_quiet(v).into_owned())));
                }
                let shown = crate::runtime::convert::float_to_string(f);
                ctx.deprecated(&format!(
                    "Implicit conversion from float {shown} to int loses precision"
                ));
            }
        }
        return Some(Some(TypedValue::int(to_int(v))));
    }
    if has(TypeHint::Float) {
        return Some(Some(TypedValue::double(to_float(v))));
    }
    if has(TypeHint::String) {
        return Some(Some(TypedValue::string(to_str_quiet(v).into_owned())));
    }
    if has(TypeHint::Bool) {
        return Some(Some(TypedValue::bool(to_bool(v))));
    }
    None
}
