//! Process-wide JIT counters (relaxed atomics; read for `jit.stats` and tests).

use std::sync::atomic::AtomicU64;

#[derive(Default)]
pub struct JitStats {
    pub baseline_translations: AtomicU64,
    /// Translations abandoned because a TC block was full.
    pub tc_full: AtomicU64,
    /// Translation attempts that found the function's (or the global) lease taken.
    pub declined_lease: AtomicU64,
    /// Attempts refused by `jit.max_threads`.
    pub declined_thread_limit: AtomicU64,
    /// Total nanoseconds spent translating in the baseline tier.
    pub baseline_nanos: AtomicU64,
}

pub static STATS: JitStats = JitStats {
    baseline_translations: AtomicU64::new(0),
    tc_full: AtomicU64::new(0),
    declined_lease: AtomicU64::new(0),
    declined_thread_limit: AtomicU64::new(0),
    baseline_nanos: AtomicU64::new(0),
};
