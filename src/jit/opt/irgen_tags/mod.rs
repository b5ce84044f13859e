//! Lowering-time type knowledge: which tags each frame slot can hold when an op
//! starts, so the lowering can drop guards an earlier op already established.
//!
//! Why: frames stay in memory (see `irgen.rs`), and LLVM cannot carry what it knows
//! about a slot's tag around a loop — the deopt exits and helper calls that take
//! `%frame` keep it from promoting slots to registers. Without this pass an inner
//! loop re-checks every operand's tag and every destination's old tag on every
//! iteration, and those checks are also most of the IR LLVM has to compile.
//!
//! The analysis is a forward dataflow over the ops with a [`TagSet`] per slot,
//! joined (union) where paths meet, iterated to a fixpoint around loops. It tracks
//! only slots addressed directly (`!Spec::deref_slots`), whose contents change only
//! through this frame's own ops. Its transfer functions mirror what the lowering
//! guarantees on the path that continues: a specialized op either leaves optimized
//! code (deopt) or has guarded its operands and written a known tag. An op lowered
//! as a runtime-helper call forgets what it may write: the slots its fields name
//! (`promote::helper_writes`, the same list promotion copies back after a call),
//! or everything for ops that may reach other slots (variable variables, `extract`,
//! built-ins calling callbacks, ...). Other slots cannot change behind the frame's
//! back: the tracked slots hold no reference, so no other frame reaches them.
//!
//! Three entries bypass the in-function edges and are covered separately: at pc 0
//! (a fresh call) only the slots the call paths leave UNINIT are known (see
//! [`fresh_frame`]); exception handlers start with nothing known; an OSR entry at a loop header is
//! guarded against the header's state in the lowered code (`irgen::osr_guards`).
//! The lowering checks its own premise: an op the analysis took for inline that was
//! lowered as a helper call after all is reported back, forced to "forgets
//! everything" and the function is lowered again (see `irgen::lower`).

use super::fuse::NestedRead;
use super::intrinsic::Intrinsic;
use super::spec::{Plan, Spec};
use crate::bytecode::op::{BinOp, Op, Operand, Slot, NO_SLOT};
use crate::bytecode::unit::Func;
use crate::runtime::value::tag;

mod loop_entry;

/// The tags a slot may hold: bit `t` for tag `t`.
pub type TagSet = u32;

/// Nothing known.
pub const ANY: TagSet = u32::MAX;

/// The set holding only tag `t`.
pub const fn only(t: u8) -> TagSet {
    1 << t
}

pub const INT: TagSet = only(tag::INT);
pub const DOUBLE: TagSet = only(tag::DOUBLE);
pub const BOOL: TagSet = only(tag::BOOL);
/// Int or float.
pub const NUMBER: TagSet = INT | DOUBLE;
/// Tags below STRING: nothing to release when overwritten.
pub const UNCOUNTED: TagSet = only(tag::STRING) - 1;
/// Defined values held directly (null .. object): no warning, nothing to follow.
pub const PLAIN: TagSet = (only(tag::OBJECT + 1) - 1) & !only(tag::UNINIT);

/// Whether every tag in `set` is in `within`.
pub const fn subset(set: TagSet, within: TagSet) -> bool {
    set & !within == 0
}

/// The tag, when `set` holds exactly one.
pub fn single(set: TagSet) -> Option<u8> {
    (set.count_ones() == 1).then(|| set.trailing_zeros() as u8)
}

/// Above this many (op, slot) pairs nothing is tracked.
const MAX_STATE_CELLS: usize = 1 << 21;

/// What an op does to the tracked slots on the paths that continue in the function.
enum Effect {
    /// A helper call: any slot may have changed.
    Clobber,
    /// Guards and writes, applied in order.
    Refine(Vec<Step>),
}

