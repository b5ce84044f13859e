//! Built-in functions: random (being written).

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
