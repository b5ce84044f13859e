//! Which frame slots the optimized body keeps in allocas of its own — which SROA
//! turns into registers — instead of the frame, and which of them each deopt must
//! write back.
//!
//! The lowering addresses slots through the frame pointer, and the frame escapes
//! into every helper call, so LLVM must keep every store to it and can promote
//! none of it to a register: in a loop, each temporary an op writes is stored
//! (value and tag) on every iteration, and a value carried around the loop is
//! reloaded at its top. LICM cannot promote those locations either: a deopt exit
//! before the store makes inserting one unsafe for memory other code can see.
//!
//! A promoted slot lives in an alloca while the body runs, and the frame's copy is
//! brought up to date where anything else could look at it:
//! - on entry: at pc 0 (a call) every promoted slot is undefined, as the calling
//!   convention leaves non-parameter slots; an OSR entry reads them all from the
//!   frame and checks that none holds a counted value;
//! - around every call that receives the context or the frame (generic ops,
//!   built-ins, calls: anything that can reach the frame by slot index), the
//!   promoted slots live at the op are written to the frame before it (what it
//!   may read) and the ones the op writes are read back after; where the pc is not
//!   known statically (resuming in a lower tier at the pc a helper returned), all;
//! - at a deopt, the slots *live* at its pc are written back ([`Promotion::live`]):
//!   writing them all would keep every dead temporary alive in a register across
//!   the loop for the exits' sake.
//!
//! A slot that is dead at a deopt keeps a stale copy in the frame, so promoted slots
//! are those every writing op fills with an uncounted value ([`uncounted_slots`], by
//! op kind and plan): a stale copy is then never a reference count the tier below
//! would release twice. Helpers that receive a slot *pointer* get the alloca's, the
//! current storage. (One helper may leave a counted value there: an element read
//! guarded to a type whose out-of-line fetch found another; its element-type deopt
//! follows at once and writes the slot back — it is live, its consumer reads it.)
//!
//! Candidates: slots used inside a loop (elsewhere the copies at calls cost more
//! than they save), innermost loops' first, except parameters and captures
//! (traces show arguments from the frame), slots that may hold a reference or an
//! INDIRECT, call-argument slots,
//! and every slot of a function whose ops this file does not know the slot fields
//! of, that reads its frame by name (`compact`, `extract`, `get_defined_vars`, ...),
//! has a `$GLOBALS` local or is the script body (whose locals are the globals).

use super::fuse::NestedRead;
use super::intrinsic::Intrinsic;
use super::irgen_tags::{self as tags};
use super::spec::{Plan, Spec};
use crate::bytecode::op::{Op, Operand, Slot, NO_SLOT};
use crate::bytecode::unit::{CallShape, Func, Unit};
use crate::runtime::builtins::registry;

/// At most this many slots are promoted (the first candidates): the copies at each
/// call grow with it, and the live sets are one `u64`.
const MAX_PROMOTED: usize = 24;

/// The most slot copies (to or from the frame, at deopts and calls) a lowering may
/// add; past it the function is lowered again without promotion. Copies grow with
/// guards × live slots, and compile time with them: in nbody's `advance` (112 ops,
/// 597 copies) promotion made compiling 45% slower for no run-time gain, while the
/// loop kernels it pays for (nested_loops' `nested`: 126 copies, 23% faster;
/// matrix_mul's `mat_mul`: 120, 8–14% faster; sieve: 83, 4–12% faster; best of 3
/// over several runs) stay below. Past it, the lowering retries with half the
/// slots, those the innermost loops use ([`Promotion::narrowed`]): fannkuch's
/// 12 slots need 405 copies, its 6 innermost 170, and keep 8% of its run time
/// (9 ms more compile time); nbody's `advance` ends at 2 slots, mandelbrot at 6
/// (no gain there: LICM already keeps its call-free inner loop in registers).
pub const MAX_COPIES: usize = 200;

/// Whether a call of built-in `builtin` may read or write the calling frame's
/// slots beyond its arguments and result: the built-ins that work on their caller's
/// locals by name, and every built-in that calls a callback — which may be one of
/// those (`call_user_func('extract', ...)` writes the caller's variables).
pub(super) fn reaches_caller_frame(builtin: u32) -> bool {
    let b = registry::get(builtin);
    FRAME_REFLECTION.contains(&b.name) || b.params.iter().any(|p| p.name == "callback")
}

