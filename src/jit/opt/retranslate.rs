//! `jit.retranslate_all=N`: the seeds' "optimize all profiled functions at once using
//! a pool of worker threads". Functions translated by the baseline tier while the
//! mode is armed are registered here (their own tier-up triggers are disarmed); a
//! watcher thread sums their profiled calls (entry counts) every millisecond and,
//! once the total reaches N, queues every registered function at once.
//!
//! The watcher only reads ProfData atomics: request threads pay nothing for it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::workers::{Job, Queue};
use crate::bytecode::unit::Unit;
use crate::jit::config;
use crate::jit::state::opt_state;

static REGISTERED: Mutex<Vec<(Arc<Unit>, u32)>> = Mutex::new(Vec::new());
/// Set once every registered function was queued (the mode is then spent).
static FIRED: AtomicBool = AtomicBool::new(false);
static STOP: AtomicBool = AtomicBool::new(false);

/// Whether new baseline translations should wait for the collective retranslation
/// instead of requesting their own.
pub fn armed() -> bool {
    config::get().retranslate_all > 0 && !FIRED.load(Ordering::Acquire)
}

/// Registers a freshly translated function for the collective retranslation.
pub fn register(unit: Arc<Unit>, fid: u32) {
    if !super::workers::ensure_started() {
        return;
    }
    REGISTERED.lock().push((unit, fid));
}

/// Starts the watcher (called once, when the pool starts).
pub fn start_watch(queue: Queue) {
    let n = config::get().retranslate_all;
    let spawned = std::thread::Builder::new()
        .name("hopjit-retranslate".into())
        .spawn(move || watch(queue, n));
    if let Err(e) = spawned {
        eprintln!("hopjit: jit.retranslate_all is off: cannot start its watcher: {e}");
    }
}

pub fn stop_watch() {
    STOP.store(true, Ordering::Release);
}

fn profiled_calls() -> u64 {
    REGISTERED
        .lock()
        .iter()
        .map(|(u, f)| {
            u.funcs[*f as usize]
                .jit
                .prof
                .block_counts
                .first()
                .map_or(0, |c| c.load(Ordering::Relaxed))
        })
        .sum()
}

fn watch(queue: Queue, n: u64) {
    while !STOP.load(Ordering::Acquire) {
        std::thread::sleep(Duration::from_millis(1));
        if profiled_calls() < n {
            continue;
        }
        FIRED.store(true, Ordering::Release);
        let all = std::mem::take(&mut *REGISTERED.lock());
        let now = Instant::now();
        for (unit, fid) in all {
            let jit = &unit.funcs[fid as usize].jit;
            if !jit.try_queue() {
                continue;
            }
            let job = Job {
                unit: unit.clone(),
                fid,
                queued: now,
                done: None,
                retriggers: false,
                lease_retries: 0,
            };
            if !queue.push(job) {
                jit.opt.store(opt_state::GAVE_UP, Ordering::Release);
            }
        }
        return;
    }
}
