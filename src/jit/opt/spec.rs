//! What the optimizing tier assumes about each op, decided from the function's
//! profile (a lock-free snapshot of its ProfData) before lowering.
//!
//! The baseline tier's profile says, per type-sensitive op, which operand tags its
//! *out-of-line* path saw, plus a DOUBLE bit when its inline float path ran (see
//! `baseline::translate::mark_double`). An empty set therefore means "only the inline
//! int path ran": the op is specialized to i64 with tag guards. A set of int and
//! float tags specializes to f64. Anything else stays generic: the same runtime
//! helper every tier calls. A failed guard deoptimizes (see `deopt.rs`), which also
//! widens the profile, so the next optimized translation is generic where this one
//! guessed wrong.

use crate::jit::profile::{HELPER_PATH_BIT, SLOW_PATH_TAG};
use std::sync::atomic::Ordering;

use super::concat;
use super::fuse::{self, ElemUpdate, NestedRead};
use super::intrinsic::Intrinsic;
use super::irgen_tags as tags;
use crate::bytecode::op::{BinOp, Op, Operand, Slot, NO_SLOT};
use crate::bytecode::unit::{Func, Unit};
use crate::runtime::value::tag;

/// How one op is lowered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Call the op's runtime helper (every tier's semantics, merged back).
    Generic,
    /// Operands guarded to int (i64) — or int/bool for conditional jumps; for
    /// moves, returns and the array fast paths: inline.
    Int,
    /// Operands guarded to float or int-and-float (f64 arithmetic).
    Double,
    /// Both forms inline: ints when both operands are ints, else floats (the
    /// profile saw both).
    Numeric,
    /// The op's block never ran while profiled: deoptimize on entry.
    Cold,
}

/// The per-op plans of one function, plus which blocks may be entered from baseline
/// code (on-stack replacement).
pub struct Spec {
    pub plans: Vec<Plan>,
    /// Whether the profile had run at all (jit.sync compiles unprofiled functions:
    /// then every block is assumed warm and operands are guessed int).
    pub profiled: bool,
    /// Per pc: entries into its block while profiled (0 where unprofiled).
    pub entries: Vec<u64>,
    /// Per slot: whether it may hold a REF box or an INDIRECT pointer, so operands
    /// in it are read through `hop_rt_deref`. Other slots are addressed directly
    /// (which lets LLVM keep them in registers); should one hold a REF or INDIRECT
    /// after all, its tag guards fail and its stores leave optimized code (the tier
    /// below writes through) — correct, only slower.
    pub deref_slots: Vec<bool>,
    /// Per slot: whether it holds a REF box for the whole call (see [`ref_slots`]),
    /// so its storage is the box's value — one load, no tag tests.
    pub ref_slots: Vec<bool>,
    /// Per pc: the nested element read starting there, lowered as one (see
    /// `fuse.rs`).
    pub nested_reads: Vec<Option<NestedRead>>,
    /// Per pc: the element update starting there, lowered as one (see `fuse.rs`).
    pub elem_updates: Vec<Option<ElemUpdate>>,
    /// Per pc: a comparison whose jump right after is its only reader
    /// (`fuse::compare_branch`).
    pub compare_branches: Vec<bool>,
    /// Per slot: whether it passes an argument to a user function call (written
    /// with one 16-byte store; see `irgen::store_whole`).
    pub call_args: Vec<bool>,
    /// Per pc of an inline element read (`FetchDim`, or the first op of a nested
    /// read): the tags the element is guarded to (bit `1 << tag`), `u32::MAX` for
    /// none. See [`elem_tags`].
    pub elem_tags: Vec<u32>,
    /// Per pc of a `$f(...)` call: the closure function the profile saw it call,
    /// if only one (a native call there is worth a check, see
    /// `irgen_call::closure_call`).
    pub value_callees: Vec<Option<u32>>,
    /// Per pc: whether an element read or keyed write there calls its fast helper
    /// where its inline path does not apply, rather than leaving optimized code: it
    /// was seen needing it (see `profile::HELPER_PATH_TAG`), or has not run yet.
    pub dim_helpers: Vec<bool>,
}

