//! Calls the interpreter runs in its own dispatch loop instead of recursing into a
//! new one (see `interp::run_ops`): which calls qualify, how the callee's frame is
//! pushed, and what is remembered of the caller to return to.

use super::ctx::ExecCtx;
use super::interp::slot;
use super::interp_call::{bind_captures, pop_lean_frame, push_lean_frame, LeanFrame};
use crate::bytecode::op::Slot;
use crate::bytecode::unit::{CallShape, Func, Unit};
use crate::runtime::value::TypedValue;

/// The caller of a call the interpreter runs inline, restored when it returns.
pub(crate) struct InlineCaller<'a> {
    pub(crate) func: &'a Func,
    pub(crate) frame: *mut TypedValue,
    /// The pc of the `Call`.
    pub(crate) pc: usize,
    pub(crate) dst: Slot,
    pub(crate) callee: LeanFrame,
    /// The closure called (null for a function): its bound values live on in the
    /// callee's frame, and the object itself lives until the call returns.
    pub(crate) keep: TypedValue,
}

impl<'a> InlineCaller<'a> {
    /// Ends the inlined call (returned or faulted): pops its frame, releases the
    /// closure, and gives back the caller's function, frame, `Call` pc and result
    /// slot.
    ///
    /// # Safety
    /// `self` is the innermost inlined call, and its callee is done with its frame.
    #[inline(always)]
    pub(crate) unsafe fn leave(
        self,
        ctx: &mut ExecCtx,
    ) -> (&'a Func, *mut TypedValue, usize, Slot) {
        // SAFETY: per the contract, `callee` is the innermost frame pushed.
        unsafe { pop_lean_frame(ctx, self.callee) };
        drop(self.keep);
        (self.func, self.frame, self.pc, self.dst)
    }
}

/// Whether a call of `callee` passing `argc` arguments may run inline (see
/// [`inline_callee`]).
#[inline(always)]
fn runs_inline(callee: &Func, argc: u32) -> bool {
    let most = callee.call_shape.inline_argc;
    most != CallShape::NONE && argc <= most && callee.handlers.is_empty()
}

/// A call the interpreter can run in its own loop instead of recursing: a call
/// passing at most the declared parameters, all by value (`CallShape::inline_argc`;
/// omitted ones are left for the callee's defaults), of a function without
/// exception handlers (so a fault unwinds it without looking for one, and it never
/// touches `pending`), with the JIT off (no entry slot to go through). Pushes the
/// callee's frame and returns it; `None` (nothing done) sends the call the
/// general way.
#[inline(always)]
pub(crate) fn inline_callee(
    ctx: &mut ExecCtx,
    callee: &Func,
    frame: *mut TypedValue,
    args: Slot,
    argc: u32,
) -> Option<LeanFrame> {
    if !runs_inline(callee, argc) || callee.num_captures != 0 {
        return None;
    }
    // SAFETY: the argument temporaries are `argc` slots of this frame, below the
    // VM stack pointer; `callee` takes at least `argc` parameters by value.
    unsafe { push_lean_frame(ctx, callee, slot(frame, args), argc as usize) }
}

/// [`inline_callee`] for `CallValue` of a closure object `c`: its bound values go
/// to the capture slots after the parameters. Returns, with the callee and its
/// frame, the closure to keep alive for the call.
#[inline(always)]
pub(crate) fn inline_closure<'a>(
    ctx: &mut ExecCtx,
    unit: &'a Unit,
    c: &TypedValue,
    frame: *mut TypedValue,
    args: Slot,
    argc: u32,
) -> Option<(&'a Func, LeanFrame, TypedValue)> {
    if !c.is_object() {
        return None;
    }
    let cl = c.obj().closure.as_ref()?;
    if cl.builtin.is_some() {
        return None;
    }
    let callee = unit.funcs.get(cl.func as usize)?;
    if !runs_inline(callee, argc) || cl.bound.len() < callee.num_captures as usize {
        return None;
    }
    // SAFETY: as in `inline_callee`.
    let lean = unsafe { push_lean_frame(ctx, callee, slot(frame, args), argc as usize) }?;
    // SAFETY: `inline_argc` guarantees the captures fit the slots after the
    // parameters, which push_lean_frame just started UNINIT.
    unsafe { bind_captures(callee, lean.frame, &cl.bound) };
    Some((callee, lean, c.clone()))
}

/// Where an inlined call of `callee` with `argc` arguments starts: past the
/// `CheckArgs` when every declared parameter was passed.
#[inline(always)]
pub(crate) fn lean_entry(callee: &Func, argc: u32) -> usize {
    if argc == callee.call_shape.inline_argc {
        callee.call_shape.lean_entry_pc as usize
    } else {
        0
    }
}
