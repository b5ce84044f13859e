//! Concurrency stress of the optimizing tier: 8 threads run the same unit while its
//! functions tier up twice — baseline translations on first call, then optimized
//! code compiled by 2 background workers and swapped into the entry slots (and into
//! running loops through OSR) while the threads keep calling. Each thread runs the
//! program several times in a row, so later runs start in code that was swapped in
//! during earlier ones. 100 rounds, each on a freshly compiled unit; every output
//! must equal php's, and LLVM must never have run on a request thread.

#[path = "jit_stress.rs"]
mod shared;

use std::sync::atomic::Ordering;
use std::sync::{Arc, Barrier};
use std::time::Instant;

use hopjit::jit::config::{configure, JitConfig};
use hopjit::jit::opt::stats::STATS as OPT;

const RUNS_PER_THREAD: usize = 5;

#[test]
fn stress_optimized_swaps() {
    configure(JitConfig {
        optimize: true,
        optimize_threshold: 10,
        workers: 2,
        llvm_opt: 1,
        sync: hopjit::jit::config::SyncMode::Off,
        ..shared::config(0, true)
    });
    let t0 = Instant::now();
    let mut units = Vec::with_capacity(shared::ROUNDS);
    for round in 0..shared::ROUNDS {
        let unit = shared::compile();
        let barrier = Arc::new(Barrier::new(shared::THREADS));
        let handles: Vec<_> = (0..shared::THREADS)
            .map(|_| {
                let (unit, barrier) = (unit.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    (0..RUNS_PER_THREAD)
                        .map(|_| {
                            hopjit::vm::run::run_captured(unit.clone(), shared::FILE.to_string())
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for (t, h) in handles.into_iter().enumerate() {
            for (run, (out, status)) in h.join().expect("thread joins").into_iter().enumerate() {
                let out = String::from_utf8_lossy(&out);
                assert_eq!(
                    (out.as_ref(), status),
                    (shared::EXPECTED, 0),
                    "round {round}, thread {t}, run {run}: output differs from php -n"
                );
            }
        }
        units.push(unit);
    }
    let compiles = OPT.compiles.load(Ordering::Relaxed);
    println!(
        "{} rounds x {} threads x {RUNS_PER_THREAD} runs in {:.2?}: {compiles} optimized \
         compiles, {} failed, deopts {:?}",
        shared::ROUNDS,
        shared::THREADS,
        t0.elapsed(),
        OPT.failed.load(Ordering::Relaxed),
        OPT.deopts
            .iter()
            .map(|d| d.load(Ordering::Relaxed))
            .collect::<Vec<_>>(),
    );
    assert!(compiles > 0, "no optimized translation was swapped in");
    assert_eq!(
        OPT.off_worker.load(Ordering::Relaxed),
        0,
        "LLVM ran on a request thread"
    );
    hopjit::jit::opt::shutdown();
}