/// What each inline element read may assume about the element's type, from the op
/// that consumes it: when the next op to read the fetched value is arithmetic, a
/// comparison or a branch specialized to ints (or to numbers), the read guards the
/// element to that type instead of taking any value. The consumer would guard the
/// same thing one op later; guarded at the read, the element is known uncounted
/// (no reference-count increment to test for) and the consumer's guard disappears.
/// A failed guard deoptimizes at the read, before it did anything.
///
/// The consumer is looked for in the ops after the read, through ops that neither
/// read nor write the fetched slot (other element reads, arithmetic on other
/// slots), along an unconditional jump, and from a loop's entry test (a compare of
/// other slots) into the loop body: a value read before an inner loop and used in
/// it (`$aik = $ai[$k]; for (...) $row[$j] += $aik * $bk[$j];`) is then known in
/// the loop, where its guard would have run on every iteration.
///
/// A read with no such consumer guards the element to the types baseline code
/// fetched there (`ProfData::elem_tags`, `fetched(pc)`) when those are all
/// defined and uncounted: a value only moved (`$t = $a[$i]; $a[$i] = $a[$j];
/// $a[$j] = $t;`) then needs no reference count and can live in a register. An
/// element of another type deoptimizes at the read, where baseline code records
/// it, and the next translation takes any value there.
fn elem_tags(
    func: &Func,
    plans: &[Plan],
    nested: &[Option<NestedRead>],
    fetched: impl Fn(usize) -> u32,
) -> Vec<u32> {
    const ANY: u32 = u32::MAX;
    const MAX_SCAN: usize = 12;
    let consumer_tags = |from: usize, dst: Slot| -> u32 {
        let is = |o: &Operand| !o.is_const() && o.0 == dst;
        let mut pc = from;
        for _ in 0..MAX_SCAN {
            let (Some(op), Some(&plan)) = (func.ops.get(pc), plans.get(pc)) else {
                return ANY;
            };
            pc += 1;
            let numeric = match plan {
                Plan::Int => INT_BIT,
                Plan::Double | Plan::Numeric => NUMERIC,
                _ => 0,
            };
            match op {
                Op::Add { dst: d, a, b }
                | Op::Sub { dst: d, a, b }
                | Op::Mul { dst: d, a, b }
                | Op::Bin { dst: d, a, b, .. }
                | Op::Lt { dst: d, a, b }
                | Op::Le { dst: d, a, b } => {
                    if is(a) || is(b) {
                        return if numeric != 0 { numeric } else { ANY };
                    }
                    if *d == dst {
                        return ANY;
                    }
                }
                Op::JmpLt { a, b, .. } | Op::JmpNotLt { a, b, .. } if is(a) || is(b) => {
                    return if numeric != 0 { numeric } else { ANY };
                }
                // A rotated loop's test jumps back into its body.
                Op::JmpLt { target, .. } if (*target as usize) < pc => pc = *target as usize,
                Op::Jmp { target } => pc = *target as usize,
                Op::JmpZ { cond, .. } | Op::JmpNZ { cond, .. } => {
                    return if is(cond) && plan == Plan::Int {
                        INT_BIT | 1 << tag::BOOL
                    } else {
                        ANY
                    };
                }
                Op::FetchDim { dst: d, base, key } => {
                    if *d == dst || is(base) || is(key) {
                        return ANY;
                    }
                }
                Op::UnsetLocal { slot } if *slot != dst => {}
                Op::Move { dst: d, src } if *d != dst && !is(src) => {}
                _ => return ANY,
            }
        }
        ANY
    };
    // Defined uncounted values: what a guarded element may be.
    let scalars = tags::UNCOUNTED & !tags::only(tag::UNINIT);
    let or_fetched = |consumer: u32, read: usize| {
        let seen = fetched(read);
        if consumer == ANY && seen != 0 && tags::subset(seen, scalars) {
            seen
        } else {
            consumer
        }
    };
    (0..func.ops.len())
        .map(
            |pc| match (&func.ops[pc], nested.get(pc).copied().flatten()) {
                // The nested read's element is the inner read's.
                (_, Some(r)) => or_fetched(consumer_tags(pc + NestedRead::LEN, r.dst), pc + 1),
                (Op::FetchDim { dst, .. }, None) if plans[pc] == Plan::Int && *dst != NO_SLOT => {
                    or_fetched(consumer_tags(pc + 1, *dst), pc)
                }
                _ => ANY,
            },
        )
        .collect()
}

