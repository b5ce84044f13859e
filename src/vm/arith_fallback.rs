//! Temporary stand-in for `runtime::arith` (being written on the `arith` branch) with
//! the same names and signatures; the interpreter switches to the real module by
//! changing one `use` line in `interp.rs` once that branch is merged.

use crate::bytecode::op::{BinOp, CastKind, IncDec};
use crate::runtime::array::PhpArray;
use crate::runtime::compare::spaceship;
use crate::runtime::convert::{append_str, to_bool, to_float, to_int};
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

fn num(v: &TypedValue) -> TypedValue {
    let v = v.deref();
    if v.is_int() || v.is_double() {
        return v.clone();
    }
    if v.is_string() {
        let f = to_float(v);
        let i = to_int(v);
        return if (i as f64) == f { TypedValue::int(i) } else { TypedValue::double(f) };
    }
    TypedValue::int(to_int(v))
}

fn arith(ctx: &mut ExecCtx, op: BinOp, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let (a, b) = (num(a), num(b));
    if a.is_int() && b.is_int() {
        let (x, y) = (a.int_val(), b.int_val());
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::Mod => {
                if y == 0 {
                    return Err(ctx.throw("DivisionByZeroError", "Modulo by zero"));
                }
                Some(x.wrapping_rem(y))
            }
            BinOp::Div => {
                if y == 0 {
                    return Err(ctx.throw("DivisionByZeroError", "Division by zero"));
                }
                if x % y == 0 {
                    x.checked_div(y)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(r) = r {
            return Ok(TypedValue::int(r));
        }
    }
    let (x, y) = (to_float(&a), to_float(&b));
    Ok(TypedValue::double(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(ctx.throw("DivisionByZeroError", "Division by zero"));
            }
            x / y
        }
        _ => x.powf(y),
    }))
}

pub fn add(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let (a, b) = (a.deref(), b.deref());
    if a.is_array() && b.is_array() {
        let mut r = a.arr().clone();
        for (k, v) in b.arr().iter() {
            if !r.contains_key(k) {
                r.set(k, v.clone());
            }
        }
        return Ok(TypedValue::array(r));
    }
    arith(ctx, BinOp::Add, a, b)
}
pub fn sub(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    arith(ctx, BinOp::Sub, a, b)
}
pub fn mul(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    arith(ctx, BinOp::Mul, a, b)
}
pub fn concat(ctx: &mut ExecCtx, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    let mut buf = Vec::new();
    append_str(ctx, &mut buf, a)?;
    append_str(ctx, &mut buf, b)?;
    Ok(TypedValue::string(buf))
}
pub fn binary_op(ctx: &mut ExecCtx, op: BinOp, a: &TypedValue, b: &TypedValue) -> VmResult<TypedValue> {
    Ok(match op {
        BinOp::Concat => return concat(ctx, a, b),
        BinOp::Add => return add(ctx, a, b),
        BinOp::Spaceship => TypedValue::int(spaceship(a, b)),
        BinOp::Xor => TypedValue::bool(to_bool(a) ^ to_bool(b)),
        BinOp::BitAnd => TypedValue::int(to_int(a) & to_int(b)),
        BinOp::BitOr => TypedValue::int(to_int(a) | to_int(b)),
        BinOp::BitXor => TypedValue::int(to_int(a) ^ to_int(b)),
        BinOp::Shl => TypedValue::int(to_int(a).checked_shl(to_int(b) as u32).unwrap_or(0)),
        BinOp::Shr => TypedValue::int(to_int(a).checked_shr(to_int(b) as u32).unwrap_or(0)),
        _ => return arith(ctx, op, a, b),
    })
}
pub fn bit_not(_ctx: &mut ExecCtx, a: &TypedValue) -> VmResult<TypedValue> {
    Ok(TypedValue::int(!to_int(a)))
}
pub fn inc_dec(ctx: &mut ExecCtx, target: &mut TypedValue, kind: IncDec) -> VmResult<TypedValue> {
    let t = target.deref_mut();
    let old = t.copy_value();
    let new = match kind {
        IncDec::PreInc | IncDec::PostInc => {
            if old.is_null() {
                TypedValue::int(1)
            } else {
                add(ctx, &old, &TypedValue::int(1))?
            }
        }
        _ => {
            if old.is_null() {
                TypedValue::null()
            } else {
                sub(ctx, &old, &TypedValue::int(1))?
            }
        }
    };
    *t = new.clone();
    Ok(match kind {
        IncDec::PreInc | IncDec::PreDec => new,
        _ => old,
    })
}
pub fn cast(ctx: &mut ExecCtx, v: &TypedValue, kind: CastKind) -> VmResult<TypedValue> {
    let v = v.deref();
    Ok(match kind {
        CastKind::Int => TypedValue::int(to_int(v)),
        CastKind::Float => TypedValue::double(to_float(v)),
        CastKind::Bool => TypedValue::bool(to_bool(v)),
        CastKind::String => {
            let mut b = Vec::new();
            append_str(ctx, &mut b, v)?;
            TypedValue::string(b)
        }
        CastKind::Array => {
            if v.is_array() {
                v.clone()
            } else if v.is_null() {
                TypedValue::array(PhpArray::new())
            } else {
                TypedValue::array(PhpArray::from_values(vec![v.clone()]))
            }
        }
        CastKind::Object => v.clone(),
    })
}
