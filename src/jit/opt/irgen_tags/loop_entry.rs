//! Loop-invariant guards checked once, where a loop is entered.
//!
//! A `for`/`while` loop re-checks on every iteration the tags of slots it never
//! writes — a bound's, an arithmetic operand's, an array's its element reads use.
//! LLVM can hoist those checks' loads but not their branches (each is an exit), and
//! the loads behind a branch stay in the loop. Here such a guard becomes a check at
//! the loop's entering `Jmp` (its failure leaves there, before the loop did
//! anything), so the tag analysis knows the slot's tags throughout the loop and
//! the lowering drops the guards; and the invariant arrays' cells are loaded where
//! the body starts (see `TagFlow::loop_arrays_at`).

use super::*;

/// A loop as [`Solver::simple_loops`] finds it, with what holds of it in every
/// round of the analysis: its ops' effects never change (the entry checks are
/// steps of its `Jmp`, outside it), nor does which pcs are reached.
pub(super) struct LoopShape {
    /// The `Jmp` entering the loop; the body starts right after it.
    entry: usize,
    /// The test's predecessors inside the loop (the ends of the body's paths).
    back_edges: Vec<usize>,
    /// Per slot: whether an op of the loop may write it (`written_in`).
    written: Vec<bool>,
    /// Per slot: what its inline element reads expect it to hold (`expected_in`).
    expected: Vec<TagSet>,
}