/// The slots a helper call for `op` may write, when they are known: those of
/// [`slot_uses`] (what promotion copies back after a call too); `None` for ops
/// that may write any slot.
pub(super) fn helper_writes(op: &Op) -> Option<Vec<Slot>> {
    if let Op::CallBuiltin { builtin, .. } = op {
        if reaches_caller_frame(*builtin) {
            return None;
        }
    }
    slot_uses(op).map(|u| u.writes)
}

/// Built-ins that read or write their caller's locals by name.
const FRAME_REFLECTION: &[&str] = &[
    "compact",
    "extract",
    "get_defined_vars",
    "func_get_args",
    "func_get_arg",
    "func_num_args",
    "debug_backtrace",
    "debug_print_backtrace",
    "parse_str",
];

/// The promoted slots of one function and their liveness.
#[derive(Clone)]
pub struct Promotion {
    /// The promoted slots, in order; bit `i` of a live set is `slots[i]`.
    pub slots: Vec<Slot>,
    /// Per pc: the promoted slots live when op `pc` starts (read before written on
    /// some path from it).
    live: Vec<u64>,
    /// Per pc: the promoted slots op `pc` writes.
    writes: Vec<u64>,
}

impl Promotion {
    /// Nothing promoted.
    pub fn none() -> Promotion {
        Promotion {
            slots: Vec::new(),
            live: Vec::new(),
            writes: Vec::new(),
        }
    }

    pub fn is_promoted(&self, s: Slot) -> bool {
        self.slots.contains(&s)
    }

    /// The promoted slots live when op `pc` starts: what a helper called for it
    /// may read, and what the tier below needs if it continues there.
    pub fn live(&self, pc: usize) -> Vec<Slot> {
        self.members(self.live.get(pc).copied().unwrap_or(u64::MAX))
    }

    /// The promoted slots op `pc` writes: what a helper called for it may change.
    pub fn written(&self, pc: usize) -> Vec<Slot> {
        self.members(self.writes.get(pc).copied().unwrap_or(u64::MAX))
    }

    fn members(&self, set: u64) -> Vec<Slot> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(i, _)| set >> i & 1 == 1)
            .map(|(_, s)| *s)
            .collect()
    }

    /// Decides the promoted slots of `func` (see the module doc): at most
    /// [`MAX_PROMOTED`], those its innermost loops use first.
    pub fn of(unit: &Unit, func: &Func, spec: &Spec) -> Promotion {
        Promotion::of_at_most(unit, func, spec, MAX_PROMOTED)
    }

    /// The same decision with at most half as many slots — the most used in loops
    /// — for a lowering whose copies cost too much with all of them (`None` when
    /// one slot was already too many).
    pub fn narrowed(&self, unit: &Unit, func: &Func, spec: &Spec) -> Option<Promotion> {
        (self.slots.len() > 1)
            .then(|| Promotion::of_at_most(unit, func, spec, self.slots.len() / 2))
            .filter(|p| !p.slots.is_empty())
    }

    fn of_at_most(unit: &Unit, func: &Func, spec: &Spec, max: usize) -> Promotion {
        let uses: Option<Vec<SlotUses>> = func.ops.iter().map(slot_uses).collect();
        let reflects = func.ops.iter().any(|op| match op {
            Op::CallBuiltin { builtin, .. } => reaches_caller_frame(*builtin),
            _ => false,
        });
        let (Some(uses), true, false) = (uses, func.has_loop(), reflects) else {
            return Promotion::none();
        };
        if func.id == unit.main
            || func.is_closure
            || func.call_shape.globals_slot != CallShape::NONE
        {
            return Promotion::none();
        }
        let fixed = func.params.len() + func.num_captures as usize;
        let flag = |v: &Vec<bool>, s: usize| v.get(s).copied().unwrap_or(true);
        let uncounted = uncounted_slots(func, spec);
        let weight = loop_weights(func, &uses);
        let mut value_call_source = vec![false; func.num_slots as usize];
        for pc in 0..func.ops.len() {
            for s in super::spec::value_call_sources(func, pc) {
                value_call_source[s as usize] = true;
            }
        }
        let mut slots: Vec<Slot> = (fixed..func.num_slots as usize)
            .filter(|&s| {
                !flag(&spec.deref_slots, s)
                    && !flag(&spec.ref_slots, s)
                    && !flag(&spec.call_args, s)
                    && uncounted[s]
                    && weight[s] > 0
                    && !value_call_source[s]
            })
            .map(|s| s as Slot)
            .collect();
        // Heaviest first (a stable sort: ties keep slot order).
        slots.sort_by_key(|&s| std::cmp::Reverse(weight[s as usize]));
        slots.truncate(max);
        if slots.is_empty() {
            return Promotion::none();
        }
        let live = liveness(func, &uses, &slots);
        let bit = |s: &Slot| slots.iter().position(|p| p == s).map_or(0, |i| 1u64 << i);
        let mut writes: Vec<u64> = uses
            .iter()
            .map(|u| u.writes.iter().fold(0, |m, s| m | bit(s)))
            .collect();
        // A nested read or element update is lowered (and deoptimizes) as its
        // first op.
        for pc in 0..func.ops.len() {
            let fused = match (spec.nested_reads[pc], spec.elem_updates[pc]) {
                (Some(_), _) => NestedRead::LEN,
                (_, Some(u)) => u.op_count(),
                _ => 1,
            };
            if fused > 1 {
                let rest = writes[pc + 1..pc + fused].iter().fold(0, |m, w| m | w);
                writes[pc] |= rest;
            }
        }
        Promotion {
            slots,
            live,
            writes,
        }
    }
}

