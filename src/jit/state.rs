//! Per-function JIT state shared by every thread running the function: its profile,
//! its write lease, where its translations stand, and what the optimizing tier needs
//! to find them again (the OSR body, the baseline resume entry, deopt counters).

use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicU8, AtomicUsize, Ordering};

use super::profile::ProfData;

/// No translation yet; the function may be translated when it gets hot.
pub const UNTRANSLATED: u8 = 0;
/// A baseline (profiling) translation is published in the entry slot.
pub const BASELINE: u8 = 1;
/// The JIT declined for good (TC full, translation failed): stay in the interpreter.
pub const DECLINED: u8 = 2;

/// Where the optimizing tier stands for a function (`FuncJit::opt`).
pub mod opt_state {
    /// Profiling in the baseline tier; not queued.
    pub const PROFILING: u8 = 0;
    /// In the worker pool's queue or being compiled.
    pub const QUEUED: u8 = 1;
    /// Optimized code is published in the entry slot.
    pub const OPTIMIZED: u8 = 2;
    /// The optimizing tier gave up (compile failed, TC full, too many deopts): the
    /// function stays in the baseline tier for good.
    pub const GAVE_UP: u8 = 3;
}

pub struct FuncJit {
    pub prof: ProfData,
    /// The per-function write lease (a try-lock: see `lease.rs`).
    pub lease: AtomicBool,
    pub state: AtomicU8,
    /// The optimizing tier's progress (`opt_state`).
    pub opt: AtomicU8,
    /// Set once the function was handed to the optimizing tier this profiling round:
    /// baseline code tests this byte before calling the request helper, so a hot
    /// function costs one compare per entry after its request, not a call.
    pub opt_requested: AtomicU8,
    /// The optimized body `fn(frame, ctx, pc) -> status` that can start at pc 0 or
    /// at any loop header (on-stack replacement from baseline code); null when none.
    pub osr_body: AtomicPtr<()>,
    /// The baseline translation's `fn(frame, ctx, pc) -> status` resume entry, where
    /// a deopt continues (0: none, resume in the interpreter).
    pub baseline_resume: AtomicUsize,
    /// The baseline translation's normal entry (restored when optimized code is
    /// dropped after too many deopts).
    pub baseline_entry: AtomicUsize,
    /// Deopts of the current optimized translation.
    pub deopts: AtomicU32,
    /// Optimized translations made so far (bounded: see `opt::deopt`).
    pub opt_rounds: AtomicU32,
}

impl FuncJit {
    pub fn new(num_ops: usize) -> FuncJit {
        FuncJit {
            prof: ProfData::new(num_ops),
            lease: AtomicBool::new(false),
            state: AtomicU8::new(UNTRANSLATED),
            opt: AtomicU8::new(opt_state::PROFILING),
            opt_requested: AtomicU8::new(0),
            osr_body: AtomicPtr::new(std::ptr::null_mut()),
            baseline_resume: AtomicUsize::new(0),
            baseline_entry: AtomicUsize::new(0),
            deopts: AtomicU32::new(0),
            opt_rounds: AtomicU32::new(0),
        }
    }
    pub fn state(&self) -> u8 {
        self.state.load(Ordering::Acquire)
    }
    pub fn opt_state(&self) -> u8 {
        self.opt.load(Ordering::Acquire)
    }
    /// Marks the function requested and moves it from profiling to queued; false
    /// when it was not profiling (queued, optimized or given up on already).
    pub fn try_queue(&self) -> bool {
        self.opt_requested.store(1, Ordering::Release);
        self.opt
            .compare_exchange(
                opt_state::PROFILING,
                opt_state::QUEUED,
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .is_ok()
    }
}
