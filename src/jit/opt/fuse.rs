//! Op sequences the optimizing tier lowers as one: patterns the lowering
//! (`irgen_dim.rs`) and the tag analysis (`irgen_tags/`) must agree on, so both
//! take them from here.
//!
//! **Nested element reads.** `$d = $b[$i][$k]` compiles to
//! `FetchDim t = b[i]; FetchDim d = t[k]; UnsetLocal t`: the inner array is copied
//! into a temporary (a refcount increment), read, and released (a decrement).
//! Lowered as one, the inner array is only looked at where it lies — no refcount
//! traffic, a third of the IR, and the row of a matrix or the body of an n-body
//! simulation is read as directly as a C array of arrays. Any surprise deoptimizes
//! at the first op, before anything happened.
//!
//! **Element updates.** `$a[$i] += $x` compiles to `FetchDimW t = &a[i];
//! Add t = t + x; UnsetLocal t` (and `$b[$i][$k] -= $x` to two `FetchDimW`s
//! before the arithmetic): a pointer to the element goes into a temporary, the
//! arithmetic reads and writes through it (twice dereferencing it), and the
//! temporary is cleared. Lowered as one, the element is found, updated in place and
//! nothing else is written. Any surprise — an array shared or not packed, a key out
//! of range, an element of another type, an overflow — deoptimizes at the first op.
//!
//! **Compare and branch.** `if ($m == 0)` compiles to `Eq t = m == 0; JmpZ t`:
//! the bool goes to a temporary (tag and value stored to the frame) only for the
//! jump to read it back. Where the jump is the temporary's only reader, the
//! comparison branches itself and the temporary is never written (the lowering
//! also requires that its old value needs no release: it is left as it was).

use super::promote::slot_uses;
use super::spec::Plan;
use crate::bytecode::op::{DimMode, Op, Operand, Slot, NO_SLOT};
use crate::bytecode::unit::Func;

/// `dst = base[outer][inner]` through the temporary `tmp` (left UNINIT).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NestedRead {
    pub dst: Slot,
    pub base: Slot,
    pub outer: Operand,
    pub inner: Operand,
    pub tmp: Slot,
}

impl NestedRead {
    /// Ops the fused lowering covers (it continues after the last).
    pub const LEN: usize = 3;
}

/// The nested read starting at `pc`, when the three ops are there, both reads are
/// planned inline, `tmp` is a temporary used only by them, and nothing jumps into
/// the middle of the sequence (`heads`: block starts, handlers included).
pub fn nested_read(func: &Func, plans: &[Plan], heads: &[bool], pc: usize) -> Option<NestedRead> {
    let ops = func.ops.get(pc..pc + NestedRead::LEN)?;
    let (
        Op::FetchDim {
            dst: tmp,
            base: outer_base,
            key: outer,
        },
        Op::FetchDim {
            dst,
            base: inner_base,
            key: inner,
        },
        Op::UnsetLocal { slot: unset },
    ) = (&ops[0], &ops[1], &ops[2])
    else {
        return None;
    };
    let slot_is = |o: &Operand, s: Slot| !o.is_const() && o.0 == s;
    let fusable = !outer_base.is_const()
        && slot_is(inner_base, *tmp)
        && unset == tmp
        && *tmp >= func.num_locals
        && *dst != NO_SLOT
        && dst != tmp
        && outer_base.0 != *tmp
        && !slot_is(outer, *tmp)
        && !slot_is(inner, *tmp)
        && plans[pc] == Plan::Int
        && plans[pc + 1] == Plan::Int
        && !heads.get(pc + 1).copied().unwrap_or(true)
        && !heads.get(pc + 2).copied().unwrap_or(true)
        && !func
            .handlers
            .iter()
            .any(|h| (pc + 1..pc + NestedRead::LEN).contains(&(h.handler as usize)));
    fusable.then_some(NestedRead {
        dst: *dst,
        base: outer_base.0,
        outer: *outer,
        inner: *inner,
        tmp: *tmp,
    })
}

