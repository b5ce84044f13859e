//! Built-in functions: math (abs, round, pow, intdiv, trigonometry, max/min, base
//! conversion ...), PHP 8.2-exact.

use std::cmp::Ordering;

use super::{args, BuiltinDef};
use crate::runtime::compare::loose_compare;
use crate::runtime::numeric::{parse_numeric, Number, NumericKind};
use crate::runtime::sprintf::{php_round_mode, RoundMode};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("abs", "num", abs),
    ("floor", "num", floor),
    ("ceil", "num", ceil),
    ("round", "num, precision=, mode=", round),
    ("sqrt", "num", sqrt),
    ("pow", "num, exponent", pow),
    ("intdiv", "num1, num2", intdiv),
    ("fmod", "num1, num2", fmod),
    ("fdiv", "num1, num2", fdiv),
    ("pi", "", pi),
    ("sin", "num", sin),
    ("cos", "num", cos),
    ("tan", "num", tan),
    ("asin", "num", asin),
    ("acos", "num", acos),
    ("atan", "num", atan),
    ("atan2", "y, x", atan2),
    ("sinh", "num", sinh),
    ("cosh", "num", cosh),
    ("tanh", "num", tanh),
    ("asinh", "num", asinh),
    ("acosh", "num", acosh),
    ("atanh", "num", atanh),
    ("exp", "num", exp),
    ("log", "num, base=", log),
    ("log10", "num", log10),
    ("log1p", "num", log1p),
    ("expm1", "num", expm1),
    ("is_nan", "num", is_nan),
    ("is_infinite", "num", is_infinite),
    ("is_finite", "num", is_finite),
    ("hypot", "x, y", hypot),
    ("deg2rad", "num", deg2rad),
    ("rad2deg", "num", rad2deg),
    ("max", "value, ...values", max),
    ("min", "value, ...values", min),
    ("dechex", "num", dechex),
    ("decbin", "num", decbin),
    ("decoct", "num", decoct),
    ("hexdec", "hex_string", hexdec),
    ("bindec", "binary_string", bindec),
    ("octdec", "octal_string", octdec),
    ("base_convert", "num, from_base, to_base", base_convert),
];

fn num_value(n: Number) -> TypedValue {
    match n {
        Number::Int(i) => TypedValue::int(i),
        Number::Float(f) => TypedValue::double(f),
    }
}

fn abs(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(match args::number(ctx, a, 0, "int|float")? {
        Number::Int(i) if i == i64::MIN => TypedValue::double(-(i as f64)),
        Number::Int(i) => TypedValue::int(i.abs()),
        Number::Float(f) => TypedValue::double(f.abs()),
    })
}

fn floor(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::double(
        match args::number(ctx, a, 0, "int|float")? {
            Number::Int(i) => i as f64,
            Number::Float(f) => f.floor(),
        },
    ))
}

fn ceil(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::double(
        match args::number(ctx, a, 0, "int|float")? {
            Number::Int(i) => i as f64,
            Number::Float(f) => f.ceil(),
        },
    ))
}

fn round(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let n = args::number(ctx, a, 0, "int|float")?;
    let places = args::opt_int(ctx, a, 1)?.unwrap_or(0);
    let mode = RoundMode::from_php(args::opt_int(ctx, a, 2)?.unwrap_or(1));
    Ok(TypedValue::double(match n {
        Number::Int(i) if places >= 0 => i as f64,
        Number::Int(i) => php_round_mode(i as f64, places, mode),
        Number::Float(f) => php_round_mode(f, places, mode),
    }))
}

fn f1(ctx: &mut ExecCtx, a: &[TypedValue], f: fn(f64) -> f64) -> VmResult<TypedValue> {
    let x = args::float(ctx, a, 0)?;
    Ok(TypedValue::double(f(x)))
}

