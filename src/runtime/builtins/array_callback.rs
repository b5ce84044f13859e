//! Built-in functions: array functions that call back into PHP (array_map,
//! array_filter, array_reduce, array_walk) and the arithmetic folds (array_sum,
//! array_product).
//!
//! A callback that throws stops the function at once: the fault is returned and
//! whatever array the function was building is dropped (by-reference arrays stay in
//! a valid state: array_walk only writes through the element references).

use super::{args, BuiltinDef};
use crate::runtime::array::PhpArray;
use crate::runtime::convert::to_bool;
use crate::runtime::numeric::{parse_numeric, Number};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("array_map", "callback, array, ...arrays", array_map),
    ("array_filter", "array, callback=, mode=", array_filter),
    ("array_reduce", "array, callback, initial=", array_reduce),
    ("array_walk", "&array, callback, arg=", array_walk),
    (
        "array_walk_recursive",
        "&array, callback, arg=",
        array_walk_recursive,
    ),
    ("array_sum", "array", array_sum),
    ("array_product", "array", array_product),
];

const ARRAY_FILTER_USE_BOTH: i64 = 1;
const ARRAY_FILTER_USE_KEY: i64 = 2;

fn callable_error(
    ctx: &mut ExecCtx,
    i: usize,
    v: &TypedValue,
    nullable: bool,
) -> crate::vm::ctx::Fault {
    let v = v.deref();
    let reason = if v.is_string() {
        format!(
            "function \"{}\" not found or invalid function name",
            String::from_utf8_lossy(v.str_bytes())
        )
    } else {
        "no array or string given".to_string()
    };
    let or_null = if nullable { " or null" } else { "" };
    let b = super::registry::get(ctx.cur_builtin);
    let msg = format!(
        "{}(): Argument #{} (${}) must be a valid callback{or_null}, {reason}",
        b.name,
        i + 1,
        b.param_name(i)
    );
    ctx.type_error(msg)
}

/// Argument `i` as a callable (a TypeError naming that argument when it is not).
pub fn check_callable(ctx: &mut ExecCtx, a: &[TypedValue], i: usize) -> VmResult<TypedValue> {
    let v = a[i].deref().clone();
    if ctx.is_callable(&v) {
        Ok(v)
    } else {
        Err(callable_error(ctx, i, &v, false))
    }
}

/// A `?callable` argument: `None` for null or a missing argument.
fn opt_callable(ctx: &mut ExecCtx, a: &[TypedValue], i: usize) -> VmResult<Option<TypedValue>> {
    match a.get(i).map(TypedValue::deref) {
        None => Ok(None),
        Some(v) if v.is_null() => Ok(None),
        Some(v) => {
            let v = v.clone();
            if ctx.is_callable(&v) {
                Ok(Some(v))
            } else {
                Err(callable_error(ctx, i, &v, true))
            }
        }
    }
}

fn array_map(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let cb = opt_callable(ctx, a, 0)?;
    let first = args::array(ctx, a, 1)?.clone();
    if a.len() == 2 {
        let Some(cb) = cb else {
            return Ok(a[1].deref().clone());
        };
        let mut out = PhpArray::with_capacity(first.len());
        for (k, v) in first.iter() {
            let r = ctx.call_callable(&cb, &mut [v.copy_value()])?;
            out.set(k, r);
        }
        return Ok(TypedValue::array(out));
    }
    let mut lists: Vec<Vec<TypedValue>> = vec![first.values()];
    for (i, v) in a.iter().enumerate().skip(2) {
        let v = v.deref();
        if !v.is_array() {
            let msg = format!(
                "array_map(): Argument #{} must be of type array, {} given",
                i + 1,
                v.debug_type()
            );
            return Err(ctx.type_error(msg));
        }
        lists.push(v.arr().values());
    }
    let n = lists.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = PhpArray::with_capacity(n);
    for j in 0..n {
        let mut row: Vec<TypedValue> = lists
            .iter()
            .map(|l| {
                l.get(j)
                    .map_or_else(TypedValue::null, TypedValue::copy_value)
            })
            .collect();
        let r = match &cb {
            None => TypedValue::array(PhpArray::from_values(row)),
            Some(cb) => ctx.call_callable(cb, &mut row)?,
        };
        out.push(r);
    }
    Ok(TypedValue::array(out))
}

fn array_filter(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?.clone();
    let cb = opt_callable(ctx, a, 1)?;
    let mode = args::opt_int(ctx, a, 2)?.unwrap_or(0);
    let mut out = PhpArray::new();
    for (k, v) in arr.iter() {
        let keep = match &cb {
            None => to_bool(v),
            Some(cb) => {
                let key = k.to_owned_key().to_value();
                let r = match mode {
                    ARRAY_FILTER_USE_KEY => ctx.call_callable(cb, &mut [key])?,
                    ARRAY_FILTER_USE_BOTH => ctx.call_callable(cb, &mut [v.copy_value(), key])?,
                    _ => ctx.call_callable(cb, &mut [v.copy_value()])?,
                };
                to_bool(&r)
            }
        };
        if keep {
            out.set(k, v.clone());
        }
    }
    Ok(TypedValue::array(out))
}

