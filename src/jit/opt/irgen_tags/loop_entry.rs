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
    /// body; T: test; jump to body`) with no other way into `body..=end`, as (j,
    /// end, the test's predecessors). Only a `Jmp` planned inline counts
    /// (a loop entry that failed a check it made has a slow-path plan).
    fn simple_loops(
        &self,
        spec: &Spec,
        reached: &[Option<Vec<TagSet>>],
    ) -> Vec<(usize, usize, Vec<usize>)> {
        let func = self.func;
        let n = func.ops.len();
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
                loops.push((j, end, preds[test].clone()));
            }
        }
        loops
    }

    /// Per loop body start: the array slots its element reads and updates use
    /// that are known to hold arrays there (`TagFlow::loop_arrays_at`).
    pub(super) fn loop_arrays(
        &self,
        spec: &Spec,
        reached: &[Option<Vec<TagSet>>],
    ) -> Vec<(usize, Slot)> {
        let slots = self.func.num_slots as usize;
        let mut found = Vec::new();
        for (j, end, _) in self.simple_loops(spec, reached) {
            let Some(at_body) = &reached[j + 1] else {
                continue;
            };
            let expected = self.expected_in(spec, j + 1..=end, slots);
            for s in 0..slots {
                let array = only(tag::ARRAY);
                let direct = !spec.ref_slots.get(s).copied().unwrap_or(true);
                if self.tracked[s] && direct && expected[s] == array && subset(at_body[s], array) {
                    found.push((j + 1, s as Slot));
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
        spec: &Spec,
        reached: &[Option<Vec<TagSet>>],
        known: &[(usize, Slot, TagSet)],
    ) -> Vec<(usize, Slot, TagSet)> {
        let slots = self.func.num_slots as usize;
        let mut found = Vec::new();
        for (j, end, preds) in self.simple_loops(spec, reached) {
            let (body, entry) = (j + 1, reached[j].as_ref().expect("a reached loop entry"));
            // What the loop's own paths bring back to the test.
            let mut back = vec![0; slots];
            for &p in preds.iter().filter(|p| **p != j) {
                if let Some(state) = &reached[p] {
                    let mut state = state.clone();
                    self.transfer(p, &mut state);
                    back.iter_mut().zip(&state).for_each(|(b, t)| *b |= t);
                }
            }
            let written = self.written_in(body..=end, slots);
            let expected = self.expected_in(spec, body..=end, slots);
            for s in 0..slots {
                let (e, l) = (entry[s], back[s] & expected[s]);
                let moves = self.tracked[s]
                    && !written[s]
                    && l != ANY
                    && l != 0
                    && !subset(e, l)
                    && e & l != 0
                    && !known.iter().any(|&(p, k, _)| p == j && k as usize == s);
                if moves {
                    found.push((j, s as Slot, l));
                }
            }
        }
        found
    }
}
