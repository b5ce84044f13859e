//! The JIT's process-wide settings, taken from the runtime options once at start-up
//! (`configure`); code that runs before (library tests) sees the option defaults.

use once_cell::sync::OnceCell;

use super::tc::TcConfig;
use crate::cli::options::{OptValue, Options};

#[derive(Clone, Debug)]
pub struct JitConfig {
    /// `jit`: false runs everything in the interpreter.
    pub enabled: bool,
    /// `jit.baseline_threshold`: calls a function must have had before its baseline
    /// translation (0: on the first call).
    pub baseline_threshold: u64,
    /// `jit.concurrent`: per-function leases (false: one global lease).
    pub concurrent: bool,
    /// `jit.max_threads`: threads allowed to translate at once.
    pub max_threads: usize,
    /// `jit.perf_map`: write /tmp/perf-PID.map lines for translations.
    pub perf_map: bool,
    pub tc: TcConfig,
}

static CONFIG: OnceCell<JitConfig> = OnceCell::new();

fn size(o: &Options, name: &str) -> usize {
    match o.get(name) {
        OptValue::Size(n) => usize::try_from(*n).unwrap_or(usize::MAX),
        _ => 0,
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
            concurrent: o.bool("jit.concurrent"),
            max_threads: int(o, "jit.max_threads").max(1) as usize,
            perf_map: o.bool("jit.perf_map"),
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

/// Sets the configuration; the first call wins (the process has one JIT).
pub fn configure(cfg: JitConfig) {
    let _ = CONFIG.set(cfg);
}

pub fn get() -> &'static JitConfig {
    CONFIG.get_or_init(|| JitConfig::from_options(&Options::new()))
}