/// Per slot: how often the ops that read or write it run relative to each other,
/// as far as loop nesting tells — each op counts 8 to the power of the number of
/// loops around it (a jump back to an earlier op closes a loop over the ops
/// between). Zero for a slot no op inside a loop uses: promoting it saves
/// nothing.
fn loop_weights(func: &Func, uses: &[SlotUses]) -> Vec<u64> {
    let mut depth = vec![0u32; func.ops.len()];
    for (pc, op) in func.ops.iter().enumerate() {
        if let Some(t) = op.branch_target().map(|t| t as usize).filter(|&t| t <= pc) {
            for d in &mut depth[t..=pc] {
                *d += 1;
            }
        }
    }
    let mut weight = vec![0u64; func.num_slots as usize];
    for (u, &d) in uses.iter().zip(&depth) {
        if d == 0 {
            continue;
        }
        let w = 8u64.saturating_pow(d.min(20));
        for &s in u.reads.iter().chain(&u.writes) {
            if let Some(x) = weight.get_mut(s as usize) {
                *x = x.saturating_add(w);
            }
        }
    }
    weight
}

/// Per slot: whether every op that writes it stores an uncounted value (null, bool,
/// int, float or nothing), whatever path the op takes — by the op's kind and plan:
/// a comparison's bool; arithmetic specialized to numbers (its guards deoptimize on
/// other operands, its slow paths produce numbers); an element read guarded to
/// uncounted types (`Spec::elem_tags`); a move of such a value; an unset; an
/// inline built-in's result (`intrinsic.rs`); a call's argument slots, left
/// undefined. Anything else may store a string, an array or
/// an object.
fn uncounted_slots(func: &Func, spec: &Spec) -> Vec<bool> {
    let n = func.num_slots as usize;
    let numeric = |plan: Plan| matches!(plan, Plan::Int | Plan::Double | Plan::Numeric);
    let mut ok = vec![true; n];
    let clear = |ok: &mut Vec<bool>, s: Slot| {
        if let Some(x) = ok.get_mut(s as usize) {
            let was = *x;
            *x = false;
            return was;
        }
        false
    };
    // Moves propagate: iterate until no slot changes.
    loop {
        let mut changed = false;
        for (pc, op) in func.ops.iter().enumerate() {
            let plan = spec.plans[pc];
            let elem_ok = tags::subset(spec.elem_tags[pc], tags::UNCOUNTED);
            let bad: Option<Slot> = match op {
                Op::Lt { .. } | Op::Le { .. } | Op::Eq { .. } | Op::NotEq { .. } => None,
                Op::Identical { .. } | Op::NotIdentical { .. } | Op::Not { .. } => None,
                Op::ToBool { .. } | Op::IsSet { .. } | Op::Empty { .. } => None,
                Op::UnsetLocal { .. } | Op::JmpZ { .. } | Op::JmpNZ { .. } => None,
                Op::Add { dst, .. } | Op::Sub { dst, .. } | Op::Mul { dst, .. } => {
                    (!numeric(plan)).then_some(*dst)
                }
                Op::Bin { dst, .. } => (!numeric(plan)).then_some(*dst),
                Op::IncDec { dst, target, .. } => {
                    if plan == Plan::Int {
                        None
                    } else {
                        changed |= clear(&mut ok, *dst);
                        Some(*target)
                    }
                }
                Op::Move { dst, src } => {
                    let src_ok = if src.is_const() {
                        func.consts
                            .get(src.index() as usize)
                            .is_some_and(|c| c.tag() < crate::runtime::value::tag::STRING)
                    } else {
                        ok.get(src.0 as usize).copied().unwrap_or(false)
                    };
                    (!src_ok).then_some(*dst)
                }
                // A nested read (`fuse.rs`) guards its element as its first op says
                // and never writes its temporary, which lower tiers fill with the
                // row: the temporary is not uncounted.
                Op::FetchDim { dst, .. } => {
                    let inner_of = pc
                        .checked_sub(1)
                        .filter(|p| spec.nested_reads[*p].is_some());
                    let ok_here = match (spec.nested_reads[pc], inner_of) {
                        (Some(_), _) => false,
                        (None, Some(start)) => tags::subset(spec.elem_tags[start], tags::UNCOUNTED),
                        (None, None) => elem_ok,
                    };
                    (!ok_here).then_some(*dst)
                }
                // An intrinsic (`intrinsic.rs`) writes its result's tags.
                Op::CallBuiltin {
                    dst,
                    builtin,
                    args,
                    argc,
                } if plan == Plan::Int => Intrinsic::of(*builtin, *args, *argc, *dst)
                    .filter(|i| !tags::subset(i.result(), tags::UNCOUNTED))
                    .map(|_| *dst),
                Op::Call { dst, .. } | Op::CallBuiltin { dst, .. } => Some(*dst),
                _ => {
                    // Whatever else writes, may write anything.
                    if let Some(u) = slot_uses(op) {
                        for w in u.writes {
                            changed |= clear(&mut ok, w);
                        }
                    }
                    None
                }
            };
            if let Some(s) = bad {
                changed |= clear(&mut ok, s);
            }
        }
        if !changed {
            return ok;
        }
    }
}

