//! A bytecode pass: the temporaries of element writes get slots of their own.
//!
//! `$a[$i] -= $v` compiles to `FetchDimW t` (t becomes an INDIRECT pointer to the
//! element), the op that writes through t, and `UnsetLocal t`. The emitter takes t
//! from the statement's temporaries, which other statements reuse for plain values,
//! and the optimizing tier must treat a slot that ever holds an INDIRECT as possibly
//! holding one at every op (`jit::opt::spec`'s `deref_slots`): each read of it then
//! dereferences at run time, and its tag is not tracked, so no guard on it is ever
//! dropped. In nbody's `advance` that was every temporary of the loop body: 38 run-
//! time dereferences, a quarter of the function's IR blocks.
//!
//! This pass moves each such sequence — a straight run of ops from the `FetchDimW`
//! to its `UnsetLocal`, each an op whose slot fields are renamed here — onto a slot
//! reserved for the element-write temporaries of that original slot; the shared
//! temporaries then only ever hold plain values. Runs it cannot prove straight (a
//! jump into or out of the middle, an op it does not know) keep their temporary.

use std::collections::HashMap;

use super::op::{Op, Operand, Slot, NO_SLOT};

/// The longest run looked at: the ops of one element write (a chain of fetches,
/// the write, the unset).
const MAX_RUN: usize = 32;

/// Renames, in place, the element-write temporaries of `ops` (temporaries are the
/// slots from `first_temp` on) to new slots after `*num_slots`, which grows.
pub fn separate_dim_write_temps(ops: &mut [Op], first_temp: Slot, num_slots: &mut Slot) {
    let targets: Vec<bool> = {
        let mut t = vec![false; ops.len() + 1];
        for target in ops.iter().filter_map(Op::branch_target) {
            if let Some(x) = t.get_mut(target as usize) {
                *x = true;
            }
        }
        t
    };
    let mut reserved: HashMap<Slot, Slot> = HashMap::new();
    let mut start = 0;
    while start < ops.len() {
        let Op::FetchDimW {
            dst: t, base, key, ..
        } = ops[start]
        else {
            start += 1;
            continue;
        };
        // (A run whose first fetch reads t, as base or key, needs t's old value.)
        let reads_t = base == t || key == Some(Operand::slot(t));
        if t < first_temp || t >= *num_slots || reads_t {
            start += 1;
            continue;
        }
        let Some(end) = run_end(ops, &targets, start, t) else {
            start += 1;
            continue;
        };
        let next = *num_slots + reserved.len() as Slot;
        let to = *reserved.entry(t).or_insert(next);
        for op in &mut ops[start..=end] {
            // (Every op of the run is renamable: `run_end` checked.)
            rename(op, t, to);
        }
        start = end + 1;
    }
    *num_slots += reserved.len() as Slot;
}

/// The `UnsetLocal t` ending the run that starts at `start`, when every op up to it
/// is renamable and nothing jumps into or out of the middle.
fn run_end(ops: &[Op], targets: &[bool], start: usize, t: Slot) -> Option<usize> {
    for (j, op) in ops.iter().enumerate().skip(start + 1).take(MAX_RUN) {
        if targets[j] || op.branch_target().is_some() || !renamable(op) {
            return None;
        }
        if matches!(op, Op::UnsetLocal { slot } if *slot == t) {
            return Some(j);
        }
    }
    None
}

/// Whether [`rename`] knows every slot field of `op`.
fn renamable(op: &Op) -> bool {
    rename(&mut op.clone(), NO_SLOT, NO_SLOT)
}

