//! Built-in functions: time (being written).

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
