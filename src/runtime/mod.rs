//! Runtime: the value layout every tier shares and the semantics of PHP operations.

pub mod allocator;
pub mod arith;
pub mod array;
pub mod array_layout;
pub mod builtins;
pub mod compare;
pub mod constants;
pub mod convert;
pub mod date_fmt;
pub mod float_fmt;
pub mod memory_limit;
pub mod mt_rand;
pub mod numeric;
pub mod object;
pub mod sprintf;
pub mod str_cell;
pub mod tz;
pub mod value;