impl Solver<'_> {
    /// The slots ops `ops` may write (all of them past a helper call that may write
    /// anything).
    fn written_in(&self, ops: std::ops::RangeInclusive<usize>, slots: usize) -> Vec<bool> {
        let mut written = vec![false; slots];
        let mut mark = |s: Slot| {
            if let Some(w) = written.get_mut(s as usize) {
                *w = true;
            }
        };
        for pc in ops {
            match &self.effects[pc] {
                Effect::Clobber => match &self.helper_writes[pc] {
                    Some(writes) => {
                        writes.iter().for_each(|&w| mark(w));
                        if let Op::CallBuiltin { args, argc, .. } = self.func.ops[pc] {
                            (args..args.saturating_add(argc)).for_each(&mut mark);
                        }
                    }
                    None => return vec![true; slots],
                },
                Effect::Refine(steps) => {
                    for step in steps {
                        if let Step::Set(s, _) | Step::Copy(s, _) = *step {
                            mark(s);
                        }
                    }
                }
            }
        }
        written
    }

    /// The loops entered by `Jmp test` at a pc `j` (`for`, `while`: `j: Jmp T;
    /// body; T: test; jump to body`) with no other way into `body..=end`. Only a
    /// `Jmp` planned inline counts (a loop entry that failed a check it made has a
    /// slow-path plan).
    pub(super) fn simple_loops(
        &self,
        spec: &Spec,
        reached: &[Option<Vec<TagSet>>],
    ) -> Vec<LoopShape> {
        let func = self.func;
        let n = func.ops.len();
        let slots = func.num_slots as usize;
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
        for pc in (0..n).filter(|pc| reached[*pc].is_some()) {
            for &s in self.succs[pc].iter().filter(|s| **s <= n) {
                preds[s].push(pc);
            }
        }
        let mut loops = Vec::new();
        for (j, op) in func.ops.iter().enumerate() {
            let Op::Jmp { target } = *op else {
                continue;
            };
            let (test, body) = (target as usize, j + 1);
            if test <= body || test >= n || spec.plans[j] != Plan::Int || reached[j].is_none() {
                continue;
            }
            // The back edge: the first op from the test on that jumps to the body.
            let Some(end) = (test..n).find(|p| self.succs[*p].contains(&body)) else {
                continue;
            };
            let inside = |p: usize| (body..=end).contains(&p);
            let one_way_in = (body..=end)
                .all(|p| preds[p].iter().all(|&q| inside(q) || (q == j && p == test)))
                && func.handlers.iter().all(|h| !inside(h.handler as usize));
            if one_way_in {
                loops.push(LoopShape {
                    entry: j,
                    back_edges: preds[test].iter().copied().filter(|p| *p != j).collect(),
                    written: self.written_in(body..=end, slots),
                    expected: self.expected_in(spec, body..=end, slots),
                });
            }
        }
        loops
    }

    /// Per loop body start: the array slots its element reads and updates use
    /// that are known to hold arrays there (`TagFlow::loop_arrays_at`).
    pub(super) fn loop_arrays(
        &self,
        spec: &Spec,
        loops: &[LoopShape],
        reached: &[Option<Vec<TagSet>>],
    ) -> Vec<(usize, Slot)> {
        let array = only(tag::ARRAY);
        let mut found = Vec::new();
        for l in loops {
            let body = l.entry + 1;
            let Some(at_body) = &reached[body] else {
                continue;
            };
            for (s, &expected) in l.expected.iter().enumerate() {
                let direct = !spec.ref_slots.get(s).copied().unwrap_or(true);
                if self.tracked[s] && direct && expected == array && subset(at_body[s], array) {
                    found.push((body, s as Slot));
                }
            }
        }
        found
    }

    /// What the inline paths of ops `ops` expect slots to hold without guarding
    /// it (an element read whose base is not an array takes its helper and goes
    /// on): the array bases of inline element reads and updates.
    fn expected_in(
        &self,
        spec: &Spec,
        ops: std::ops::RangeInclusive<usize>,
        slots: usize,
    ) -> Vec<TagSet> {
        let mut expected = vec![ANY; slots];
        let mut expect = |s: Slot| {
            if let Some(e) = expected.get_mut(s as usize) {
                *e &= only(tag::ARRAY);
            }
        };
        for pc in ops {
            if let Some(r) = spec.nested_reads.get(pc).copied().flatten() {
                expect(r.base);
            } else if let Some(u) = spec.elem_updates.get(pc).copied().flatten() {
                expect(u.base);
            } else if let Op::FetchDim { base, .. } = self.func.ops[pc] {
                if spec.plans[pc] == Plan::Int && !base.is_const() {
                    expect(base.0);
                }
            }
        }
        expected
    }

    /// Type guards that may move to the entry of their loop: for a loop entered by
    /// `Jmp test` at pc `j` (a `for`/`while`: `j: Jmp T; body; T: test; jump to
    /// body`, with no other way into `body..=end`), each slot the loop never writes
    /// but narrows on every path back to its test. Checked once at `j` (a failure
    /// leaves at `j`, before the loop did anything), the loop's own guards of that
    /// slot become known and disappear — LLVM would at best hoist their loads and
    /// keep a branch per iteration, as exits keep it from hoisting guards. So do
    /// the array checks of element reads on slots the loop never writes
    /// (`expected_in`): those take a helper rather than leave, so they narrow
    /// nothing by themselves.
    ///
    /// Moving a guard is a speculation: a loop that exits before reaching the
    /// guard would not have failed it. So a loop entry that has failed one is
    /// marked (the `loop_entry` deopt records a slow path at `j`, see `deopt.rs`)
    /// and its guards stay in the loop from the next translation on
    /// (`Spec::plans[j]`).
    pub(super) fn entry_guards(
        &self,
        loops: &[LoopShape],
        reached: &[Option<Vec<TagSet>>],
        known: &[(usize, Slot, TagSet)],
    ) -> Vec<(usize, Slot, TagSet)> {
        let slots = self.func.num_slots as usize;
        let mut found = Vec::new();
        for l in loops {
            let j = l.entry;
            let Some(entry) = &reached[j] else { continue };
            // What the loop's own paths bring back to the test.
            let mut back = vec![0; slots];
            for &p in &l.back_edges {
                if let Some(state) = &reached[p] {
                    let mut state = state.clone();
                    self.transfer(p, &mut state);
                    back.iter_mut().zip(&state).for_each(|(b, t)| *b |= t);
                }
            }
            for s in 0..slots {
                let (at_entry, carried) = (entry[s], back[s] & l.expected[s]);
                let moves = self.tracked[s]
                    && !l.written[s]
                    && carried != ANY
                    && carried != 0
                    && !subset(at_entry, carried)
                    && at_entry & carried != 0
                    && !known.iter().any(|&(p, k, _)| p == j && k as usize == s);
                if moves {
                    found.push((j, s as Slot, carried));
                }
            }
        }
        found
    }
}
