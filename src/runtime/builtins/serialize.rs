//! Built-in functions: serialize (being written).

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
