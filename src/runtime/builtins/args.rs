//! Argument coercion for built-ins, with PHP 8's non-strict ("weak") rules and its
//! exact TypeError / deprecation messages, e.g.
//! `strlen(): Argument #1 ($string) must be of type string, array given`.
//!
//! `i` is the zero-based argument index; the optional variants return `None` when the
//! argument was not passed.

use std::borrow::Cow;

use super::registry;
use crate::runtime::array::PhpArray;
use crate::runtime::convert::{float_to_string, to_str_quiet};
use crate::runtime::numeric::{float_to_int, parse_numeric, Number, NumericKind};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, Fault, VmResult};

/// The current built-in's name (for messages).
pub fn fname(ctx: &ExecCtx) -> &'static str {
    registry::get(ctx.cur_builtin).name
}

fn param(ctx: &ExecCtx, i: usize) -> &'static str {
    registry::get(ctx.cur_builtin).param_name(i)
}

/// `f(): Argument #N ($p) must be of type T, U given`.
pub fn type_error(ctx: &mut ExecCtx, i: usize, expected: &str, given: &TypedValue) -> Fault {
    let msg = format!(
        "{}(): Argument #{} (${}) must be of type {}, {} given",
        fname(ctx),
        i + 1,
        param(ctx, i),
        expected,
        given.debug_type()
    );
    ctx.type_error(msg)
}

/// `f(): Argument #N ($p) must ...` as a ValueError with the given tail.
pub fn value_error(ctx: &mut ExecCtx, i: usize, tail: &str) -> Fault {
    let msg = format!(
        "{}(): Argument #{} (${}) {}",
        fname(ctx),
        i + 1,
        param(ctx, i),
        tail
    );
    ctx.value_error(msg)
}

fn null_deprecated(ctx: &mut ExecCtx, i: usize, ty: &str) {
    let msg = format!(
        "{}(): Passing null to parameter #{} (${}) of type {} is deprecated",
        fname(ctx),
        i + 1,
        param(ctx, i),
        ty
    );
    ctx.deprecated(&msg);
}

/// Inlined into every built-in for the common case (the argument is a string);
/// conversions and errors out of line.
#[inline(always)]
pub fn str<'a>(ctx: &mut ExecCtx, args: &'a [TypedValue], i: usize) -> VmResult<Cow<'a, [u8]>> {
    let v = args[i].deref();
    if v.is_string() {
        return Ok(Cow::Borrowed(v.str_bytes()));
    }
    str_converted(ctx, args, i)
}

#[inline(never)]
fn str_converted<'a>(
    ctx: &mut ExecCtx,
    args: &'a [TypedValue],
    i: usize,
) -> VmResult<Cow<'a, [u8]>> {
    let v = args[i].deref();
    match v.tag() {
        tag::STRING => Ok(Cow::Borrowed(v.str_bytes())),
        tag::INT | tag::DOUBLE | tag::BOOL => Ok(to_str_quiet(v)),
        tag::UNINIT | tag::NULL => {
            null_deprecated(ctx, i, "string");
            Ok(Cow::Borrowed(b""))
        }
        _ if v.is_object() && v.obj().class.is_throwable() => {
            Ok(Cow::Owned(to_str_quiet(v).into_owned()))
        }
        _ => Err(type_error(ctx, i, "string", v)),
    }
}
pub fn opt_str<'a>(
    ctx: &mut ExecCtx,
    args: &'a [TypedValue],
    i: usize,
) -> VmResult<Option<Cow<'a, [u8]>>> {
    if i < args.len() && !args[i].is_uninit() {
        str(ctx, args, i).map(Some)
    } else {
        Ok(None)
    }
}

/// Weak int coercion of a float: integral values pass, fractional ones pass with a
/// deprecation, non-finite or out-of-range ones are a TypeError.
fn float_to_int_arg(ctx: &mut ExecCtx, i: usize, f: f64, given: &TypedValue) -> VmResult<i64> {
    // i64's range as floats: [-2^63, 2^63).
    let (lo, hi) = (i64::MIN as f64, -(i64::MIN as f64));
    if !f.is_finite() || !(lo..hi).contains(&f) {
        return Err(type_error(ctx, i, "int", given));
    }
    if f.fract() != 0.0 {
        let msg = format!(
            "Implicit conversion from float {} to int loses precision",
            float_to_string_repr(f)
        );
        ctx.deprecated(&msg);
    }
    Ok(float_to_int(f))
}

fn float_to_string_repr(f: f64) -> String {
    crate::runtime::float_fmt::format_float_repr(f)
}

/// A numeric string argument; `None` when not numeric (TypeError for the caller).
/// Leading-numeric strings ("5 apples") are accepted with PHP's warning.
fn numeric_str(ctx: &mut ExecCtx, s: &[u8]) -> Option<Number> {
    match parse_numeric(s) {
        (Some(n), NumericKind::Numeric) => Some(n),
        (Some(n), NumericKind::LeadingNumeric) => {
            ctx.warn("A non-numeric value encountered");
            Some(n)
        }
        _ => None,
    }
}

