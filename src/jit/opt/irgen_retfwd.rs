//! Returns of the value the op just before computed, passed on in registers.
//!
//! **Why.** `return $a + $b;` is an `Add` into a temporary and a `Return` of it. The
//! add stores its result into the frame (value and tag), and the return reloads it
//! — two stores no one else reads: the frame dies with the return. LLVM forwards
//! the reload but must keep the stores, since the frame is memory every helper can
//! reach. In recursive code they are a tenth of all stores per call (fib's
//! `return fib($n - 1) + fib($n - 2)`), and such code is bound by its stores.
//!
//! `return f($x);` likewise: the call's result comes back in registers (a self
//! call's through `selfret`), is stored, and is reloaded, checked and given one
//! more owner by the return, which the frame's release then takes again.
//!
//! The same holds for an argument: `f($n - 1)` computes `$n - 1` into a temporary
//! only for the call to move it into the callee's frame and mark the temporary
//! undefined — three stores, where the callee's frame needs the value alone. The
//! native call sequence takes such an argument from registers (its helper path,
//! which reads the frame, writes it there first).
//!
//! **When.** The op is an int-planned `Add`, `Sub` or `Mul` (one path: an overflow
//! leaves optimized code before anything is written) or a call taking the native
//! sequence (whose helper path writes the slot: the value is taken back out of it
//! there, the slot left undefined); the next op returns its destination and nothing
//! else branches to that return; and the destination holds nothing counted before
//! (so the slot left unwritten keeps nothing to release: the frame-clean word stays
//! true). The value is owned: the return gives it no new owner, and a return that
//! leaves for the tier below writes it into the slot first. The function has no
//! exception handlers (a `finally` would run between the two and could read the
//! slot), and the slot is not promoted.

use super::*;

/// A result (owned) handed from an op to the `Return` at `ret_pc`, for `slot`.
pub(super) struct Forwarded {
    pub ret_pc: usize,
    pub slot: Slot,
    pub tag: String,
    pub data: String,
}

impl Lower<'_> {
    /// The destination slot of op `pc` if its result may go to the `Return` after
    /// it in registers (see the module doc).
    pub(super) fn forwardable_result(&self, pc: usize) -> Option<Slot> {
        let dst = match (&self.func.ops[pc], self.spec.plans[pc]) {
            (Op::Add { dst, .. } | Op::Sub { dst, .. } | Op::Mul { dst, .. }, Plan::Int) => *dst,
            // (Only the native call sequence hands its result over; other ways of
            // calling store it, and the return reads the slot as usual.)
            (Op::Call { dst, .. }, _) => *dst,
            _ => return None,
        };
        let returns_it = matches!(
            (self.func.ops.get(pc + 1), self.spec.plans.get(pc + 1)),
            (Some(Op::Return { src }), Some(Plan::Int)) if *src == Operand::slot(dst)
        );
        (returns_it && self.may_skip_frame(pc, dst)).then_some(dst)
    }

    /// The destination slot of op `pc` if its int result may go straight into the
    /// callee's frame of the call after it (see the module doc): an int-planned
    /// `Add`, `Sub` or `Mul` computing one of the call's by-value arguments, the
    /// call taking the native sequence.
    pub(super) fn forwardable_arg(&self, pc: usize) -> Option<Slot> {
        let dst = match (&self.func.ops[pc], self.spec.plans[pc]) {
            (Op::Add { dst, .. } | Op::Sub { dst, .. } | Op::Mul { dst, .. }, Plan::Int) => *dst,
            _ => return None,
        };
        let Some(&Op::Call {
            func: callee,
            args,
            argc,
            ..
        }) = self.func.ops.get(pc + 1)
        else {
            return None;
        };
        let by_value = self.unit.funcs.get(callee as usize).is_some_and(|f| {
            f.params
                .get((dst.wrapping_sub(args)) as usize)
                .is_none_or(|p| !p.by_ref)
        });
        let native = self.plain_call(callee)
            && self.inline_spec(callee, argc).is_none()
            && self.native_call_site(pc + 1, callee, argc);
        ((args..args + argc).contains(&dst) && by_value && native && self.may_skip_frame(pc, dst))
            .then_some(dst)
    }

    /// What both hand-overs need of op `pc` writing `dst`: a body of its own (not
    /// inlined) without exception handlers, an op after it that nothing else
    /// branches to, and a slot that holds nothing counted and is not promoted.
    fn may_skip_frame(&self, pc: usize, dst: Slot) -> bool {
        let reached_only_from_pc =
            !(0..self.func.ops.len()).any(|at| branch_targets(self.func, at).contains(&(pc + 1)));
        self.inlining.is_none()
            && self.func.handlers.is_empty()
            && dst != NO_SLOT
            && reached_only_from_pc
            && tags::subset(self.known(dst), tags::UNCOUNTED)
            && !self.promo.slots.contains(&dst)
    }

    /// The value `Return` at `pc` takes from the op before it, if that op handed
    /// one over for slot `src`.
    pub(super) fn take_forwarded(&mut self, pc: usize, src: Operand) -> Option<Forwarded> {
        let f = self.forwarded.take()?;
        (f.ret_pc == pc && src == Operand::slot(f.slot)).then_some(f)
    }

    /// Continues when `ok` holds; else the handed-over value `f` is written into
    /// its slot `s` (the tier below returns the slot) and optimized code is left at
    /// `pc`, the `Return`.
    pub(super) fn expect_or_spill(&mut self, pc: usize, ok: &str, s: Slot, f: &Forwarded) {
        let (next, spill) = (self.fresh_block("ok"), self.fresh_block("ret.spill"));
        self.line(&format!(
            "br i1 {ok}, label %{next}, label %{spill}, !prof !0"
        ));
        self.block(&spill);
        let q = self.storage(s);
        self.store_raw(&q, &f.tag, &f.data);
        let gen = self.fallback_label(pc);
        self.line(&format!("br label %{gen}"));
        self.block(&next);
    }
}
