//! The JIT tiers, HHVM-style: the translation cache (`tc`), the dynasm baseline
//! tier emitting profiling translations (`baseline`), per-function profiles and
//! leases, the metadata every translation commits, and the LLVM optimizing tier
//! (`opt`) that replaces hot functions with optimized code on worker threads.

pub mod baseline;
pub mod config;
pub mod dump;
pub mod enter;
pub mod events;
pub mod lease;
pub mod meta;
pub mod native_call;
pub mod opt;
pub mod perf_map;
pub mod profile;
pub mod report;
pub mod slow_sites;
pub mod state;
pub mod stats;
pub mod tc;
pub mod trace;
