//! Built-in functions: string (being written).

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