fn sqrt(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::sqrt)
}
fn sin(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::sin)
}
fn cos(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::cos)
}
fn tan(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::tan)
}
fn asin(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::asin)
}
fn acos(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::acos)
}
fn atan(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::atan)
}
fn sinh(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::sinh)
}
fn cosh(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::cosh)
}
fn tanh(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::tanh)
}
fn asinh(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::asinh)
}
fn acosh(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::acosh)
}
fn atanh(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::atanh)
}
fn exp(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::exp)
}
fn log10(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::log10)
}
fn log1p(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::ln_1p)
}
fn expm1(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, f64::exp_m1)
}
fn deg2rad(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, |x| x / 180.0 * std::f64::consts::PI)
}
fn rad2deg(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    f1(ctx, a, |x| x / std::f64::consts::PI * 180.0)
}
fn pi(_ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::double(std::f64::consts::PI))
}

fn is_nan(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::bool(args::float(ctx, a, 0)?.is_nan()))
}
fn is_infinite(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::bool(args::float(ctx, a, 0)?.is_infinite()))
}
fn is_finite(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::bool(args::float(ctx, a, 0)?.is_finite()))
}

fn atan2(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let y = args::float(ctx, a, 0)?;
    let x = args::float(ctx, a, 1)?;
    Ok(TypedValue::double(y.atan2(x)))
}
fn hypot(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::float(ctx, a, 0)?;
    let y = args::float(ctx, a, 1)?;
    Ok(TypedValue::double(x.hypot(y)))
}
fn fmod(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::float(ctx, a, 0)?;
    let y = args::float(ctx, a, 1)?;
    Ok(TypedValue::double(x % y))
}

/// IEEE division: no DivisionByZeroError (INF, -INF or NAN instead).
fn fdiv(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::float(ctx, a, 0)?;
    let y = args::float(ctx, a, 1)?;
    Ok(TypedValue::double(x / y))
}

fn log(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::float(ctx, a, 0)?;
    let Some(base) = args::opt_float(ctx, a, 1)? else {
        return Ok(TypedValue::double(x.ln()));
    };
    if base == 2.0 {
        return Ok(TypedValue::double(x.log2()));
    }
    if base == 10.0 {
        return Ok(TypedValue::double(x.log10()));
    }
    if base == 1.0 {
        return Ok(TypedValue::double(f64::NAN));
    }
    if base <= 0.0 {
        return Err(args::value_error(ctx, 1, "must be greater than 0"));
    }
    Ok(TypedValue::double(x.ln() / base.ln()))
}

fn intdiv(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::int(ctx, a, 0)?;
    let y = args::int(ctx, a, 1)?;
    if y == 0 {
        return Err(ctx.throw("DivisionByZeroError", "Division by zero"));
    }
    if y == -1 && x == i64::MIN {
        return Err(ctx.throw(
            "ArithmeticError",
            "Division of PHP_INT_MIN by -1 is not an integer",
        ));
    }
    Ok(TypedValue::int(x / y))
}

/// An operand of `**` as the engine converts it (pow() takes `mixed`).
fn pow_operand(ctx: &mut ExecCtx, v: &TypedValue) -> Option<Number> {
    let v = v.deref();
    match v.tag() {
        tag::UNINIT | tag::NULL => Some(Number::Int(0)),
        tag::BOOL => Some(Number::Int(v.bool_val() as i64)),
        tag::INT => Some(Number::Int(v.int_val())),
        tag::DOUBLE => Some(Number::Float(v.double_val())),
        tag::STRING => match parse_numeric(v.str_bytes()) {
            (Some(n), NumericKind::Numeric) => Some(n),
            (Some(n), NumericKind::LeadingNumeric) => {
                ctx.warn("A non-numeric value encountered");
                Some(n)
            }
            _ => None,
        },
        _ => None,
    }
}

/// `$base ** $exp` for numbers (int**int stays int until it overflows).
pub(crate) fn pow_numbers(base: Number, exp: Number) -> Number {
    match (base, exp) {
        (Number::Int(b), Number::Int(e)) if e >= 0 => {
            if e == 0 {
                return Number::Int(1);
            }
            if b == 0 {
                return Number::Int(0);
            }
            let (mut l1, mut l2, mut i) = (1i64, b, e);
            while i >= 1 {
                if i % 2 != 0 {
                    i -= 1;
                    match l1.checked_mul(l2) {
                        Some(v) => l1 = v,
                        None => {
                            return Number::Float(
                                (l1 as f64) * (l2 as f64) * (l2 as f64).powf(i as f64),
                            )
                        }
                    }
                } else {
                    i /= 2;
                    match l2.checked_mul(l2) {
                        Some(v) => l2 = v,
                        None => {
                            return Number::Float(
                                (l1 as f64) * ((l2 as f64) * (l2 as f64)).powf(i as f64),
                            )
                        }
                    }
                }
            }
            Number::Int(l1)
        }
        _ => Number::Float(base.to_f64_m().powf(exp.to_f64_m())),
    }
}

