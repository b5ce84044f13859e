//! PHP 8.2 operator semantics on `TypedValue`s: arithmetic, concatenation, bitwise
//! operators, `++`/`--` and casts. The interpreter's fast paths handle int⊕int and
//! float⊕float inline; everything else lands here, so every type combination is
//! handled (exactly as `php -n` 8.2 does, including warning order and messages).

use super::array::PhpArray;
use super::compare;
use super::convert;
use super::float_fmt::format_float_repr;
use super::numeric::str_increment;
use super::value::{tag, StrBuf, TypedValue};
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
    let kind = if i == s.len() {
        Kind::Numeric
    } else {
        Kind::Leading
    };
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
    let msg = format!(
        "Unsupported operand types: {} {} {}",
        type_label(a),
        op.symbol(),
        type_label(b)
    );
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
        let shown = format_float_repr(d);
        ctx.deprecated(&format!(
            "Implicit conversion from float {shown} to int loses precision"
        ));
    }
    l
}

/// Both operands as numbers, in PHP's order (left converted and checked first).
fn numbers(ctx: &mut ExecCtx, op: BinOp, a: &TypedValue, b: &TypedValue) -> VmResult<(Num, Num)> {
    let Some(x) = to_number(ctx, a) else {
        return Err(unsupported(ctx, op, a, b));
    };
    let Some(y) = to_number(ctx, b) else {
        return Err(unsupported(ctx, op, a, b));
    };
    Ok((x, y))
}

fn longs(ctx: &mut ExecCtx, op: BinOp, a: &TypedValue, b: &TypedValue) -> VmResult<(i64, i64)> {
    let Some(x) = to_long(ctx, a) else {
        return Err(unsupported(ctx, op, a, b));
    };
    let Some(y) = to_long(ctx, b) else {
        return Err(unsupported(ctx, op, a, b));
    };
    Ok((x, y))
}

