//! Built-in functions: output (being written).

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