/// The argument slots of `func`'s user function calls.
fn call_args(func: &Func) -> Vec<bool> {
    let mut a = vec![false; func.num_slots as usize];
    for op in &func.ops {
        if let Op::Call { args, argc, .. } = op {
            for s in *args..args.saturating_add(*argc) {
                if let Some(x) = a.get_mut(s as usize) {
                    *x = true;
                }
            }
        }
    }
    a
}

/// Slots of `func` that hold a REF box from entry to return: by-reference
/// parameters without a default (a missing argument's default is stored plainly),
/// not variadic, never unset and never a `catch` variable. Every call path boxes a
/// by-reference argument, and every other op that rebinds a slot (`=&`, `global`,
/// `static`, `foreach` by reference, `extract` with EXTR_REFS) binds another box.
fn ref_slots(func: &Func) -> Vec<bool> {
    let mut r = vec![false; func.num_slots as usize];
    for (i, p) in func.params.iter().enumerate() {
        if p.by_ref && !p.variadic && !p.has_default {
            if let Some(x) = r.get_mut(i) {
                *x = true;
            }
        }
    }
    for op in &func.ops {
        match op {
            Op::UnsetLocal { slot: s } | Op::Catch { dst: s, .. } => {
                if let Some(x) = r.get_mut(*s as usize) {
                    *x = false;
                }
            }
            _ => {}
        }
    }
    r
}

/// The variables whose values `CallValue` at `pc` copied into its arguments: a
/// callable with by-reference parameters binds them as references
/// (`vm::call_args::bind_ref_args`). Optimized code calls such a callable only
/// through the generic helper and checks these afterwards (`irgen_call.rs`); they
/// are never promoted (`promote.rs`), whose copies would overwrite the binding.
pub(crate) fn value_call_sources(func: &Func, pc: usize) -> Vec<Slot> {
    match func.ops.get(pc) {
        Some(Op::CallValue { args, argc, .. }) => arg_sources(func, pc, *args, *argc),
        _ => Vec::new(),
    }
}

/// The variables call `pc` copied into its `argc` argument slots from `args`
/// (`vm::call_args::arg_source`): what a by-reference parameter would bind.
fn arg_sources(func: &Func, pc: usize, args: Slot, argc: u32) -> Vec<Slot> {
    (args..args + argc)
        .filter_map(|a| crate::vm::call_args::arg_source(func, pc, a))
        .collect()
}

/// Slots of `func` that may hold a REF or an INDIRECT: by-reference parameters,
/// closure captures, every slot a reference is bound to or made from, write-fetch
/// temporaries, and — in the script body, when some function binds globals — every
/// named local. The temporary of a fused element update (`updates`) is not one:
/// optimized code never writes it but to unset it, and baseline code leaves it
/// unset after the sequence, so it can be tracked (its release checks go).
fn deref_slots(unit: &Unit, func: &Func, updates: &[Option<ElemUpdate>]) -> Vec<bool> {
    let mut d = vec![false; func.num_slots as usize];
    let mut mark = |s: u32| {
        if let Some(x) = d.get_mut(s as usize) {
            *x = true;
        }
    };
    for (i, p) in func.params.iter().enumerate() {
        if p.by_ref {
            mark(i as u32);
        }
    }
    let params = func.params.len() as u32;
    for c in params..params + func.num_captures {
        mark(c);
    }
    let mut fused = vec![false; func.ops.len()];
    for (pc, u) in updates.iter().enumerate() {
        if let Some(u) = u {
            let end = (pc + u.op_count()).min(fused.len());
            fused[pc..end].fill(true);
        }
    }
    for (pc, op) in func.ops.iter().enumerate() {
        match op {
            Op::BindRef { dst, src } | Op::MakeRef { dst, src } => {
                mark(*dst);
                mark(*src);
            }
            Op::BindGlobal { slot, .. } | Op::BindStatic { slot, .. } => mark(*slot),
            Op::IterNext {
                val, by_ref: true, ..
            } => mark(*val),
            Op::IterInit {
                src, by_ref: true, ..
            } if !src.is_const() => mark(src.0),
            Op::FetchDimW { dst, .. } if !fused[pc] => mark(*dst),
            // A call that may bind by-reference parameters to the variables its
            // arguments were copied from (`vm::call_args::bind_ref_args`): a
            // by-reference variadic callee, or one named at run time. (A callable
            // value's call checks afterwards instead: `value_call_sources`.)
            Op::Call {
                func: f,
                args,
                argc,
                ..
            } if unit
                .funcs
                .get(*f as usize)
                .is_some_and(|c| c.call_shape.variadic_by_ref) =>
            {
                arg_sources(func, pc, *args, *argc)
                    .into_iter()
                    .for_each(&mut mark)
            }
            Op::CallName { args, argc, .. } => arg_sources(func, pc, *args, *argc)
                .into_iter()
                .for_each(&mut mark),
            _ => {}
        }
    }

    let binds_globals = unit.funcs.iter().any(|f| {
        crate::vm::globals::globals_slot(f).is_some()
            || f.ops.iter().any(|o| matches!(o, Op::BindGlobal { .. }))
    });
    if func.id == unit.main && binds_globals {
        for s in 0..func.num_locals {
            mark(s);
        }
    }
    d
}