/// Whether the comparison at `pc` (planned inline) writes a temporary that only
/// the `JmpZ`/`JmpNZ` right after it reads: nothing jumps to that jump (`heads`),
/// and no path from either of its successors reads the temporary before writing it.
pub fn compare_branch(func: &Func, plans: &[Plan], heads: &[bool], pc: usize) -> bool {
    let (Some(cmp), Some(jump)) = (func.ops.get(pc), func.ops.get(pc + 1)) else {
        return false;
    };
    let tmp = match cmp {
        Op::Lt { dst, .. }
        | Op::Le { dst, .. }
        | Op::Eq { dst, .. }
        | Op::NotEq { dst, .. }
        | Op::Identical { dst, .. }
        | Op::NotIdentical { dst, .. } => *dst,
        _ => return false,
    };
    let target = match jump {
        Op::JmpZ { cond, target } | Op::JmpNZ { cond, target }
            if !cond.is_const() && cond.0 == tmp =>
        {
            *target as usize
        }
        _ => return false,
    };
    tmp != NO_SLOT
        && tmp >= func.num_locals
        && matches!(plans[pc], Plan::Int | Plan::Double | Plan::Numeric)
        && !heads.get(pc + 1).copied().unwrap_or(true)
        && !func.handlers.iter().any(|h| h.handler as usize == pc + 1)
        && dead_from(func, tmp, &[pc + 2, target])
}

/// Whether no path from the ops at `starts` reads `slot` before writing it.
/// Conservative: every op may fall through and may reach its handler, and an op
/// whose slots `promote::slot_uses` does not list reads them all.
fn dead_from(func: &Func, slot: Slot, starts: &[usize]) -> bool {
    let mut seen = vec![false; func.ops.len() + 1];
    let mut work: Vec<usize> = starts.to_vec();
    while let Some(pc) = work.pop() {
        if pc >= func.ops.len() || std::mem::replace(&mut seen[pc], true) {
            continue;
        }
        let op = &func.ops[pc];
        match slot_uses(op) {
            None => return false,
            Some(u) if u.reads.contains(&slot) => return false,
            Some(u) if u.writes.contains(&slot) => continue,
            Some(_) => {}
        }
        work.push(pc + 1);
        work.extend(op.branch_target().map(|t| t as usize));
        if let Some(h) = func.handler_for(pc as u32) {
            work.push(h.handler as usize);
        }
    }
    true
}

/// `base[outer]([inner]) = base[outer]([inner]) <op> val` through the temporary
/// `tmp` (left UNINIT), `op` being the `Add`, `Sub` or `Mul` at `pc + len() - 2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElemUpdate {
    pub base: Slot,
    pub outer: Operand,
    /// The row's key, for a two-level update.
    pub inner: Option<Operand>,
    pub val: Operand,
    pub tmp: Slot,
    /// The arithmetic op's plan (`Int` or `Double`).
    pub plan: Plan,
}

impl ElemUpdate {
    /// Ops the fused lowering covers (it continues after the last).
    pub fn op_count(&self) -> usize {
        if self.inner.is_some() {
            4
        } else {
            3
        }
    }
}