/// Any binary operator.
pub fn binary_op(
    ctx: &mut ExecCtx,
    op: BinOp,
    a: &TypedValue,
    b: &TypedValue,
) -> VmResult<TypedValue> {
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
    let size = convert::str_len_hint(a) + convert::str_len_hint(b);
    super::memory_limit::check_string_alloc(ctx, size as u128)?;
    let mut out = StrBuf::with_capacity(size);
    convert::append_str(ctx, &mut out, a)?;
    convert::append_str(ctx, &mut out, b)?;
    Ok(TypedValue::from_buf(out))
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
        tag::STRING => Ok(TypedValue::string(
            a.str_bytes().iter().map(|c| !c).collect(),
        )),
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
    let old = if post {
        t.copy_value()
    } else {
        TypedValue::null()
    };
    let step_num = |n: Num| -> TypedValue {
        match n {
            Num::I(i) => {
                let r = if inc {
                    i.checked_add(1)
                } else {
                    i.checked_sub(1)
                };
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
        tag::UNINIT | tag::NULL => Some(if inc {
            TypedValue::int(1)
        } else {
            TypedValue::null()
        }),
        tag::BOOL => None,
        tag::STRING => {
            let s = t.str_bytes();
            if s.is_empty() {
                Some(if inc {
                    TypedValue::str(b"1")
                } else {
                    TypedValue::int(-1)
                })
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
            tag::OBJECT => TypedValue::array(v.obj().props.clone()),
            _ => TypedValue::array(PhpArray::from_values(vec![v.copy_value()])),
        },
        CastKind::Object => {
            if v.is_object() {
                return Ok(v.clone());
            }
            let Some(cls) = crate::runtime::object::find_class("stdClass") else {
                return Err(ctx.fatal("stdClass is missing"));
            };
            let mut o = crate::runtime::object::PhpObject::new(cls);
            if v.is_array() {
                o.props = v.arr().clone();
            } else if !v.is_null() && !v.is_uninit() {
                o.set_prop("scalar", v.copy_value());
            }
            TypedValue::object(o)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: i64 = i64::MAX;
    const MIN: i64 = i64::MIN;

    fn i(v: i64) -> TypedValue {
        TypedValue::int(v)
    }
    fn f(v: f64) -> TypedValue {
        TypedValue::double(v)
    }
    fn s(v: &str) -> TypedValue {
        TypedValue::str(v.as_bytes())
    }
    fn n() -> TypedValue {
        TypedValue::null()
    }
    fn b(v: bool) -> TypedValue {
        TypedValue::bool(v)
    }
    fn arr(vals: &[i64]) -> TypedValue {
        TypedValue::array(PhpArray::from_values(vals.iter().map(|&v| i(v)).collect()))
    }

    /// A var_dump-ish rendering (floats via Rust's `{:?}`), or "Class: message".
    fn show(r: VmResult<TypedValue>) -> String {
        match r {
            Ok(v) => match v.tag() {
                tag::NULL => "NULL".into(),
                tag::BOOL => format!("bool({})", v.bool_val()),
                tag::INT => format!("int({})", v.int_val()),
                tag::DOUBLE => format!("float({:?})", v.double_val()),
                tag::STRING => format!("string({:?})", String::from_utf8_lossy(v.str_bytes())),
                tag::ARRAY => {
                    let parts: Vec<String> = v
                        .arr()
                        .iter()
                        .map(|(k, x)| format!("{:?}=>{}", k, show(Ok(x.clone()))))
                        .collect();
                    format!("[{}]", parts.join(","))
                }
                t => format!("tag{t}"),
            },
            Err(Fault::Throw(e)) => {
                let o = e.obj();
                let msg = o
                    .prop("message")
                    .map(|m| String::from_utf8_lossy(m.str_bytes()).into_owned());
                format!("{}: {}", o.class_name(), msg.unwrap_or_default())
            }
            Err(_) => "fatal".into(),
        }
    }

    /// Runs a binary op; returns (result, diagnostics printed).
    fn run(op: BinOp, a: TypedValue, b: TypedValue) -> (String, String) {
        let mut ctx = ExecCtx::for_tests();
        ctx.out.start_buffer();
        let r = show(binary_op(&mut ctx, op, &a, &b));
        let out = ctx.out.pop_buffer().unwrap_or_default();
        (r, String::from_utf8_lossy(&out).into_owned())
    }
    fn ok(op: BinOp, a: TypedValue, b: TypedValue, want: &str) {
        let (r, out) = run(op, a, b);
        assert_eq!(r, want);
        assert_eq!(out, "", "unexpected diagnostics for {want}");
    }
    fn diag(op: BinOp, a: TypedValue, b: TypedValue, want: &str, msgs: &[&str]) {
        let (r, out) = run(op, a, b);
        assert_eq!(r, want);
        let got: Vec<&str> = out.split('\n').filter(|l| !l.is_empty()).collect();
        assert_eq!(got.len(), msgs.len(), "diagnostics: {out}");
        for (g, m) in got.iter().zip(msgs) {
            assert!(g.starts_with(m), "{g:?} vs {m:?}");
        }
    }
    const NONNUM: &str = "Warning: A non-numeric value encountered";

    #[test]
    fn add_sub_mul() {
        use BinOp::*;
        ok(
            Add,
            s("abc"),
            i(1),
            "TypeError: Unsupported operand types: string + int",
        );
        ok(
            Add,
            arr(&[]),
            i(1),
            "TypeError: Unsupported operand types: array + int",
        );
        ok(
            Add,
            n(),
            s("x"),
            "TypeError: Unsupported operand types: null + string",
        );
        ok(
            Add,
            i(1),
            arr(&[]),
            "TypeError: Unsupported operand types: int + array",
        );
        ok(
            Sub,
            arr(&[]),
            arr(&[]),
            "TypeError: Unsupported operand types: array - array",
        );
        ok(
            Mul,
            arr(&[]),
            i(1),
            "TypeError: Unsupported operand types: array * int",
        );
        diag(Add, s("5 apples"), i(1), "int(6)", &[NONNUM]);
        ok(Add, s("1.5"), i(1), "float(2.5)");
        ok(Add, s(" 12"), i(1), "int(13)");
        ok(Add, s("12 "), i(1), "int(13)");
        ok(Add, s("1e3"), i(1), "float(1001.0)");
        ok(
            Add,
            s(""),
            i(1),
            "TypeError: Unsupported operand types: string + int",
        );
        ok(Add, b(true), n(), "int(1)");
        ok(Add, i(MAX), i(1), "float(9.223372036854776e18)");
        ok(Sub, i(MIN), i(1), "float(-9.223372036854776e18)");
        ok(Mul, i(MAX), i(2), "float(1.8446744073709552e19)");
        ok(
            Mul,
            s("abc"),
            s("def"),
            "TypeError: Unsupported operand types: string * string",
        );
        ok(
            Sub,
            s("abc"),
            f(1.5),
            "TypeError: Unsupported operand types: string - float",
        );
        diag(
            Mul,
            s("5 apples"),
            s("3 pears"),
            "int(15)",
            &[NONNUM, NONNUM],
        );
        diag(Add, s("0x1A"), i(0), "int(0)", &[NONNUM]);
        diag(Add, s("1e"), i(0), "int(1)", &[NONNUM]);
        diag(Add, s("  \n12abc"), i(0), "int(12)", &[NONNUM]);
        ok(Add, s(".5"), i(0), "float(0.5)");
        ok(Add, s("5."), i(0), "float(5.0)");
        ok(Add, s("-.5e1"), i(0), "float(-5.0)");
        ok(
            Add,
            s("9223372036854775808"),
            i(0),
            "float(9.223372036854776e18)",
        );
        ok(
            Add,
            s("9223372036854775807"),
            i(0),
            "int(9223372036854775807)",
        );
        ok(Add, f(1.5), b(true), "float(2.5)");
        ok(
            Sub,
            i(1),
            s("x"),
            "TypeError: Unsupported operand types: int - string",
        );
        ok(Sub, n(), n(), "int(0)");
        ok(Mul, s("3"), s("4"), "int(12)");
        ok(Mul, s("3.0"), s("4"), "float(12.0)");
        ok(Mul, i(MIN), i(-1), "float(9.223372036854776e18)");
        ok(Sub, i(-MAX), i(2), "float(-9.223372036854776e18)");
        // error order: the left operand is converted (and warns) first
        diag(
            Add,
            s("5 apples"),
            s("abc"),
            "TypeError: Unsupported operand types: string + string",
            &[NONNUM],
        );
        ok(
            Add,
            s("abc"),
            s("5 apples"),
            "TypeError: Unsupported operand types: string + string",
        );
        ok(
            Add,
            arr(&[]),
            s("5 apples"),
            "TypeError: Unsupported operand types: array + string",
        );
        diag(
            Add,
            s("5 apples"),
            arr(&[]),
            "TypeError: Unsupported operand types: string + array",
            &[NONNUM],
        );
        ok(
            Add,
            s("5"),
            arr(&[]),
            "TypeError: Unsupported operand types: string + array",
        );
        // references and uninit
        ok(
            Add,
            TypedValue::new_ref(i(2)),
            TypedValue::uninit(),
            "int(2)",
        );
    }

    #[test]
    fn array_union() {
        ok(
            BinOp::Add,
            arr(&[1, 2]),
            arr(&[5, 6, 7]),
            "[Int(0)=>int(1),Int(1)=>int(2),Int(2)=>int(7)]",
        );
        let mut l = PhpArray::new();
        l.set_str(b"a", i(1));
        let mut r = PhpArray::new();
        r.set_str(b"b", i(2));
        r.set_str(b"a", i(3));
        let (res, _) = run(BinOp::Add, TypedValue::array(l), TypedValue::array(r));
        assert_eq!(
            res,
            show(Ok(TypedValue::array({
                let mut w = PhpArray::new();
                w.set_str(b"a", i(1));
                w.set_str(b"b", i(2));
                w
            })))
        );
        ok(BinOp::Add, arr(&[]), arr(&[4]), "[Int(0)=>int(4)]");
    }

    #[test]
    fn division() {
        use BinOp::*;
        ok(Div, i(1), i(0), "DivisionByZeroError: Division by zero");
        ok(Div, i(1), f(0.0), "DivisionByZeroError: Division by zero");
        ok(Div, i(7), s("0"), "DivisionByZeroError: Division by zero");
        ok(Div, i(7), b(false), "DivisionByZeroError: Division by zero");
        ok(Div, i(6), i(3), "int(2)");
        ok(Div, i(7), i(2), "float(3.5)");
        ok(Div, i(MIN), i(-1), "float(9.223372036854776e18)");
        ok(Div, i(MIN), i(1), &format!("int({MIN})"));
        ok(
            Div,
            s("abc"),
            i(0),
            "TypeError: Unsupported operand types: string / int",
        );
        ok(
            Div,
            i(1),
            s("abc"),
            "TypeError: Unsupported operand types: int / string",
        );
        ok(Div, i(10), f(4.0), "float(2.5)");
        ok(Div, i(0), i(-5), "int(0)");
        ok(Div, f(0.0), i(-5), "float(-0.0)");
    }

    #[test]
    fn modulo_vectors() {
        use BinOp::*;
        ok(Mod, i(7), i(0), "DivisionByZeroError: Modulo by zero");
        ok(Mod, i(7), s("0"), "DivisionByZeroError: Modulo by zero");
        ok(Mod, i(7), n(), "DivisionByZeroError: Modulo by zero");
        diag(
            Mod,
            f(7.5),
            i(2),
            "int(1)",
            &["Deprecated: Implicit conversion from float 7.5 to int loses precision"],
        );
        ok(Mod, i(-7), i(2), "int(-1)");
        // the float is shown in shortest round-trip form, not precision 17
        diag(
            Mod,
            f(0.1),
            i(1),
            "int(0)",
            &["Deprecated: Implicit conversion from float 0.1 to int loses precision"],
        );
        ok(Mod, i(7), i(-2), "int(1)");
        ok(Mod, i(MIN), i(-1), "int(0)");
        diag(
            Mod,
            f(1e30),
            i(7),
            "int(5)",
            &["Deprecated: Implicit conversion from float"],
        );
        ok(
            Mod,
            s("abc"),
            i(3),
            "TypeError: Unsupported operand types: string % int",
        );
        ok(
            Mod,
            s("abc"),
            i(0),
            "TypeError: Unsupported operand types: string % int",
        );
        ok(
            Mod,
            arr(&[]),
            i(3),
            "TypeError: Unsupported operand types: array % int",
        );
        diag(
            Mod,
            i(7),
            f(0.5),
            "DivisionByZeroError: Modulo by zero",
            &["Deprecated: Implicit conversion from float 0.5"],
        );
        ok(Mod, s("1.0"), i(1), "int(0)");
        ok(Mod, f(1.0), i(1), "int(0)");
        diag(
            Mod,
            f(-7.5),
            i(2),
            "int(-1)",
            &["Deprecated: Implicit conversion from float -7.5 to int"],
        );
        diag(
            Mod,
            f(f64::INFINITY),
            i(2),
            "int(0)",
            &["Deprecated: Implicit conversion from float"],
        );
        diag(
            Mod,
            s("5.5 apples"),
            i(2),
            "int(1)",
            &[NONNUM, "Deprecated: Implicit conversion from float-string \"5.5 apples\" to int loses precision"],
        );
        diag(
            Mod,
            s("5 apples"),
            s("abc"),
            "TypeError: Unsupported operand types: string % string",
            &[NONNUM],
        );
    }

    #[test]
    fn pow_vectors() {
        use BinOp::*;
        ok(Pow, i(2), i(10), "int(1024)");
        ok(Pow, i(2), i(63), "float(9.223372036854776e18)");
        ok(Pow, i(2), i(-1), "float(0.5)");
        ok(Pow, i(0), i(-1), "float(inf)");
        ok(Pow, i(0), i(0), "int(1)");
        ok(Pow, i(-2), i(63), &format!("int({MIN})"));
        ok(Pow, i(-2), i(64), "float(1.8446744073709552e19)");
        ok(
            Pow,
            s("abc"),
            i(2),
            "TypeError: Unsupported operand types: string ** int",
        );
        ok(
            Pow,
            arr(&[]),
            i(2),
            "TypeError: Unsupported operand types: array ** int",
        );
        ok(Pow, i(2), s("3"), "int(8)");
        ok(Pow, f(2.0), i(3), "float(8.0)");
        ok(Pow, i(10), i(20), "float(1e20)");
        ok(Pow, f(0.0), i(-1), "float(inf)");
        ok(Pow, i(0), f(-1.0), "float(inf)");
        ok(Pow, i(3), i(40), "float(1.2157665459056929e19)");
        ok(Pow, i(-3), i(39), "int(-4052555153018976267)");
        ok(Pow, f(1.5), i(2), "float(2.25)");
        ok(Pow, b(true), i(2), "int(1)");
        ok(Pow, s("2"), s("0.5"), "float(1.4142135623730951)");
        let (r, _) = run(Pow, i(-8), f(1.0 / 3.0));
        assert_eq!(r, "float(NaN)");
    }

    #[test]
    fn concat_vectors() {
        use BinOp::*;
        ok(Concat, i(1), i(1), "string(\"11\")");
        ok(Concat, s("abc"), i(1), "string(\"abc1\")");
        ok(Concat, n(), b(true), "string(\"1\")");
        diag(
            Concat,
            arr(&[]),
            s("x"),
            "string(\"Arrayx\")",
            &["Warning: Array to string conversion"],
        );
        diag(
            Concat,
            arr(&[]),
            arr(&[]),
            "string(\"ArrayArray\")",
            &[
                "Warning: Array to string conversion",
                "Warning: Array to string conversion",
            ],
        );
        diag(
            Concat,
            s("5 apples"),
            arr(&[]),
            "string(\"5 applesArray\")",
            &["Warning: Array to string"],
        );
    }

    #[test]
    fn bitwise_vectors() {
        use BinOp::*;
        ok(BitAnd, i(5), i(3), "int(1)");
        ok(BitAnd, s("ab"), s("a"), "string(\"a\")");
        ok(BitOr, s("ab"), s("a"), "string(\"ab\")");
        ok(BitXor, s("ab"), s("a "), "string(\"\\0B\")");
        ok(BitXor, s(""), s("abc"), "string(\"\")");
        ok(BitOr, s("abc"), s(""), "string(\"abc\")");
        ok(BitAnd, s("12"), i(7), "int(4)");
        ok(
            BitAnd,
            s("abc"),
            i(1),
            "TypeError: Unsupported operand types: string & int",
        );
        diag(
            BitAnd,
            f(1.5),
            i(3),
            "int(1)",
            &["Deprecated: Implicit conversion from float 1.5 to int loses precision"],
        );
        ok(
            BitAnd,
            arr(&[]),
            i(1),
            "TypeError: Unsupported operand types: array & int",
        );
        ok(
            BitAnd,
            s("x"),
            arr(&[]),
            "TypeError: Unsupported operand types: string & array",
        );
        ok(
            BitAnd,
            b(true),
            s("x"),
            "TypeError: Unsupported operand types: bool & string",
        );
        ok(BitOr, n(), i(1), "int(1)");
        ok(BitXor, i(1), i(3), "int(2)");
        diag(
            BitOr,
            f(1e30),
            i(0),
            "int(5076964154930102272)",
            &["Deprecated: Implicit conversion from float"],
        );
        diag(
            BitOr,
            f(-1e30),
            i(0),
            "int(-5076964154930102272)",
            &["Deprecated: Implicit conversion from float"],
        );
        diag(
            BitOr,
            f(f64::NAN),
            i(0),
            "int(0)",
            &["Deprecated: Implicit conversion from float"],
        );
        diag(
            BitOr,
            s("1.5"),
            i(0),
            "int(1)",
            &["Deprecated: Implicit conversion from float-string \"1.5\" to int loses precision"],
        );
        diag(
            BitOr,
            s("1e30"),
            i(0),
            &format!("int({MAX})"),
            &["Deprecated: Implicit conversion from float-string \"1e30\""],
        );
        diag(
            BitOr,
            s("-1e30"),
            i(0),
            &format!("int({MIN})"),
            &["Deprecated: Implicit conversion from float-string"],
        );
        ok(BitOr, s("1e3"), i(0), "int(1000)");
        ok(BitOr, s(" 12 "), i(0), "int(12)");
        diag(BitOr, s("5 apples"), i(1), "int(5)", &[NONNUM]);
        diag(BitAnd, i(5), s("5 apples"), "int(5)", &[NONNUM]);
        ok(BitAnd, s("5 apples"), s("x"), "string(\"0\")");
    }

    #[test]
    fn shifts_xor_spaceship() {
        use BinOp::*;
        ok(
            Shl,
            i(1),
            i(-1),
            "ArithmeticError: Bit shift by negative number",
        );
        ok(Shl, i(1), i(64), "int(0)");
        ok(Shr, i(-1), i(64), "int(-1)");
        ok(Shr, i(8), i(65), "int(0)");
        ok(Shl, i(1), i(63), &format!("int({MIN})"));
        ok(
            Shl,
            s("abc"),
            i(1),
            "TypeError: Unsupported operand types: string << int",
        );
        ok(Shl, s("12"), s("1"), "int(24)");
        diag(
            Shl,
            s("12"),
            f(1.5),
            "int(24)",
            &["Deprecated: Implicit conversion from float 1.5"],
        );
        diag(
            Shl,
            i(1),
            f(1e30),
            "int(0)",
            &["Deprecated: Implicit conversion from float"],
        );
        ok(Shr, i(-16), i(2), "int(-4)");
        ok(Xor, i(1), i(0), "bool(true)");
        ok(Xor, arr(&[]), s("a"), "bool(true)");
        ok(Xor, i(1), n(), "bool(true)");
        ok(Xor, i(1), s("1"), "bool(false)");
        ok(Spaceship, i(1), i(2), "int(-1)");
        ok(Spaceship, i(2), i(2), "int(0)");
    }

    fn not(v: TypedValue) -> (String, String) {
        let mut ctx = ExecCtx::for_tests();
        ctx.out.start_buffer();
        let r = show(bit_not(&mut ctx, &v));
        let out = ctx.out.pop_buffer().unwrap_or_default();
        (r, String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn bit_not_vectors() {
        assert_eq!(not(i(5)).0, "int(-6)");
        let (r, out) = not(f(5.7));
        assert_eq!(r, "int(-6)");
        assert!(
            out.contains("Deprecated: Implicit conversion from float 5.7 to int loses precision")
        );
        let mut ctx = ExecCtx::for_tests();
        let r = bit_not(&mut ctx, &s("ab"))
            .ok()
            .map(|v| v.str_bytes().to_vec());
        assert_eq!(r, Some(vec![!b'a', !b'b']));
        assert_eq!(not(n()).0, "TypeError: Cannot perform bitwise not on null");
        assert_eq!(
            not(arr(&[])).0,
            "TypeError: Cannot perform bitwise not on array"
        );
        assert_eq!(
            not(b(true)).0,
            "TypeError: Cannot perform bitwise not on bool"
        );
        assert_eq!(not(TypedValue::new_ref(i(0))).0, "int(-1)");
    }

    /// (post result, value after post-op, pre result) for ++ then --.
    fn incdec(v: TypedValue, kind: IncDec) -> (String, String) {
        let mut ctx = ExecCtx::for_tests();
        let mut t = v;
        let r = show(inc_dec(&mut ctx, &mut t, kind));
        (r, show(Ok(t.deref().clone())))
    }
    fn check_incdec(v: TypedValue, post_inc: &str, inc: &str, post_dec: &str, dec: &str) {
        for (kind, res, after) in [
            (IncDec::PostInc, post_inc, inc),
            (IncDec::PreInc, inc, inc),
            (IncDec::PostDec, post_dec, dec),
            (IncDec::PreDec, dec, dec),
        ] {
            let (r, t) = incdec(v.clone(), kind);
            assert_eq!(
                (r.as_str(), t.as_str()),
                (res, after),
                "{kind:?} on {}",
                show(Ok(v.clone()))
            );
        }
    }

    #[test]
    fn inc_dec_vectors() {
        let (mx, mn) = (format!("int({MAX})"), format!("int({MIN})"));
        check_incdec(
            i(MAX),
            &mx,
            "float(9.223372036854776e18)",
            &mx,
            &format!("int({})", MAX - 1),
        );
        check_incdec(
            i(MIN),
            &mn,
            &format!("int({})", MIN + 1),
            &mn,
            "float(-9.223372036854776e18)",
        );
        check_incdec(
            f(1.5),
            "float(1.5)",
            "float(2.5)",
            "float(1.5)",
            "float(0.5)",
        );
        check_incdec(n(), "NULL", "int(1)", "NULL", "NULL");
        check_incdec(TypedValue::uninit(), "NULL", "int(1)", "NULL", "NULL");
        check_incdec(
            b(true),
            "bool(true)",
            "bool(true)",
            "bool(true)",
            "bool(true)",
        );
        check_incdec(
            b(false),
            "bool(false)",
            "bool(false)",
            "bool(false)",
            "bool(false)",
        );
        check_incdec(
            s("9"),
            "string(\"9\")",
            "int(10)",
            "string(\"9\")",
            "int(8)",
        );
        check_incdec(
            s("9.5"),
            "string(\"9.5\")",
            "float(10.5)",
            "string(\"9.5\")",
            "float(8.5)",
        );
        check_incdec(
            s("1e2"),
            "string(\"1e2\")",
            "float(101.0)",
            "string(\"1e2\")",
            "float(99.0)",
        );
        check_incdec(
            s(""),
            "string(\"\")",
            "string(\"1\")",
            "string(\"\")",
            "int(-1)",
        );
        check_incdec(
            s(" 5"),
            "string(\" 5\")",
            "int(6)",
            "string(\" 5\")",
            "int(4)",
        );
        check_incdec(
            s("5 "),
            "string(\"5 \")",
            "int(6)",
            "string(\"5 \")",
            "int(4)",
        );
        check_incdec(
            s("-0"),
            "string(\"-0\")",
            "int(1)",
            "string(\"-0\")",
            "int(-1)",
        );
        check_incdec(
            s("9223372036854775807"),
            "string(\"9223372036854775807\")",
            "float(9.223372036854776e18)",
            "string(\"9223372036854775807\")",
            &format!("int({})", MAX - 1),
        );
        // non-numeric strings: -- leaves them alone
        let (r, t) = incdec(s("abc"), IncDec::PostDec);
        assert_eq!(
            (r.as_str(), t.as_str()),
            ("string(\"abc\")", "string(\"abc\")")
        );
        let (r, t) = incdec(s("5 apples"), IncDec::PreDec);
        assert_eq!(
            (r.as_str(), t.as_str()),
            ("string(\"5 apples\")", "string(\"5 apples\")")
        );
        assert_eq!(
            incdec(arr(&[]), IncDec::PostInc).0,
            "TypeError: Cannot increment array"
        );
        assert_eq!(
            incdec(arr(&[]), IncDec::PreDec).0,
            "TypeError: Cannot decrement array"
        );
        // through a reference box: the box is written
        let mut ctx = ExecCtx::for_tests();
        let mut r = TypedValue::new_ref(i(4));
        let alias = r.clone();
        let res = inc_dec(&mut ctx, &mut r, IncDec::PostInc);
        assert_eq!(show(res), "int(4)");
        assert_eq!(show(Ok(alias.deref().clone())), "int(5)");
    }

    #[test]
    fn casts() {
        let mut ctx = ExecCtx::for_tests();
        let mut c = |v: TypedValue, k: CastKind| show(cast(&mut ctx, &v, k));
        assert_eq!(c(i(1), CastKind::Array), "[Int(0)=>int(1)]");
        assert_eq!(c(n(), CastKind::Array), "[]");
        assert_eq!(c(s("x"), CastKind::Array), "[Int(0)=>string(\"x\")]");
        assert_eq!(c(arr(&[1]), CastKind::Array), "[Int(0)=>int(1)]");
        assert_eq!(c(f(1.0), CastKind::String), "string(\"1\")");
        assert_eq!(c(i(12), CastKind::String), "string(\"12\")");
        assert_eq!(c(s("0"), CastKind::Bool), "bool(false)");
        assert_eq!(c(arr(&[]), CastKind::Bool), "bool(false)");
        assert_eq!(c(f(0.0), CastKind::Bool), "bool(false)");
        assert_eq!(c(b(false), CastKind::String), "string(\"\")");
        assert_eq!(c(b(true), CastKind::Int), "int(1)");
        assert_eq!(c(i(3), CastKind::Float), "float(3.0)");
        assert_eq!(c(TypedValue::new_ref(i(3)), CastKind::Int), "int(3)");
        let o = cast(&mut ctx, &i(3), CastKind::Object).unwrap_or_default();
        assert!(o.is_object() && o.obj().class_name() == "stdClass");
        assert_eq!(o.obj().prop("scalar").map(|v| v.int_val()), Some(3));
        ctx.out.start_buffer();
        let r = show(cast(&mut ctx, &arr(&[]), CastKind::String));
        let out = String::from_utf8_lossy(&ctx.out.pop_buffer().unwrap_or_default()).into_owned();
        assert_eq!(r, "string(\"Array\")");
        assert!(out.contains("Warning: Array to string conversion"));
    }

    #[test]
    fn parse_num_vectors() {
        assert_eq!(parse_num(b"12"), (Num::I(12), Kind::Numeric));
        assert_eq!(parse_num(b" \t12\n"), (Num::I(12), Kind::Numeric));
        assert_eq!(parse_num(b"-.5e1"), (Num::F(-5.0), Kind::Numeric));
        assert_eq!(parse_num(b"1e"), (Num::I(1), Kind::Leading));
        assert_eq!(parse_num(b"."), (Num::I(0), Kind::NonNumeric));
        assert_eq!(parse_num(b"-"), (Num::I(0), Kind::NonNumeric));
        assert_eq!(parse_num(b""), (Num::I(0), Kind::NonNumeric));
        assert_eq!(parse_num(b"1.5x"), (Num::F(1.5), Kind::Leading));
        assert_eq!(parse_num(b"\xff"), (Num::I(0), Kind::NonNumeric));
    }
}
