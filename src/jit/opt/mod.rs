//! Tier 2: the optimizing JIT. Whole profiled functions are lowered to LLVM IR on a
//! pool of worker threads, optimized, emitted as an object, relocated into the TC's
//! `hot` block and swapped into the entry slot (DESIGN.md decisions 4–9).
//!
//! The pipeline, one file per stage:
//! - `request.rs`: baseline code hands a hot function over (once per round);
//! - `workers.rs`: the queue and the worker threads (`jit.workers`), `jit.sync`;
//! - `retranslate.rs`: `jit.retranslate_all`, everything at once;
//! - `spec.rs`: the profile snapshot → a plan per op (int, float, generic, cold);
//! - `irgen.rs`: the plan → LLVM IR (with `llvm/runtime.ll` inlined);
//! - `intrinsic.rs`: the built-ins computed inline (`strlen`, `count`, `sqrt`, ...);
//! - `irgen_dim.rs`, `irgen_iter.rs`, `irgen_call.rs`, `irgen_builtin.rs`: element
//!   access and appends, `foreach`, calls, built-ins computed inline;
//! - `irgen_tags/`: the slot tags known at each op (the guards irgen can drop), and
//!   the loop-invariant guards checked once at a loop's entry (`loop_entry.rs`);
//! - `promote.rs`: the slots the body keeps in registers, and what each deopt writes back;
//! - `codegen.rs`: parse, verify, the pass pipeline, object in memory (per-worker LLVM);
//! - `reloc.rs`: the object → bytes at their final TC address;
//! - `compile.rs`: the whole job, metadata commit and the entry swap;
//! - `deopt.rs`: failed guards, resuming in a lower tier, dropping bad code;
//! - `helpers.rs`: the `extern "C"` helpers only optimized code calls;
//! - `stats.rs`, `dump_ir.rs`: what `jit.stats`, `jit.trace` and `--dump-ir` show.
//!
//! **Code lifetime policy.** Optimized code is never freed or overwritten. A
//! translation dropped after too many deopts stays in the TC: threads that entered
//! it before the entry slot changed finish there, and OSR entries handed out earlier
//! stay valid. The TC's bump blocks bound the total; once `hot` fills, optimized code
//! goes to `main`, and once that fills, functions stay in the baseline tier.

pub mod codegen;
pub mod compile;
pub mod concat;
pub mod deopt;
pub mod dump_ir;
pub mod fuse;
pub mod helpers;
pub mod intrinsic;
pub mod irgen;
pub mod irgen_tags;
pub mod promote;
pub mod reloc;
pub mod report;
pub mod request;
pub mod retranslate;
pub mod spec;
pub mod stats;
pub mod workers;

pub use workers::shutdown;