/// The slots an op reads and writes (a range `args..args + argc` expanded).
#[derive(Default)]
pub(super) struct SlotUses {
    pub reads: Vec<Slot>,
    pub writes: Vec<Slot>,
}

/// What op `op` reads and writes, for the ops whose fields are listed here; `None`
/// for any other (its function is not promoted).
pub(super) fn slot_uses(op: &Op) -> Option<SlotUses> {
    let mut reads = Vec::new();
    let mut read = |o: &Operand| {
        if !o.is_const() {
            reads.push(o.0);
        }
    };
    let mut writes = Vec::new();
    match op {
        Op::Nop | Op::Jmp { .. } | Op::CheckArgs { .. } => {}
        Op::Move { dst, src }
        | Op::Not { dst, src }
        | Op::BitNot { dst, src }
        | Op::ToBool { dst, src }
        | Op::Cast { dst, src, .. }
        | Op::IsSet { dst, src }
        | Op::Empty { dst, src } => {
            read(src);
            writes.push(*dst);
        }
        Op::Add { dst, a, b }
        | Op::Sub { dst, a, b }
        | Op::Mul { dst, a, b }
        | Op::Concat { dst, a, b }
        | Op::Bin { dst, a, b, .. }
        | Op::Lt { dst, a, b }
        | Op::Le { dst, a, b }
        | Op::Eq { dst, a, b }
        | Op::NotEq { dst, a, b }
        | Op::Identical { dst, a, b }
        | Op::NotIdentical { dst, a, b } => {
            read(a);
            read(b);
            writes.push(*dst);
        }
        Op::ConcatN { dst, parts } => {
            parts.iter().for_each(read);
            writes.push(*dst);
        }
        Op::AppendN { dst, parts } => {
            parts.iter().for_each(&mut read);
            read(&Operand::slot(*dst));
            writes.push(*dst);
        }
        Op::IncDec { dst, target, .. } => {
            read(&Operand::slot(*target));
            writes.extend([*target, *dst]);
        }
        Op::JmpZ { cond: o, .. }
        | Op::JmpNZ { cond: o, .. }
        | Op::JmpNotNull { src: o, .. }
        | Op::Echo { src: o }
        | Op::Return { src: o } => read(o),
        Op::JmpNotLt { a, b, .. } | Op::JmpLt { a, b, .. } => {
            read(a);
            read(b);
        }
        Op::NewArray { dst, .. } => writes.push(*dst),
        Op::AddElem { arr, key, val } => {
            read(&Operand::slot(*arr));
            if let Some(k) = key {
                read(k);
            }
            read(val);
            writes.push(*arr);
        }
        Op::FetchDim { dst, base, key }
        | Op::FetchDimIs { dst, base, key }
        | Op::FetchListDim { dst, base, key } => {
            read(base);
            read(key);
            writes.push(*dst);
        }
        Op::FetchDimW { dst, base, key, .. } => {
            read(&Operand::slot(*base));
            if let Some(k) = key {
                read(k);
            }
            writes.extend([*base, *dst]);
        }
        Op::AssignDim {
            dst,
            base,
            key,
            val,
        } => {
            read(&Operand::slot(*base));
            if let Some(k) = key {
                read(k);
            }
            read(val);
            writes.extend([*base, *dst]);
        }
        Op::UnsetLocal { slot } => writes.push(*slot),
        // Type checks may coerce the parameter in place.
        Op::VerifyParam { slot, .. } => {
            read(&Operand::slot(*slot));
            writes.push(*slot);
        }
        // Both slots end up holding the reference box.
        Op::MakeRef { dst, src } | Op::BindRef { dst, src } => {
            read(&Operand::slot(*src));
            writes.extend([*src, *dst]);
        }
        Op::Call {
            dst, args, argc, ..
        }
        | Op::CallBuiltin {
            dst, args, argc, ..
        } => {
            let range = *args..args.saturating_add(*argc);
            range.clone().for_each(|s| read(&Operand::slot(s)));
            writes.extend(range);
            writes.push(*dst);
        }
        _ => return None,
    }
    Some(SlotUses {
        reads,
        writes: writes.into_iter().filter(|s| *s != NO_SLOT).collect(),
    })
}