trait ToF64 {
    fn to_f64_m(self) -> f64;
}
impl ToF64 for Number {
    fn to_f64_m(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

fn pow(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let b = pow_operand(ctx, &a[0]);
    let e = pow_operand(ctx, &a[1]);
    match (b, e) {
        (Some(b), Some(e)) => Ok(num_value(pow_numbers(b, e))),
        _ => {
            let msg = format!(
                "Unsupported operand types: {} ** {}",
                a[0].zend_type_name(),
                a[1].zend_type_name()
            );
            Err(ctx.type_error(msg))
        }
    }
}

// ---- max / min ----

/// `zend_compare` as an int: uncomparable counts as "greater" (1).
fn cmp3(a: &TypedValue, b: &TypedValue) -> i32 {
    match loose_compare(a, b) {
        Some(Ordering::Less) => -1,
        Some(Ordering::Equal) => 0,
        _ => 1,
    }
}

fn minmax(ctx: &mut ExecCtx, a: &mut [TypedValue], want_max: bool) -> VmResult<TypedValue> {
    if a.len() == 1 {
        let v = a[0].deref();
        if !v.is_array() {
            return Err(args::type_error(ctx, 0, "array", v));
        }
        let arr = v.arr();
        let mut it = arr.iter();
        let Some((_, first)) = it.next() else {
            return Err(args::value_error(
                ctx,
                0,
                "must contain at least one element",
            ));
        };
        let mut best = first;
        for (_, p) in it {
            // zend_hash_minmax: max keeps `p` when best < p, min when best > p.
            let c = cmp3(best, p);
            if (want_max && c < 0) || (!want_max && c > 0) {
                best = p;
            }
        }
        return Ok(best.copy_value());
    }
    let mut best = 0;
    for i in 1..a.len() {
        let c = cmp3(&a[i], &a[best]);
        if (want_max && c > 0) || (!want_max && c < 0) {
            best = i;
        }
    }
    Ok(a[best].copy_value())
}

fn max(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    minmax(ctx, a, true)
}
fn min(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    minmax(ctx, a, false)
}

// ---- base conversion ----

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

fn long_to_base(n: i64, base: u64) -> Vec<u8> {
    let mut v = n as u64;
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(v % base) as usize]);
        v /= base;
        if v == 0 {
            break;
        }
    }
    out.reverse();
    out
}

/// `_php_math_basetozval`: invalid characters are skipped (with one deprecation);
/// values beyond PHP_INT_MAX continue as floats.
fn base_to_number(ctx: &mut ExecCtx, s: &[u8], base: u32) -> Number {
    let is_space = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let start = s.iter().position(|c| !is_space(c)).unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|c| !is_space(c))
        .map_or(start, |p| p + 1);
    let mut s = &s[start..end.max(start)];
    if s.len() >= 2 && s[0] == b'0' {
        let p = s[1].to_ascii_lowercase();
        if (base == 16 && p == b'x') || (base == 8 && p == b'o') || (base == 2 && p == b'b') {
            s = &s[2..];
        }
    }
    let cutoff = i64::MAX / base as i64;
    let cutlim = i64::MAX % base as i64;
    let (mut num, mut fnum, mut float_mode, mut invalid) = (0i64, 0f64, false, false);
    for &c in s {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'A'..=b'Z' => c - b'A' + 10,
            b'a'..=b'z' => c - b'a' + 10,
            _ => {
                invalid = true;
                continue;
            }
        } as i64;
        if d >= base as i64 {
            invalid = true;
            continue;
        }
        if !float_mode {
            if num < cutoff || (num == cutoff && d <= cutlim) {
                num = num * base as i64 + d;
                continue;
            }
            fnum = num as f64;
            float_mode = true;
        }
        fnum = fnum * base as f64 + d as f64;
    }
    if invalid {
        ctx.deprecated(
            "Invalid characters passed for attempted conversion, these have been ignored",
        );
    }
    if float_mode {
        Number::Float(fnum)
    } else {
        Number::Int(num)
    }
}

