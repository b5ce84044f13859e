//! Built-in functions: string formatting (sprintf family, number_format) and hashes.

use super::BuiltinDef;

pub const FUNCS: &[BuiltinDef] = &[];
