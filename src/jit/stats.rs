//! Process-wide JIT counters (relaxed atomics; read for `jit.stats` and tests) and
//! the baseline translation-latency histograms (one lock taken per translation).
//!
//! Times are measured from [`process_start`], which the CLI pins first thing; code
//! that never pins it (library tests) measures from the first use.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use once_cell::sync::OnceCell;
use parking_lot::Mutex;

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
    /// Calls of hot functions that ran in the interpreter because their translation
    /// was declined (for good or this time) or was still pending on another thread.
    /// Counted only when `jit.stats` is on (it would be a shared write per call).
    pub interp_fallback_calls: AtomicU64,
    /// Nanoseconds from process start to the latest published tier-up (0: none yet).
    pub last_tierup_nanos: AtomicU64,
}

pub static STATS: JitStats = JitStats {
    baseline_translations: AtomicU64::new(0),
    tc_full: AtomicU64::new(0),
    declined_lease: AtomicU64::new(0),
    declined_thread_limit: AtomicU64::new(0),
    baseline_nanos: AtomicU64::new(0),
    interp_fallback_calls: AtomicU64::new(0),
    last_tierup_nanos: AtomicU64::new(0),
};

static START: OnceCell<Instant> = OnceCell::new();

/// The instant every JIT time is measured from (pinned on first call).
pub fn process_start() -> Instant {
    *START.get_or_init(Instant::now)
}

/// Nanoseconds from [`process_start`] to `t` (0 if `t` is earlier).
pub fn nanos_since_start(t: Instant) -> u64 {
    t.saturating_duration_since(process_start()).as_nanos() as u64
}

/// Records that a translation of `func_name` for `tier` (`"baseline"`,
/// `"optimized"`) was just published in its entry slot. Every tier calls this right
/// after its entry-slot store: it feeds `last_tierup_ms` of `jit.stats` and, while
/// `hopjit bench --warmup` records, the tier-up log of [`super::events`]. Costs a
/// clock read and two relaxed atomics when not recording.
pub fn note_tierup(func_name: &str, tier: &'static str) {
    let now = nanos_since_start(Instant::now());
    STATS.last_tierup_nanos.fetch_max(now, Ordering::Relaxed);
    super::events::record(func_name, tier, now);
}

/// Where one baseline translation spent its time, as instants in phase order:
/// `start` → data (jump table) alloc → `assembled` → code alloc, copy, jump table
/// fill → `emitted` → metadata commit → `committed`. The "emit" phase is both TC
/// steps: (`table_allocated` − `start`) + (`emitted` − `assembled`).
#[derive(Clone, Copy, Debug)]
pub struct TranslationTiming {
    pub start: Instant,
    pub table_allocated: Instant,
    pub assembled: Instant,
    pub emitted: Instant,
    pub committed: Instant,
}

impl TranslationTiming {
    pub fn total(&self) -> Duration {
        self.committed - self.start
    }
    pub fn assemble(&self) -> Duration {
        self.assembled - self.table_allocated
    }
    pub fn emit(&self) -> Duration {
        (self.table_allocated - self.start) + (self.emitted - self.assembled)
    }
    pub fn commit(&self) -> Duration {
        self.committed - self.emitted
    }
}

/// Latency histograms of baseline translations, in nanoseconds.
pub struct PhaseHistograms {
    pub total: Histogram<u64>,
    pub assemble: Histogram<u64>,
    pub emit: Histogram<u64>,
    pub commit: Histogram<u64>,
}

/// A latency histogram in nanoseconds (1 ns .. 1 min, 3 significant digits).
pub(crate) fn histogram() -> Histogram<u64> {
    // 1 ns .. 1 min, 3 significant digits; auto-resize past the top.
    let mut h = Histogram::new_with_bounds(1, 60_000_000_000, 3).expect("valid histogram bounds");
    h.auto(true);
    h
}

impl PhaseHistograms {
    fn new() -> PhaseHistograms {
        PhaseHistograms {
            total: histogram(),
            assemble: histogram(),
            emit: histogram(),
            commit: histogram(),
        }
    }
}

static BASELINE_LATENCY: Mutex<Option<PhaseHistograms>> = Mutex::new(None);

fn nanos(d: Duration) -> u64 {
    (d.as_nanos() as u64).max(1)
}

/// Records one successful baseline translation (counter, total time, histograms).
pub fn record_baseline(t: &TranslationTiming) {
    STATS.baseline_translations.fetch_add(1, Ordering::Relaxed);
    STATS
        .baseline_nanos
        .fetch_add(t.total().as_nanos() as u64, Ordering::Relaxed);
    // Histograms cost ~1 ms to create and a lock per translation: only when someone
    // will read them.
    if matches!(super::config::get().stats, super::config::StatsOutput::Off) {
        return;
    }
    let mut g = BASELINE_LATENCY.lock();
    let h = g.get_or_insert_with(PhaseHistograms::new);
    h.total.saturating_record(nanos(t.total()));
    h.assemble.saturating_record(nanos(t.assemble()));
    h.emit.saturating_record(nanos(t.emit()));
    h.commit.saturating_record(nanos(t.commit()));
}

/// Runs `f` on the baseline histograms (`None`: no translation recorded yet).
pub fn with_baseline_latency<R>(f: impl FnOnce(Option<&PhaseHistograms>) -> R) -> R {
    f(BASELINE_LATENCY.lock().as_ref())
}