#[derive(Clone, Copy)]
enum Step {
    /// The op guarded the slot's tag into this set.
    Narrow(Slot, TagSet),
    /// The op wrote a value with a tag in this set.
    Set(Slot, TagSet),
    /// `dst` got `src`'s value (after `src` was narrowed).
    Copy(Slot, Slot),
}

/// Per op: the tags of every tracked slot when it starts.
pub struct TagFlow {
    slots: usize,
    tracked: Vec<bool>,
    /// `states[pc * slots + s]`; pcs never reached from pc 0 hold ANY.
    states: Vec<TagSet>,
    clobbers: Vec<bool>,
    /// (pc of a loop's entering `Jmp`, slot, tags): checked before entering.
    entry_guards: Vec<(usize, Slot, TagSet)>,
    /// (pc of a loop body's first op, slot): see `loop_arrays_at`.
    loop_arrays: Vec<(usize, Slot)>,
}

impl TagFlow {
    /// Analyzes `func` under `spec`; ops in `forced_clobber` are taken as helper
    /// calls whatever their plan says.
    /// `is_main`: `func` is the script body.
    pub fn analyze(func: &Func, is_main: bool, spec: &Spec, forced_clobber: &[bool]) -> TagFlow {
        let n = func.ops.len();
        let slots = func.num_slots as usize;
        // Huge script bodies: the states would cost more than the guards they save.
        let small = (n + 1).saturating_mul(slots) <= MAX_STATE_CELLS;
        let tracked: Vec<bool> = (0..slots)
            .map(|s| small && !spec.deref_slots.get(s).copied().unwrap_or(true))
            .collect();
        let effects: Vec<Effect> = (0..n)
            .map(|pc| {
                if forced_clobber.get(pc).copied().unwrap_or(false) {
                    Effect::Clobber
                } else if let Some(u) = spec.elem_updates.get(pc).copied().flatten() {
                    let operands = plan_operands(u.plan);
                    Effect::Refine(
                        [
                            narrow(u.outer, INT),
                            u.inner.and_then(|k| narrow(k, INT)),
                            narrow(u.val, operands),
                            Some(Step::Set(u.tmp, only(tag::UNINIT))),
                        ]
                        .into_iter()
                        .flatten()
                        .collect(),
                    )
                } else if let Some(r) = spec.nested_reads.get(pc).copied().flatten() {
                    Effect::Refine(
                        [
                            narrow(r.outer, INT),
                            narrow(r.inner, INT),
                            Some(Step::Set(r.dst, spec.elem_tags[pc])),
                            Some(Step::Set(r.tmp, only(tag::UNINIT))),
                        ]
                        .into_iter()
                        .flatten()
                        .collect(),
                    )
                } else {
                    effect(func, &func.ops[pc], spec.plans[pc], spec.elem_tags[pc])
                }
            })
            .collect();
        let clobbers: Vec<bool> = effects
            .iter()
            .map(|e| matches!(e, Effect::Clobber))
            .collect();
        if !small {
            return TagFlow {
                slots: 0,
                tracked: Vec::new(),
                states: Vec::new(),
                clobbers,
                entry_guards: Vec::new(),
                loop_arrays: Vec::new(),
            };
        }
        // None: not reached (yet). pc 0 and handlers: nothing known.
        let mut initial: Vec<Option<Vec<TagSet>>> = vec![None; n + 1];
        initial[0] = Some(fresh_frame(func, is_main));
        for h in &func.handlers {
            if let Some(r) = initial.get_mut(h.handler as usize) {
                *r = Some(vec![ANY; slots]);
            }
        }
        // What each helper call may write, decided once (the fixpoint below visits
        // an op once per change of its state).
        let helper_writes: Vec<Option<Vec<Slot>>> = (0..n)
            .map(|pc| match effects[pc] {
                Effect::Clobber => super::promote::helper_writes(&func.ops[pc]),
                Effect::Refine(_) => None,
            })
            .collect();
        let succs: Vec<Vec<usize>> = (0..n)
            .map(|pc| match &effects[pc] {
                Effect::Clobber => super::irgen::successors(func, pc),
                Effect::Refine(_) => match (
                    spec.nested_reads.get(pc).copied().flatten(),
                    spec.elem_updates.get(pc).copied().flatten(),
                ) {
                    (Some(_), _) => vec![pc + NestedRead::LEN],
                    (_, Some(u)) => vec![pc + u.op_count()],
                    _ => inline_successors(func, pc, spec.plans[pc]),
                },
            })
            .collect();
        let mut solver = Solver {
            func,
            effects,
            helper_writes,
            succs,
            tracked: &tracked,
        };
        let mut reached = solver.solve(initial.clone());
        // Loop-invariant guards move to their loops' entries (`entry_guards`); a
        // guard at an outer loop's entry may only show once the inner ones moved.
        // The loops are found once: the rounds change states, not their shapes.
        let loops = solver.simple_loops(spec, &reached);
        let mut entry_guards: Vec<(usize, Slot, TagSet)> = Vec::new();
        for _ in 0..ENTRY_GUARD_ROUNDS {
            let found = solver.entry_guards(&loops, &reached, &entry_guards);
            if found.is_empty() {
                break;
            }
            for &(pc, s, set) in &found {
                if let Effect::Refine(steps) = &mut solver.effects[pc] {
                    steps.push(Step::Narrow(s, set));
                }
            }
            entry_guards.extend(found);
            reached = solver.solve(initial.clone());
        }
        let loop_arrays = solver.loop_arrays(spec, &loops, &reached);
        let mut states = vec![ANY; (n + 1) * slots];
        for (pc, r) in reached.iter().enumerate() {
            if let Some(r) = r {
                for (s, t) in r.iter().enumerate() {
                    if tracked[s] {
                        states[pc * slots + s] = *t;
                    }
                }
            }
        }
        TagFlow {
            slots,
            tracked,
            states,
            clobbers,
            entry_guards,
            loop_arrays,
        }
    }

