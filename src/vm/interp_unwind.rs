//! Where an exception thrown in a function continues: the innermost handler covering
//! the faulting op, after chaining the exception over one a `finally` was already
//! unwinding. Every tier unwinds through [`unwind_target`].

use crate::bytecode::op::Op;
use crate::bytecode::unit::Func;
use crate::runtime::value::TypedValue;

/// An exception escaping a `finally` body that runs because of an earlier exception
/// replaces it, and the earlier one is appended to its chain of previous exceptions
/// (PHP's zend_exception_set_previous when the fast-call variable is cleaned up).
#[cold]
fn chain_over_pending_finally(func: &Func, frame: *mut TypedValue, pc: usize, new: &TypedValue) {
    for (h, op) in func.ops.iter().enumerate().take(pc) {
        let Op::FinallyFromThrow { state, exc } = op else {
            continue;
        };
        let end = func.ops[h + 1..]
            .iter()
            .position(|o| matches!(o, Op::FinallyEnd { state: s, .. } if s == state));
        let Some(end) = end.map(|e| e + h + 1) else {
            continue;
        };
        if pc >= end {
            continue;
        }
        // SAFETY: state and exc are temporaries of this frame.
        let st = unsafe { &*frame.add(*state as usize) };
        if !(st.is_int() && st.int_val() == 1) {
            continue;
        }
        // SAFETY: as above.
        let old = unsafe { &mut *frame.add(*exc as usize) }.take();
        // SAFETY: as above.
        unsafe { *frame.add(*state as usize) = TypedValue::int(0) };
        let old = old.copy_value();
        let new = new.deref();
        if !old.is_object() || !new.is_object() || old.cell_ptr() == new.cell_ptr() {
            continue;
        }
        let mut cur = new.clone();
        for _ in 0..64 {
            let next = cur.obj().prop("previous").map(|v| v.copy_value());
            match next {
                Some(n) if n.is_object() => {
                    if n.cell_ptr() == old.cell_ptr() {
                        break;
                    }
                    cur = n;
                }
                _ => {
                    cur.obj_mut().set_prop("previous", old);
                    break;
                }
            }
        }
    }
}

/// Where a Throw at `pc` continues in this function: the innermost handler covering
/// it (after chaining the exception over one a `finally` was already unwinding), or
/// `None` to propagate. Every tier unwinds through this.
pub fn unwind_target(
    func: &Func,
    frame: *mut TypedValue,
    pc: u32,
    e: &TypedValue,
) -> Option<crate::bytecode::unit::Handler> {
    chain_over_pending_finally(func, frame, pc as usize, e);
    func.handler_for(pc).copied()
}
