//! Write leases (the seeds' lesson): at most one thread translates a function at a
//! time, a thread that cannot get the lease runs the function in a lower tier instead
//! of waiting, and at most `jit.max_threads` request threads are inside the JIT at
//! once. `jit.concurrent=0` replaces the per-function leases by one global lease.
//!
//! The optimizing workers take the same per-function (or global) lease but are not
//! counted against `jit.max_threads`: the pool is its own bound (`jit.workers`), and
//! counting it let 4 of 15 workers compile at once on a 16-core machine while the
//! others waited out their lease patience and handed their functions back.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::config;
use super::stats::STATS;

static GLOBAL_LEASE: AtomicBool = AtomicBool::new(false);
static THREADS_IN_JIT: AtomicUsize = AtomicUsize::new(0);

/// Held while translating; releases everything on drop.
pub struct Lease<'a> {
    func_lease: &'a AtomicBool,
    global: bool,
    /// Whether this holder counts against `jit.max_threads` (request threads).
    counted: bool,
}

/// A request thread's try for the lease of a function whose lease flag is
/// `func_lease`, within `jit.max_threads`. Never blocks: `None` means "run in a
/// lower tier this time".
pub fn try_acquire(func_lease: &AtomicBool) -> Option<Lease<'_>> {
    if THREADS_IN_JIT.fetch_add(1, Ordering::AcqRel) >= config::get().max_threads {
        THREADS_IN_JIT.fetch_sub(1, Ordering::AcqRel);
        STATS.declined_thread_limit.fetch_add(1, Ordering::Relaxed);
        return None;
    }
    let lease = try_acquire_leases(func_lease, true);
    if lease.is_none() {
        THREADS_IN_JIT.fetch_sub(1, Ordering::AcqRel);
    }
    lease
}

/// An optimizing worker's try for the same lease, outside `jit.max_threads` (see
/// the module doc). Never blocks; the worker decides how long to retry.
pub fn try_acquire_for_worker(func_lease: &AtomicBool) -> Option<Lease<'_>> {
    try_acquire_leases(func_lease, false)
}

/// The global lease (under `jit.concurrent=0`), then the function's. Only request
/// threads' refusals count as declines (a worker's retries are not tier changes).
fn try_acquire_leases(func_lease: &AtomicBool, counted: bool) -> Option<Lease<'_>> {
    let global = !config::get().concurrent;
    if global
        && GLOBAL_LEASE
            .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
    {
        if counted {
            STATS.declined_lease.fetch_add(1, Ordering::Relaxed);
        }
        return None;
    }
    if func_lease
        .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        if global {
            GLOBAL_LEASE.store(false, Ordering::Release);
        }
        if counted {
            STATS.declined_lease.fetch_add(1, Ordering::Relaxed);
        }
        return None;
    }
    Some(Lease {
        func_lease,
        global,
        counted,
    })
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        self.func_lease.store(false, Ordering::Release);
        if self.global {
            GLOBAL_LEASE.store(false, Ordering::Release);
        }
        if self.counted {
            THREADS_IN_JIT.fetch_sub(1, Ordering::AcqRel);
        }
    }
}