const SLOW_PATH_BIT: u32 = 1 << SLOW_PATH_TAG;

const INT_BIT: u32 = 1 << tag::INT;
const DOUBLE_BIT: u32 = 1 << tag::DOUBLE;
const NUMERIC: u32 = INT_BIT | DOUBLE_BIT;

/// What a literal operand allows.
fn const_tag(func: &Func, o: Operand) -> Option<u8> {
    o.is_const().then(|| {
        func.consts
            .get(o.index() as usize)
            .map_or(tag::NULL, |v| v.tag())
    })
}

/// The plan of a numeric op over `operands` whose profiled tag set is `seen`.
/// `float_ok`: the op has a float form (`+ - * /`, comparisons).
fn numeric_plan(func: &Func, operands: &[Operand], seen: u32, float_ok: bool) -> Plan {
    let mut const_bits = 0;
    for o in operands {
        match const_tag(func, *o) {
            Some(tag::INT) => const_bits |= INT_BIT,
            Some(tag::DOUBLE) if float_ok => const_bits |= DOUBLE_BIT,
            Some(_) => return Plan::Generic,
            None => {}
        }
    }
    let all = seen | const_bits;
    if all & !NUMERIC != 0 {
        Plan::Generic
    } else if all & DOUBLE_BIT == 0 {
        Plan::Int
    } else if float_ok && seen & INT_BIT != 0 {
        Plan::Numeric
    } else if float_ok {
        Plan::Double
    } else {
        Plan::Generic
    }
}

/// How many blocks up [`string_keyed`] looks for its key's writer (hash_table's
/// read of `$table[$k]` follows the `array_key_exists` test of a key built in
/// the block before).
const STRING_KEY_BLOCKS: usize = 4;

