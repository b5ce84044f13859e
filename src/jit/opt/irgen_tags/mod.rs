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
        let clobbers = effects
            .iter()
            .map(|e| matches!(e, Effect::Clobber))
            .collect();
        if !small {
            return TagFlow {
                slots: 0,
                tracked: Vec::new(),
                states: Vec::new(),
                clobbers,
            };
        }
        // None: not reached (yet). pc 0 and handlers: nothing known.
        let mut reached: Vec<Option<Vec<TagSet>>> = vec![None; n + 1];
        reached[0] = Some(fresh_frame(func, is_main));
        for h in &func.handlers {
            if let Some(r) = reached.get_mut(h.handler as usize) {
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
            let succ = match &effects[pc] {
                Effect::Clobber => {
                    match &helper_writes[pc] {
                        Some(writes) => {
                            for &w in writes {
                                if let Some(t) = state.get_mut(w as usize) {
                                    *t = ANY;
                                }
                            }
                            // A built-in's argument temporaries come back UNINIT
                            // (`vm::interp_call::call_builtin_slots` takes them), all
                            // but the one that receives its result.
                            if let Op::CallBuiltin {
                                args, argc, dst, ..
                            } = func.ops[pc]
                            {
                                for a in (args..args.saturating_add(argc)).filter(|a| *a != dst) {
                                    apply(&mut state, &tracked, Step::Set(a, only(tag::UNINIT)));
                                }
                            }
                        }
                        None => state.iter_mut().for_each(|t| *t = ANY),
                    }
                    super::irgen::successors(func, pc)
                }
                Effect::Refine(steps) => {
                    for step in steps {
                        apply(&mut state, &tracked, *step);
                    }
                    match (
                        spec.nested_reads.get(pc).copied().flatten(),
                        spec.elem_updates.get(pc).copied().flatten(),
                    ) {
                        (Some(_), _) => vec![pc + NestedRead::LEN],
                        (_, Some(u)) => vec![pc + u.op_count()],
                        _ => inline_successors(func, pc, spec.plans[pc]),
                    }
                }
            };
            for s in succ {
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
                    .map(|a| Step::Narrow(a, i.accepts()))
                    .collect();
                s.extend(arg_slots.map(|a| Step::Set(a, only(tag::UNINIT))));
                s.extend((*dst != NO_SLOT).then_some(Step::Set(*dst, only(i.result()))));
                Refine(s)
            }
            None => Clobber,
        },
        _ => Clobber,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::unit::Unit;
    use crate::jit::baseline::translate::block_heads;

    fn unit(src: &str) -> Unit {
        let prog = crate::compiler::parse(src.as_bytes(), "t.php").expect("parses");
        crate::bytecode::emit::compile(&prog, "t.php", "t.php").expect("compiles")
    }

    fn flow(u: &Unit, name: &str, forced: &[usize]) -> (TagFlow, usize) {
        let f = u.funcs.iter().find(|f| f.name == name).expect("function");
        let spec = Spec::of(u, f, &block_heads(f));
        let mut clobber = vec![false; f.ops.len()];
        for pc in forced {
            clobber[*pc] = true;
        }
        (TagFlow::analyze(f, false, &spec, &clobber), f.ops.len())
    }

    const LOOP: &str = "<?php function g($n) { $x = 1; $s = 0.5;
        for ($i = 0; $i < $n; $i++) { $x = $x * 3; $s = $s + $x; } return $s; }";

    /// Bytecode of `g` (a rotated loop): 0 CheckArgs, 1-3 the three moves, 4 Jmp 8,
    /// 5 Mul (the loop header), 6 Add, 7 IncDec, 8 JmpLt 5 (the test), 9 Return.
    /// Slots: $n $x $s $i.
    #[test]
    fn loop_carried_tags_reach_the_header() {
        let u = unit(LOOP);
        let (f, _) = flow(&u, "g", &[]);
        assert_eq!(f.at(8, 0), ANY, "a parameter is whatever the caller passed");
        assert_eq!(f.at(8, 1), INT);
        assert_eq!(f.at(8, 3), INT);
        // $s: a float constant joined with `float + int` under the guessed int plan.
        assert_eq!(f.at(8, 2) & !(INT | DOUBLE), 0);
        // The header is entered only past the test, which guarded both operands.
        assert_eq!(f.at(5, 3), INT);
        assert_eq!(f.at(5, 0) & !(INT | DOUBLE), 0);
        assert_eq!(
            f.at(0, 1),
            only(tag::UNINIT),
            "a fresh call leaves locals UNINIT"
        );
        assert_eq!(f.at(0, 0), ANY);
        let osr: Vec<Slot> = f.known_at(5).iter().map(|(s, _)| *s).collect();
        assert_eq!(
            osr,
            vec![0, 1, 2, 3],
            "an OSR entry checks every known slot"
        );
    }

    #[test]
    fn a_helper_call_forgets_what_it_may_write() {
        let u = unit(LOOP);
        let (f, _) = flow(&u, "g", &[7]);
        assert!(f.clobbers(7));
        assert_eq!(f.at(8, 3), ANY, "the helper wrote $i");
        assert_eq!(f.at(8, 1), INT, "$x is not the increment's to change");
        assert_eq!(f.at(5, 3), INT, "the test's compare guarded $i again");
    }

    /// A built-in that may reach the caller's variables (by name, or through a
    /// callback) makes everything unknown.
    #[test]
    fn callbacks_and_reflection_forget_everything() {
        for call in ["call_user_func($f, [])", "extract([])"] {
            let src = format!("<?php function h($f) {{ $x = 1; {call}; return $x; }}");
            let u = unit(&src);
            let f = u.funcs.iter().find(|f| f.name == "h").unwrap();
            let spec = Spec::of(&u, f, &block_heads(f));
            let flow = TagFlow::analyze(f, false, &spec, &vec![false; f.ops.len()]);
            let pc = f
                .ops
                .iter()
                .position(|o| matches!(o, Op::CallBuiltin { .. }))
                .expect("a built-in call");
            assert_eq!(flow.at(pc, 1), INT, "{call}: $x before the call");
            assert_eq!(flow.at(pc + 1, 1), ANY, "{call}: $x after the call");
        }
    }

    #[test]
    fn calls_and_handlers_know_nothing() {
        let u = unit(
            "<?php function h($a) { $k = 1; try { $k = abs($a); $k++; } \
             catch (Exception $e) { $k = 2; } return $k; }",
        );
        let f = u.funcs.iter().find(|f| f.name == "h").unwrap();
        let spec = Spec::of(&u, f, &block_heads(f));
        let flow = TagFlow::analyze(f, false, &spec, &vec![false; f.ops.len()]);
        let call = f
            .ops
            .iter()
            .position(|o| matches!(o, Op::CallBuiltin { .. }))
            .expect("abs is a builtin call");
        assert!(flow.clobbers(call));
        assert_eq!(flow.at(call + 1, 1), ANY);
        for h in &f.handlers {
            assert!(flow.known_at(h.handler as usize).is_empty());
        }
    }

    /// A built-in called out of line takes its argument temporaries (they come back
    /// UNINIT), and a fused element update's temporary is tracked — known unset
    /// where the update starts, so it is neither checked nor reset in the loop.
    #[test]
    fn builtin_arguments_and_update_temporaries_are_known_unset() {
        let u = unit(
            "<?php function f($n) { $r = array_fill(0, $n, 0);
             for ($j = 0; $j < $n; $j++) { $r[$j] += $j; } return $r; }",
        );
        let f = u.funcs.iter().find(|f| f.name == "f").unwrap();
        let spec = Spec::of(&u, f, &block_heads(f));
        let flow = TagFlow::analyze(f, false, &spec, &vec![false; f.ops.len()]);
        let (call, args, argc, dst) = f
            .ops
            .iter()
            .enumerate()
            .find_map(|(pc, o)| match o {
                Op::CallBuiltin {
                    args, argc, dst, ..
                } => Some((pc, *args, *argc, *dst)),
                _ => None,
            })
            .expect("array_fill is called");
        assert!(flow.clobbers(call), "array_fill is a helper call");
        assert_eq!(flow.at(call + 1, dst), ANY, "its result may be anything");
        for a in args..args + argc {
            assert_eq!(flow.at(call + 1, a), only(tag::UNINIT), "argument s{a}");
        }
        let (update, u) = spec
            .elem_updates
            .iter()
            .enumerate()
            .find_map(|(pc, u)| u.map(|u| (pc, u)))
            .expect("the update is fused");
        assert!(!spec.deref_slots[u.tmp as usize]);
        assert_eq!(flow.at(update, u.tmp), only(tag::UNINIT));
    }

    /// A built-in computed inline (`intrinsic.rs`) is no helper call: its argument
    /// is checked, then consumed, and its result's tag is known.
    #[test]
    fn inline_builtins_know_their_result() {
        let u = unit("<?php function h($a) { $k = strlen($a) + 1; return sqrt($k); }");
        let f = u.funcs.iter().find(|f| f.name == "h").unwrap();
        let spec = Spec::of(&u, f, &block_heads(f));
        let flow = TagFlow::analyze(f, false, &spec, &vec![false; f.ops.len()]);
        let calls: Vec<(usize, Slot, Slot)> = f
            .ops
            .iter()
            .enumerate()
            .filter_map(|(pc, o)| match o {
                Op::CallBuiltin { dst, args, .. } => Some((pc, *dst, *args)),
                _ => None,
            })
            .collect();
        assert_eq!(calls.len(), 2);
        let (strlen, dst, arg) = calls[0];
        assert!(!flow.clobbers(strlen));
        assert_eq!(flow.at(strlen + 1, dst), INT);
        assert_eq!(flow.at(strlen + 1, arg), only(tag::UNINIT));
        let (sqrt, dst, _) = calls[1];
        assert!(!flow.clobbers(sqrt));
        assert_eq!(flow.at(sqrt + 1, dst), DOUBLE);
    }

    #[test]
    fn sets_and_singles() {
        assert!(subset(INT, NUMBER) && !subset(NUMBER, INT));
        assert_eq!(single(DOUBLE), Some(tag::DOUBLE));
        assert_eq!(single(NUMBER), None);
        assert!(subset(NUMBER | BOOL | only(tag::NULL), UNCOUNTED));
        assert!(!subset(only(tag::STRING), UNCOUNTED));
        assert!(subset(only(tag::OBJECT), PLAIN) && !subset(only(tag::UNINIT), PLAIN));
        assert!(!subset(only(tag::REF), PLAIN));
    }
}