    /// The tags slot `s` may hold when op `pc` starts.
    pub fn at(&self, pc: usize, s: Slot) -> TagSet {
        let s = s as usize;
        if s >= self.slots {
            return ANY;
        }
        self.states.get(pc * self.slots + s).copied().unwrap_or(ANY)
    }

    /// Whether the analysis took op `pc` for a helper call.
    pub fn clobbers(&self, pc: usize) -> bool {
        self.clobbers.get(pc).copied().unwrap_or(true)
    }

    /// The guards to check at the loop-entering `Jmp` at `pc` (see
    /// `Solver::entry_guards`): slot and the tags it must hold.
    pub fn entry_guards_at(&self, pc: usize) -> impl Iterator<Item = (Slot, TagSet)> + '_ {
        self.entry_guards
            .iter()
            .filter(move |g| g.0 == pc)
            .map(|&(_, s, set)| (s, set))
    }

    /// The slots holding arrays when the loop body starting at `pc` starts, which
    /// its inline element reads and updates use: their cells are loaded right
    /// there, where every iteration passes, so that LICM hoists the load with
    /// its dereferenceability (the reads' own loads, behind exits, lose it when
    /// hoisted) and the cell fields read behind it follow.
    pub fn loop_arrays_at(&self, pc: usize) -> impl Iterator<Item = Slot> + '_ {
        self.loop_arrays
            .iter()
            .filter(move |a| a.0 == pc)
            .map(|&(_, s)| s)
    }

    /// The tracked slots with something known at `pc` (what an OSR entry there
    /// must check).
    pub fn known_at(&self, pc: usize) -> Vec<(Slot, TagSet)> {
        (0..self.slots)
            .filter(|s| self.tracked[*s])
            .map(|s| (s as Slot, self.at(pc, s as Slot)))
            .filter(|(_, t)| *t != ANY)
            .collect()
    }
}

/// Rounds of moving guards to loop entries: each may expose a guard of the loop
/// around (an inner loop's entry runs on every path of the outer body).
const ENTRY_GUARD_ROUNDS: usize = 3;