/// Whether element op `pc` (one baseline code has not run: nothing profiled says
/// what its key holds) is seen from its block to use a string key: its key slot
/// written, earlier in the block, by a concatenation or from a string literal,
/// possibly through moves. The int-key plan such an op would get could only leave
/// optimized code, on every run, until a new profile and compile (a script body
/// first optimized inside its first loop reaches its later loops that way); the
/// generic plan takes the keyed fast paths instead (`irgen_dim_keyed.rs`).
fn string_keyed(func: &Func, heads: &[bool], pc: usize) -> bool {
    let key = match &func.ops[pc] {
        Op::FetchDim { key, .. }
        | Op::AssignDim { key: Some(key), .. }
        | Op::FetchDimW { key: Some(key), .. } => *key,
        _ => return false,
    };
    if key.is_const() {
        return false;
    }
    let block_start = |at: usize| {
        (0..=at)
            .rev()
            .find(|&q| heads.get(q).copied().unwrap_or(false))
            .unwrap_or(0)
    };
    // The ops known to run before pc: its block's, then its single
    // predecessor's, and so on (a few blocks up).
    let mut want = key.0;
    let mut end = pc;
    for round in 0..STRING_KEY_BLOCKS {
        // The block of pc, then the block of the predecessor ending at `end - 1`.
        let start = block_start(if round == 0 { pc } else { end - 1 });
        for q in (start..end).rev() {
            match &func.ops[q] {
                Op::Concat { dst, .. } | Op::ConcatN { dst, .. } if *dst == want => return true,
                Op::Move { dst, src } if *dst == want => {
                    if src.is_const() {
                        return func
                            .consts
                            .get(src.index() as usize)
                            .is_some_and(|c| c.is_string());
                    }
                    want = src.0;
                }
                op => match super::promote::slot_uses(op) {
                    Some(u) if !u.writes.contains(&want) => {}
                    _ => return false,
                },
            }
        }
        let preds: Vec<usize> = (0..func.ops.len())
            .filter(|&q| super::irgen::successors(func, q).contains(&start))
            .collect();
        match preds[..] {
            [p] if start > 0 => end = p + 1,
            _ => return false,
        }
    }
    false
}

/// The plan of `op` given its profiled tag set.
fn plan_of(func: &Func, op: &Op, seen: u32) -> Plan {
    if seen & SLOW_PATH_BIT != 0 {
        return Plan::Generic;
    }
    match op {
        // Always inline (their slow cases leave optimized code) unless that
        // happened before.
        Op::Move { .. } | Op::Return { .. } | Op::UnsetLocal { .. } | Op::CheckArgs { .. } => {
            Plan::Int
        }
        // A loop entry may check its loop's invariant guards (`irgen_tags`).
        Op::Jmp { .. } => Plan::Int,
        Op::Add { a, b, .. } | Op::Sub { a, b, .. } | Op::Mul { a, b, .. } => {
            numeric_plan(func, &[*a, *b], seen, true)
        }
        Op::Bin { op, a, b, .. } => match op {
            // Mixed int/float division runs the float form (two ints leave it).
            BinOp::Div => match numeric_plan(func, &[*a, *b], seen, true) {
                Plan::Numeric => Plan::Double,
                p => p,
            },
            BinOp::Mod | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::Shl | BinOp::Shr => {
                numeric_plan(func, &[*a, *b], seen, false)
            }
            _ => Plan::Generic,
        },
        Op::Lt { a, b, .. }
        | Op::Le { a, b, .. }
        | Op::JmpNotLt { a, b, .. }
        | Op::JmpLt { a, b, .. } => numeric_plan(func, &[*a, *b], seen, true),
        Op::Eq { a, b, .. } | Op::NotEq { a, b, .. } => numeric_plan(func, &[*a, *b], seen, true),
        Op::Identical { a, b, .. } | Op::NotIdentical { a, b, .. } => {
            match numeric_plan(func, &[*a, *b], seen, true) {
                // `1 === 1.0` is false: only same-typed operands are specialized.
                Plan::Double | Plan::Numeric if seen & INT_BIT != 0 => Plan::Generic,
                p => p,
            }
        }
        Op::IncDec { .. } => {
            if seen & !INT_BIT == 0 {
                Plan::Int
            } else {
                Plan::Generic
            }
        }
        Op::JmpZ { cond, .. } | Op::JmpNZ { cond, .. } => {
            // The baseline inline path takes bools and ints.
            if !cond.is_const() && seen & !(INT_BIT | 1 << tag::BOOL) == 0 {
                Plan::Int
            } else {
                Plan::Generic
            }
        }
        // The packed-array fast paths: element reads that never left baseline's
        // inline path; element writes unless a non-int key was seen (an int key on
        // a hash array falls back to the generic op).
        Op::FetchDim { key, .. }
            if seen & !HELPER_PATH_BIT == 0
                && const_tag(func, *key).is_none_or(|t| t == tag::INT) =>
        {
            Plan::Int
        }
        Op::AssignDim { key, .. }
            if seen & !(INT_BIT | HELPER_PATH_BIT) == 0
                && key.is_none_or(|k| const_tag(func, k).is_none_or(|t| t == tag::INT)) =>
        {
            Plan::Int
        }
        Op::FetchDimW { key: Some(key), .. }
            if seen & !INT_BIT == 0 && const_tag(func, *key).is_none_or(|t| t == tag::INT) =>
        {
            Plan::Int
        }
        // Built-ins computed inline (`intrinsic.rs`); an argument they do not take
        // leaves optimized code and marks the op (above).
        Op::CallBuiltin {
            dst,
            builtin,
            args,
            argc,
        } if Intrinsic::of(*builtin, *args, *argc, *dst).is_some() => Plan::Int,
        // Strings and ints joined by one helper (`concat.rs`); a part of another
        // type leaves optimized code and marks the op (above).
        Op::Concat { .. } | Op::ConcatN { .. } | Op::AppendN { .. }
            if concat::shape(func, op).is_some() =>
        {
            Plan::Int
        }
        _ => Plan::Generic,
    }
}

