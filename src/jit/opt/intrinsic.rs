//! Built-in functions the optimizing tier computes inline instead of calling.
//!
//! Why: a built-in call is a helper call (`hop_opt_call_builtin`: argument
//! dereferencing, the arity check, the built-in made current for its messages, the
//! result routed back, the arguments released), and to the lowering a helper call
//! may write any slot, so everything it knew about the frame's tags is forgotten
//! after it. A `sqrt` in nbody's inner loop made every later operand of the
//! iteration re-check its tag; a `strlen`/`ord` pair in the string benchmarks cost
//! two of the three calls per iteration. PHP compiles some of these to dedicated
//! opcodes for the same reason (`zend_compile_func_strlen`, `..._count`).
//!
//! An intrinsic takes one argument (two for `mt_rand`, `strpos` and
//! `array_key_exists`, three for `substr`) of the tags it [accepts](Intrinsic::accepts), checked
//! inline; any other value (a null, an int for `strlen`, an object for `count`) leaves optimized
//! code before anything happened, and the deopt marks the op so the next
//! translation calls the built-in there (`profile::SLOW_PATH_TAG`). Nothing it does
//! can raise a warning or an exception, so the lowering needs no line number, no
//! fault check and no generic helper call. Most are computed in IR; the string
//! functions that build or search strings, a key lookup and the count of a hash
//! array call one small helper each (`hop_opt_str_map`, `hop_opt_strpos`,
//! `hop_opt_substr`, `hop_keyed_exists`, `hop_opt_array_len`) that touches only
//! its arguments and the allocator — about a tenth of the generic call's instructions, and the frame's
//! tags stay known across it.

use once_cell::sync::Lazy;

use super::irgen_tags::{self as tags, TagSet};
use crate::bytecode::op::Slot;
use crate::runtime::array_layout::packed_layout;
use crate::runtime::builtins::registry;
use crate::runtime::builtins::string_map::StrMap;
use crate::runtime::value::tag;

/// A built-in computed inline (with [`Intrinsic::argc`] arguments).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intrinsic {
    /// `strlen(string)`: the byte length.
    Strlen,
    /// `ord(string)`: the first byte, 0 for "".
    Ord,
    /// `count(array)` / `sizeof(array)`: a packed array's length inline, a hash
    /// array's through `hop_opt_array_len`.
    Count,
    /// `sqrt(int|float)`: the float square root (NAN below zero).
    Sqrt,
    /// `mt_rand(int, int)` with min <= max (checked inline; the other order throws,
    /// and leaves optimized code first): a helper call that touches only the
    /// generator, so the frame stays as LLVM knew it.
    MtRand,
    /// `strtoupper`, `strtolower`, `trim`, `ltrim`, `rtrim` of one string: a
    /// helper call (`hop_opt_str_map`) that touches only the string and the
    /// allocator; the result is a string.
    StrMap(StrMap),
    /// `strpos(string, string)`: a helper call (`hop_opt_strpos`) that reads only
    /// the two strings; the result is the offset, or false.
    Strpos,
    /// `array_key_exists(int|string, array)`: a helper call (`hop_keyed_exists`)
    /// that reads only the key and the array; the result is a bool.
    KeyExists,
    /// `substr(string, int, int)`: a helper call (`hop_opt_substr`) that reads the
    /// string and allocates the result, a string.
    Substr,
    /// `array_pop(&array)` with its result used: the argument is the reference
    /// box the call's `MakeRef` made, checked inline to hold an array; a helper
    /// call (`hop_opt_array_pop`) that touches only that array and the popped
    /// value.
    ArrayPop,
}

/// The registry ids of the built-ins above, looked up once.
static IDS: Lazy<Vec<(u32, Intrinsic)>> = Lazy::new(|| {
    let mut ids = vec![
        ("strlen", Intrinsic::Strlen),
        ("ord", Intrinsic::Ord),
        ("sqrt", Intrinsic::Sqrt),
        ("mt_rand", Intrinsic::MtRand),
        ("strtoupper", Intrinsic::StrMap(StrMap::Upper)),
        ("strtolower", Intrinsic::StrMap(StrMap::Lower)),
        ("trim", Intrinsic::StrMap(StrMap::Trim)),
        ("ltrim", Intrinsic::StrMap(StrMap::Ltrim)),
        ("rtrim", Intrinsic::StrMap(StrMap::Rtrim)),
        ("chop", Intrinsic::StrMap(StrMap::Rtrim)),
        ("strpos", Intrinsic::Strpos),
        ("array_key_exists", Intrinsic::KeyExists),
        ("key_exists", Intrinsic::KeyExists),
        ("substr", Intrinsic::Substr),
        ("array_pop", Intrinsic::ArrayPop),
    ];
    // Inline counts read the packed representation; without its layout (see
    // `array_layout`) `count` stays a call.
    if packed_layout().is_some() {
        ids.extend([("count", Intrinsic::Count), ("sizeof", Intrinsic::Count)]);
    }
    ids.into_iter()
        .filter_map(|(name, i)| registry::lookup(name).map(|id| (id, i)))
        .collect()
});

impl Intrinsic {
    /// The intrinsic for a `CallBuiltin` of `builtin` with `argc` arguments from
    /// slot `args` into `dst`, if it has one. Calls whose result slot is one of
    /// their own argument slots stay calls (the inline path consumes the argument
    /// and writes the result as separate steps).
    pub fn of(builtin: u32, args: Slot, argc: u32, dst: Slot) -> Option<Intrinsic> {
        let i = IDS.iter().find(|(id, _)| *id == builtin).map(|(_, i)| *i)?;
        // (A popped value nobody takes stays a call: its release needs its tag.)
        let wanted = i != Intrinsic::ArrayPop || dst != crate::bytecode::op::NO_SLOT;
        (argc == i.argc() && !(args..args + argc).contains(&dst) && wanted).then_some(i)
    }