/// The fixpoint's fixed inputs: what each op does and where it continues.
struct Solver<'a> {
    func: &'a Func,
    effects: Vec<Effect>,
    helper_writes: Vec<Option<Vec<Slot>>>,
    succs: Vec<Vec<usize>>,
    tracked: &'a [bool],
}

impl Solver<'_> {
    /// The state after op `pc` (the same on every path it continues on).
    fn transfer(&self, pc: usize, state: &mut [TagSet]) {
        match &self.effects[pc] {
            Effect::Clobber => match &self.helper_writes[pc] {
                Some(writes) => {
                    for &w in writes {
                        if let Some(t) = state.get_mut(w as usize) {
                            *t = ANY;
                        }
                    }
                    // What a call leaves in its argument temporaries, all but the
                    // one that receives its result:
                    // - a built-in's come back UNINIT (`vm::interp_call::
                    //   call_builtin_slots` takes them);
                    // - a user function's call that goes on has moved them into the
                    //   callee's frame (UNINIT left behind: `irgen_call.rs`'s native
                    //   sequence, `vm::interp_call`'s paths) or, inlined, read the
                    //   scalars they hold: nothing counted is left, so a `Return`
                    //   after the call need not check them to report a clean frame
                    //   (`BODY_RET`). Not where a handler catches the call's
                    //   exception: that edge gets the same state, and a call that
                    //   failed before taking its arguments left them in place.
                    let left = match self.func.ops[pc] {
                        Op::CallBuiltin {
                            args, argc, dst, ..
                        } => Some((args, argc, dst, only(tag::UNINIT))),
                        Op::Call {
                            args, argc, dst, ..
                        } if self.func.handler_for(pc as u32).is_none() => {
                            Some((args, argc, dst, UNCOUNTED))
                        }
                        _ => None,
                    };
                    if let Some((args, argc, dst, set)) = left {
                        for a in (args..args.saturating_add(argc)).filter(|a| *a != dst) {
                            apply(state, self.tracked, Step::Set(a, set));
                        }
                    }
                }
                None => state.iter_mut().for_each(|t| *t = ANY),
            },
            Effect::Refine(steps) => {
                for step in steps {
                    apply(state, self.tracked, *step);
                }
            }
        }
    }

    /// The state when each op starts (None: never reached), from the entry states.
    fn solve(&self, mut reached: Vec<Option<Vec<TagSet>>>) -> Vec<Option<Vec<TagSet>>> {
        let n = self.func.ops.len();
        let mut work: Vec<usize> = (0..=n).filter(|pc| reached[*pc].is_some()).collect();
        let mut queued = vec![false; n + 1];
        for pc in &work {
            queued[*pc] = true;
        }
        while let Some(pc) = work.pop() {
            queued[pc] = false;
            if pc >= n {
                continue;
            }
            let Some(mut state) = reached[pc].clone() else {
                continue;
            };
            self.transfer(pc, &mut state);
            for &s in &self.succs[pc] {
                if s > n {
                    continue;
                }
                let changed = match &mut reached[s] {
                    Some(old) => {
                        let mut changed = false;
                        for (o, new) in old.iter_mut().zip(&state) {
                            if *o | new != *o {
                                *o |= new;
                                changed = true;
                            }
                        }
                        changed
                    }
                    slot @ None => {
                        *slot = Some(state.clone());
                        true
                    }
                };
                if changed && !queued[s] {
                    queued[s] = true;
                    work.push(s);
                }
            }
        }
        reached
    }
}

