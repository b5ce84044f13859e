//! PHP 8.2 operator semantics on `TypedValue`s: arithmetic, concatenation, bitwise
//! operators, `++`/`--` and casts. The interpreter's fast paths handle int⊕int and
//! float⊕float inline; everything else lands here, so every type combination is
//! handled (exactly as `php -n` 8.2 does, including warning order and messages).

use super::array::PhpArray;
use super::compare;
use super::convert;
use super::float_fmt::format_float_precision;
use super::numeric::str_increment;
use super::value::{tag, TypedValue};
use crate::bytecode::op::{BinOp, CastKind, IncDec};
use crate::vm::ctx::{ExecCtx, Fault, VmResult};

/// An operand converted for arithmetic.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Num {
    I(i64),
    F(f64),
}

impl Num {
    fn f(self) -> f64 {
        match self {
            Num::I(i) => i as f64,
            Num::F(f) => f,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Numeric,
    Leading,
    NonNumeric,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// PHP's `is_numeric_string_ex` with errors allowed: leading whitespace, sign, digits,
/// fraction, exponent, trailing whitespace. Integers that overflow become floats.
fn parse_num(s: &[u8]) -> (Num, Kind) {
    let mut i = 0;
    while i < s.len() && is_ws(s[i]) {
        i += 1;
    }
    let start = i;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        i += 1;
    }
    let int_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    let mut is_float = false;
    if i < s.len() && s[i] == b'.' {
        let mut j = i + 1;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if digits > 0 || j > i + 1 {
            digits += j - i - 1;
            is_float = true;
            i = j;
        }
    }
    if digits == 0 {
        return (Num::I(0), Kind::NonNumeric);
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        if j < s.len() && s[j].is_ascii_digit() {
            while j < s.len() && s[j].is_ascii_digit() {
                j += 1;
            }
            is_float = true;
            i = j;
        }
    }
    let end = i;
    while i < s.len() && is_ws(s[i]) {
        i += 1;
    }
    let kind = if i == s.len() { Kind::Numeric } else { Kind::Leading };
    let text = std::str::from_utf8(&s[start..end]).unwrap_or("0");
    if !is_float {
        if let Ok(v) = text.parse::<i64>() {
            return (Num::I(v), kind);
        }
    }
    (Num::F(text.parse::<f64>().unwrap_or(0.0)), kind)
}

/// The type as PHP names it in operator errors (class name for objects).
fn type_label(v: &TypedValue) -> &'static str {
    let v = v.deref();
    if v.is_object() {
        v.obj().class_name()
    } else {
        v.zend_type_name()
    }
}

fn unsupported(ctx: &mut ExecCtx, op: BinOp, a: &TypedValue, b: &TypedValue) -> Fault {
    let msg = format!("Unsupported operand types: {} {} {}", type_label(a), op.symbol(), type_label(b));
    ctx.type_error(msg)
}

/// Operand → number for `+ - * / **`; `None` means "unsupported operand".
fn to_number(ctx: &mut ExecCtx, v: &TypedValue) -> Option<Num> {
    match v.tag() {
        tag::UNINIT | tag::NULL => Some(Num::I(0)),
        tag::BOOL => Some(Num::I(v.bool_val() as i64)),
        tag::INT => Some(Num::I(v.int_val())),
        tag::DOUBLE => Some(Num::F(v.double_val())),
        tag::STRING => match parse_num(v.str_bytes()) {
            (n, Kind::Numeric) => Some(n),
            (n, Kind::Leading) => {
                ctx.warn("A non-numeric value encountered");
                Some(n)
            }
            (_, Kind::NonNumeric) => None,
        },
        _ => None,
    }
}

/// `zend_dval_to_lval`: non-finite → 0, out of range → modular (64-bit).
fn dval_to_lval(d: f64) -> i64 {
    if !d.is_finite() {
        return 0;
    }
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    if (-TWO63..TWO63).contains(&d) {
        return d as i64;
    }
    let two64 = TWO63 * 2.0;
    let mut m = d % two64;
    if m < 0.0 {
        m += two64;
    }
    if m >= TWO63 {
        m -= two64;
    }
    m as i64
}

/// `zend_dval_to_lval_cap`: saturating (numeric strings).
fn dval_to_lval_cap(d: f64) -> i64 {
    if !d.is_finite() {
        return 0;
    }
    d as i64
}

fn long_compatible(d: f64, l: i64) -> bool {
    d.is_finite() && l as f64 == d
}

/// Operand → int for `% & | ^ << >>` (`zendi_try_get_long`), with PHP's deprecations.
fn to_long(ctx: &mut ExecCtx, v: &TypedValue) -> Option<i64> {
    match v.tag() {
        tag::UNINIT | tag::NULL => Some(0),
        tag::BOOL => Some(v.bool_val() as i64),
        tag::INT => Some(v.int_val()),
        tag::DOUBLE => Some(float_to_long(ctx, v.double_val())),
        tag::STRING => {
            let s = v.str_bytes();
            let (n, kind) = parse_num(s);
            match kind {
                Kind::NonNumeric => return None,
                Kind::Leading => ctx.warn("A non-numeric value encountered"),
                Kind::Numeric => {}
            }
            Some(match n {
                Num::I(i) => i,
                Num::F(d) => {
                    let l = dval_to_lval_cap(d);
                    if !long_compatible(d, l) {
                        let shown = String::from_utf8_lossy(s);
                        ctx.deprecated(&format!(
                            "Implicit conversion from float-string \"{shown}\" to int loses precision"
                        ));
                    }
                    l
                }
            })
        }
        _ => None,
    }
}

fn float_to_long(ctx: &mut ExecCtx, d: f64) -> i64 {
    let l = dval_to_lval(d);
    if !long_compatible(d, l) {
        let shown = format_float_precision(d, 17);
        ctx.deprecated(&format!("Implicit conversion from float {shown} to int loses precision"));
    }
    l
}

/// Both operands as numbers, in PHP's order (left converted and checked first).
fn numbers(ctx: &mut ExecCtx, op: BinOp, a: &TypedValue, b: &TypedValue) -> VmResult<(Num, Num)> {
    let Some(x) = to_number(ctx, a) else { return Err(unsupported(ctx, op, a, b)) };
    let Some(y) = to_number(ctx, b) else { return Err(unsupported(ctx, op, a, b)) };
    Ok((x, y))
}

fn longs(ctx: &mut ExecCtx, op: BinOp, a: &TypedValue, b: &TypedValue) -> VmResult<(i64, i64)> {
    let Some(x) = to_long(ctx, a) else { return Err(unsupported(ctx, op, a, b)) };
    let Some(y) = to_long(ctx, b) else { return Err(unsupported(ctx, op, a, b)) };
    Ok((x, y))
}

/// Any binary operator.
pub fn binary_op(ctx: &mut ExecCtx, op: BinOp, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    match op {
        BinOp::Add => add(ctx, a, b),
        BinOp::Sub => sub(ctx, a, b),
        BinOp::Mul => mul(ctx, a, b),
        BinOp::Div => div(ctx, a, b),
        BinOp::Mod => modulo(ctx, a, b),
        BinOp::Pow => pow(ctx, a, b),
        BinOp::Concat => concat(ctx, a, b),
        BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => bitwise(ctx, op, a, b),
        BinOp::Shl | BinOp::Shr => shift(ctx, op, a, b),
        BinOp::Spaceship => Ok(TypedValue::int(compare::spaceship(a.deref(), b.deref()))),
        BinOp::Xor => Ok(TypedValue::bool(convert::to_bool(a) != convert::to_bool(b))),
    }
}

/// `+` (array + array is the union, left keys win).
pub fn add(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let (a, b) = (a.deref(), b.deref());
    if a.is_array() && b.is_array() {
        let mut out = a.clone();
        if !b.arr().is_empty() {
            if out.arr().is_empty() {
                return Ok(b.clone());
            }
            let arr = out.arr_mut();
            for (k, v) in b.arr().iter() {
                if !arr.contains_key(k) {
                    arr.set(k, v.copy_value());
                }
            }
        }
        return Ok(out);
    }
    let (x, y) = numbers(ctx, BinOp::Add, a, b)?;
    Ok(match (x, y) {
        (Num::I(i), Num::I(j)) => match i.checked_add(j) {
            Some(r) => TypedValue::int(r),
            None => TypedValue::double(i as f64 + j as f64),
        },
        _ => TypedValue::double(x.f() + y.f()),
    })
}

/// `-`.
pub fn sub(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let (x, y) = numbers(ctx, BinOp::Sub, a.deref(), b.deref())?;
    Ok(match (x, y) {
        (Num::I(i), Num::I(j)) => match i.checked_sub(j) {
            Some(r) => TypedValue::int(r),
            None => TypedValue::double(i as f64 - j as f64),
        },
        _ => TypedValue::double(x.f() - y.f()),
    })
}

/// `*`.
pub fn mul(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let (x, y) = numbers(ctx, BinOp::Mul, a.deref(), b.deref())?;
    Ok(match (x, y) {
        (Num::I(i), Num::I(j)) => match i.checked_mul(j) {
            Some(r) => TypedValue::int(r),
            None => TypedValue::double(i as f64 * j as f64),
        },
        _ => TypedValue::double(x.f() * y.f()),
    })
}

/// `/`: int when exact, float otherwise; zero divisors throw.
pub fn div(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let (x, y) = numbers(ctx, BinOp::Div, a.deref(), b.deref())?;
    if y.f() == 0.0 {
        return Err(ctx.throw("DivisionByZeroError", "Division by zero"));
    }
    Ok(match (x, y) {
        (Num::I(i), Num::I(j)) => match (i.checked_rem(j), i.checked_div(j)) {
            (Some(0), Some(q)) => TypedValue::int(q),
            _ => TypedValue::double(i as f64 / j as f64),
        },
        _ => TypedValue::double(x.f() / y.f()),
    })
}

/// `%`: integer remainder, sign of the dividend.
pub fn modulo(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let (x, y) = longs(ctx, BinOp::Mod, a.deref(), b.deref())?;
    if y == 0 {
        return Err(ctx.throw("DivisionByZeroError", "Modulo by zero"));
    }
    Ok(TypedValue::int(x.checked_rem(y).unwrap_or(0)))
}

/// `**`.
pub fn pow(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let (x, y) = numbers(ctx, BinOp::Pow, a.deref(), b.deref())?;
    Ok(match (x, y) {
        (Num::I(base), Num::I(exp)) if exp >= 0 => int_pow(base, exp),
        _ => TypedValue::double(x.f().powf(y.f())),
    })
}

/// Zend's square-and-multiply with its exact overflow fallbacks.
fn int_pow(base: i64, exp: i64) -> TypedValue {
    if exp == 0 {
        return TypedValue::int(1);
    }
    if base == 0 {
        return TypedValue::int(0);
    }
    let (mut l1, mut l2, mut i) = (1i64, base, exp);
    while i >= 1 {
        if i % 2 != 0 {
            i -= 1;
            match l1.checked_mul(l2) {
                Some(r) => l1 = r,
                None => {
                    let d = l1 as f64 * l2 as f64;
                    return TypedValue::double(d * (l2 as f64).powf(i as f64));
                }
            }
        } else {
            i /= 2;
            match l2.checked_mul(l2) {
                Some(r) => l2 = r,
                None => {
                    let d = l2 as f64 * l2 as f64;
                    return TypedValue::double(l1 as f64 * d.powf(i as f64));
                }
            }
        }
    }
    TypedValue::int(l1)
}

/// `.`.
pub fn concat(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let mut out = Vec::new();
    convert::append_str(ctx, &mut out, a)?;
    convert::append_str(ctx, &mut out, b)?;
    Ok(TypedValue::string(out))
}

/// `& | ^`: byte-wise on two strings, integer otherwise.
fn bitwise(ctx: &mut ExecCtx, op: BinOp, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let (a, b) = (a.deref(), b.deref());
    if a.is_string() && b.is_string() {
        let (s, t) = (a.str_bytes(), b.str_bytes());
        let out: Vec<u8> = match op {
            BinOp::BitAnd => s.iter().zip(t).map(|(x, y)| x & y).collect(),
            BinOp::BitXor => s.iter().zip(t).map(|(x, y)| x ^ y).collect(),
            _ => {
                let (long, short) = if s.len() >= t.len() { (s, t) } else { (t, s) };
                let mut v = long.to_vec();
                for (d, x) in v.iter_mut().zip(short) {
                    *d |= x;
                }
                v
            }
        };
        return Ok(TypedValue::string(out));
    }
    let (x, y) = longs(ctx, op, a, b)?;
    Ok(TypedValue::int(match op {
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        _ => x ^ y,
    }))
}

/// `<<` and `>>`.
fn shift(ctx: &mut ExecCtx, op: BinOp, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let (x, s) = longs(ctx, op, a.deref(), b.deref())?;
    if s < 0 {
        return Err(ctx.throw("ArithmeticError", "Bit shift by negative number"));
    }
    Ok(TypedValue::int(match op {
        BinOp::Shl if s >= 64 => 0,
        BinOp::Shl => x.wrapping_shl(s as u32),
        _ if s >= 64 => {
            if x < 0 {
                -1
            } else {
                0
            }
        }
        _ => x >> s,
    }))
}

/// `~`.
pub fn bit_not(ctx: &mut ExecCtx, a: &TypedValue) -> VmResult<TypedValue> {
    let a = a.deref();
    match a.tag() {
        tag::INT => Ok(TypedValue::int(!a.int_val())),
        tag::DOUBLE => Ok(TypedValue::int(!float_to_long(ctx, a.double_val()))),
        tag::STRING => Ok(TypedValue::string(a.str_bytes().iter().map(|c| !c).collect())),
        _ => {
            let msg = format!("Cannot perform bitwise not on {}", type_label(a));
            Err(ctx.type_error(msg))
        }
    }
}

/// `++`/`--` on `target` (written in place, through a reference box); returns the
/// expression's value (the old value for post-ops).
pub fn inc_dec(ctx: &mut ExecCtx, target: &mut TypedValue, kind: IncDec) -> VmResult<TypedValue> {
    let t = target.deref_mut();
    let inc = matches!(kind, IncDec::PreInc | IncDec::PostInc);
    let post = matches!(kind, IncDec::PostInc | IncDec::PostDec);
    let old = if post { t.copy_value() } else { TypedValue::null() };
    let step_num = |n: Num| -> TypedValue {
        match n {
            Num::I(i) => {
                let r = if inc { i.checked_add(1) } else { i.checked_sub(1) };
                match r {
                    Some(r) => TypedValue::int(r),
                    None => TypedValue::double(i as f64 + if inc { 1.0 } else { -1.0 }),
                }
            }
            Num::F(f) => TypedValue::double(if inc { f + 1.0 } else { f - 1.0 }),
        }
    };
    let new = match t.tag() {
        tag::INT => Some(step_num(Num::I(t.int_val()))),
        tag::DOUBLE => Some(step_num(Num::F(t.double_val()))),
        tag::UNINIT | tag::NULL => Some(if inc { TypedValue::int(1) } else { TypedValue::null() }),
        tag::BOOL => None,
        tag::STRING => {
            let s = t.str_bytes();
            if s.is_empty() {
                Some(if inc { TypedValue::str(b"1") } else { TypedValue::int(-1) })
            } else {
                match parse_num(s) {
                    (n, Kind::Numeric) => Some(step_num(n)),
                    _ if inc => Some(TypedValue::string(str_increment(s))),
                    _ => None,
                }
            }
        }
        _ => {
            let what = if inc { "increment" } else { "decrement" };
            let msg = format!("Cannot {what} {}", type_label(t));
            return Err(ctx.type_error(msg));
        }
    };
    if let Some(v) = new {
        *t = v;
    } else if t.is_uninit() {
        *t = TypedValue::null();
    }
    Ok(if post { old } else { t.clone() })
}

/// `(int)`, `(float)`, `(string)`, `(bool)`, `(array)`, `(object)`.
pub fn cast(ctx: &mut ExecCtx, v: &TypedValue, kind: CastKind) -> VmResult<TypedValue> {
    let v = v.deref();
    Ok(match kind {
        CastKind::Int if v.is_int() => v.clone(),
        CastKind::Int => TypedValue::int(convert::to_int(v)),
        CastKind::Float if v.is_double() => v.clone(),
        CastKind::Float => TypedValue::double(convert::to_float(v)),
        CastKind::String if v.is_string() => v.clone(),
        CastKind::String => TypedValue::string(convert::to_str(ctx, v)?.into_owned()),
        CastKind::Bool => TypedValue::bool(convert::to_bool(v)),
        CastKind::Array => match v.tag() {
            tag::ARRAY => v.clone(),
            tag::UNINIT | tag::NULL => TypedValue::array(PhpArray::new()),
            tag::OBJECT => return Err(ctx.fatal("hopjit does not support (array) casts of objects yet")),
            _ => TypedValue::array(PhpArray::from_values(vec![v.copy_value()])),
        },
        CastKind::Object => return Err(ctx.fatal("hopjit does not support (object) casts yet")),
    })
}
