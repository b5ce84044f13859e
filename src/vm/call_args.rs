//! Argument binding for calls the emitter cannot resolve statically: named arguments
//! (from `...$args` with string keys and `call_user_func_array`) and by-reference
//! parameters of dynamically called functions.

use super::ctx::{ExecCtx, VmResult};
use super::interp::slot;
use super::interp_call::{call_function, call_value};
use crate::bytecode::op::{Op, Slot};
use crate::bytecode::unit::Func;
use crate::runtime::array::PhpArray;
use crate::runtime::builtins::registry;
use crate::runtime::value::{tag, TypedValue};

/// Which parameters of a callable value take their argument by reference.
pub(crate) fn by_ref_params_of(ctx: &ExecCtx, c: &TypedValue) -> Vec<bool> {
    let c = c.deref();
    if let Some(b) = c
        .is_object()
        .then(|| c.obj().closure.as_ref().and_then(|cl| cl.builtin))
        .flatten()
    {
        let d = registry::get(b);
        return (0..d.params.len().max(8)).map(|i| d.is_by_ref(i)).collect();
    }
    let id = if c.is_object() {
        c.obj().closure.as_ref().map(|cl| cl.func)
    } else if c.is_string() {
        let name = String::from_utf8_lossy(c.str_bytes());
        match ctx.user_function(&name) {
            Some(id) => Some(id),
            None => {
                return registry::lookup(&name).map_or_else(Vec::new, |b| {
                    let d = registry::get(b);
                    (0..d.params.len().max(8)).map(|i| d.is_by_ref(i)).collect()
                })
            }
        }
    } else {
        None
    };
    id.and_then(|id| ctx.unit.funcs.get(id as usize))
        // No allocation for the common callee without by-reference parameters.
        .filter(|f| f.params.iter().any(|p| p.by_ref))
        .map_or_else(Vec::new, |f| by_ref_flags(f, 64))
}

/// Per argument position (at least `argc`): whether it binds by reference.
pub(crate) fn by_ref_flags(f: &Func, argc: u32) -> Vec<bool> {
    let mut v: Vec<bool> = f.params.iter().map(|p| p.by_ref).collect();
    if let Some(p) = f.params.last() {
        if p.variadic {
            while v.len() < argc as usize {
                v.push(p.by_ref);
            }
        }
    }
    v
}

/// The local whose value the `Move` before call `pc` put into argument temporary
/// `target` (looking back within the call's straight-line setup): the variable a
/// by-reference parameter binds to.
pub(crate) fn arg_source(func: &Func, pc: usize, target: Slot) -> Option<Slot> {
    let mut j = pc.min(func.ops.len());
    while j > 0 && pc - j < 256 {
        j -= 1;
        match &func.ops[j] {
            Op::Move { dst, src } if *dst == target => {
                return (!src.is_const() && src.0 < func.num_locals).then_some(src.0);
            }
            op if op.branch_target().is_some() => return None,
            _ => {}
        }
    }
    None
}

/// Dynamic calls (`$f($x)`, calls of functions unknown at compile time): the
/// emitter passes every argument by value, copying a variable into the argument
/// slot with a `Move`. For parameters that take a reference, find that `Move` (the
/// last write of the argument slot before the call, with no jump in between) and
/// pass a reference to the variable instead, as PHP's SEND_VAR_EX does.
pub(crate) fn bind_ref_args(
    func: &Func,
    frame: *mut TypedValue,
    op: &Op,
    args: Slot,
    argc: u32,
    by_ref: &[bool],
) {
    let pc = (op as *const Op as usize).wrapping_sub(func.ops.as_ptr() as usize)
        / std::mem::size_of::<Op>().max(1);
    if pc >= func.ops.len() {
        return;
    }
    for i in 0..argc {
        if !by_ref.get(i as usize).copied().unwrap_or(false) {
            continue;
        }
        let target = args + i;
        if let Some(local) = arg_source(func, pc, target) {
            // SAFETY: local and target are distinct slots of this frame.
            let r = super::interp::make_ref_of(unsafe { slot(frame, local) });
            unsafe { *slot(frame, target) = r };
        }
    }
}

/// `take_args`, but references in by-reference positions stay references.
pub(crate) fn take_args_keep_refs(
    frame: *mut TypedValue,
    args: Slot,
    argc: u32,
    by_ref: &[bool],
) -> Vec<TypedValue> {
    (0..argc)
        .map(|i| {
            // SAFETY: argument slots are temporaries of this frame.
            let v = unsafe { slot(frame, args + i) }.take();
            if v.tag == tag::INDIRECT {
                // SAFETY: see interp::deref_slot.
                unsafe { (*(v.data as *const TypedValue)).copy_value() }
            } else if v.is_uninit() {
                TypedValue::null()
            } else if v.is_ref() && !by_ref.get(i as usize).copied().unwrap_or(false) {
                v.copy_value()
            } else {
                v
            }
        })
        .collect()
}

/// A callee for named arguments: function name, parameters as (name, has default,
/// variadic), the user function index (None: built-in) and closure bound values.
type NamedTarget = (
    String,
    Vec<(String, bool, bool)>,
    Option<u32>,
    Option<Vec<TypedValue>>,
);

