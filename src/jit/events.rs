//! The in-process tier-up event log: which function reached which tier, and when.
//!
//! `hopjit bench --warmup` runs a program many times in one process and needs to know
//! in which iteration each function tiered up; the Chrome trace (`jit.trace`) has the
//! same facts but is written only at exit and costs a JSON value per event. This log
//! is a plain `Vec` behind a lock, filled only between [`start_recording`] and
//! [`stop_recording`]. Every tier feeds it through [`super::stats::note_tierup`] (the
//! one call made where an entry slot is swapped); while recording is off that costs
//! one relaxed atomic load here.

use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;
use serde::Serialize;

static RECORDING: AtomicBool = AtomicBool::new(false);
static EVENTS: Mutex<Vec<TierUpEvent>> = Mutex::new(Vec::new());

/// One published translation.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TierUpEvent {
    /// The PHP function (`{main}` for the script body, `{closure}` for closures).
    pub func: String,
    /// The tier whose code now sits in the entry slot: `"baseline"` or `"optimized"`.
    pub tier: &'static str,
    /// Nanoseconds since [`super::stats::process_start`].
    pub nanos: u64,
}

/// Whether tier-ups are being logged (one relaxed load).
#[inline]
pub fn recording() -> bool {
    RECORDING.load(Ordering::Relaxed)
}

/// Starts logging tier-ups (events already logged are kept).
pub fn start_recording() {
    RECORDING.store(true, Ordering::Relaxed);
}

/// Stops logging; later tier-ups are not recorded.
pub fn stop_recording() {
    RECORDING.store(false, Ordering::Relaxed);
}

/// Appends one event if recording is on (called by `stats::note_tierup`).
pub(super) fn record(func_name: &str, tier: &'static str, nanos: u64) {
    if !recording() {
        return;
    }
    EVENTS.lock().push(TierUpEvent {
        func: func_name.to_string(),
        tier,
        nanos,
    });
}

/// Removes and returns every event logged so far, in the order they were logged
/// (which is time order on one thread; across threads sort by `nanos`).
pub fn take() -> Vec<TierUpEvent> {
    std::mem::take(&mut *EVENTS.lock())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_only_while_on() {
        // Other tests may translate while this one records: look at our names only.
        record("off", "baseline", 1);
        start_recording();
        record("f", "baseline", 5);
        record("g", "optimized", 9);
        stop_recording();
        record("late", "baseline", 10);
        let ours = ["off", "f", "g", "late"];
        let ev: Vec<_> = take()
            .into_iter()
            .filter(|e| ours.contains(&e.func.as_str()))
            .map(|e| (e.func, e.tier, e.nanos))
            .collect();
        assert_eq!(
            ev,
            [("f".into(), "baseline", 5), ("g".into(), "optimized", 9)]
        );
    }
}
