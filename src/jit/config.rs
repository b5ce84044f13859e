//! The JIT's process-wide settings, taken from the runtime options once at start-up
//! (`configure`); code that runs before (library tests) sees the option defaults.

use once_cell::sync::OnceCell;

use super::tc::TcConfig;
use crate::cli::options::{OptValue, Options};

/// `jit.sync`: deterministic tier-up for tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncMode {
    /// Compiles run on the workers while the program goes on (the default).
    Off,
    /// `1`: every function is optimized on its first call, unprofiled, the calling
    /// thread waiting (every function goes through the optimizing tier).
    FirstCall,
    /// `2`: a function is optimized when its profile reaches
    /// `jit.optimize_threshold`, the thread that got it there waiting: the
    /// profile-driven decisions are taken from a profile, deterministically.
    AtThreshold,
}

#[derive(Clone, Debug)]
pub struct JitConfig {
    /// `jit`: false runs everything in the interpreter.
    pub enabled: bool,
    /// `jit.baseline_threshold`: calls a function must have had before its baseline
    /// translation (0: on the first call).
    pub baseline_threshold: u64,
    /// `jit.optimize`: false stops at the baseline tier.
    pub optimize: bool,
    /// `jit.optimize_threshold`: entries (calls) or loop back-edges, counted by
    /// baseline code, before a function is queued for the optimizing tier.
    pub optimize_threshold: u64,
    /// `jit.workers`: optimizing worker threads (0: cores - 1, at least 1).
    pub workers: usize,
    /// `jit.retranslate_all`: optimize every profiled function at once after this
    /// many profiled calls in total (0: off; functions go one by one).
    pub retranslate_all: u64,
    /// `jit.llvm_opt`: the pass pipeline level (1, 2 or 3).
    pub llvm_opt: u8,
    /// `jit.sync`: whether (and when) request threads wait for optimizing compiles.
    pub sync: SyncMode,
    /// `jit.promote`: loop functions keep uncounted slots in registers
    /// (`opt::promote`).
    pub promote: bool,
    /// `jit.concurrent`: per-function leases (false: one global lease).
    pub concurrent: bool,
    /// `jit.max_threads`: threads allowed to translate at once.
    pub max_threads: usize,
    /// `jit.perf_map`: write /tmp/perf-PID.map lines for translations.
    pub perf_map: bool,
    /// `jit.stats`: where the statistics go at exit.
    pub stats: StatsOutput,
    /// `jit.trace`: path of the Chrome trace-event file written at exit.
    pub trace: Option<String>,
    pub tc: TcConfig,
}

/// Where `jit.stats` sends the statistics at exit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatsOutput {
    /// `0` (or empty): none; fall-back calls are not counted.
    Off,
    /// `1`: a readable summary on stderr.
    Text,
    /// Anything else: a JSON file at this path.
    Json(String),
}

impl StatsOutput {
    pub fn parse(v: &str) -> StatsOutput {
        match v.trim() {
            "" | "0" => StatsOutput::Off,
            "1" => StatsOutput::Text,
            p => StatsOutput::Json(p.to_string()),
        }
    }
    pub fn is_on(&self) -> bool {
        *self != StatsOutput::Off
    }
}

static CONFIG: OnceCell<JitConfig> = OnceCell::new();

fn size(o: &Options, name: &str) -> usize {
    match o.get(name) {
        OptValue::Size(n) => usize::try_from(*n).unwrap_or(usize::MAX),
        _ => 0,
    }
}
fn string<'a>(o: &'a Options, name: &str) -> &'a str {
    match o.get(name) {
        OptValue::Str(s) => s,
        _ => "",
    }
}
fn int(o: &Options, name: &str) -> i64 {
    match o.get(name) {
        OptValue::Int(n) => *n,
        _ => 0,
    }
}

impl JitConfig {
    pub fn from_options(o: &Options) -> JitConfig {
        JitConfig {
            enabled: o.bool("jit"),
            baseline_threshold: int(o, "jit.baseline_threshold").max(0) as u64,
            optimize: o.bool("jit.optimize"),
            optimize_threshold: int(o, "jit.optimize_threshold").max(1) as u64,
            workers: match int(o, "jit.workers") {
                n if n > 0 => n as usize,
                _ => std::thread::available_parallelism()
                    .map_or(1, |n| n.get().saturating_sub(1))
                    .max(1),
            },
            retranslate_all: int(o, "jit.retranslate_all").max(0) as u64,
            llvm_opt: match string(o, "jit.llvm_opt") {
                "O1" => 1,
                "O3" => 3,
                _ => 2,
            },
            sync: match string(o, "jit.sync") {
                "1" => SyncMode::FirstCall,
                "2" => SyncMode::AtThreshold,
                _ => SyncMode::Off,
            },
            promote: o.bool("jit.promote"),
            concurrent: o.bool("jit.concurrent"),
            max_threads: int(o, "jit.max_threads").max(1) as usize,
            perf_map: o.bool("jit.perf_map"),
            stats: StatsOutput::parse(string(o, "jit.stats")),
            trace: Some(string(o, "jit.trace").trim())
                .filter(|p| !p.is_empty())
                .map(str::to_string),
            tc: TcConfig {
                hot: size(o, "tc.hot_size"),
                main: size(o, "tc.main_size"),
                prof: size(o, "tc.prof_size"),
                cold: size(o, "tc.cold_size"),
                frozen: size(o, "tc.frozen_size"),
            },
        }
    }
}

/// Sets the configuration; the first call wins (the process has one JIT). Turns
/// tracing on when `jit.trace` names a file.
pub fn configure(cfg: JitConfig) {
    let trace = cfg.trace.is_some();
    let stats = cfg.stats.is_on();
    if CONFIG.set(cfg).is_ok() {
        if trace {
            super::trace::enable();
        }
        if stats {
            super::slow_sites::enable();
        }
    }
}

pub fn get() -> &'static JitConfig {
    CONFIG.get_or_init(|| JitConfig::from_options(&Options::new()))
}
