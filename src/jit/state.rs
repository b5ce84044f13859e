//! Per-function JIT state shared by every thread running the function: its profile,
//! its write lease, and where its translation stands.

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use super::profile::ProfData;

/// No translation yet; the function may be translated when it gets hot.
pub const UNTRANSLATED: u8 = 0;
/// A baseline (profiling) translation is published in the entry slot.
pub const BASELINE: u8 = 1;
/// The JIT declined for good (TC full, translation failed): stay in the interpreter.
pub const DECLINED: u8 = 2;

pub struct FuncJit {
    pub prof: ProfData,
    /// The per-function write lease (a try-lock: see `lease.rs`).
    pub lease: AtomicBool,
    pub state: AtomicU8,
}

impl FuncJit {
    pub fn new(num_ops: usize) -> FuncJit {
        FuncJit {
            prof: ProfData::new(num_ops),
            lease: AtomicBool::new(false),
            state: AtomicU8::new(UNTRANSLATED),
        }
    }
    pub fn state(&self) -> u8 {
        self.state.load(Ordering::Acquire)
    }
}
