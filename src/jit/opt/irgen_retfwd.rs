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
        if self.inlining.is_some() || !self.func.handlers.is_empty() {
            return None;
        }
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
        let reached_only_from_pc = !self
            .func
            .ops
            .iter()
            .enumerate()
            .any(|(at, _)| branch_targets(self.func, at).contains(&(pc + 1)));
        (dst != NO_SLOT
            && returns_it
            && reached_only_from_pc
            && tags::subset(self.known(dst), tags::UNCOUNTED)
            && !self.promo.slots.contains(&dst))
        .then_some(dst)
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
