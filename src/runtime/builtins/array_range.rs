//! Built-in function `range` (PHP 8.2 semantics: letters, ints, floats, numeric
//! strings; a negative step counts as positive).

use super::array::{too_big, MAX_ELEMENTS};
use super::{args, BuiltinDef};
use crate::runtime::array::PhpArray;
use crate::runtime::convert::{to_float, to_int};
use crate::runtime::numeric::{parse_numeric, Number, NumericKind};
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, Fault, VmResult};

pub const FUNCS: &[BuiltinDef] = &[("range", "start, end, step=", range)];

fn range_err(ctx: &mut ExecCtx) -> Fault {
    args::value_error(ctx, 2, "must not exceed the specified range")
}

/// `%0.0f` formatting.
fn fmt0(f: f64) -> String {
    if f.is_infinite() {
        if f > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else if f.is_nan() {
        "nan".into()
    } else {
        format!("{f:.0}")
    }
}

fn is_double_str(v: &TypedValue) -> bool {
    v.is_string()
        && matches!(
            parse_numeric(v.str_bytes()),
            (Some(Number::Float(_)), NumericKind::Numeric)
        )
}
fn is_long_str(v: &TypedValue) -> bool {
    v.is_string()
        && matches!(
            parse_numeric(v.str_bytes()),
            (Some(Number::Int(_)), NumericKind::Numeric)
        )
}

fn range(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let low = a[0].deref().clone();
    let high = a[1].deref().clone();
    let (mut step, mut step_double) = (1.0f64, false);
    if let Some(s) = a.get(2).map(|s| s.deref().clone()) {
        step_double = s.is_double() || is_double_str(&s);
        step = to_float(&s).abs();
    }
    if low.is_string()
        && high.is_string()
        && !low.str_bytes().is_empty()
        && !high.str_bytes().is_empty()
    {
        if is_double_str(&low) || is_double_str(&high) || step_double {
            return range_double(ctx, to_float(&low), to_float(&high), step);
        }
        if is_long_str(&low) || is_long_str(&high) {
            return range_long(ctx, to_int(&low), to_int(&high), step);
        }
        let (mut lo, hi) = (low.str_bytes()[0] as i64, high.str_bytes()[0] as i64);
        let lstep = step as i64;
        let mut out = PhpArray::new();
        if lo > hi {
            if lstep <= 0 || lo - hi < lstep {
                return Err(range_err(ctx));
            }
            while lo >= hi {
                out.push(TypedValue::str(&[lo as u8]));
                if lo - lstep < 0 {
                    break;
                }
                lo -= lstep;
            }
        } else if hi > lo {
            if lstep <= 0 || hi - lo < lstep {
                return Err(range_err(ctx));
            }
            while lo <= hi {
                out.push(TypedValue::str(&[lo as u8]));
                if lo + lstep > 255 {
                    break;
                }
                lo += lstep;
            }
        } else {
            out.push(TypedValue::str(&[lo as u8]));
        }
        return Ok(TypedValue::array(out));
    }
    if low.is_double() || high.is_double() || step_double {
        return range_double(ctx, to_float(&low), to_float(&high), step);
    }
    range_long(ctx, to_int(&low), to_int(&high), step)
}

fn range_double(ctx: &mut ExecCtx, low: f64, high: f64, step: f64) -> VmResult<TypedValue> {
    if low.is_infinite() || high.is_infinite() {
        return Err(ctx.value_error(format!(
            "Invalid range supplied: start={} end={}",
            fmt0(low),
            fmt0(high)
        )));
    }
    let mut out = PhpArray::new();
    if low > high || high > low {
        let (span, sign) = if low > high {
            (low - high, -1.0)
        } else {
            (high - low, 1.0)
        };
        if span < step || step <= 0.0 || step.is_nan() {
            return Err(range_err(ctx));
        }
        let calc = span / step + 1.0;
        if calc >= 1073741824.0 {
            let (s, e) = if sign > 0.0 { (low, high) } else { (high, low) };
            return Err(ctx.value_error(format!(
                "The supplied range exceeds the maximum array size: start={} end={}",
                fmt0(s),
                fmt0(e)
            )));
        }
        let size = calc.round() as u64;
        if size > MAX_ELEMENTS {
            return Err(too_big(ctx, size));
        }
        for i in 0..size {
            let el = low + sign * (i as f64 * step);
            if (sign > 0.0 && el > high) || (sign < 0.0 && el < high) {
                break;
            }
            out.push(TypedValue::double(el));
        }
    } else {
        out.push(TypedValue::double(low));
    }
    Ok(TypedValue::array(out))
}

fn range_long(ctx: &mut ExecCtx, low: i64, high: i64, step: f64) -> VmResult<TypedValue> {
    if step <= 0.0 || step.is_nan() {
        return Err(range_err(ctx));
    }
    let lstep = if step >= 1.8446744073709552e19 {
        u64::MAX
    } else {
        step as u64
    };
    if lstep == 0 {
        return Err(range_err(ctx));
    }
    let mut out = PhpArray::new();
    if low == high {
        out.push(TypedValue::int(low));
        return Ok(TypedValue::array(out));
    }
    let span = (high as i128 - low as i128).unsigned_abs() as u64;
    if span < lstep {
        return Err(range_err(ctx));
    }
    let calc = span / lstep;
    if calc >= 0x4000_0000 - 1 {
        let (s, e) = if high > low { (low, high) } else { (high, low) };
        return Err(ctx.value_error(format!(
            "The supplied range exceeds the maximum array size: start={s} end={e}"
        )));
    }
    let size = calc + 1;
    if size > MAX_ELEMENTS {
        return Err(too_big(ctx, size));
    }
    let mut vals = Vec::with_capacity(size as usize);
    for i in 0..size as i128 {
        let v = if high > low {
            low as i128 + i * lstep as i128
        } else {
            low as i128 - i * lstep as i128
        };
        vals.push(TypedValue::int(v as i64));
    }
    Ok(TypedValue::array(PhpArray::from_values(vals)))
}
