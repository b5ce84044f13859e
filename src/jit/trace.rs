//! `jit.trace=PATH`: JIT activity as a Chrome trace-event file (a JSON array; open it
//! in ui.perfetto.dev or chrome://tracing).
//!
//! Each baseline translation is a complete (`"ph":"X"`) slice on the translating
//! thread — `name` the function, `cat` "baseline", `args` {bytes, ops, tier} — with
//! its phases (`assemble`, `emit`, `commit`) as nested X slices. Entry swaps (a
//! translation published) and declines are instant (`"ph":"i"`) events; each thread
//! that records gets a `thread_name` metadata (`"ph":"M"`) record. `pid` is the
//! process id, `tid` a small per-thread number, `ts`/`dur` microseconds since
//! process start (fractional).
//!
//! Events are buffered in memory and written once, by [`write`] at exit. When
//! tracing is off, callers pay one relaxed load ([`enabled`]).

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use parking_lot::Mutex;
use serde::Serialize;
use serde_json::{json, Value};

use super::stats::{nanos_since_start, TranslationTiming};

static ENABLED: AtomicBool = AtomicBool::new(false);
static EVENTS: Mutex<Vec<Event>> = Mutex::new(Vec::new());
static NEXT_TID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    static TID: Cell<u64> = const { Cell::new(0) };
}

/// One trace event, in the Chrome trace-event format's field names.
#[derive(Serialize, Clone, Debug)]
pub struct Event {
    pub name: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub cat: &'static str,
    pub ph: &'static str,
    pub ts: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dur: Option<f64>,
    pub pid: u32,
    pub tid: u64,
    /// Scope of an instant event ("t": thread).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s: Option<&'static str>,
    #[serde(skip_serializing_if = "Value::is_null")]
    pub args: Value,
}

/// Whether events are being recorded (one relaxed load).
#[inline]
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Starts recording (the CLI, when `jit.trace` names a file).
pub fn enable() {
    if !ENABLED.swap(true, Ordering::Relaxed) {
        EVENTS.lock().push(Event {
            name: "process_name".into(),
            cat: "",
            ph: "M",
            ts: 0.0,
            dur: None,
            pid: std::process::id(),
            tid: 0,
            s: None,
            args: json!({ "name": "hopjit" }),
        });
    }
}

fn us(t: Instant) -> f64 {
    nanos_since_start(t) as f64 / 1000.0
}

/// This thread's small id; the first call on a thread records its name.
fn tid(events: &mut Vec<Event>) -> u64 {
    TID.with(|c| {
        if c.get() == 0 {
            let id = NEXT_TID.fetch_add(1, Ordering::Relaxed);
            c.set(id);
            let name = std::thread::current()
                .name()
                .map(str::to_string)
                .unwrap_or_else(|| format!("thread-{id}"));
            events.push(Event {
                name: "thread_name".into(),
                cat: "",
                ph: "M",
                ts: 0.0,
                dur: None,
                pid: std::process::id(),
                tid: id,
                s: None,
                args: json!({ "name": name }),
            });
        }
        c.get()
    })
}

fn slice(
    name: &str,
    cat: &'static str,
    tid: u64,
    from: Instant,
    to: Instant,
    args: Value,
) -> Event {
    let (from, to) = (nanos_since_start(from), nanos_since_start(to));
    Event {
        name: name.to_string(),
        cat,
        ph: "X",
        ts: from as f64 / 1000.0,
        dur: Some(to.saturating_sub(from) as f64 / 1000.0),
        pid: std::process::id(),
        tid,
        s: None,
        args,
    }
}

/// Records one translation and its phases (no-op when tracing is off).
pub fn translation(
    func: &str,
    tier: &'static str,
    bytes: usize,
    ops: usize,
    t: &TranslationTiming,
) {
    if !enabled() {
        return;
    }
    let mut ev = EVENTS.lock();
    let tid = tid(&mut ev);
    ev.push(slice(
        func,
        tier,
        tid,
        t.start,
        t.committed,
        json!({ "bytes": bytes, "ops": ops, "tier": tier }),
    ));
    // The jump table is allocated before assembly (the code embeds its address), so
    // "emit" shows up as two slices: the data alloc, then code alloc + copy + table.
    ev.push(slice(
        "emit",
        tier,
        tid,
        t.start,
        t.table_allocated,
        json!({ "step": "jump table alloc" }),
    ));
    ev.push(slice(
        "assemble",
        tier,
        tid,
        t.table_allocated,
        t.assembled,
        Value::Null,
    ));
    ev.push(slice(
        "emit",
        tier,
        tid,
        t.assembled,
        t.emitted,
        json!({ "step": "code alloc + copy + jump table fill" }),
    ));
    ev.push(slice(
        "commit",
        tier,
        tid,
        t.emitted,
        t.committed,
        Value::Null,
    ));
}

/// Records one optimized compile on this (worker) thread: a slice for the whole
/// compile with its phases nested — `lower` (IR text, parse, verify), `llvm passes`,
/// `emit object`, `relocate + publish` — and a `queue wait` slice before it.
pub fn optimized_compile(
    func: &str,
    bytes: usize,
    ops: usize,
    t: &crate::jit::opt::stats::CompileTiming,
) {
    if !enabled() {
        return;
    }
    let cat = "optimized";
    let mut ev = EVENTS.lock();
    let tid = tid(&mut ev);
    ev.push(slice(
        "queue wait",
        cat,
        tid,
        t.queued,
        t.started,
        json!({ "func": func }),
    ));
    ev.push(slice(
        func,
        cat,
        tid,
        t.started,
        t.published,
        json!({ "bytes": bytes, "ops": ops, "tier": cat }),
    ));
    for (name, from, to) in [
        ("lower", t.started, t.lowered),
        ("llvm passes", t.lowered, t.optimized),
        ("emit object", t.optimized, t.emitted),
        ("relocate + publish", t.emitted, t.published),
    ] {
        ev.push(slice(name, cat, tid, from, to, Value::Null));
    }
}

/// Records a counter sample (`"ph":"C"`: a counter track in Perfetto), e.g. the
/// optimizing queue's depth (no-op when tracing is off).
pub fn counter(name: &str, value: u64) {
    if !enabled() {
        return;
    }
    let ts = us(Instant::now());
    let mut ev = EVENTS.lock();
    let tid = tid(&mut ev);
    ev.push(Event {
        name: name.to_string(),
        cat: "jit",
        ph: "C",
        ts,
        dur: None,
        pid: std::process::id(),
        tid,
        s: None,
        args: json!({ "depth": value }),
    });
}

/// Records an instant event on this thread (no-op when tracing is off).
pub fn instant(name: &str, cat: &'static str, args: Value) {
    if !enabled() {
        return;
    }
    let ts = us(Instant::now());
    let mut ev = EVENTS.lock();
    let tid = tid(&mut ev);
    ev.push(Event {
        name: name.to_string(),
        cat,
        ph: "i",
        ts,
        dur: None,
        pid: std::process::id(),
        tid,
        s: Some("t"),
        args,
    });
}

/// A copy of the events recorded so far.
pub fn events() -> Vec<Event> {
    EVENTS.lock().clone()
}

/// Writes the recorded events to `path` as one JSON array.
pub fn write(path: &str) -> std::io::Result<()> {
    let ev = EVENTS.lock();
    let file = std::fs::File::create(path)?;
    let mut w = std::io::BufWriter::new(file);
    serde_json::to_writer(&mut w, &*ev)?;
    std::io::Write::flush(&mut w)
}
