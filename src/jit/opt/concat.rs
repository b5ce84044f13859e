//! Which concatenations the optimizing tier joins inline: `Concat`, `ConcatN` and
//! `AppendN` whose parts are strings and ints — the only parts whose string form needs no
//! conversion that could warn, throw or call code. One description shared by the
//! plan (`spec.rs`), the tag analysis (`irgen_tags`) and the lowering
//! (`irgen_concat.rs`), so that the three agree on when no helper touches the
//! frame.
//!
//! Why: the generic op decodes its operands from the bytecode and dispatches on
//! the op inside `hop_string_op` (about 460 instructions for
//! `"key_" . $i . "_"`); the inline form passes the parts' values to one helper
//! that only allocates. A part of another type at run time leaves optimized code
//! (`DeoptReason::SlowPath`), and the next translation keeps the generic op.

use crate::bytecode::op::{Op, Operand, Slot, NO_SLOT};
use crate::bytecode::unit::Func;
use crate::runtime::value::tag;

/// The most parts joined inline (each is a 16-byte stack entry for the helper).
pub const MAX_PARTS: usize = 16;

/// A concatenation the optimizing tier joins inline.
pub struct ConcatShape {
    pub dst: Slot,
    /// What is joined (after the destination's string, when appending).
    pub parts: Vec<Operand>,
    /// `$dst .= ...` (`AppendN`) or `dst = dst . x` (a `Concat` whose first
    /// operand is its destination): the parts are appended to the string `dst`
    /// holds, in place when no one else holds it — as the generic op does, which
    /// keeps building a string in a loop linear. (A destination that is not a
    /// string leaves optimized code: `.=` on an undefined variable warns.)
    pub append: bool,
}

/// The inline form of `op`, if it has one: every literal part a string or an int,
/// a destination, and no part that is the destination (its old value is released
/// before the join, or appended to in place).
pub fn shape(func: &Func, op: &Op) -> Option<ConcatShape> {
    let is_dst = |dst: Slot, o: &Operand| !o.is_const() && o.0 == dst;
    let (dst, parts, append) = match op {
        Op::Concat { dst, a, b } if is_dst(*dst, a) => (*dst, vec![*b], true),
        Op::Concat { dst, a, b } => (*dst, vec![*a, *b], false),
        Op::ConcatN { dst, parts } => (*dst, parts.to_vec(), false),
        Op::AppendN { dst, parts } => (*dst, parts.to_vec(), true),
        _ => return None,
    };
    if dst == NO_SLOT || parts.is_empty() || parts.len() > MAX_PARTS {
        return None;
    }
    let literal_ok = |o: &Operand| {
        func.consts
            .get(o.index() as usize)
            .is_some_and(|c| matches!(c.tag(), tag::STRING | tag::INT))
    };
    if parts
        .iter()
        .any(|o| o.is_const() && !literal_ok(o) || is_dst(dst, o))
    {
        return None;
    }
    Some(ConcatShape { dst, parts, append })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn function_f(src: &str) -> Func {
        let prog = crate::compiler::parse(src.as_bytes(), "t.php").expect("parses");
        let unit = crate::bytecode::emit::compile(&prog, "t.php", "t.php").expect("compiles");
        unit.funcs.into_iter().find(|f| f.name == "f").expect("f")
    }

    /// String and int literals and slots join inline; a float literal does not;
    /// `$s = $s . x` appends.
    #[test]
    fn string_and_int_parts_are_inline() {
        let f = function_f("<?php function f($i, $s) { $k = \"key_\" . $i . \"_\" . ($i % 7); $s = $s . $k; $x = 'a' . 1.5; return [$k, $s, $x]; }");
        let ops = &f.ops;
        let shapes: Vec<_> = ops.iter().filter_map(|op| shape(&f, op)).collect();
        let concats = ops
            .iter()
            .filter(|op| matches!(op, Op::Concat { .. } | Op::ConcatN { .. }))
            .count();
        assert_eq!(shapes.len() + 1, concats, "{ops:?}");
        assert!(shapes.iter().any(|s| s.append), "{ops:?}");
    }
}