    /// How many arguments the inline path takes (each of the [accepted](Self::accepts) tags).
    pub fn argc(self) -> u32 {
        match self {
            Intrinsic::MtRand | Intrinsic::Strpos | Intrinsic::KeyExists => 2,
            Intrinsic::Substr => 3,
            _ => 1,
        }
    }

    /// The tags the inline path handles in argument `arg` (from 0).
    pub fn accepts(self, arg: u32) -> TagSet {
        match self {
            Intrinsic::KeyExists if arg == 0 => tags::only(tag::INT) | tags::only(tag::STRING),
            Intrinsic::KeyExists => tags::only(tag::ARRAY),
            Intrinsic::ArrayPop => tags::only(tag::REF),
            Intrinsic::Substr if arg == 0 => tags::only(tag::STRING),
            Intrinsic::Substr => tags::only(tag::INT),
            Intrinsic::Strlen | Intrinsic::Ord | Intrinsic::StrMap(_) | Intrinsic::Strpos => {
                tags::only(tag::STRING)
            }
            Intrinsic::Count => tags::only(tag::ARRAY),
            Intrinsic::Sqrt => tags::NUMBER,
            Intrinsic::MtRand => tags::only(tag::INT),
        }
    }

    /// The tags of the result.
    pub fn result(self) -> TagSet {
        match self {
            Intrinsic::Strlen | Intrinsic::Ord | Intrinsic::Count | Intrinsic::MtRand => {
                tags::only(tag::INT)
            }
            Intrinsic::Sqrt => tags::only(tag::DOUBLE),
            Intrinsic::StrMap(_) | Intrinsic::Substr => tags::only(tag::STRING),
            // Any value (null for an empty array), never a reference.
            Intrinsic::ArrayPop => tags::PLAIN,
            Intrinsic::Strpos => tags::only(tag::INT) | tags::only(tag::BOOL),
            Intrinsic::KeyExists => tags::only(tag::BOOL),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_argument_calls_into_another_slot_are_intrinsics() {
        let strlen = registry::lookup("strlen").expect("strlen is a built-in");
        assert_eq!(Intrinsic::of(strlen, 5, 1, 4), Some(Intrinsic::Strlen));
        assert_eq!(Intrinsic::of(strlen, 5, 2, 4), None);
        assert_eq!(Intrinsic::of(strlen, 5, 1, 5), None);
        let sizeof = registry::lookup("SIZEOF").expect("sizeof is a built-in");
        assert_eq!(Intrinsic::of(sizeof, 1, 1, 0), Some(Intrinsic::Count));
        let substr = registry::lookup("substr").expect("substr is a built-in");
        assert_eq!(Intrinsic::of(substr, 1, 1, 0), None);
        let mt_rand = registry::lookup("mt_rand").expect("mt_rand is a built-in");
        assert_eq!(Intrinsic::of(mt_rand, 5, 2, 4), Some(Intrinsic::MtRand));
        assert_eq!(Intrinsic::of(mt_rand, 5, 0, 4), None);
        assert_eq!(Intrinsic::of(mt_rand, 5, 2, 6), None);
    }

    #[test]
    fn results_are_values_and_accepted_tags_are_values() {
        for i in [
            Intrinsic::Strlen,
            Intrinsic::Ord,
            Intrinsic::Count,
            Intrinsic::Sqrt,
            Intrinsic::MtRand,
            Intrinsic::StrMap(StrMap::Upper),
            Intrinsic::Strpos,
            Intrinsic::KeyExists,
            Intrinsic::Substr,
            Intrinsic::ArrayPop,
        ] {
            assert!(tags::subset(i.result(), tags::PLAIN), "{i:?}");
            // (array_pop takes its array by reference.)
            for arg in (0..i.argc()).filter(|_| i != Intrinsic::ArrayPop) {
                assert!(tags::subset(i.accepts(arg), tags::PLAIN), "{i:?}");
            }
        }
        assert_eq!(Intrinsic::ArrayPop.accepts(0), tags::only(tag::REF));
        assert!(tags::subset(Intrinsic::Strpos.result(), tags::UNCOUNTED));
    }

    #[test]
    fn string_functions_of_their_argument_counts_are_intrinsics() {
        let id = |n| registry::lookup(n).expect("a built-in");
        assert_eq!(
            Intrinsic::of(id("strtoupper"), 3, 1, 2),
            Some(Intrinsic::StrMap(StrMap::Upper))
        );
        assert_eq!(
            Intrinsic::of(id("chop"), 3, 1, 2),
            Some(Intrinsic::StrMap(StrMap::Rtrim))
        );
        // trim with its characters, strpos with an offset: calls.
        assert_eq!(Intrinsic::of(id("trim"), 3, 2, 2), None);
        assert_eq!(
            Intrinsic::of(id("strpos"), 3, 2, 2),
            Some(Intrinsic::Strpos)
        );
        assert_eq!(Intrinsic::of(id("strpos"), 3, 3, 2), None);
        assert_eq!(Intrinsic::of(id("strpos"), 3, 2, 4), None);
        // substr with its length; without it, a call.
        assert_eq!(
            Intrinsic::of(id("substr"), 3, 3, 2),
            Some(Intrinsic::Substr)
        );
        assert_eq!(Intrinsic::of(id("substr"), 3, 2, 2), None);
        assert_eq!(
            Intrinsic::of(id("array_key_exists"), 3, 2, 2),
            Some(Intrinsic::KeyExists)
        );
    }
}