/// The tags of a frame as a call hands it to the function at pc 0: the call paths
/// (`vm::interp_call::call_simple_or_general`, `call_general`, `vm::run::run_main`)
/// write the arguments, captures and `$GLOBALS` and leave every other slot UNINIT;
/// the script body's named locals (`$argv` ...) may be set before it starts.
fn fresh_frame(func: &Func, is_main: bool) -> Vec<TagSet> {
    let first_unset = if is_main {
        func.num_locals as usize
    } else {
        func.params.len() + func.num_captures as usize
    };
    (0..func.num_slots as usize)
        .map(|s| {
            if s < first_unset || s as u32 == func.call_shape.globals_slot {
                ANY
            } else {
                only(tag::UNINIT)
            }
        })
        .collect()
}

fn apply(state: &mut [TagSet], tracked: &[bool], step: Step) {
    let is_tracked = |s: Slot| tracked.get(s as usize).copied().unwrap_or(false);
    match step {
        Step::Narrow(s, set) if is_tracked(s) => state[s as usize] &= set,
        Step::Set(s, set) if is_tracked(s) => state[s as usize] = set,
        Step::Copy(dst, src) if is_tracked(dst) => {
            state[dst as usize] = if is_tracked(src) {
                state[src as usize]
            } else {
                PLAIN
            }
        }
        _ => {}
    }
}

/// Where an inline-lowered op continues: nowhere for returns and cold blocks, the
/// target for `Jmp`, else the next op and any jump target.
fn inline_successors(func: &Func, pc: usize, plan: Plan) -> Vec<usize> {
    match (&func.ops[pc], plan) {
        (_, Plan::Cold) | (Op::Return { .. }, _) => Vec::new(),
        (Op::Jmp { target }, _) => vec![*target as usize],
        _ => super::irgen::successors(func, pc),
    }
}

/// A slot operand narrowed to `set` (constants are not slots).
fn narrow(o: Operand, set: TagSet) -> Option<Step> {
    (!o.is_const()).then_some(Step::Narrow(o.0, set))
}

/// The operand set a comparison or arithmetic plan guards.
fn plan_operands(plan: Plan) -> TagSet {
    if plan == Plan::Int {
        INT
    } else {
        NUMBER
    }
}

