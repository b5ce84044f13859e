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
//! which reads the frame, writes it there first). The writes may be a run of up to
//! four moves and int-planned arithmetic ops into distinct argument slots right
//! before the call (`ack($m, $n - 1)`: a move, then a subtraction), the first of
//! them possibly a native call (`ack($m - 1, ack($m, $n - 1))`: the inner call's
//! result); a later op of the run that leaves for the tier below writes the
//! earlier ones' values into their slots on its way out (`handed_args`).
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
use crate::jit::opt::promote::slot_uses;

/// The most ops between an argument's write and its call that a hand-over spans
/// (ackermann's `ack($m - 1, ack($m, $n - 1))`: a move and a subtraction).
const MAX_ARG_RUN: usize = 4;

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

    /// The pc of the native call that op `pc`'s result for `dst` may go to in
    /// registers as one of its by-value arguments (see the module doc): op `pc`
    /// and every op up to the call are argument writes ([`Lower::arg_write`]) into
    /// distinct slots that no later one reads, each entered only from the one
    /// before.
    pub(super) fn forwardable_arg(&self, pc: usize, dst: Slot) -> Option<usize> {
        let first = match self.func.ops[pc] {
            // A native call's result (`ack($m - 1, ack($m, $n - 1))`).
            Op::Call { dst: d, .. } if d == dst => d,
            _ => self.arg_write(pc)?,
        };
        let mut written = vec![first];
        let mut at = pc + 1;
        let (callee, args, argc) = loop {
            match self.func.ops.get(at)? {
                Op::Call {
                    func, args, argc, ..
                } => break (*func, *args, *argc),
                op => {
                    let d = self.arg_write(at)?;
                    let reads_one = slot_uses(op)?.reads.iter().any(|r| written.contains(r));
                    if reads_one || written.contains(&d) || at - pc >= MAX_ARG_RUN {
                        return None;
                    }
                    written.push(d);
                    at += 1;
                }
            }
        };
        let by_value = self.unit.funcs.get(callee as usize).is_some_and(|f| {
            f.params
                .get((dst.wrapping_sub(args)) as usize)
                .is_none_or(|p| !p.by_ref)
        });
        let sequential = (pc..at).all(|p| self.reached_only_from(p + 1, p));
        // (Whether the call is native last: deciding against inlining builds the
        // callee's plan.)
        ((args..args + argc).contains(&dst)
            && by_value
            && sequential
            && self.may_skip_frame(pc, dst)
            && self.plain_call(callee)
            && self.inline_spec(callee, argc).is_none()
            && self.native_call_site(at, callee, argc))
        .then_some(at)
    }

    /// The slot op `pc` writes if it is an argument write a call may take from
    /// registers: an int-planned `Add`, `Sub` or `Mul` (one path), or a `Move`.
    fn arg_write(&self, pc: usize) -> Option<Slot> {
        match (&self.func.ops[pc], self.spec.plans[pc]) {
            (
                Op::Add { dst, .. }
                | Op::Sub { dst, .. }
                | Op::Mul { dst, .. }
                | Op::Move { dst, .. },
                Plan::Int,
            ) if *dst != NO_SLOT => Some(*dst),
            _ => None,
        }
    }

    /// Hands `(tag, data)`, op `pc`'s owned result for `dst`, to the native call
    /// it feeds, if [`Lower::forwardable_arg`] allows: the slot is then written
    /// only by the deopts of the ops in between and by the call's helper path.
    pub(super) fn hand_to_call(&mut self, pc: usize, dst: Slot, tag: &str, data: &str) -> bool {
        let Some(call_pc) = self.forwardable_arg(pc, dst) else {
            return false;
        };
        self.hand_to_call_at(pc, call_pc, dst, tag, data);
        true
    }

    /// Hands `(tag, data)`, op `pc`'s owned result for `dst`, to the native call
    /// at `call_pc` ([`Lower::forwardable_arg`]'s answer for them).
    pub(super) fn hand_to_call_at(
        &mut self,
        pc: usize,
        call_pc: usize,
        dst: Slot,
        tag: &str,
        data: &str,
    ) {
        let handed = Forwarded {
            ret_pc: call_pc,
            slot: dst,
            tag: tag.to_string(),
            data: data.to_string(),
        };
        self.handed_args.push((pc + 1, handed));
    }

    /// Hands `(tag, data)`, op `pc`'s owned result for `dst`, to the `Return` after
    /// it (the caller checked [`Lower::forwardable_result`]).
    pub(super) fn hand_to_return(&mut self, pc: usize, dst: Slot, tag: String, data: String) {
        self.forwarded = Some(Forwarded {
            ret_pc: pc + 1,
            slot: dst,
            tag,
            data,
        });
    }

    /// Writes each handed-over argument `which(first pc after its write, its call's
    /// pc)` selects into its slot: where optimized code leaves for code that reads
    /// the frame (a deopt in between, the call's helper path).
    pub(super) fn spill_handed_args(&mut self, which: impl Fn(usize, usize) -> bool) {
        let spills: Vec<(Slot, String, String)> = self
            .handed_args
            .iter()
            .filter(|(from, f)| which(*from, f.ret_pc))
            .map(|(_, f)| (f.slot, f.tag.clone(), f.data.clone()))
            .collect();
        for (slot, t, d) in spills {
            self.spill(slot, &t, &d);
        }
    }

    /// `(tag, data)`, a value handed over in registers, written into its `slot`.
    fn spill(&mut self, slot: Slot, tag: &str, data: &str) {
        let q = self.storage(slot);
        self.store_raw(&q, tag, data);
    }

    /// What both hand-overs need of op `pc` writing `dst`: a body of its own (not
    /// inlined) without exception handlers, an op after it that nothing else
    /// branches to, and a slot that holds nothing counted and is not promoted.
    fn may_skip_frame(&self, pc: usize, dst: Slot) -> bool {
        self.inlining.is_none()
            && self.func.handlers.is_empty()
            && dst != NO_SLOT
            && self.reached_only_from(pc + 1, pc)
            && tags::subset(self.known(dst), tags::UNCOUNTED)
            && !self.promo.slots.contains(&dst)
    }

    /// Whether op `next` is entered only by falling through from op `pc`.
    fn reached_only_from(&self, next: usize, pc: usize) -> bool {
        next == pc + 1
            && !(0..self.func.ops.len()).any(|at| branch_targets(self.func, at).contains(&next))
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
        self.spill(s, &f.tag, &f.data);
        let gen = self.fallback_label(pc);
        self.line(&format!("br label %{gen}"));
        self.block(&next);
    }
}
