//! Built-in functions. Each module exports a `FUNCS` table of
//! `(name, signature, implementation)`; [`registry`] collects them.
//!
//! A signature lists parameter names as PHP's documentation spells them (they appear
//! in error messages): `"string, length, pad_string=, pad_type="`. A `=` suffix marks
//! an optional parameter, a `&` prefix a by-reference one, a `...` prefix a variadic.
//! The caller checks the argument count against it before calling, so an
//! implementation may index `args` up to the required count without checks.

pub mod args;
pub mod array;
pub mod array_callback;
pub mod array_range;
pub mod array_set;
pub mod array_sort;
#[cfg(test)]
mod array_tests;
pub mod byte_scan;
pub mod frameless;
pub mod funcs;
pub mod json;
pub mod math;
pub mod objects;
pub mod output;
pub mod random;
pub mod registry;
pub mod serialize;
pub mod string;
pub mod string_compare;
pub mod string_escape;
pub mod string_format;
pub mod string_hash;
pub mod string_map;
pub mod string_search;
pub mod time;
pub mod types;

use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

/// The contract of every built-in: arguments arrive as values (by-reference
/// parameters as `REF` boxes to write through); the result is the return value, or a
/// fault (a thrown exception, a fatal error, exit).
pub type BuiltinFn = fn(&mut ExecCtx, &mut [TypedValue]) -> VmResult<TypedValue>;

/// One entry of a module's table.
pub type BuiltinDef = (&'static str, &'static str, BuiltinFn);
