//! Built-in functions: array (being written).

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