fn array_reduce(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?.clone();
    let cb = check_callable(ctx, a, 1)?;
    let mut acc = a
        .get(2)
        .map_or_else(TypedValue::null, TypedValue::copy_value);
    for (_, v) in arr.iter() {
        acc = ctx.call_callable(&cb, &mut [acc, v.copy_value()])?;
    }
    Ok(acc)
}

fn array_walk(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array_mut(ctx, a, 0)?;
    let cb = check_callable(ctx, a, 1)?;
    let extra = a.get(2).map(TypedValue::copy_value);
    walk(ctx, &mut a[0], &cb, extra.as_ref(), false, 0)?;
    Ok(TypedValue::bool(true))
}

fn array_walk_recursive(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array_mut(ctx, a, 0)?;
    let cb = check_callable(ctx, a, 1)?;
    let extra = a.get(2).map(TypedValue::copy_value);
    walk(ctx, &mut a[0], &cb, extra.as_ref(), true, 0)?;
    Ok(TypedValue::bool(true))
}

/// Calls `cb(&$value, $key[, $extra])` for each element of the array `target` holds
/// (through a reference box, so the callback's writes land in the array). Positions
/// are re-read after every call, since the callback may change the array.
fn walk(
    ctx: &mut ExecCtx,
    target: &mut TypedValue,
    cb: &TypedValue,
    extra: Option<&TypedValue>,
    recursive: bool,
    depth: u32,
) -> VmResult<()> {
    if depth > 256 {
        ctx.warn(&format!("{}(): Recursion detected", args::fname(ctx)));
        return Ok(());
    }
    let mut pos = 0;
    loop {
        if !target.deref().is_array() {
            break;
        }
        let arr = target.deref_mut().arr_mut();
        let Some((p, k, _)) = arr.entry_from(pos) else {
            break;
        };
        let key = k.to_owned_key().to_value();
        pos = p + 1;
        let Some(slot) = arr.value_at_mut(p) else {
            break;
        };
        let mut r = slot.make_ref();
        let res = if recursive && r.deref().is_array() {
            walk(ctx, &mut r, cb, extra, recursive, depth + 1)
        } else {
            let mut call_args = vec![r.clone(), key];
            if let Some(x) = extra {
                call_args.push(x.clone());
            }
            ctx.call_callable(cb, &mut call_args).map(drop)
        };
        drop(r);
        unwrap_lonely(target, p);
        res?;
    }
    Ok(())
}

/// After a callback, an element reference nobody else holds becomes a plain value
/// again.
fn unwrap_lonely(target: &mut TypedValue, p: usize) {
    if !target.deref().is_array() {
        return;
    }
    let arr = target.deref_mut().arr_mut();
    if let Some(slot) = arr.value_at_mut(p) {
        if slot.is_lonely_ref() {
            let v = slot.deref().clone();
            *slot = v;
        }
    }
}

/// `convert_scalar_to_number` (silent): strings give their leading number, or 0.
fn scalar_number(v: &TypedValue) -> Number {
    match v.tag() {
        tag::INT => Number::Int(v.int_val()),
        tag::DOUBLE => Number::Float(v.double_val()),
        tag::BOOL => Number::Int(v.bool_val() as i64),
        tag::STRING => parse_numeric(v.str_bytes()).0.unwrap_or(Number::Int(0)),
        _ => Number::Int(0),
    }
}

fn as_f(n: Number) -> f64 {
    match n {
        Number::Int(i) => i as f64,
        Number::Float(f) => f,
    }
}

fn fold(
    arr: &PhpArray,
    init: i64,
    int_op: fn(i64, i64) -> Option<i64>,
    f_op: fn(f64, f64) -> f64,
) -> TypedValue {
    let mut acc = Number::Int(init);
    for (_, v) in arr.iter() {
        let v = v.deref();
        if v.is_array() || v.is_object() {
            continue;
        }
        let n = scalar_number(v);
        acc = match (acc, n) {
            (Number::Int(x), Number::Int(y)) => match int_op(x, y) {
                Some(r) => Number::Int(r),
                None => Number::Float(f_op(x as f64, y as f64)),
            },
            (x, y) => Number::Float(f_op(as_f(x), as_f(y))),
        };
    }
    match acc {
        Number::Int(i) => TypedValue::int(i),
        Number::Float(f) => TypedValue::double(f),
    }
}

fn array_sum(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?;
    Ok(fold(arr, 0, i64::checked_add, |x, y| x + y))
}

fn array_product(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?;
    Ok(fold(arr, 1, i64::checked_mul, |x, y| x * y))
}