/// Inlined like [`str`]: an int argument is read in place, the rest converted out
/// of line.
#[inline(always)]
pub fn int(ctx: &mut ExecCtx, args: &[TypedValue], i: usize) -> VmResult<i64> {
    let v = args[i].deref();
    if v.is_int() {
        return Ok(v.int_val());
    }
    int_converted(ctx, args, i)
}

#[inline(never)]
fn int_converted(ctx: &mut ExecCtx, args: &[TypedValue], i: usize) -> VmResult<i64> {
    let v = args[i].deref();
    match v.tag() {
        tag::INT => Ok(v.int_val()),
        tag::BOOL => Ok(v.bool_val() as i64),
        tag::DOUBLE => float_to_int_arg(ctx, i, v.double_val(), v),
        tag::UNINIT | tag::NULL => {
            null_deprecated(ctx, i, "int");
            Ok(0)
        }
        tag::STRING => match numeric_str(ctx, v.str_bytes()) {
            Some(Number::Int(n)) => Ok(n),
            Some(Number::Float(f)) => float_to_int_arg(ctx, i, f, v),
            None => Err(type_error(ctx, i, "int", v)),
        },
        _ => Err(type_error(ctx, i, "int", v)),
    }
}
pub fn opt_int(ctx: &mut ExecCtx, args: &[TypedValue], i: usize) -> VmResult<Option<i64>> {
    if i < args.len() && !args[i].is_uninit() {
        int(ctx, args, i).map(Some)
    } else {
        Ok(None)
    }
}

pub fn float(ctx: &mut ExecCtx, args: &[TypedValue], i: usize) -> VmResult<f64> {
    match number(ctx, args, i, "float")? {
        Number::Int(n) => Ok(n as f64),
        Number::Float(f) => Ok(f),
    }
}
pub fn opt_float(ctx: &mut ExecCtx, args: &[TypedValue], i: usize) -> VmResult<Option<f64>> {
    if i < args.len() && !args[i].is_uninit() {
        float(ctx, args, i).map(Some)
    } else {
        Ok(None)
    }
}

/// An `int|float` argument (abs, round, max of numbers...). `ty` names the expected
/// type in the error message ("int|float" or "float").
pub fn number(ctx: &mut ExecCtx, args: &[TypedValue], i: usize, ty: &str) -> VmResult<Number> {
    let v = args[i].deref();
    match v.tag() {
        tag::INT => Ok(Number::Int(v.int_val())),
        tag::DOUBLE => Ok(Number::Float(v.double_val())),
        tag::BOOL => Ok(Number::Int(v.bool_val() as i64)),
        tag::UNINIT | tag::NULL => {
            null_deprecated(ctx, i, ty);
            Ok(Number::Int(0))
        }
        tag::STRING => numeric_str(ctx, v.str_bytes()).ok_or_else(|| type_error(ctx, i, ty, v)),
        _ => Err(type_error(ctx, i, ty, v)),
    }
}

pub fn bool(ctx: &mut ExecCtx, args: &[TypedValue], i: usize) -> VmResult<bool> {
    let v = args[i].deref();
    match v.tag() {
        tag::UNINIT | tag::NULL => {
            null_deprecated(ctx, i, "bool");
            Ok(false)
        }
        tag::ARRAY | tag::OBJECT => Err(type_error(ctx, i, "bool", v)),
        _ => Ok(crate::runtime::convert::to_bool(v)),
    }
}
pub fn opt_bool(ctx: &mut ExecCtx, args: &[TypedValue], i: usize) -> VmResult<Option<bool>> {
    if i < args.len() && !args[i].is_uninit() {
        bool(ctx, args, i).map(Some)
    } else {
        Ok(None)
    }
}

pub fn array<'a>(ctx: &mut ExecCtx, args: &'a [TypedValue], i: usize) -> VmResult<&'a PhpArray> {
    let v = args[i].deref();
    if v.is_array() {
        Ok(v.arr())
    } else {
        Err(type_error(ctx, i, "array", v))
    }
}

/// A by-reference array argument for in-place mutation (sort, array_push, ...):
/// separates it if shared. TypeError when the variable does not hold an array.
pub fn array_mut<'a>(
    ctx: &mut ExecCtx,
    args: &'a mut [TypedValue],
    i: usize,
) -> VmResult<&'a mut PhpArray> {
    if !args[i].deref().is_array() {
        let given = args[i].deref().clone();
        return Err(type_error(ctx, i, "array", &given));
    }
    Ok(args[i].deref_mut().arr_mut())
}

/// Writes through a by-reference argument (`preg_match`'s `$matches`, `settype`).
pub fn set_ref(args: &mut [TypedValue], i: usize, v: TypedValue) {
    if let Some(slot) = args.get_mut(i) {
        *slot.deref_mut() = v;
    }
}

/// Float formatting for messages that show a float argument.
pub fn show_float(f: f64) -> String {
    float_to_string(f)
}