/// What op `op` under `plan` does on its continuing paths, as the lowering in
/// `irgen.rs` emits it (`elem`: what an element read guards its element to, see
/// `Spec::elem_tags`). Anything not listed is lowered as a helper call.
fn effect(func: &Func, op: &Op, plan: Plan, elem: TagSet) -> Effect {
    use Effect::{Clobber, Refine};
    let numeric = matches!(plan, Plan::Int | Plan::Double | Plan::Numeric);
    let steps = |v: Vec<Option<Step>>| Refine(v.into_iter().flatten().collect());
    if plan == Plan::Cold {
        return Refine(Vec::new());
    }
    match op {
        Op::Nop | Op::Jmp { .. } => Refine(Vec::new()),
        Op::Add { dst, a, b } | Op::Sub { dst, a, b } | Op::Mul { dst, a, b }
            if numeric && *dst != NO_SLOT =>
        {
            let result = match plan {
                Plan::Int => INT,
                Plan::Double => DOUBLE,
                _ => NUMBER,
            };
            let operands = plan_operands(plan);
            steps(vec![
                narrow(*a, operands),
                narrow(*b, operands),
                Some(Step::Set(*dst, result)),
            ])
        }
        Op::Bin { op: bop, dst, a, b } if *dst != NO_SLOT => {
            let result = match (plan, bop) {
                (Plan::Int, BinOp::Div) => NUMBER,
                (
                    Plan::Int,
                    BinOp::BitAnd
                    | BinOp::BitOr
                    | BinOp::BitXor
                    | BinOp::Mod
                    | BinOp::Shl
                    | BinOp::Shr,
                ) => INT,
                (Plan::Double, BinOp::Div) => DOUBLE,
                _ => return Clobber,
            };
            let operands = plan_operands(plan);
            steps(vec![
                narrow(*a, operands),
                narrow(*b, operands),
                Some(Step::Set(*dst, result)),
            ])
        }
        Op::Lt { dst, a, b }
        | Op::Le { dst, a, b }
        | Op::Eq { dst, a, b }
        | Op::NotEq { dst, a, b }
        | Op::Identical { dst, a, b }
        | Op::NotIdentical { dst, a, b }
            if numeric && *dst != NO_SLOT =>
        {
            let operands = plan_operands(plan);
            steps(vec![
                narrow(*a, operands),
                narrow(*b, operands),
                Some(Step::Set(*dst, BOOL)),
            ])
        }
        Op::JmpNotLt { a, b, .. } | Op::JmpLt { a, b, .. } if numeric => {
            let operands = plan_operands(plan);
            steps(vec![narrow(*a, operands), narrow(*b, operands)])
        }
        Op::JmpZ { cond, .. } | Op::JmpNZ { cond, .. } if cond.is_const() => Refine(Vec::new()),
        Op::JmpZ { cond, .. } | Op::JmpNZ { cond, .. } if plan == Plan::Int => {
            steps(vec![narrow(*cond, BOOL | INT)])
        }
        Op::Move { dst, src } if plan == Plan::Int && *dst != NO_SLOT => {
            if src.is_const() {
                match func.consts.get(src.index() as usize) {
                    Some(v) if !v.is_uninit() => Refine(vec![Step::Set(*dst, only(v.tag()))]),
                    _ => Clobber,
                }
            } else {
                Refine(vec![Step::Narrow(src.0, PLAIN), Step::Copy(*dst, src.0)])
            }
        }
        Op::IncDec { dst, target, .. } if plan == Plan::Int => {
            Refine(vec![Step::Narrow(*target, INT), Step::Set(*dst, INT)])
        }
        Op::IsSet { dst, src } if !src.is_const() && *dst != NO_SLOT => {
            Refine(vec![Step::Set(*dst, BOOL)])
        }
        Op::CheckArgs { .. } if plan == Plan::Int => Refine(Vec::new()),
        Op::Return { .. } if plan == Plan::Int => Refine(Vec::new()),
        Op::UnsetLocal { slot } if plan == Plan::Int => {
            Refine(vec![Step::Set(*slot, only(tag::UNINIT))])
        }
        Op::FetchDim { dst, base, key } if plan == Plan::Int && *dst != NO_SLOT => {
            if base.is_const() {
                return Clobber;
            }
            steps(vec![narrow(*key, INT), Some(Step::Set(*dst, elem))])
        }
        Op::FetchDimW {
            dst,
            key: Some(key),
            mode: crate::bytecode::op::DimMode::Write | crate::bytecode::op::DimMode::ReadWrite,
            ..
        } if plan == Plan::Int => steps(vec![
            narrow(*key, INT),
            Some(Step::Set(*dst, only(tag::INDIRECT))),
        ]),
        Op::CallBuiltin {
            dst,
            builtin,
            args,
            argc,
        } if plan == Plan::Int => match Intrinsic::of(*builtin, *args, *argc, *dst) {
            Some(i) => {
                let arg_slots = *args..*args + *argc;
                let mut s: Vec<_> = arg_slots
                    .clone()
                    .map(|a| Step::Narrow(a, i.accepts(a - *args)))
                    .collect();
                s.extend(arg_slots.map(|a| Step::Set(a, only(tag::UNINIT))));
                s.extend((*dst != NO_SLOT).then_some(Step::Set(*dst, i.result())));
                Refine(s)
            }
            None => Clobber,
        },
        Op::Concat { .. } | Op::ConcatN { .. } | Op::AppendN { .. } if plan == Plan::Int => {
            match super::concat::shape(func, op) {
                Some(shape) => {
                    let any = only(tag::STRING) | INT;
                    let mut s: Vec<_> =
                        shape.parts.iter().filter_map(|o| narrow(*o, any)).collect();
                    s.push(Step::Set(shape.dst, only(tag::STRING)));
                    Refine(s)
                }
                None => Clobber,
            }
        }
        _ => Clobber,
    }
}

#[cfg(test)]
mod tests;
