//! The optimizing worker pool: `jit.workers` threads fed by one queue. Request
//! threads only ever enqueue (or, with `jit.sync=1`, enqueue and wait); LLVM runs on
//! the workers alone (DESIGN.md decision 9).
//!
//! The pool starts on the first request. At exit, [`shutdown`] skips whatever is
//! still queued, lets each worker finish the compile it is in, and joins them, so no
//! LLVM code runs while the process tears down its statics.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use crossbeam_channel::{unbounded, Receiver, Sender};
use once_cell::sync::OnceCell;
use parking_lot::Mutex;

use super::codegen::{init_native, Llvm};
use super::stats::STATS;
use super::{compile, retranslate};
use crate::bytecode::unit::Unit;
use crate::jit::{config, trace};

/// One function to optimize.
pub struct Job {
    pub unit: Arc<Unit>,
    pub fid: u32,
    pub queued: Instant,
    /// Signalled when the job is finished (`jit.sync`).
    pub done: Option<Sender<()>>,
    /// Whether the function's baseline code requests it again when handed back to
    /// profiling (false for the retranslate-all watcher's jobs: their translations
    /// carry no trigger of their own).
    pub retriggers: bool,
    /// Times a worker put it back on the queue because its write lease stayed busy.
    pub lease_retries: u8,
}

enum Msg {
    Compile(Job),
    Stop,
}

struct Pool {
    tx: Sender<Msg>,
    handles: Mutex<Vec<JoinHandle<()>>>,
    workers: usize,
    started: Instant,
}

static POOL: OnceCell<Option<Pool>> = OnceCell::new();
static SHUTDOWN: AtomicBool = AtomicBool::new(false);
static DEPTH: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static IS_WORKER: Cell<bool> = const { Cell::new(false) };
}

/// Whether the calling thread is an optimizing worker.
pub fn on_worker() -> bool {
    IS_WORKER.with(Cell::get)
}

fn start() -> Option<Pool> {
    if let Err(e) = init_native() {
        eprintln!("hopjit: the optimizing tier is off: LLVM: {e}");
        return None;
    }
    let cfg = config::get();
    let (tx, rx) = unbounded::<Msg>();
    let mut handles = Vec::new();
    for i in 0..cfg.workers {
        let rx = rx.clone();
        let level = cfg.llvm_opt;
        let h = std::thread::Builder::new()
            .name(format!("hopjit-opt-{i}"))
            .spawn(move || worker(rx, level));
        match h {
            Ok(h) => handles.push(h),
            Err(e) => eprintln!("hopjit: cannot start optimizing worker {i}: {e}"),
        }
    }
    if handles.is_empty() {
        return None;
    }
    // Join the workers before the process's exit handlers tear down LLVM's static
    // state (atexit handlers run in reverse order of registration, and libLLVM's
    // were registered when it was loaded), however the process exits.
    // SAFETY: `exit_hook` is an `extern "C" fn()` that never unwinds.
    unsafe { libc::atexit(exit_hook) };
    if cfg.retranslate_all > 0 {
        retranslate::start_watch(Queue(tx.clone()));
    }
    Some(Pool {
        workers: handles.len(),
        tx,
        handles: Mutex::new(handles),
        started: Instant::now(),
    })
}

fn pool() -> Option<&'static Pool> {
    POOL.get_or_init(start).as_ref()
}

/// Starts the pool now (the retranslate-all mode needs its watcher running before
/// anything is queued); false when it cannot run.
pub fn ensure_started() -> bool {
    pool().is_some()
}

/// Queues a job; false when the pool is shut down or could not start (the caller
/// keeps the function in the baseline tier).
pub fn enqueue(job: Job) -> bool {
    if SHUTDOWN.load(Ordering::Acquire) {
        return false;
    }
    let Some(pool) = pool() else { return false };
    send(&pool.tx, job)
}

/// Queues on a given sender (the retranslate-all watcher holds its own).
fn send(tx: &Sender<Msg>, job: Job) -> bool {
    let depth = DEPTH.fetch_add(1, Ordering::AcqRel) + 1;
    STATS
        .max_queue_depth
        .fetch_max(depth as u64, Ordering::Relaxed);
    trace::counter("opt queue", depth as u64);
    STATS.queued.fetch_add(1, Ordering::Relaxed);
    if tx.send(Msg::Compile(job)).is_err() {
        DEPTH.fetch_sub(1, Ordering::AcqRel);
        return false;
    }
    true
}

/// Puts a job whose lease was busy back at the end of the queue; false (and the job
/// abandoned, not counted as requeued) when the pool is shutting down.
fn requeue(job: Job) -> bool {
    if SHUTDOWN.load(Ordering::Acquire) {
        compile::abandon(&job);
        return false;
    }
    STATS.lease_requeues.fetch_add(1, Ordering::Relaxed);
    enqueue(job)
}

/// A sender the retranslate-all watcher can queue on.
pub struct Queue(Sender<Msg>);

impl Queue {
    pub fn push(&self, job: Job) -> bool {
        !SHUTDOWN.load(Ordering::Acquire) && send(&self.0, job)
    }
}

fn worker(rx: Receiver<Msg>, level: u8) {
    IS_WORKER.with(|w| w.set(true));
    let mut llvm = match Llvm::new(level) {
        Ok(mut l) => {
            l.warm_up();
            Some(l)
        }
        Err(e) => {
            eprintln!("hopjit: optimizing worker without LLVM: {e}");
            None
        }
    };
    for msg in rx.iter() {
        let job = match msg {
            Msg::Stop => break,
            Msg::Compile(job) => job,
        };
        let depth = DEPTH.fetch_sub(1, Ordering::AcqRel).saturating_sub(1);
        trace::counter("opt queue", depth as u64);
        let done = job.done.clone();
        if !SHUTDOWN.load(Ordering::Acquire) {
            let t = Instant::now();
            let again = compile::run(job, llvm.as_mut());
            STATS
                .busy_nanos
                .fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
            if let Some(job) = again {
                if requeue(job) {
                    // Still queued: its `jit.sync` waiter keeps waiting.
                    continue;
                }
            }
        } else {
            compile::abandon(&job);
        }
        if let Some(d) = done {
            let _ = d.send(());
        }
    }
}

/// Workers in the pool and how long it has run (for utilisation), if it started.
pub fn pool_info() -> Option<(usize, std::time::Duration)> {
    POOL.get()
        .and_then(Option::as_ref)
        .map(|p| (p.workers, p.started.elapsed()))
}

extern "C" fn exit_hook() {
    shutdown();
}

/// Stops the pool: queued jobs are skipped, running compiles finish, workers join.
pub fn shutdown() {
    if SHUTDOWN.swap(true, Ordering::AcqRel) {
        return;
    }
    retranslate::stop_watch();
    let Some(Some(pool)) = POOL.get() else { return };
    for _ in 0..pool.workers {
        let _ = pool.tx.send(Msg::Stop);
    }
    // (`exit` can run on a worker — LLVM exits on a fatal error — and a thread
    // cannot join itself.)
    let me = std::thread::current().id();
    for h in pool.handles.lock().drain(..) {
        if h.thread().id() != me {
            let _ = h.join();
        }
    }
}