/// Per pc, which of `slots` (at most 64; bit `i` is `slots[i]`) are live when the
/// op starts; `None` when an op of `func` has slot fields this file does not know.
pub(super) fn live_sets(func: &Func, slots: &[Slot]) -> Option<Vec<u64>> {
    debug_assert!(slots.len() <= 64);
    let uses: Option<Vec<SlotUses>> = func.ops.iter().map(slot_uses).collect();
    Some(liveness(func, &uses?, slots))
}

/// Live-in sets of the promoted `slots` at each pc, by the usual backward fixpoint
/// over the ops' successors (handlers included). A write does not kill a slot the
/// op also reads.
fn liveness(func: &Func, uses: &[SlotUses], slots: &[Slot]) -> Vec<u64> {
    let n = func.ops.len();
    let bit = |s: Slot| slots.iter().position(|p| *p == s).map_or(0, |i| 1u64 << i);
    let gen: Vec<u64> = uses
        .iter()
        .map(|u| u.reads.iter().fold(0, |m, s| m | bit(*s)))
        .collect();
    let kill: Vec<u64> = uses
        .iter()
        .map(|u| u.writes.iter().fold(0, |m, s| m | bit(*s)))
        .collect();
    let succ: Vec<Vec<usize>> = (0..n).map(|pc| successors(func, pc)).collect();
    let mut live = vec![0u64; n];
    let mut changed = true;
    while changed {
        changed = false;
        for pc in (0..n).rev() {
            let out = succ[pc]
                .iter()
                .filter(|s| **s < n)
                .fold(0, |m, s| m | live[*s]);
            let inn = gen[pc] | (out & !kill[pc]);
            if inn != live[pc] {
                live[pc] = inn;
                changed = true;
            }
        }
    }
    live
}