/// Calls `callee` with the arguments in `arr`: int keys are positional, string keys
/// named (`f(...$args)` and `call_user_func_array`). Named arguments bind to the
/// parameters of that name; a user function's skipped optional parameters take their
/// defaults; unknown names go to a variadic parameter or are an Error.
pub fn call_value_array(
    ctx: &mut ExecCtx,
    callee: &TypedValue,
    arr: &PhpArray,
    unpacking: bool,
) -> VmResult<TypedValue> {
    use crate::runtime::array::KeyRef;
    let mut positional = Vec::with_capacity(arr.len());
    let mut named: Vec<(Vec<u8>, TypedValue)> = Vec::new();
    for (k, v) in arr.iter() {
        let v = if v.is_lonely_ref() {
            v.copy_value()
        } else {
            v.clone()
        };
        match k {
            KeyRef::Int(_) => {
                if !named.is_empty() {
                    let msg = if unpacking {
                        "Cannot use positional argument after named argument during unpacking"
                    } else {
                        "Cannot use positional argument after named argument"
                    };
                    return Err(ctx.throw("Error", msg));
                }
                positional.push(v);
            }
            KeyRef::Str(s) => named.push((s.to_vec(), v)),
        }
    }
    if named.is_empty() {
        return call_value(ctx, callee, positional);
    }
    let mut c = callee.deref().clone();
    if let Some(b) = c
        .is_object()
        .then(|| c.obj().closure.as_ref().and_then(|cl| cl.builtin))
        .flatten()
    {
        c = TypedValue::str(registry::get(b).name.as_bytes());
    }
    // (function name, parameters as (name, has default, variadic), user function, bound)
    let target: Option<NamedTarget> = if c.is_object() && c.obj().closure.is_some() {
        let cl = c
            .obj()
            .closure
            .as_ref()
            .map(|cl| (cl.func, cl.bound.clone()));
        cl.and_then(|(id, bound)| {
            let f = ctx.unit.funcs.get(id as usize)?;
            Some((f.name.clone(), user_param_list(f), Some(id), Some(bound)))
        })
    } else if c.is_string() {
        let name = String::from_utf8_lossy(c.str_bytes()).into_owned();
        if let Some(id) = ctx.user_function(&name) {
            let unit = ctx.unit.clone();
            unit.funcs
                .get(id as usize)
                .map(|f| (f.name.clone(), user_param_list(f), Some(id), None))
        } else {
            registry::lookup(&name).map(|b| {
                let d = registry::get(b);
                let ps = d
                    .params
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.name.to_string(), i >= d.min, p.variadic))
                    .collect();
                (d.name.to_string(), ps, None, None)
            })
        }
    } else {
        None
    };
    let Some((fname, params, user, bound)) = target else {
        return call_value(ctx, callee, positional);
    };
    let has_variadic = params.last().is_some_and(|p| p.2);
    let mut slots: Vec<Option<TypedValue>> = positional.into_iter().map(Some).collect();
    let mut extra_named = Vec::new();
    for (name, v) in named {
        let idx = params
            .iter()
            .position(|p| !p.2 && p.0.as_bytes() == name.as_slice());
        match idx {
            Some(i) => {
                if slots.get(i).is_some_and(Option::is_some) {
                    let msg = format!(
                        "Named parameter ${} overwrites previous argument",
                        String::from_utf8_lossy(&name)
                    );
                    return Err(ctx.throw("Error", msg));
                }
                if slots.len() <= i {
                    slots.resize_with(i + 1, || None);
                }
                slots[i] = Some(v);
            }
            None if has_variadic => extra_named.push((name, v)),
            None => {
                let msg = format!(
                    "Unknown named parameter ${}",
                    String::from_utf8_lossy(&name)
                );
                return Err(ctx.throw("Error", msg));
            }
        }
    }
    for (i, s) in slots.iter().enumerate() {
        if s.is_none() {
            let p = params.get(i);
            if !p.is_some_and(|p| p.1) {
                let name = p.map_or("", |p| p.0.as_str());
                let msg = format!("{fname}(): Argument #{} (${name}) not passed", i + 1);
                return Err(ctx.throw("ArgumentCountError", msg));
            }
        }
    }
    let args: Vec<TypedValue> = slots
        .into_iter()
        .map(|s| s.unwrap_or_else(TypedValue::uninit))
        .collect();
    match user {
        Some(id) => {
            ctx.pending_named = extra_named;
            call_function(ctx, id, args, bound.as_deref())
        }
        None => {
            if !extra_named.is_empty() {
                return Err(ctx.fatal(format!(
                    "{fname}(): named variadic arguments to built-in functions are not supported"
                )));
            }
            call_value(ctx, callee, args)
        }
    }
}

fn user_param_list(f: &Func) -> Vec<(String, bool, bool)> {
    f.params
        .iter()
        .map(|p| {
            (
                p.name.trim_start_matches('$').to_string(),
                p.has_default,
                p.variadic,
            )
        })
        .collect()
}
