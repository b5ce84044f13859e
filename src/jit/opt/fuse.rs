//! Op sequences the optimizing tier lowers as one: patterns the lowering
//! (`irgen_dim.rs`) and the tag analysis (`irgen_tags.rs`) must agree on, so both
//! take them from here.
//!
//! **Nested element reads.** `$d = $b[$i][$k]` compiles to
//! `FetchDim t = b[i]; FetchDim d = t[k]; UnsetLocal t`: the inner array is copied
//! into a temporary (a refcount increment), read, and released (a decrement).
//! Lowered as one, the inner array is only looked at where it lies — no refcount
//! traffic, a third of the IR, and the row of a matrix or the body of an n-body
//! simulation is read as directly as a C array of arrays. Any surprise deoptimizes
//! at the first op, before anything happened.

use super::spec::Plan;
use crate::bytecode::op::{Op, Operand, Slot, NO_SLOT};
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::unit::Unit;
    use crate::jit::baseline::translate::block_heads;
    use crate::jit::opt::spec::Spec;

    fn reads(src: &str) -> Vec<NestedRead> {
        let prog = crate::compiler::parse(src.as_bytes(), "t.php").expect("parses");
        let u: Unit = crate::bytecode::emit::compile(&prog, "t.php", "t.php").expect("compiles");
        let f = u.funcs.iter().find(|f| f.name == "g").expect("function g");
        let spec = Spec::of(&u, f, &block_heads(f));
        (0..f.ops.len())
            .filter_map(|pc| nested_read(f, &spec.plans, &block_heads(f), pc))
            .collect()
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
