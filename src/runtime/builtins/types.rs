//! Built-in functions: types (being written).

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
