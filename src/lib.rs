//! hopjit: a tiered just-in-time virtual machine for PHP in the style of HHVM.
//!
//! The pipeline, one folder per stage:
//! - [`compiler`]: source text → tokens → AST (lexer, parser).
//! - [`bytecode`]: AST → three-address bytecode over frame slots (emitter), plus the
//!   listing printed by `--dump-bytecode`.
//! - [`runtime`]: values, strings, arrays, conversions and the built-in functions —
//!   the semantics every tier shares.
//! - [`vm`]: the execution context, frames, calls, errors and the interpreter (tier 0).
//! - [`jit`]: the translation cache and the JIT tiers.
//! - [`cli`]: option table and the `hopjit` command line.

pub mod bytecode;
pub mod cli;
pub mod compiler;
pub mod jit;
pub mod runtime;
pub mod vm;