/// The element update starting at `pc` (see the module doc), when the ops are
/// there with element writes planned inline and the arithmetic planned to ints or
/// floats, `tmp` is a temporary used only by them, and nothing jumps into the
/// middle of the sequence.
pub fn elem_update(func: &Func, plans: &[Plan], heads: &[bool], pc: usize) -> Option<ElemUpdate> {
    let slot_is = |o: &Operand, s: Slot| !o.is_const() && o.0 == s;
    let Some(Op::FetchDimW {
        dst: tmp,
        base,
        key: Some(outer),
        mode: DimMode::ReadWrite,
    }) = func.ops.get(pc)
    else {
        return None;
    };
    let inner = match func.ops.get(pc + 1) {
        Some(Op::FetchDimW {
            dst,
            base: row,
            key: Some(inner),
            mode: DimMode::ReadWrite,
        }) if dst == tmp && row == tmp => Some(*inner),
        _ => None,
    };
    let arith_pc = pc + 1 + inner.is_some() as usize;
    let (
        Some(Op::Add { dst, a, b: val } | Op::Sub { dst, a, b: val } | Op::Mul { dst, a, b: val }),
        Some(Op::UnsetLocal { slot: unset }),
    ) = (func.ops.get(arith_pc), func.ops.get(arith_pc + 1))
    else {
        return None;
    };
    let u = ElemUpdate {
        base: *base,
        outer: *outer,
        inner,
        val: *val,
        tmp: *tmp,
        plan: plans[arith_pc],
    };
    let fusable = *tmp >= func.num_locals
        && *base != *tmp
        && dst == tmp
        && unset == tmp
        && slot_is(a, *tmp)
        && !slot_is(val, *tmp)
        && !slot_is(outer, *tmp)
        && !inner.is_some_and(|k| slot_is(&k, *tmp))
        && matches!(u.plan, Plan::Int | Plan::Double)
        && (pc..arith_pc).all(|p| plans[p] == Plan::Int)
        && (pc + 1..pc + u.op_count()).all(|p| !heads.get(p).copied().unwrap_or(true))
        && !func
            .handlers
            .iter()
            .any(|h| (pc + 1..pc + u.op_count()).contains(&(h.handler as usize)));
    fusable.then_some(u)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::unit::Unit;
    use crate::jit::baseline::translate::block_heads;
    use crate::jit::opt::spec::Spec;

    /// `pick(pc)` over every pc of function `g` in `src`, with `g`'s unprofiled plans
    /// and block heads.
    fn per_pc<T>(src: &str, pick: impl Fn(&Func, &[Plan], &[bool], usize) -> Option<T>) -> Vec<T> {
        let prog = crate::compiler::parse(src.as_bytes(), "t.php").expect("parses");
        let u: Unit = crate::bytecode::emit::compile(&prog, "t.php", "t.php").expect("compiles");
        let f = u.funcs.iter().find(|f| f.name == "g").expect("function g");
        let heads = block_heads(f);
        let spec = Spec::of(&u, f, &heads);
        (0..f.ops.len())
            .filter_map(|pc| pick(f, &spec.plans, &heads, pc))
            .collect()
    }

    fn reads(src: &str) -> Vec<NestedRead> {
        per_pc(src, nested_read)
    }

    fn updates(src: &str) -> Vec<ElemUpdate> {
        per_pc(src, elem_update)
    }

    /// The pcs of `g`'s comparisons that branch themselves.
    fn compare_branches(src: &str) -> Vec<usize> {
        per_pc(src, |f, plans, heads, pc| {
            compare_branch(f, plans, heads, pc).then_some(pc)
        })
    }

    #[test]
    fn comparisons_branch_where_the_jump_is_the_only_reader() {
        assert_eq!(
            compare_branches("<?php function g($m) { if ($m == 0) return 1; return 2; }").len(),
            1
        );
        assert_eq!(
            compare_branches("<?php function g($m) { while ($m != 9) $m++; return $m; }").len(),
            1
        );
        // `&&`: the first comparison jumps; the second feeds a ToBool.
        assert_eq!(
            compare_branches("<?php function g($a, $b) { if ($a == 1 && $b == 2) return 1; }")
                .len(),
            1
        );
        // Into a variable, or not a comparison: nothing.
        assert!(compare_branches(
            "<?php function g($m) { $c = $m == 0; if ($c) return 1; return $c; }"
        )
        .is_empty());
        assert!(compare_branches("<?php function g($m) { if ($m) return 1; }").is_empty());
    }

    #[test]
    fn finds_element_updates_of_one_and_two_levels() {
        let one = updates("<?php function g($a, $i, $x) { $a[$i] += $x; return $a; }");
        assert_eq!(one.len(), 1);
        assert_eq!((one[0].base, one[0].inner, one[0].op_count()), (0, None, 3));
        let two = updates("<?php function g($b, $i, $x) { $b[$i][3] -= $x; return $b; }");
        assert_eq!(two.len(), 1);
        assert_eq!((two[0].inner.is_some(), two[0].op_count()), (true, 4));
        // Not arithmetic, not numeric, or not an element: no update.
        assert!(updates("<?php function g($a, $i) { $a[$i] .= 'x'; return $a; }").is_empty());
        assert!(updates("<?php function g($a, $i) { $a[$i] = 1; return $a; }").is_empty());
        assert!(updates("<?php function g($a, $i) { $a[$i]++; return $a; }").is_empty());
    }

    #[test]
    fn finds_nested_reads_and_nothing_else() {
        let r = reads("<?php function g($m, $i) { $d = $m[$i][2]; return $d; }");
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].base, r[0].outer), (0, Operand::slot(1)));
        assert!(reads("<?php function g($m, $i) { return $m[$i]; }").is_empty());
        assert!(reads("<?php function g($m, $i) { $m[$i][0] = 1; return $m; }").is_empty());
        // Three levels: the innermost pair is not a (FetchDim, FetchDim, Unset).
        let deep = reads("<?php function g($m) { return $m[1][2][3]; }");
        assert!(deep.len() <= 1);
    }
}
