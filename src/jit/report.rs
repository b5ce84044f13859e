//! `jit.stats`: the end-of-run JIT report, as text (`jit.stats=1`, on stderr) or as
//! JSON (`jit.stats=PATH`). [`Report`]'s field names are the JSON's:
//!
//! ```text
//! {
//!   "translations": {"baseline": N, "optimized": N},
//!   "baseline_latency_us": {            // null before the first translation
//!     "count": N,
//!     "total":    {"p50":…, "p90":…, "p99":…, "max":…, "mean":…},
//!     "assemble": {…}, "emit": {…}, "commit": {…}   // emit = TC allocs + copy + jump table
//!   },
//!   "baseline_total_us": f64,           // sum of all baseline translation times
//!   "tc": null | {"blocks": [{"name","used","capacity","allocs","failed"}…],
//!                 "data": {…}, "near_text": bool},   // null: the TC was never created
//!   "declines": {"tc_full": N, "lease_taken": N, "thread_limit": N},
//!   "interp_fallback_calls": N,          // hot calls run in the interpreter (declined/pending)
//!   "last_tierup_ms": f64 | null,         // process start → last published translation
//!   "optimized": null | {                 // null: the optimizing pool never started
//!     "compiles", "failed", "tc_full", "queued": N,
//!     "latency_us": null | {"count": N, "total", "queue_wait", "lower", "passes",
//!                           "emit", "relocate": {p50…}},   // total excludes queue wait
//!     "deopts": [["type_guard", N], ["cold_block", N]], "dropped": N, "gave_up": N,
//!     "max_queue_depth": N, "workers": N, "worker_utilisation": 0..1,
//!     "llvm_on_request_threads": N, "failures": [[func, reason]…]
//!   }
//! }
//! ```

use std::fmt::Write as _;
use std::sync::atomic::Ordering;

use hdrhistogram::Histogram;
use serde::Serialize;

