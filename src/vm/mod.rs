//! The execution context, frames, calls and the interpreter (tier 0).

pub mod call;
pub mod call_args;
pub mod call_stack;
pub mod callable;
pub mod ctx;
pub mod dim_fast;
pub mod dim_fast_keyed;
pub mod exceptions;
pub mod globals;
pub mod interp;
pub mod interp_call;
pub mod interp_dim;
pub(crate) mod interp_inline;
pub mod interp_iter;
pub mod interp_ops;
pub mod interp_prop;
#[cfg(test)]
mod interp_tests;
pub mod interp_unwind;
pub mod output;
pub mod run;
pub mod status;