fn base_dec(ctx: &mut ExecCtx, a: &mut [TypedValue], base: u32) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?.into_owned();
    Ok(num_value(base_to_number(ctx, &s, base)))
}
fn hexdec(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    base_dec(ctx, a, 16)
}
fn octdec(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    base_dec(ctx, a, 8)
}
fn bindec(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    base_dec(ctx, a, 2)
}

fn dec_base(ctx: &mut ExecCtx, a: &mut [TypedValue], base: u64) -> VmResult<TypedValue> {
    let n = args::int(ctx, a, 0)?;
    Ok(TypedValue::string(long_to_base(n, base)))
}
fn dechex(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    dec_base(ctx, a, 16)
}
fn decoct(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    dec_base(ctx, a, 8)
}
fn decbin(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    dec_base(ctx, a, 2)
}

fn base_convert(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?.into_owned();
    let from = args::int(ctx, a, 1)?;
    let to = args::int(ctx, a, 2)?;
    if !(2..=36).contains(&from) {
        return Err(args::value_error(
            ctx,
            1,
            "must be between 2 and 36 (inclusive)",
        ));
    }
    if !(2..=36).contains(&to) {
        return Err(args::value_error(
            ctx,
            2,
            "must be between 2 and 36 (inclusive)",
        ));
    }
    let out = match base_to_number(ctx, &s, from as u32) {
        Number::Int(n) => long_to_base(n, to as u64),
        Number::Float(f) => {
            let mut v = f.floor();
            if v.is_infinite() {
                return Err(ctx.value_error(format!(
                    "An infinite value cannot be converted to base {to}"
                )));
            }
            let mut out = Vec::new();
            loop {
                let d = (v % to as f64) as usize;
                out.push(DIGITS.get(d).copied().unwrap_or(b'0'));
                v /= to as f64;
                if out.len() >= 64 || v.abs() < 1.0 {
                    break;
                }
            }
            out.reverse();
            out
        }
    };
    Ok(TypedValue::string(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(
        f: super::super::BuiltinFn,
        name: &str,
        args: Vec<TypedValue>,
    ) -> (Result<TypedValue, String>, String) {
        let mut ctx = ExecCtx::for_tests();
        ctx.cur_builtin = super::super::registry::lookup(name).unwrap();
        ctx.out.start_buffer();
        let mut a = args;
        let r = f(&mut ctx, &mut a).map_err(|e| match e {
            crate::vm::ctx::Fault::Throw(v) => {
                let o = v.obj();
                format!(
                    "{}: {}",
                    o.class_name(),
                    String::from_utf8_lossy(o.prop("message").unwrap().str_bytes())
                )
            }
            other => format!("{other:?}"),
        });
        let out = ctx.out.pop_buffer().unwrap();
        (r, String::from_utf8_lossy(&out).into_owned())
    }
    fn i(n: i64) -> TypedValue {
        TypedValue::int(n)
    }
    fn d(f: f64) -> TypedValue {
        TypedValue::double(f)
    }
    fn s(x: &str) -> TypedValue {
        TypedValue::str(x.as_bytes())
    }
    fn ok(r: (Result<TypedValue, String>, String)) -> TypedValue {
        r.0.unwrap()
    }
    fn err(r: (Result<TypedValue, String>, String)) -> String {
        r.0.unwrap_err()
    }
    fn fl(v: TypedValue) -> f64 {
        assert!(v.is_double(), "{v:?}");
        v.double_val()
    }

    #[test]
    fn pow_vectors() {
        assert_eq!(fl(ok(call(pow, "pow", vec![i(0), i(-1)]))), f64::INFINITY);
        assert_eq!(
            fl(ok(call(pow, "pow", vec![i(2), i(63)]))),
            9.223372036854776E+18
        );
        assert_eq!(ok(call(pow, "pow", vec![i(-2), i(63)])).int_val(), i64::MIN);
        assert_eq!(fl(ok(call(pow, "pow", vec![i(2), i(-1)]))), 0.5);
        assert_eq!(ok(call(pow, "pow", vec![s("3"), i(2)])).int_val(), 9);
        assert_eq!(
            fl(ok(call(pow, "pow", vec![i(3), i(40)]))),
            1.2157665459056929E+19
        );
        assert_eq!(
            fl(ok(call(pow, "pow", vec![i(-3), i(41)]))),
            -3.647299637717079E+19
        );
        assert_eq!(
            ok(call(pow, "pow", vec![i(2), i(62)])).int_val(),
            4611686018427387904
        );
        assert_eq!(ok(call(pow, "pow", vec![i(0), i(0)])).int_val(), 1);
        assert_eq!(
            err(call(pow, "pow", vec![s("abc"), i(2)])),
            "TypeError: Unsupported operand types: string ** int"
        );
        let (r, out) = call(pow, "pow", vec![s("5x"), i(2)]);
        assert_eq!(r.unwrap().int_val(), 25);
        assert!(out.contains("Warning: A non-numeric value encountered"));
    }

    #[test]
    fn intdiv_log_abs() {
        assert_eq!(ok(call(intdiv, "intdiv", vec![i(-7), i(2)])).int_val(), -3);
        assert_eq!(
            err(call(intdiv, "intdiv", vec![i(1), i(0)])),
            "DivisionByZeroError: Division by zero"
        );
        assert_eq!(
            err(call(intdiv, "intdiv", vec![i(i64::MIN), i(-1)])),
            "ArithmeticError: Division of PHP_INT_MIN by -1 is not an integer"
        );
        assert_eq!(
            err(call(log, "log", vec![i(5), i(0)])),
            "ValueError: log(): Argument #2 ($base) must be greater than 0"
        );
        assert_eq!(fl(ok(call(log, "log", vec![i(8), i(2)]))), 3.0);
        assert_eq!(fl(ok(call(log, "log", vec![i(0)]))), f64::NEG_INFINITY);
        assert_eq!(
            fl(ok(call(abs, "abs", vec![i(i64::MIN)]))),
            9.223372036854776E+18
        );
        assert_eq!(ok(call(abs, "abs", vec![s("-5")])).int_val(), 5);
        assert_eq!(fl(ok(call(floor, "floor", vec![i(5)]))), 5.0);
        assert_eq!(fl(ok(call(fmod, "fmod", vec![i(-5), i(3)]))), -2.0);
        assert_eq!(fl(ok(call(fdiv, "fdiv", vec![i(1), i(0)]))), f64::INFINITY);
        assert_eq!(
            fl(ok(call(fdiv, "fdiv", vec![i(-1), i(0)]))),
            f64::NEG_INFINITY
        );
        assert!(fl(ok(call(fdiv, "fdiv", vec![i(0), i(0)]))).is_nan());
        assert_eq!(fl(ok(call(fdiv, "fdiv", vec![i(7), i(2)]))), 3.5);
        assert_eq!(
            fl(ok(call(log1p, "log1p", vec![d(0.5)]))),
            0.4054651081081644
        );
        assert_eq!(
            fl(ok(call(expm1, "expm1", vec![d(0.5)]))),
            0.6487212707001282
        );
    }

    #[test]
    fn round_vectors() {
        let r = |v: TypedValue, p: i64| fl(ok(call(round, "round", vec![v, i(p)])));
        assert_eq!(r(d(2.5), 0), 3.0);
        assert_eq!(r(d(-2.5), 0), -3.0);
        assert_eq!(r(d(1.955), 2), 1.96);
        assert_eq!(r(i(5), -1), 10.0);
        assert_eq!(r(d(1234.5678), -2), 1200.0);
        assert_eq!(r(d(1.45), 1), 1.5);
        assert_eq!(r(i(i64::MAX), 0), 9.223372036854776E+18);
        assert_eq!(r(d(-0.4), 0), 0.0);
        assert_eq!(r(d(5.045), 2), 5.05);
        assert_eq!(r(d(5.055), 2), 5.06);
        assert_eq!(php_round_mode(2.5, 0, RoundMode::HalfEven), 2.0);
        assert_eq!(php_round_mode(3.5, 0, RoundMode::HalfEven), 4.0);
        assert_eq!(php_round_mode(2.5, 0, RoundMode::HalfDown), 2.0);
        assert_eq!(php_round_mode(2.5, 0, RoundMode::HalfOdd), 3.0);
        assert_eq!(php_round_mode(-1.55, 1, RoundMode::HalfEven), -1.6);
    }

    #[test]
    fn minmax_vectors() {
        assert_eq!(fl(ok(call(max, "max", vec![i(1), s("2"), d(3.5)]))), 3.5);
        let arr = TypedValue::array(crate::runtime::array::PhpArray::from_values(vec![
            i(1),
            i(5),
            i(3),
        ]));
        assert_eq!(ok(call(max, "max", vec![arr])).int_val(), 5);
        assert_eq!(
            ok(call(min, "min", vec![s("apple"), s("banana")])).str_bytes(),
            b"apple"
        );
        assert_eq!(
            ok(call(max, "max", vec![s("10"), s("9a")])).str_bytes(),
            b"9a"
        );
        assert_eq!(
            ok(call(max, "max", vec![s("abc"), i(0)])).str_bytes(),
            b"abc"
        );
        assert_eq!(
            ok(call(max, "max", vec![i(0), s("abc")])).str_bytes(),
            b"abc"
        );
        assert!(ok(call(
            max,
            "max",
            vec![TypedValue::null(), TypedValue::bool(false)]
        ))
        .is_null());
        assert!(fl(ok(call(min, "min", vec![d(f64::NAN), i(1)]))).is_nan());
        assert_eq!(ok(call(max, "max", vec![d(f64::NAN), i(1)])).int_val(), 1);
        assert!(fl(ok(call(max, "max", vec![i(1), d(f64::NAN)]))).is_nan());
        let empty = TypedValue::array(crate::runtime::array::PhpArray::new());
        assert_eq!(
            err(call(max, "max", vec![empty])),
            "ValueError: max(): Argument #1 ($value) must contain at least one element"
        );
        assert_eq!(
            err(call(min, "min", vec![i(5)])),
            "TypeError: min(): Argument #1 ($value) must be of type array, int given"
        );
    }

    #[test]
    fn base_vectors() {
        assert_eq!(ok(call(hexdec, "hexdec", vec![s("ff")])).int_val(), 255);
        let (r, out) = call(hexdec, "hexdec", vec![s("zz1")]);
        assert_eq!(r.unwrap().int_val(), 1);
        assert!(out.contains("Deprecated: Invalid characters passed for attempted conversion, these have been ignored"));
        assert_eq!(
            fl(ok(call(hexdec, "hexdec", vec![s("ffffffffffffffff")]))),
            1.8446744073709552E+19
        );
        assert_eq!(ok(call(hexdec, "hexdec", vec![s("0x1A")])).int_val(), 26);
        assert_eq!(ok(call(octdec, "octdec", vec![s("0o17")])).int_val(), 15);
        assert_eq!(ok(call(bindec, "bindec", vec![s("0b101")])).int_val(), 5);
        assert_eq!(
            ok(call(dechex, "dechex", vec![i(-1)])).str_bytes(),
            b"ffffffffffffffff"
        );
        assert_eq!(
            ok(call(decbin, "decbin", vec![i(-1)])).str_bytes(),
            "1".repeat(64).as_bytes()
        );
        assert_eq!(ok(call(decoct, "decoct", vec![i(8)])).str_bytes(), b"10");
        assert_eq!(
            ok(call(dechex, "dechex", vec![i(i64::MAX)])).str_bytes(),
            b"7fffffffffffffff"
        );
        let bc = |x: &str, f: i64, t: i64| {
            ok(call(base_convert, "base_convert", vec![s(x), i(f), i(t)]))
                .str_bytes()
                .to_vec()
        };
        assert_eq!(bc("ff", 16, 2), b"11111111");
        assert_eq!(bc("-zz", 36, 10), b"1295");
        assert_eq!(
            bc("fffffffffffffffffff", 16, 10),
            b"75557863725914346642046"
        );
        assert_eq!(bc("", 10, 2), b"0");
        assert_eq!(bc("Z", 36, 16), b"23");
        assert_eq!(
            err(call(base_convert, "base_convert", vec![s("1"), i(1), i(10)])),
            "ValueError: base_convert(): Argument #2 ($from_base) must be between 2 and 36 (inclusive)"
        );
    }
}