impl Spec {
    /// Decides every op's plan from a snapshot of `func`'s profile.
    pub fn of(unit: &Unit, func: &Func, heads: &[bool]) -> Spec {
        let prof = &func.jit.prof;
        let count = |pc: usize| {
            prof.block_counts
                .get(pc)
                .map_or(0, |c| c.load(Ordering::Relaxed))
        };
        let profiled = count(0) > 0;
        // A block that never ran means "cold" only once a whole call has run: a
        // function first optimized from inside its first call (a hot loop, then
        // others after it) has not reached its later blocks yet.
        let cold_is_meaningful = count(0) >= 2;
        let mut block_count = 0;
        let mut entries = vec![0; func.ops.len()];
        let plans: Vec<Plan> = func
            .ops
            .iter()
            .enumerate()
            .map(|(pc, op)| {
                if heads.get(pc).copied().unwrap_or(false) {
                    block_count = count(pc);
                }
                entries[pc] = block_count;
                if cold_is_meaningful && block_count == 0 {
                    return Plan::Cold;
                }
                let seen = prof.tags.get(pc).map_or(0, |t| t.load(Ordering::Relaxed));
                match plan_of(func, op, seen) {
                    Plan::Int if block_count == 0 && string_keyed(func, heads, pc) => Plan::Generic,
                    p => p,
                }
            })
            .collect();
        let inline_dims = crate::runtime::array_layout::packed_layout().is_some();
        let nested_reads: Vec<Option<NestedRead>> = (0..func.ops.len())
            .map(|pc| {
                inline_dims
                    .then(|| fuse::nested_read(func, &plans, heads, pc))
                    .flatten()
            })
            .collect();
        let elem_updates: Vec<Option<ElemUpdate>> = (0..func.ops.len())
            .map(|pc| {
                inline_dims
                    .then(|| fuse::elem_update(func, &plans, heads, pc))
                    .flatten()
            })
            .collect();
        let compare_branches = (0..func.ops.len())
            .map(|pc| fuse::compare_branch(func, &plans, heads, pc))
            .collect();
        let elem_tags = elem_tags(func, &plans, &nested_reads, |pc| prof.elem_tags(pc));
        let deref_slots = deref_slots(unit, func, &elem_updates);
        let value_callees = (0..func.ops.len())
            .map(|pc| match &func.ops[pc] {
                Op::CallValue { .. } => prof.monomorphic_callee(pc),
                _ => None,
            })
            .collect();
        // Accesses baseline code has not run yet (a later loop of a script body first
        // optimized for an earlier one) keep their helper too: nothing says what
        // they will meet.
        let dim_helpers = (0..func.ops.len())
            .map(|pc| {
                let seen = prof.tags.get(pc).map_or(0, |t| t.load(Ordering::Relaxed));
                seen & HELPER_PATH_BIT != 0 || (profiled && entries[pc] == 0)
            })
            .collect();
        Spec {
            value_callees,
            dim_helpers,
            elem_tags,
            plans,
            nested_reads,
            elem_updates,
            compare_branches,
            profiled,
            entries,
            deref_slots,
            ref_slots: ref_slots(func),
            call_args: call_args(func),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::baseline::translate::block_heads;

    fn spec_of(src: &str, name: &str) -> (Unit, Spec) {
        let prog = crate::compiler::parse(src.as_bytes(), "t.php").expect("parses");
        let u = crate::bytecode::emit::compile(&prog, "t.php", "t.php").expect("compiles");
        let f = u.funcs.iter().find(|f| f.name == name).expect("function");
        let spec = Spec::of(&u, f, &block_heads(f));
        (u, spec)
    }

    /// An element read before an inner loop takes its type from the loop body's
    /// use (through the jump to the loop's test and back into the body); a read
    /// whose value only leaves the function is not narrowed.
    #[test]
    fn element_reads_before_a_loop_take_the_loops_type() {
        let (u, spec) = spec_of(
            "<?php function g($a, $b, $n) { $s = 0; $x = $a[0];
             for ($j = 0; $j < $n; $j++) { $s = $s + $x * $b[$j]; }
             return [$s, $b[1]]; }",
            "g",
        );
        let f = u.funcs.iter().find(|f| f.name == "g").unwrap();
        let reads: Vec<usize> = (0..f.ops.len())
            .filter(|pc| matches!(f.ops[*pc], Op::FetchDim { .. }))
            .collect();
        assert_eq!(reads.len(), 3);
        assert_eq!(spec.elem_tags[reads[0]], INT_BIT, "$a[0], used in the loop");
        assert_eq!(spec.elem_tags[reads[1]], INT_BIT, "$b[$j], multiplied");
        assert_eq!(spec.elem_tags[reads[2]], u32::MAX, "$b[1], returned");
    }

    /// Element ops nothing profiled yet whose key their block (or the block before
    /// it) builds by concatenation, or moves a string literal into, are planned
    /// for the keyed helpers; an int key or one from elsewhere keeps the int plan.
    #[test]
    fn unprofiled_string_keyed_element_ops_are_generic() {
        let (u, spec) = spec_of(
            "<?php function f($a, $i, $p) { $k = 'x' . $i; $a[$k] = 1; $b = $a[$k];
             if ($b) { $c = $a[$k]; } $d = $a[$i]; $e = $a[$p]; $q = 'lit'; $a[$q] = 2;
             return [$b, $c, $d, $e]; }",
            "f",
        );
        let f = u.funcs.iter().find(|f| f.name == "f").unwrap();
        let plans: Vec<Plan> = (0..f.ops.len())
            .filter(|pc| matches!(f.ops[*pc], Op::FetchDim { .. } | Op::AssignDim { .. }))
            .map(|pc| spec.plans[pc])
            .collect();
        use Plan::{Generic, Int};
        // $a[$k] = 1; $a[$k]; $a[$k] (a block later); $a[$i]; $a[$p]; $a[$q] = 2.
        assert_eq!(plans, [Generic, Generic, Generic, Int, Int, Generic]);
    }