/// Where control may go after op `pc`: the next op unless it never falls through,
/// its jump target, the innermost handler around it.
fn successors(func: &Func, pc: usize) -> Vec<usize> {
    let op = &func.ops[pc];
    let mut s = Vec::with_capacity(3);
    if !matches!(op, Op::Jmp { .. } | Op::Return { .. }) {
        s.push(pc + 1);
    }
    s.extend(op.branch_target().map(|t| t as usize));
    s.extend(func.handler_for(pc as u32).map(|h| h.handler as usize));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::baseline::translate::block_heads;

    fn promotion(src: &str, name: &str) -> (Vec<Slot>, Vec<Vec<Slot>>) {
        let prog = crate::compiler::parse(src.as_bytes(), "t.php").expect("parses");
        let unit = crate::bytecode::emit::compile(&prog, "t.php", "t.php").expect("compiles");
        let func = unit
            .funcs
            .iter()
            .find(|f| f.name == name)
            .expect("function");
        let spec = Spec::of(&unit, func, &block_heads(func));
        let p = Promotion::of(&unit, func, &spec);
        let live = (0..func.ops.len()).map(|pc| p.live(pc)).collect();
        (p.slots.clone(), live)
    }

    /// A numeric loop's locals and temporaries are promoted, its parameter is not;
    /// a temporary is live only between its write and its read.
    #[test]
    fn numeric_loop_slots_are_promoted() {
        let src = "<?php function f($n) { $s = 0; for ($i = 0; $i < $n; $i++) { $s += $i * 2; } return $s; }";
        let (slots, live) = promotion(src, "f");
        assert!(!slots.contains(&0), "parameter promoted: {slots:?}");
        assert!(slots.contains(&1) && slots.contains(&2), "{slots:?}");
        // At pc 0 nothing promoted is live yet ($s and $i are written first).
        assert!(live[0].is_empty(), "{:?}", live[0]);
    }

    /// Functions that read their locals by name, and straight-line functions, keep
    /// every slot in the frame.
    #[test]
    fn reflective_and_loopless_functions_are_not_promoted() {
        let reflect = "<?php function f($n) { $s = 0; for ($i = 0; $i < $n; $i++) { $s += $i; } return compact('s'); }";
        assert!(promotion(reflect, "f").0.is_empty());
        let straight = "<?php function f($n) { $s = $n * 2; return $s + 1; }";
        assert!(promotion(straight, "f").0.is_empty());
    }

    /// Slots are ordered by how deep in loops they are used, and narrowing keeps
    /// the inner loop's: `$j` (the inner counter) before `$i` (the outer one),
    /// `$t` (written once before the loops) never.
    #[test]
    fn narrowing_keeps_the_innermost_loops_slots() {
        let src = "<?php function f($n) { $t = $n + 1; $s = 0; for ($i = 0; $i < $n; $i++) { for ($j = 0; $j < $i; $j++) { $s += $j; } } return $s + $t; }";
        let prog = crate::compiler::parse(src.as_bytes(), "t.php").expect("parses");
        let unit = crate::bytecode::emit::compile(&prog, "t.php", "t.php").expect("compiles");
        let func = unit.funcs.iter().find(|f| f.name == "f").expect("f");
        let spec = Spec::of(&unit, func, &block_heads(func));
        let (t, s, i, j) = (1, 2, 3, 4);
        let all = Promotion::of(&unit, func, &spec);
        assert!(!all.slots.contains(&t), "{:?}", all.slots);
        let at = |x: Slot| all.slots.iter().position(|&p| p == x).expect("promoted");
        assert!(at(j) < at(i) && at(s) < at(i), "{:?}", all.slots);
        let mut p = all.clone();
        while let Some(n) = p.narrowed(&unit, func, &spec) {
            assert!(n.slots.len() <= p.slots.len() / 2, "{:?}", n.slots);
            p = n;
        }
        assert_eq!(p.slots.len(), 1);
        assert!(p.slots == [j] || p.slots == [s], "{:?}", p.slots);
    }

    /// A slot that may hold a string is not promoted.
    #[test]
    fn counted_values_stay_in_the_frame() {
        let src = "<?php function f($n) { $s = ''; for ($i = 0; $i < $n; $i++) { $s .= 'x'; } return $s; }";
        let (slots, _) = promotion(src, "f");
        assert!(!slots.contains(&1), "{slots:?}");
    }
}
