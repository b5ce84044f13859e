//! Built-in functions: funcs (being written).

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
