//! The JIT tiers: translation cache (`tc`), the dynasm baseline (`baseline`) and the
//! LLVM optimizing tier (`opt`). Not built yet: every function runs in the interpreter.

pub mod tc;
