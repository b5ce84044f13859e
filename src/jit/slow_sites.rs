//! Which ops JIT code ran out of line, site by site, for `jit.stats`.
//!
//! Baseline and optimized code send an op to the generic helpers (`hop_step`,
//! `hop_slow`) when it has no inline form or its operands missed the guards. One
//! such site in a hot loop is usually why a function is slower than it should be,
//! so the statistics name the busiest sites: function, pc, line and the op.
//!
//! Counting takes a lock per out-of-line op, so it happens only while `jit.stats`
//! is on; otherwise the cost is one relaxed load.

use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::bytecode::unit::Func;

static ON: AtomicBool = AtomicBool::new(false);

/// Sites by (function address, pc).
static SITES: Mutex<Option<FxHashMap<(usize, usize), SlowSite>>> = Mutex::new(None);

/// One out-of-line site and how often it ran.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct SlowSite {
    pub count: u64,
    pub func: String,
    pub pc: usize,
    pub line: u32,
    /// The op as `--dump-bytecode` prints it.
    pub op: String,
}

/// Starts counting (`jit.stats` is on).
pub fn enable() {
    ON.store(true, Ordering::Relaxed);
}

/// Counts one out-of-line run of op `pc` of `func`.
#[inline(always)]
pub fn note(func: &Func, pc: usize) {
    if ON.load(Ordering::Relaxed) {
        note_counted(func, pc);
    }
}

#[cold]
#[inline(never)]
fn note_counted(func: &Func, pc: usize) {
    let mut sites = SITES.lock();
    let site = sites
        .get_or_insert_with(FxHashMap::default)
        .entry((func as *const Func as usize, pc))
        .or_insert_with(|| SlowSite {
            count: 0,
            func: func.name.clone(),
            pc,
            line: func.lines.get(pc).copied().unwrap_or(0),
            op: func
                .ops
                .get(pc)
                .map_or_else(|| "(end of function)".to_string(), |op| format!("{op:?}")),
        });
    site.count += 1;
}

/// The `n` busiest sites, busiest first.
pub fn busiest(n: usize) -> Vec<SlowSite> {
    let sites = SITES.lock();
    let mut all: Vec<SlowSite> = sites.iter().flat_map(|m| m.values().cloned()).collect();
    all.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.func.cmp(&b.func))
            .then(a.pc.cmp(&b.pc))
    });
    all.truncate(n);
    all
}
