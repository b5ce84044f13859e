//! Built-in functions: json (being written).

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
