//! `foreach`: `IterInit` / `IterNext` / `IterFree`. The iterator occupies two slots:
//! `iter` holds the array copy (by value) or a reference to the iterated variable (by
//! reference), `iter + 1` the position (an int) in the array's entry order.

use super::ctx::{ExecCtx, VmResult};
use super::interp::{deref_slot, slot, write};
use super::interp_ops::Flow;
use crate::bytecode::op::{Op, Slot, NO_SLOT};
use crate::bytecode::unit::Func;
use crate::runtime::value::TypedValue;

fn not_iterable(ctx: &mut ExecCtx, v: &TypedValue) {
    let msg = format!(
        "foreach() argument must be of type array|object, {} given",
        v.zend_type_name()
    );
    ctx.warn(&msg);
}

/// `IterNext` by value (`foreach ($a as [$k =>] $v)`), the loop every tier runs
/// most: the next element (and key) into the loop variables, the position past it.
/// Returns false when the iteration is over (the op then jumps to its exit).
#[inline]
pub(crate) fn iter_next_by_value(frame: *mut TypedValue, iter: Slot, val: Slot, key: Slot) -> bool {
    let pos = iter_pos(frame, iter);
    // SAFETY: iter is a temp of this frame.
    let a = deref_slot(unsafe { slot(frame, iter) });
    if !a.is_array() {
        return false;
    }
    let (p, k, v) = if key == NO_SLOT {
        let Some((p, _, v)) = a.arr().entry_from(pos) else {
            return false;
        };
        (p, None, v)
    } else {
        let Some((p, k, v)) = a.arr().entry_value_from(pos) else {
            return false;
        };
        (p, Some(k), v)
    };
    let v = v.copy_value();
    // SAFETY: iter + 1 is a temp of this frame, holding an int (nothing to release).
    unsafe { *slot(frame, iter + 1) = TypedValue::int(p as i64 + 1) };
    write(frame, val, v);
    if let Some(k) = k {
        write(frame, key, k);
    }
    true
}

/// The position an iterator at slots `iter`, `iter + 1` continues from.
#[inline(always)]
fn iter_pos(frame: *mut TypedValue, iter: Slot) -> usize {
    // SAFETY: iter + 1 is a temp of the running frame.
    let pos = unsafe { slot(frame, iter + 1) };
    if pos.is_int() {
        pos.int_val().max(0) as usize
    } else {
        0
    }
}

pub(crate) fn iter_op(
    ctx: &mut ExecCtx,
    func: &Func,
    frame: *mut TypedValue,
    op: &Op,
) -> VmResult<Flow> {
    match op {
        Op::IterInit {
            iter,
            src,
            by_ref,
            exit,
        } => {
            if *by_ref && !src.is_const() {
                // SAFETY: src is a slot of this frame, distinct from iter.
                let s = unsafe { slot(frame, src.0) };
                let target = super::interp::deref_slot_mut(s);
                if target.is_uninit() {
                    *target = TypedValue::null();
                }
                if !target.is_array() {
                    let t = target.clone();
                    not_iterable(ctx, &t);
                    return Ok(Flow::Jump(*exit));
                }
                target.arr_mut().ensure_hash();
                let empty = target.arr().is_empty();
                let r = super::interp::make_ref_of(s);
                // SAFETY: iter and iter + 1 are temps of this frame.
                unsafe {
                    *slot(frame, *iter) = r;
                    *slot(frame, *iter + 1) = TypedValue::int(0);
                }
                if empty {
                    return Ok(Flow::Jump(*exit));
                }
            } else {
                let v = super::interp::read(ctx, func, frame, *src).clone();
                if !v.is_array() {
                    not_iterable(ctx, &v);
                    return Ok(Flow::Jump(*exit));
                }
                let empty = v.arr().is_empty();
                // SAFETY: iter and iter + 1 are temps of this frame.
                unsafe {
                    *slot(frame, *iter) = v;
                    *slot(frame, *iter + 1) = TypedValue::int(0);
                }
                if empty {
                    return Ok(Flow::Jump(*exit));
                }
            }
        }
        Op::IterNext {
            iter,
            val,
            key,
            by_ref,
            exit,
        } => {
            if *by_ref {
                let pos = iter_pos(frame, *iter);
                // SAFETY: iter is a temp of this frame holding a REF to the variable.
                let c = super::interp::deref_slot_mut(unsafe { slot(frame, *iter) });
                if !c.is_array() {
                    return Ok(Flow::Jump(*exit));
                }
                let Some((p, k)) = c
                    .arr()
                    .entry_from(pos)
                    .map(|(p, k, _)| (p, k.to_owned_key()))
                else {
                    return Ok(Flow::Jump(*exit));
                };
                let arr = c.arr_mut();
                let r = match arr.value_at_mut(p) {
                    Some(e) => e.make_ref(),
                    None => return Ok(Flow::Jump(*exit)),
                };
                if *val != NO_SLOT {
                    // SAFETY: val is a local of this frame; binding replaces it.
                    unsafe { *slot(frame, *val) = r };
                }
                if *key != NO_SLOT {
                    write(frame, *key, k.to_value());
                }
                // SAFETY: iter + 1 is a temp of this frame.
                unsafe { *slot(frame, *iter + 1) = TypedValue::int(p as i64 + 1) };
            } else if !iter_next_by_value(frame, *iter, *val, *key) {
                return Ok(Flow::Jump(*exit));
            }
        }
        Op::IterFree { iter } => {
            // SAFETY: iter and iter + 1 are temps of this frame.
            unsafe {
                *slot(frame, *iter) = TypedValue::uninit();
                *slot(frame, *iter + 1) = TypedValue::uninit();
            }
        }
        _ => {}
    }
    Ok(Flow::Next)
}
