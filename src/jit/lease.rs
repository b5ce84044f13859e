//! Write leases (the seeds' lesson): at most one thread translates a function at a
//! time, a thread that cannot get the lease runs the function in a lower tier instead
//! of waiting, and at most `jit.max_threads` threads are inside the JIT at once.
//! `jit.concurrent=0` replaces the per-function leases by one global lease.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::config;
use super::stats::STATS;

static GLOBAL_LEASE: AtomicBool = AtomicBool::new(false);
static THREADS_IN_JIT: AtomicUsize = AtomicUsize::new(0);

/// Held while translating; releases everything on drop.
pub struct Lease<'a> {
    func_lease: &'a AtomicBool,
    global: bool,
}

/// Tries to take the lease for a function whose lease flag is `func_lease`.
/// Never blocks: `None` means "run in a lower tier this time".
pub fn try_acquire(func_lease: &AtomicBool) -> Option<Lease<'_>> {
    let cfg = config::get();
    if THREADS_IN_JIT.fetch_add(1, Ordering::AcqRel) >= cfg.max_threads {
        THREADS_IN_JIT.fetch_sub(1, Ordering::AcqRel);
        STATS.declined_thread_limit.fetch_add(1, Ordering::Relaxed);
        return None;
    }
    let global = !cfg.concurrent;
    if global
        && GLOBAL_LEASE
            .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
    {
        THREADS_IN_JIT.fetch_sub(1, Ordering::AcqRel);
        STATS.declined_lease.fetch_add(1, Ordering::Relaxed);
        return None;
    }
    if func_lease
        .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        if global {
            GLOBAL_LEASE.store(false, Ordering::Release);
        }
        THREADS_IN_JIT.fetch_sub(1, Ordering::AcqRel);
        STATS.declined_lease.fetch_add(1, Ordering::Relaxed);
        return None;
    }
    Some(Lease { func_lease, global })
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        self.func_lease.store(false, Ordering::Release);
        if self.global {
            GLOBAL_LEASE.store(false, Ordering::Release);
        }
        THREADS_IN_JIT.fetch_sub(1, Ordering::AcqRel);
    }
}
