//! Type juggling: PHP's conversions between bool, int, float, string and array keys.
//!
//! Pure conversions take only the value; the ones that can warn or throw ("Array to
//! string conversion", illegal offsets) take the `ExecCtx` so the message carries the
//! current file and line.

use std::borrow::Cow;

use super::array::{Key, KeyRef};
use super::float_fmt::format_float_precision;
use super::numeric::{float_to_int, str_to_float, str_to_int};
use super::str_cell::ByteSink;
use super::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

/// `(bool)$v`.
pub fn to_bool(v: &TypedValue) -> bool {
    let v = v.deref();
    match v.tag() {
        tag::UNINIT | tag::NULL => false,
        tag::BOOL => v.bool_val(),
        tag::INT => v.int_val() != 0,
        tag::DOUBLE => v.double_val() != 0.0,
        tag::STRING => {
            let s = v.str_bytes();
            !(s.is_empty() || s == b"0")
        }
        tag::ARRAY => !v.arr().is_empty(),
        _ => true,
    }
}

/// `(int)$v`.
pub fn to_int(v: &TypedValue) -> i64 {
    let v = v.deref();
    match v.tag() {
        tag::BOOL => v.bool_val() as i64,
        tag::INT => v.int_val(),
        tag::DOUBLE => float_to_int(v.double_val()),
        tag::STRING => str_to_int(v.str_bytes()),
        tag::ARRAY => !v.arr().is_empty() as i64,
        tag::OBJECT => 1,
        _ => 0,
    }
}

/// `(float)$v`.
pub fn to_float(v: &TypedValue) -> f64 {
    let v = v.deref();
    match v.tag() {
        tag::BOOL => v.bool_val() as i64 as f64,
        tag::INT => v.int_val() as f64,
        tag::DOUBLE => v.double_val(),
        tag::STRING => str_to_float(v.str_bytes()),
        tag::ARRAY => !v.arr().is_empty() as i64 as f64,
        tag::OBJECT => 1.0,
        _ => 0.0,
    }
}

/// Float → string as echo and string conversion print it (precision 14).
pub fn float_to_string(f: f64) -> String {
    format_float_precision(f, 14)
}

/// Scalar → string without diagnostics; arrays give "Array" (the caller warns).
pub fn to_str_quiet(v: &TypedValue) -> Cow<'_, [u8]> {
    let v = v.deref();
    match v.tag() {
        tag::UNINIT | tag::NULL => Cow::Borrowed(b""),
        tag::BOOL => Cow::Borrowed(if v.bool_val() { b"1" } else { b"" }),
        tag::INT => {
            let mut digits = Vec::new();
            digits.put_int(v.int_val());
            Cow::Owned(digits)
        }
        tag::DOUBLE => Cow::Owned(float_to_string(v.double_val()).into_bytes()),
        tag::STRING => Cow::Borrowed(v.str_bytes()),
        tag::ARRAY => Cow::Borrowed(b"Array"),
        tag::OBJECT => Cow::Owned(v.obj().class_name().as_bytes().to_vec()),
        _ => Cow::Borrowed(b""),
    }
}

/// `(string)$v` with PHP's diagnostics: arrays warn "Array to string conversion";
/// objects without `__toString` throw.
#[inline]
pub fn to_str<'a>(ctx: &mut ExecCtx, v: &'a TypedValue) -> VmResult<Cow<'a, [u8]>> {
    let d = v.deref();
    // Most conversions are of strings: borrowed, without the general dispatch.
    if d.tag() == tag::STRING {
        return Ok(Cow::Borrowed(d.str_bytes()));
    }
    to_str_other(ctx, d)
}

/// [`to_str`] of a dereferenced value that is not a string.
fn to_str_other<'a>(ctx: &mut ExecCtx, d: &'a TypedValue) -> VmResult<Cow<'a, [u8]>> {
    match d.tag() {
        tag::ARRAY => {
            ctx.warn("Array to string conversion");
            Ok(Cow::Borrowed(b"Array"))
        }
        tag::OBJECT => {
            let o = d.obj();
            if o.class.is_throwable() {
                let msg = o
                    .prop("message")
                    .map(|m| to_str_quiet(m).into_owned())
                    .unwrap_or_default();
                return Ok(Cow::Owned(msg));
            }
            let name = o.class_name();
            Err(ctx.throw(
                "Error",
                format!("Object of class {name} could not be converted to string"),
            ))
        }
        _ => Ok(to_str_quiet(d)),
    }
}

/// Appends `(string)$v` to `buf` (echo and concatenation without a temporary).
/// About how many bytes `v` takes as a string (exact for strings, an upper bound
/// for ints): what string builders reserve so they allocate once.
#[inline]
pub fn str_len_hint(v: &TypedValue) -> usize {
    let d = v.deref();
    match d.tag() {
        tag::STRING => d.str_bytes().len(),
        tag::INT => 20,
        tag::DOUBLE => 24,
        _ => 1,
    }
}

/// Appends `v`'s string form (PHP's string conversion, warnings included).
pub fn append_str<B: ByteSink>(ctx: &mut ExecCtx, buf: &mut B, v: &TypedValue) -> VmResult<()> {
    let d = v.deref();
    match d.tag() {
        tag::STRING | tag::INT => put_string_or_int(buf, d),
        _ => buf.put(&to_str(ctx, d)?),
    }
    Ok(())
}

/// Appends the string form of `v`, a string or an int: the two conversions that
/// can neither warn nor fail (a string's bytes, an int's digits).
#[inline]
pub fn put_string_or_int<B: ByteSink>(buf: &mut B, v: &TypedValue) {
    if v.tag() == tag::INT {
        buf.put_int(v.int_val());
    } else {
        buf.put(v.str_bytes());
    }
}

/// A value used as an array key, normalised as PHP does (`"5"` → 5, `true` → 1,
/// `null` → `""`, floats truncated with a deprecation when they lose precision).
pub fn to_key(ctx: &mut ExecCtx, v: &TypedValue) -> VmResult<Key> {
    let v = v.deref();
    Ok(match v.tag() {
        tag::INT => Key::Int(v.int_val()),
        tag::STRING => match KeyRef::from_bytes(v.str_bytes()) {
            KeyRef::Int(i) => Key::Int(i),
            KeyRef::Str(_) => Key::Str(v.clone()),
        },
        tag::UNINIT | tag::NULL => Key::str(b""),
        tag::BOOL => Key::Int(v.bool_val() as i64),
        tag::DOUBLE => {
            let f = v.double_val();
            let i = float_to_int(f);
            if !f.is_finite() || (i as f64) != f {
                let shown = crate::runtime::float_fmt::format_float_repr(f);
                ctx.deprecated(&format!(
                    "Implicit conversion from float {shown} to int loses precision"
                ));
            }
            Key::Int(i)
        }
        tag::ARRAY => return Err(ctx.type_error("Illegal offset type")),
        _ => return Err(ctx.type_error("Illegal offset type")),
    })
}