use super::config::{self, StatsOutput};
use super::stats::{self, STATS};
use super::tc::{BlockKind, BlockStats, TcStats};
use super::{enter, trace};

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Report {
    pub translations: Translations,
    pub baseline_latency_us: Option<Latency>,
    pub baseline_total_us: f64,
    pub tc: Option<TcUsage>,
    pub declines: Declines,
    pub interp_fallback_calls: u64,
    pub last_tierup_ms: Option<f64>,
    /// The ops JIT code ran out of line most often (see `slow_sites`).
    pub busiest_slow_sites: Vec<super::slow_sites::SlowSite>,
    /// The optimizing tier (null when its worker pool never started).
    pub optimized: Option<super::opt::report::OptReport>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Translations {
    pub baseline: u64,
    pub optimized: u64,
}

/// Percentiles of one phase, in microseconds.
#[derive(Serialize, Debug, Clone, Copy, PartialEq)]
pub struct Percentiles {
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
    pub mean: f64,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Latency {
    pub count: u64,
    pub total: Percentiles,
    pub assemble: Percentiles,
    pub emit: Percentiles,
    pub commit: Percentiles,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct BlockUsage {
    pub name: &'static str,
    pub used: usize,
    pub capacity: usize,
    pub allocs: u64,
    pub failed: u64,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct TcUsage {
    pub blocks: Vec<BlockUsage>,
    pub data: BlockUsage,
    pub near_text: bool,
    #[serde(skip)]
    pub raw: TcStats,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Declines {
    pub tc_full: u64,
    pub lease_taken: u64,
    pub thread_limit: u64,
}

fn us(ns: u64) -> f64 {
    ns as f64 / 1000.0
}

pub fn percentiles(h: &Histogram<u64>) -> Percentiles {
    Percentiles {
        p50: us(h.value_at_quantile(0.50)),
        p90: us(h.value_at_quantile(0.90)),
        p99: us(h.value_at_quantile(0.99)),
        max: us(h.max()),
        mean: us(h.mean().round() as u64),
    }
}

fn block(name: &'static str, b: BlockStats) -> BlockUsage {
    BlockUsage {
        name,
        used: b.used,
        capacity: b.capacity,
        allocs: b.allocs,
        failed: b.failed,
    }
}

/// How many out-of-line sites the statistics list.
const SLOW_SITES_SHOWN: usize = 8;

/// Takes the statistics now.
pub fn collect() -> Report {
    let latency = stats::with_baseline_latency(|h| {
        h.map(|h| Latency {
            count: h.total.len(),
            total: percentiles(&h.total),
            assemble: percentiles(&h.assemble),
            emit: percentiles(&h.emit),
            commit: percentiles(&h.commit),
        })
    });
    let tc = enter::tc_if_created().map(|tc| {
        let s = tc.stats();
        TcUsage {
            blocks: BlockKind::ALL
                .iter()
                .map(|&k| block(k.name(), s.block(k)))
                .collect(),
            data: block("data", s.data),
            near_text: s.near_text,
            raw: s,
        }
    });
    let last = STATS.last_tierup_nanos.load(Ordering::Relaxed);
    Report {
        translations: Translations {
            baseline: STATS.baseline_translations.load(Ordering::Relaxed),
            optimized: super::opt::stats::STATS.compiles.load(Ordering::Relaxed),
        },
        baseline_latency_us: latency,
        baseline_total_us: us(STATS.baseline_nanos.load(Ordering::Relaxed)),
        tc,
        declines: Declines {
            tc_full: STATS.tc_full.load(Ordering::Relaxed),
            lease_taken: STATS.declined_lease.load(Ordering::Relaxed),
            thread_limit: STATS.declined_thread_limit.load(Ordering::Relaxed),
        },
        interp_fallback_calls: STATS.interp_fallback_calls.load(Ordering::Relaxed),
        last_tierup_ms: (last > 0).then(|| (last as f64 / 1000.0).round() / 1000.0),
        busiest_slow_sites: super::slow_sites::busiest(SLOW_SITES_SHOWN),
        optimized: super::opt::report::collect(),
    }
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the report serializes")
    }

    /// The readable summary `jit.stats=1` prints.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "=== hopjit JIT statistics ===");
        let _ = writeln!(s, "Translations:");
        let _ = writeln!(s, "  baseline   {}", self.translations.baseline);
        let _ = writeln!(s, "  optimized  {}", self.translations.optimized);
        let _ = writeln!(s, "Baseline translation latency (µs):");
        match &self.baseline_latency_us {
            None => {
                let _ = writeln!(s, "  (no translations)");
            }
            Some(l) => {
                write_phase_table(
                    &mut s,
                    l.count,
                    &[
                        ("total", l.total),
                        ("assemble", l.assemble),
                        ("emit", l.emit),
                        ("commit", l.commit),
                    ],
                );
                let _ = writeln!(
                    s,
                    "  (emit = TC allocs + code copy + jump table; sum of all: {:.1} µs)",
                    self.baseline_total_us
                );
            }
        }
        let _ = writeln!(s, "Translation cache:");
        match &self.tc {
            None => {
                let _ = writeln!(s, "  (not created)");
            }
            Some(tc) => {
                for line in tc.raw.to_string().lines() {
                    let _ = writeln!(s, "  {line}");
                }
            }
        }
        let _ = writeln!(s, "Declines:");
        let _ = writeln!(s, "  tc full       {}", self.declines.tc_full);
        let _ = writeln!(s, "  lease taken   {}", self.declines.lease_taken);
        let _ = writeln!(s, "  thread limit  {}", self.declines.thread_limit);
        let _ = writeln!(
            s,
            "Interpreted calls of hot functions (declined/pending): {}",
            self.interp_fallback_calls
        );
        let _ = writeln!(s, "Ops run out of line by JIT code (busiest sites):");
        if self.busiest_slow_sites.is_empty() {
            let _ = writeln!(s, "  (none)");
        }
        for site in &self.busiest_slow_sites {
            let op: String = site.op.chars().take(70).collect();
            let _ = writeln!(
                s,
                "  {:>10}  {} pc {} line {}: {op}",
                site.count, site.func, site.pc, site.line
            );
        }
        if let Some(o) = &self.optimized {
            o.write_text(&mut s);
        }
        match self.last_tierup_ms {
            Some(ms) => {
                let _ = writeln!(s, "Last tier-up: {ms:.3} ms after process start");
            }
            None => {
                let _ = writeln!(s, "Last tier-up: none");
            }
        }
        s
    }
}

/// A latency table, one row per phase: `phase count p50 p90 p99 max mean` (µs).
pub fn write_phase_table(s: &mut String, count: u64, rows: &[(&str, Percentiles)]) {
    let w = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(0).max(9);
    let _ = writeln!(
        s,
        "  {:<w$} {:>7} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "phase", "count", "p50", "p90", "p99", "max", "mean"
    );
    for (name, p) in rows {
        let _ = writeln!(
            s,
            "  {:<w$} {:>7} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>10.1}",
            name, count, p.p50, p.p90, p.p99, p.max, p.mean
        );
    }
}

/// At exit: prints or writes the statistics and writes the trace, as configured.
/// Failures to write are reported on stderr and otherwise ignored.
pub fn finish() {
    // Workers finish their compiles first: the numbers are final, and no LLVM code
    // runs while the process exits.
    super::opt::shutdown();
    let cfg = config::get();
    match &cfg.stats {
        StatsOutput::Off => {}
        StatsOutput::Text => eprint!("{}", collect().to_text()),
        StatsOutput::Json(path) => {
            if let Err(e) = std::fs::write(path, collect().to_json() + "\n") {
                eprintln!("hopjit: cannot write JIT statistics to {path}: {e}");
            }
        }
    }
    if let Some(path) = &cfg.trace {
        if let Err(e) = trace::write(path) {
            eprintln!("hopjit: cannot write the JIT trace to {path}: {e}");
        }
    }
}
