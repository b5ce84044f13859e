//! Runtime: the value layout every tier shares and the semantics of PHP operations.

pub mod date_fmt;
pub mod float_fmt;
pub mod mt_rand;
pub mod numeric;
pub mod sprintf;
