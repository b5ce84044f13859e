//! The execution context, frames, calls and the interpreter (tier 0).

pub mod call;
pub mod callable;
pub mod ctx;
pub mod output;