    /// A read with no consumer to take a type from takes the element profile's,
    /// when everything it fetched was a defined uncounted value.
    #[test]
    fn element_reads_without_consumers_take_the_profiled_types() {
        let (u, _) = spec_of(
            "<?php function g($a, $b, $c) { $x = $a[0]; $y = $b[0]; $z = $c[0];
             return [$x, $y, $z]; }",
            "g",
        );
        let f = u.funcs.iter().find(|f| f.name == "g").unwrap();
        let reads: Vec<usize> = (0..f.ops.len())
            .filter(|pc| matches!(f.ops[*pc], Op::FetchDim { .. }))
            .collect();
        let fetched = [INT_BIT | 1 << tag::DOUBLE, INT_BIT | 1 << tag::STRING, 0];
        for (&pc, &tags) in reads.iter().zip(&fetched) {
            f.jit.prof.elem_tags[pc].store(tags, Ordering::Relaxed);
        }
        let spec = Spec::of(&u, f, &block_heads(f));
        assert_eq!(spec.elem_tags[reads[0]], fetched[0], "ints and floats");
        assert_eq!(spec.elem_tags[reads[1]], u32::MAX, "a string was fetched");
        assert_eq!(spec.elem_tags[reads[2]], u32::MAX, "never ran inline");
    }
}
