//! Built-in functions: math (being written).

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
