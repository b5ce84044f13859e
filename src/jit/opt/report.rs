//! The optimizing tier's part of the `jit.stats` report (see `jit/report.rs` for
//! the whole): compiles, latency per phase, deopts by reason, the queue, and how
//! busy the workers were.

use std::fmt::Write as _;
use std::sync::atomic::Ordering;

use serde::Serialize;

use super::deopt::DeoptReason;
use super::stats::{self, STATS};
use super::workers;
use crate::jit::report::{percentiles, write_phase_table, Percentiles};

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct OptReport {
    pub compiles: u64,
    pub failed: u64,
    pub tc_full: u64,
    pub queued: u64,
    /// Per-phase compile latency in µs (null before the first compile).
    pub latency_us: Option<OptLatency>,
    /// Deopts by reason name.
    pub deopts: Vec<(String, u64)>,
    /// Optimized translations dropped after too many deopts / functions given up on.
    pub dropped: u64,
    pub gave_up: u64,
    pub max_queue_depth: u64,
    /// Queued jobs skipped at shutdown, jobs put back on the queue because their
    /// write lease stayed busy, and functions handed back to profiling after every
    /// such retry. Every queued job ends as exactly one of: compiled, failed,
    /// abandoned, requeued, returned.
    pub abandoned: u64,
    pub lease_requeues: u64,
    pub lease_returns: u64,
    pub workers: usize,
    /// Busy time / (workers × time since the pool started), 0..1.
    pub worker_utilisation: f64,
    /// Compiles that ran LLVM off a worker thread (the design says 0).
    pub llvm_on_request_threads: u64,
    /// The first few failures: [function, reason].
    pub failures: Vec<(String, String)>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct OptLatency {
    pub count: u64,
    pub total: Percentiles,
    pub queue_wait: Percentiles,
    pub lower: Percentiles,
    pub passes: Percentiles,
    pub emit: Percentiles,
    pub relocate: Percentiles,
}

/// Takes the optimizing tier's statistics now (`None`: the pool never started).
pub fn collect() -> Option<OptReport> {
    let (workers, wall) = workers::pool_info()?;
    let busy = STATS.busy_nanos.load(Ordering::Relaxed) as f64;
    let capacity = workers as f64 * wall.as_nanos() as f64;
    let latency_us = stats::with_latency(|h| {
        h.map(|h| OptLatency {
            count: h.total.len(),
            total: percentiles(&h.total),
            queue_wait: percentiles(&h.queue_wait),
            lower: percentiles(&h.lower),
            passes: percentiles(&h.passes),
            emit: percentiles(&h.emit),
            relocate: percentiles(&h.relocate),
        })
    });
    Some(OptReport {
        compiles: STATS.compiles.load(Ordering::Relaxed),
        failed: STATS.failed.load(Ordering::Relaxed),
        tc_full: STATS.tc_full.load(Ordering::Relaxed),
        queued: STATS.queued.load(Ordering::Relaxed),
        latency_us,
        deopts: DeoptReason::ALL
            .iter()
            .map(|r| {
                (
                    r.name().to_string(),
                    STATS.deopts[*r as usize].load(Ordering::Relaxed),
                )
            })
            .collect(),
        dropped: STATS.dropped.load(Ordering::Relaxed),
        gave_up: STATS.gave_up.load(Ordering::Relaxed),
        max_queue_depth: STATS.max_queue_depth.load(Ordering::Relaxed),
        abandoned: STATS.abandoned.load(Ordering::Relaxed),
        lease_requeues: STATS.lease_requeues.load(Ordering::Relaxed),
        lease_returns: STATS.lease_returns.load(Ordering::Relaxed),
        workers,
        worker_utilisation: if capacity > 0.0 {
            ((busy / capacity) * 1000.0).round() / 1000.0
        } else {
            0.0
        },
        llvm_on_request_threads: STATS.off_worker.load(Ordering::Relaxed),
        failures: stats::failures(),
    })
}

impl OptReport {
    /// The optimizing tier's lines of the text report.
    pub fn write_text(&self, s: &mut String) {
        let _ = writeln!(
            s,
            "Optimizing tier: {} compiled, {} failed ({} TC full), {} queued, \
             {} worker(s) {:.1}% busy, max queue depth {}",
            self.compiles,
            self.failed,
            self.tc_full,
            self.queued,
            self.workers,
            self.worker_utilisation * 100.0,
            self.max_queue_depth
        );
        let _ = writeln!(
            s,
            "Queue: {} skipped at exit, {} requeued for a busy lease, {} handed back to profiling",
            self.abandoned, self.lease_requeues, self.lease_returns
        );
        if let Some(l) = &self.latency_us {
            let _ = writeln!(s, "Optimized compile latency (µs):");
            write_phase_table(
                s,
                l.count,
                &[
                    ("total", l.total),
                    ("queue wait", l.queue_wait),
                    ("lower", l.lower),
                    ("llvm passes", l.passes),
                    ("emit", l.emit),
                    ("relocate", l.relocate),
                ],
            );
            let _ = writeln!(s, "  (total excludes queue wait)");
        }
        let deopts: Vec<String> = self
            .deopts
            .iter()
            .map(|(n, c)| format!("{n}={c}"))
            .collect();
        let _ = writeln!(
            s,
            "Deopts: {} (dropped {}, gave up {})",
            deopts.join(" "),
            self.dropped,
            self.gave_up
        );
        let _ = writeln!(
            s,
            "LLVM compiles on request threads: {}",
            self.llvm_on_request_threads
        );
        for (f, why) in &self.failures {
            let _ = writeln!(s, "  not optimized: {f}: {why}");
        }
    }
}