/// Replaces slot `from` by `to` in every slot field of `op`; false (nothing done)
/// for an op whose slot fields this does not know.
fn rename(op: &mut Op, from: Slot, to: Slot) -> bool {
    let slot = |s: &mut Slot| {
        if *s == from {
            *s = to;
        }
    };
    let operand = |o: &mut Operand| {
        if *o == Operand::slot(from) {
            *o = Operand::slot(to);
        }
    };
    match op {
        Op::Move { dst, src } => {
            slot(dst);
            operand(src);
        }
        Op::BindRef { dst, src } | Op::MakeRef { dst, src } => {
            slot(dst);
            slot(src);
        }
        Op::Add { dst, a, b }
        | Op::Sub { dst, a, b }
        | Op::Mul { dst, a, b }
        | Op::Concat { dst, a, b }
        | Op::Bin { dst, a, b, .. } => {
            slot(dst);
            operand(a);
            operand(b);
        }
        Op::IncDec { dst, target, .. } => {
            slot(dst);
            slot(target);
        }
        Op::FetchDimW { dst, base, key, .. } => {
            slot(dst);
            slot(base);
            if let Some(k) = key {
                operand(k);
            }
        }
        Op::AssignDim {
            dst,
            base,
            key,
            val,
        } => {
            slot(dst);
            slot(base);
            if let Some(k) = key {
                operand(k);
            }
            operand(val);
        }
        Op::UnsetLocal { slot: s } => slot(s),
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(src: &str) -> crate::bytecode::unit::Unit {
        let prog = crate::compiler::parse(src.as_bytes(), "t.php").expect("parses");
        crate::bytecode::emit::compile(&prog, "t.php", "t.php").expect("compiles")
    }

    /// The element write's temporary moves to a slot no plain value uses.
    #[test]
    fn element_write_runs_get_their_own_slot() {
        let u =
            unit("<?php function f($a, $i, $v) { $x = $a[$i] * 2; $a[$i] -= $v * $x; return $a; }");
        let f = u.funcs.iter().find(|f| f.name == "f").expect("f");
        let dimw: Vec<Slot> = f
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::FetchDimW { dst, .. } => Some(*dst),
                _ => None,
            })
            .collect();
        assert_eq!(dimw.len(), 1);
        let t = dimw[0];
        assert_eq!(
            t,
            f.num_slots - 1,
            "the reserved slot comes last: {:?}",
            f.ops
        );
        for op in &f.ops {
            match op {
                Op::Sub { dst, a, .. } => assert!(*dst == t && *a == Operand::slot(t)),
                Op::UnsetLocal { slot } => assert_eq!(*slot, t),
                Op::FetchDim { dst, .. } => assert_ne!(*dst, t, "plain reads keep theirs"),
                _ => {}
            }
        }
    }

    /// A run whose first fetch reads the temporary keeps it (its old value is the
    /// base).
    #[test]
    fn runs_reading_their_temporary_first_are_left_alone() {
        let mut ops = vec![
            Op::FetchDimW {
                dst: 3,
                base: 3,
                key: Some(Operand::slot(1)),
                mode: crate::bytecode::op::DimMode::ReadWrite,
            },
            Op::UnsetLocal { slot: 3 },
        ];
        let mut n = 4;
        separate_dim_write_temps(&mut ops, 3, &mut n);
        assert_eq!(n, 4);
        assert!(matches!(
            ops[0],
            Op::FetchDimW {
                dst: 3,
                base: 3,
                ..
            }
        ));
    }

    /// A run with a jump into its middle keeps its temporary.
    #[test]
    fn runs_with_jumps_are_left_alone() {
        let mut ops = vec![
            Op::FetchDimW {
                dst: 3,
                base: 0,
                key: Some(Operand::slot(1)),
                mode: crate::bytecode::op::DimMode::ReadWrite,
            },
            Op::Add {
                dst: 3,
                a: Operand::slot(3),
                b: Operand::slot(2),
            },
            Op::UnsetLocal { slot: 3 },
            Op::Jmp { target: 1 },
        ];
        let mut n = 4;
        separate_dim_write_temps(&mut ops, 3, &mut n);
        assert_eq!(n, 4);
        assert!(matches!(ops[0], Op::FetchDimW { dst: 3, .. }));
    }
}
