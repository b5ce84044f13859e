//! Loop entries: a bottom-tested loop's test lowered once more where the loop is
//! entered, so that LLVM sees the loop at all.
//!
//! **Why.** The emitter gives `for` and `while` loops their test at the bottom:
//! `Jmp test; body: ...; test: ...; JmpNZ body`. The body's first op is also an
//! OSR entry (`irgen_osr.rs`: baseline code running the loop continues there). So
//! the body has two ways in that do not pass through a common block — the jump
//! down to the test, and the OSR entry — and the cycle is irreducible: LLVM's
//! `LoopInfo` finds no loop, and LICM, which needs one, hoisted nothing out of
//! any loop of any function (nbody's and mandelbrot's inner loops reloaded every
//! frame slot and context field each iteration). With the test copied into the
//! entering block, the loop's only header is the body's first op: the copy, the
//! OSR entry and the back edge all branch there.
//!
//! **How.** The copy is the test's ops lowered a second time in place of the
//! `Jmp`, with the labels of its own later ops renamed (`pcN.entry`) so that
//! control stays in the copy until it branches into the body or past the loop.
//! Each op is lowered with the types the tag analysis knows where the test starts
//! (the merge of the entry and the back edge, so they hold on this path too), and
//! a guard that fails leaves optimized code at that op, exactly where the tier
//! below would then be. Only tests made of ops lowered inline without helper calls
//! are copied (arithmetic and comparisons of ints and floats, and the branch), so
//! the copy adds no call and nothing the analysis did not expect.

use super::*;
use crate::runtime::array_layout::packed_layout;

/// Tests of more ops than this are not copied (loop tests are one to three).
const MAX_TEST_OPS: usize = 4;

impl<'f> Lower<'f> {
    /// The test of the loop that the `Jmp` at `pc` enters by jumping to `target`:
    /// the pcs from `target` to the conditional jump back to `pc + 1`, when the
    /// loop has that shape and its test can be copied (see the module doc).
    fn bottom_test(&self, pc: usize, target: usize) -> Option<usize> {
        let ops = &self.func.ops;
        if target <= pc + 1 || self.inlining.is_some() || self.test_copy.is_some() {
            return None;
        }
        let body = pc as u32 + 1;
        let end = ops.len().min(target + MAX_TEST_OPS);
        for (at, op) in ops.iter().enumerate().take(end).skip(target) {
            if self.spec.elem_updates.get(at).copied().flatten().is_some()
                || self.spec.nested_reads.get(at).copied().flatten().is_some()
            {
                return None;
            }
            let plan = self.spec.plans[at];
            let numeric = matches!(plan, Plan::Int | Plan::Double);
            match op {
                Op::JmpLt { target, .. } => return (numeric && *target == body).then_some(at),
                Op::JmpZ { cond, target } | Op::JmpNZ { cond, target } => {
                    let ok = *target == body && plan == Plan::Int && !cond.is_const();
                    return ok.then_some(at);
                }
                Op::Add { dst, .. }
                | Op::Sub { dst, .. }
                | Op::Mul { dst, .. }
                | Op::Lt { dst, .. }
                | Op::Le { dst, .. }
                | Op::Eq { dst, .. }
                | Op::NotEq { dst, .. }
                | Op::Identical { dst, .. }
                | Op::NotIdentical { dst, .. }
                    if numeric && *dst != NO_SLOT => {}
                _ => return None,
            }
        }
        None
    }

    /// Lowers `Jmp target` at `pc`: a copy of the test when it enters a loop whose
    /// test can be copied (see the module doc), else the branch.
    /// First the loop's invariant guards moved to its entry (`irgen_tags`), which
    /// leave at `pc` (a `loop_entry` deopt, after which the next translation keeps
    /// them in the loop).
    pub(super) fn jump(&mut self, pc: usize, target: usize) {
        let guards: Vec<(Slot, TagSet)> = self
            .flow
            .map(|f| f.entry_guards_at(pc).collect())
            .unwrap_or_default();
        for (s, set) in guards {
            if tags::subset(self.known(s), set) {
                continue;
            }
            let p = self.slot_ptr(s);
            let t = self.load_tag(&p);
            let ok = self.tag_in(&t, set);
            let miss = self.deopt_label(pc, DeoptReason::LoopEntry);
            self.expect(&ok, &miss);
        }
        match self.bottom_test(pc, target) {
            Some(last) => self.lower_loop_entry(target, last),
            None => self.br(target),
        }
    }

    /// The test's ops `test..=last` lowered in the entering block.
    fn lower_loop_entry(&mut self, test: usize, last: usize) {
        let (saved_pc, saved_clobbered) = (self.pc, self.clobbered);
        self.test_copy = Some(test + 1..=last);
        let mut at = test;
        while at <= last {
            if at > test {
                let label = self.pc_label(at);
                self.block(&label);
            }
            self.pc = at;
            self.op(at);
            // A comparison that took over the branch after it (`fuse.rs`).
            at += if std::mem::take(&mut self.fused_next) {
                2
            } else {
                1
            };
        }
        self.test_copy = None;
        (self.pc, self.clobbered) = (saved_pc, saved_clobbered);
    }

    /// Where a loop body starts: loads the cells of the arrays it reads elements
    /// of (see `TagFlow::loop_arrays_at`), as `irgen_dim::packed_cell` does, so
    /// LLVM merges that function's later loads into these, and dereferenceable,
    /// so that once LICM hoists them, loads of the cell's fields can follow. In
    /// practice that is the representation byte: a merged load keeps only the
    /// metadata both loads had, so the alignment is lost and the length and
    /// element pointer stay. (`!align` on the reads' own loads too let LICM hoist
    /// those as well, but simplifycfg then merged their guards into one branch on a
    /// `select`, which FastISel materializes: matrix_mul +3% instructions.)
    pub(super) fn load_loop_arrays(&mut self, pc: usize) {
        let (Some(flow), Some(layout)) = (self.flow, packed_layout()) else {
            return;
        };
        for s in flow.loop_arrays_at(pc).collect::<Vec<_>>() {
            let p = self.slot_ptr(s);
            let (cell, md) = (self.tmp(), self.alias_md(&p));
            // Only these loads say `dereferenceable`: on the element reads' own
            // loads it let simplifycfg speculate the cell's fields and merge their
            // guards into one branch on an `and`, which FastISel materializes
            // (sieve's store loop: 2 instructions more per iteration).
            self.line(&format!(
                "{cell} = load ptr, ptr {p}, align 8{md}, !dereferenceable !{{i64 {}}}, \
                 !align !{{i64 8}}",
                layout.cell_size
            ));
            // A use, so that the load is still there when GVN and EarlyCSE merge
            // the body's loads into it (an unused load is deleted first); it
            // restates what the load's metadata says.
            self.line(&format!(
                "call void @llvm.assume(i1 true) [ \"dereferenceable\"(ptr {cell}, i64 {}) ]",
                layout.cell_size
            ));
        }
    }
}
