//! The optimizing tier's counters (relaxed atomics) and compile-latency histograms
//! per phase (one lock taken per compile, on a worker thread).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;

use crate::jit::stats::histogram;
use parking_lot::Mutex;

use super::deopt::DeoptReason;

#[derive(Default)]
pub struct OptStats {
    /// Optimized translations published.
    pub compiles: AtomicU64,
    /// Compiles that failed (LLVM error, relocation error, TC full).
    pub failed: AtomicU64,
    /// ... of which because the TC had no room.
    pub tc_full: AtomicU64,
    /// Functions queued (requests accepted).
    pub queued: AtomicU64,
    /// Deopts by reason (`DeoptReason as usize`).
    pub deopts: [AtomicU64; DeoptReason::ALL.len()],
    /// Optimized translations dropped after too many deopts.
    pub dropped: AtomicU64,
    /// Functions the tier gave up on.
    pub gave_up: AtomicU64,
    /// Nanoseconds workers spent compiling (utilisation = this / workers / wall).
    pub busy_nanos: AtomicU64,
    /// Compiles that ran LLVM off a worker thread (must stay 0).
    pub off_worker: AtomicU64,
    /// Deepest the queue got.
    pub max_queue_depth: AtomicU64,
    /// Queued jobs skipped at shutdown.
    pub abandoned: AtomicU64,
    /// Jobs put back on the queue because their write lease stayed busy.
    pub lease_requeues: AtomicU64,
    /// Functions handed back to profiling after their lease stayed busy through
    /// every retry (they are requested again from their baseline code).
    pub lease_returns: AtomicU64,
}

pub static STATS: OptStats = OptStats {
    compiles: AtomicU64::new(0),
    failed: AtomicU64::new(0),
    tc_full: AtomicU64::new(0),
    queued: AtomicU64::new(0),
    deopts: [const { AtomicU64::new(0) }; DeoptReason::ALL.len()],
    dropped: AtomicU64::new(0),
    gave_up: AtomicU64::new(0),
    busy_nanos: AtomicU64::new(0),
    off_worker: AtomicU64::new(0),
    max_queue_depth: AtomicU64::new(0),
    abandoned: AtomicU64::new(0),
    lease_requeues: AtomicU64::new(0),
    lease_returns: AtomicU64::new(0),
};

/// The first few compile failures: (function, reason), for `jit.stats`.
static FAILURES: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
const FAILURES_KEPT: usize = 16;

pub fn note_failure(func: &str, why: &str) {
    let mut f = FAILURES.lock();
    if f.len() < FAILURES_KEPT {
        f.push((func.to_string(), why.to_string()));
    }
}

/// The failures kept so far.
pub fn failures() -> Vec<(String, String)> {
    FAILURES.lock().clone()
}

pub fn note_deopt(reason: DeoptReason) {
    STATS.deopts[reason as usize].fetch_add(1, Ordering::Relaxed);
}

/// Where one optimized compile spent its time, as instants in phase order.
#[derive(Clone, Copy, Debug)]
pub struct CompileTiming {
    /// When the function was queued.
    pub queued: Instant,
    /// When a worker took it (lease held from here).
    pub started: Instant,
    /// IR generated and parsed into a verified module.
    pub lowered: Instant,
    /// The pass pipeline ran.
    pub optimized: Instant,
    /// The object file was emitted to memory.
    pub emitted: Instant,
    /// Relocated into the TC, metadata committed, entry swapped.
    pub published: Instant,
}

impl CompileTiming {
    pub fn queue_wait(&self) -> Duration {
        self.started.saturating_duration_since(self.queued)
    }
    pub fn lower(&self) -> Duration {
        self.lowered - self.started
    }
    pub fn passes(&self) -> Duration {
        self.optimized - self.lowered
    }
    pub fn emit(&self) -> Duration {
        self.emitted - self.optimized
    }
    pub fn relocate(&self) -> Duration {
        self.published - self.emitted
    }
    /// Compile time proper (queue wait excluded).
    pub fn total(&self) -> Duration {
        self.published - self.started
    }
}

/// Latency histograms of optimized compiles, in nanoseconds.
pub struct OptHistograms {
    pub total: Histogram<u64>,
    pub queue_wait: Histogram<u64>,
    pub lower: Histogram<u64>,
    pub passes: Histogram<u64>,
    pub emit: Histogram<u64>,
    pub relocate: Histogram<u64>,
}

static LATENCY: Mutex<Option<OptHistograms>> = Mutex::new(None);

fn nanos(d: Duration) -> u64 {
    (d.as_nanos() as u64).max(1)
}

/// Records one published compile.
pub fn record_compile(t: &CompileTiming) {
    STATS.compiles.fetch_add(1, Ordering::Relaxed);
    let mut g = LATENCY.lock();
    let h = g.get_or_insert_with(|| OptHistograms {
        total: histogram(),
        queue_wait: histogram(),
        lower: histogram(),
        passes: histogram(),
        emit: histogram(),
        relocate: histogram(),
    });
    h.total.saturating_record(nanos(t.total()));
    h.queue_wait.saturating_record(nanos(t.queue_wait()));
    h.lower.saturating_record(nanos(t.lower()));
    h.passes.saturating_record(nanos(t.passes()));
    h.emit.saturating_record(nanos(t.emit()));
    h.relocate.saturating_record(nanos(t.relocate()));
}

/// Runs `f` on the histograms (`None`: nothing compiled yet).
pub fn with_latency<R>(f: impl FnOnce(Option<&OptHistograms>) -> R) -> R {
    f(LATENCY.lock().as_ref())
}
