//! Built-in functions: the printf family and number_format, wrapping the engine in
//! `runtime::sprintf`.

use std::borrow::Cow;

use super::string::{check_alloc, nullable_str, ret_str};
use super::{args, BuiltinDef};
use crate::runtime::convert::to_str;
use crate::runtime::sprintf::{
    number_format as engine_number_format, php_sprintf_ex, ArgsMode, FmtArg, PhpErrorClass,
};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("sprintf", "format, ...values", sprintf),
    ("printf", "format, ...values", printf),
    ("vsprintf", "format, values", vsprintf),
    ("vprintf", "format, values", vprintf),
    (
        "number_format",
        "num, decimals=, decimal_separator=, thousands_separator=",
        number_format,
    ),
];

/// An argument reduced to a scalar, owning any converted string.
enum Scalar<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Cow<'a, [u8]>),
}

fn fmt_arg<'a>(s: &'a Scalar<'_>) -> FmtArg<'a> {
    match s {
        Scalar::Null => FmtArg::Null,
        Scalar::Bool(b) => FmtArg::Bool(*b),
        Scalar::Int(i) => FmtArg::Int(*i),
        Scalar::Float(f) => FmtArg::Float(*f),
        Scalar::Str(b) => FmtArg::Str(b),
    }
}

/// The conversions of a format string as `(argument index, conversion char)` (`*` for
/// a width/precision argument), parsed
/// the way the engine parses them (argnum, flags, `*` width/precision, `l`). Stops at
/// the first malformed spec (the engine reports it).
fn conversions(f: &[u8]) -> Vec<(usize, u8)> {
    let at = |i: usize| f.get(i).copied().unwrap_or(0);
    let argnum = |p: &mut usize| -> Option<Option<usize>> {
        let digits = f
            .get(*p..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
        if at(*p + digits) != b'$' {
            return Some(None);
        }
        let n: usize = std::str::from_utf8(&f[*p..*p + digits])
            .ok()?
            .parse()
            .ok()?;
        *p += digits + 1;
        n.checked_sub(1).map(Some)
    };
    let mut out = Vec::new();
    let (mut p, mut cur) = (0usize, 0usize);
    let next = |n: Option<usize>, cur: &mut usize| {
        n.unwrap_or_else(|| {
            *cur += 1;
            *cur - 1
        })
    };
    while p < f.len() {
        let Some(off) = f[p..].iter().position(|&c| c == b'%') else {
            break;
        };
        p += off + 1;
        if at(p) == b'%' {
            p += 1;
            continue;
        }
        let Some(num) = argnum(&mut p) else { break };
        loop {
            match at(p) {
                b' ' | b'0' | b'-' | b'+' => {}
                b'\'' if f.len() - p > 1 => p += 1,
                b'\'' => return out,
                _ => break,
            }
            p += 1;
        }
        if at(p) == b'*' {
            p += 1;
            let Some(w) = argnum(&mut p) else { break };
            out.push((next(w, &mut cur), b'*'));
        } else {
            while at(p).is_ascii_digit() {
                p += 1;
            }
        }
        if at(p) == b'.' && p < f.len() {
            p += 1;
            if at(p) == b'*' {
                p += 1;
                let Some(w) = argnum(&mut p) else { break };
                out.push((next(w, &mut cur), b'*'));
            } else {
                while at(p).is_ascii_digit() {
                    p += 1;
                }
            }
        }
        if at(p) == b'l' && p < f.len() {
            p += 1;
        }
        let n = next(num, &mut cur);
        out.push((n, at(p)));
        if p < f.len() {
            p += 1;
        }
    }
    out
}

/// Runs the engine over `vals`, raising its notices and turning its errors into
/// exceptions.
fn format(ctx: &mut ExecCtx, fmt: &[u8], vals: &[TypedValue], mode: ArgsMode) -> VmResult<Vec<u8>> {
    // PHP converts arguments lazily, per conversion: an array is "Array" with a
    // warning for each `%s` that uses it, and 1/0 (non-empty/empty) for numeric ones.
    let has_array = vals.iter().any(|v| v.deref().is_array());
    let convs = if has_array {
        conversions(fmt)
    } else {
        Vec::new()
    };
    let mut scalars = Vec::with_capacity(vals.len());
    for (idx, v) in vals.iter().enumerate() {
        let v = v.deref();
        scalars.push(match v.tag() {
            tag::UNINIT | tag::NULL => Scalar::Null,
            tag::BOOL => Scalar::Bool(v.bool_val()),
            tag::INT => Scalar::Int(v.int_val()),
            tag::DOUBLE => Scalar::Float(v.double_val()),
            tag::STRING => Scalar::Str(Cow::Borrowed(v.str_bytes())),
            tag::ARRAY => {
                let as_string = convs
                    .iter()
                    .filter(|&&(n, c)| n == idx && c == b's')
                    .count();
                // As a `*` width/precision it must stay a non-int (the engine's error).
                if as_string > 0 || convs.iter().any(|&(n, c)| n == idx && c == b'*') {
                    for _ in 0..as_string {
                        ctx.warn("Array to string conversion");
                    }
                    Scalar::Str(Cow::Borrowed(b"Array"))
                } else {
                    Scalar::Int(!v.arr().is_empty() as i64)
                }
            }
            _ => Scalar::Str(to_str(ctx, v)?),
        });
    }
    let fargs: Vec<FmtArg> = scalars.iter().map(fmt_arg).collect();
    let mut notices = Vec::new();
    let r = php_sprintf_ex(fmt, &fargs, mode, &mut |m| notices.push(m));
    let name = args::fname(ctx);
    for n in notices {
        ctx.notice(&format!("{name}(): {n}"));
    }
    r.map_err(|e| {
        let class = match e.class {
            PhpErrorClass::ValueError => "ValueError",
            PhpErrorClass::ArgumentCountError => "ArgumentCountError",
        };
        ctx.throw(class, e.message)
    })
}

fn sprintf(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let fmt = args::str(ctx, a, 0)?.into_owned();
    ret_str(format(ctx, &fmt, &a[1..], ArgsMode::Variadic)?)
}

fn printf(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let fmt = args::str(ctx, a, 0)?.into_owned();
    let out = format(ctx, &fmt, &a[1..], ArgsMode::Variadic)?;
    ctx.echo(&out);
    Ok(TypedValue::int(out.len() as i64))
}

fn array_values(ctx: &mut ExecCtx, a: &[TypedValue]) -> VmResult<Vec<TypedValue>> {
    Ok(args::array(ctx, a, 1)?.values())
}

fn vsprintf(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let fmt = args::str(ctx, a, 0)?.into_owned();
    let vals = array_values(ctx, a)?;
    ret_str(format(ctx, &fmt, &vals, ArgsMode::Array)?)
}

fn vprintf(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let fmt = args::str(ctx, a, 0)?.into_owned();
    let vals = array_values(ctx, a)?;
    let out = format(ctx, &fmt, &vals, ArgsMode::Array)?;
    ctx.echo(&out);
    Ok(TypedValue::int(out.len() as i64))
}

fn number_format(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let num = args::float(ctx, a, 0)?;
    let decimals = args::opt_int(ctx, a, 1)?.unwrap_or(0);
    let dec_point = nullable_str(ctx, a, 2)?.unwrap_or(Cow::Borrowed(b"."));
    let sep = nullable_str(ctx, a, 3)?.unwrap_or(Cow::Borrowed(b","));
    if num.is_finite() && decimals > 0 {
        // The result holds `decimals` digits: fail like PHP's allocator when too big.
        check_alloc(ctx, decimals as u128)?;
    }
    ret_str(engine_number_format(num, decimals, &dec_point, &sep))
}

#[cfg(test)]
mod tests {
    use super::super::string::tests::{i, run, s};
    use super::*;
    use crate::runtime::array::PhpArray;

    fn arr(v: Vec<TypedValue>) -> TypedValue {
        TypedValue::array(PhpArray::from_values(v))
    }

    #[test]
    fn sprintf_family() {
        assert_eq!(
            run(
                "sprintf",
                vec![
                    s("%05.1f|%-4s|%x"),
                    TypedValue::double(3.25159),
                    s("ab"),
                    i(255)
                ]
            ),
            "\"003.3|ab  |ff\""
        );
        assert_eq!(
            run("sprintf", vec![s("%s"), arr(vec![i(1)])]),
            "Warning: Array to string conversion\n\"Array\""
        );
        assert_eq!(
            run(
                "sprintf",
                vec![s("%d %.1f|%1$5d"), arr(vec![i(1)]), arr(vec![])]
            ),
            "\"1 0.0|    1\""
        );
        assert_eq!(
            run("sprintf", vec![s("%s %'*5s %1$s %x"), arr(vec![]), arr(vec![i(1)]), i(255)]),
            "Warning: Array to string conversion\n\nWarning: Array to string conversion\n\nWarning: Array to string conversion\n\"Array Array Array ff\""
        );
        assert_eq!(
            run(
                "sprintf",
                vec![
                    s("%*d|%.*f"),
                    i(4),
                    arr(vec![i(1)]),
                    i(2),
                    TypedValue::double(1.5)
                ]
            ),
            "\"   1|1.50\""
        );
        assert_eq!(
            run("sprintf", vec![s("%d")]),
            "ArgumentCountError: 2 arguments are required, 1 given"
        );
        assert_eq!(
            run("vsprintf", vec![s("%d"), s("x")]),
            "TypeError: vsprintf(): Argument #2 ($values) must be of type array, string given"
        );
        let mut m = PhpArray::new();
        m.set_str(b"k", i(1));
        m.push(i(2));
        assert_eq!(
            run("vsprintf", vec![s("%s-%s"), TypedValue::array(m)]),
            "\"1-2\""
        );
        assert_eq!(run("printf", vec![s("abc\n")]), "abc\n4");
        assert_eq!(run("vprintf", vec![s("%s\n"), arr(vec![i(3)])]), "3\n2");
        assert_eq!(
            run("printf", vec![s("%.60f\n"), TypedValue::double(1.5)]),
            "Notice: printf(): Requested precision of 60 digits was truncated to PHP maximum of 53 digits\n1.50000000000000000000000000000000000000000000000000000\n56"
        );
    }

    #[test]
    fn number_formatting() {
        let d = TypedValue::double;
        assert_eq!(run("number_format", vec![d(1234.5678)]), "\"1,235\"");
        assert_eq!(
            run("number_format", vec![d(1234.5678), i(2)]),
            "\"1,234.57\""
        );
        assert_eq!(
            run("number_format", vec![d(-1234.567), i(2), s(","), s(".")]),
            "\"-1.234,57\""
        );
        assert_eq!(run("number_format", vec![d(0.5)]), "\"1\"");
        assert_eq!(
            run("number_format", vec![d(1.5), i(200000000)]),
            "Fatal: Allowed memory size of 134217728 bytes exhausted (tried to allocate 200003584 bytes)"
        );
        assert_eq!(
            run("number_format", vec![d(1.5), i(2), s(""), s("")]),
            "\"150\""
        );
        assert_eq!(run("number_format", vec![s("1234.5")]), "\"1,235\"");
        assert_eq!(
            run(
                "number_format",
                vec![i(1234), i(2), TypedValue::null(), TypedValue::null()]
            ),
            "\"1,234.00\""
        );
    }
}
