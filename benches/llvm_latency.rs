//! LLVM compile latency per function, at `jit.llvm_opt` O1, O2 and O3.
//!
//! Compiles every program of `benches/php/`, then for each level:
//! 1. criterion: lowering + LLVM (parse, verify, pass pipeline, object emission) of
//!    the largest function, as one benchmark per level;
//! 2. outside criterion: the same for every function of every program, several
//!    passes, reporting p50 / p99 / max per function — the numbers issue 4's goals
//!    (p50 ≤ 5 ms, p99 ≤ 50 ms) are about.
//!
//! Functions are compiled without a profile (as `jit.sync=1` does), so arithmetic
//! is speculated int. `cargo bench --bench llvm_latency -- --quick`; each level
//! also names its slowest functions (`SLOWEST=N` for N of them, default 3);
//! `LEVELS=2` measures only that level (comma-separated for several); `ONLY=fib`
//! only the functions of that name; `LLVM_ARGS` passes options to LLVM.
//!
//! `THREADS=1,2,4,8` adds a throughput run: that many threads, each with its own
//! [`Llvm`] (as each `jit.workers` thread has), compile the corpus at O2 from one
//! shared work list, and the run reports compiles per second, the speedup over one
//! thread and the per-compile latency under that contention — how the worker pool
//! would scale on a machine with more cores (`LEVELS=none` skips the rest).

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Barrier;
use std::time::{Duration, Instant};

use criterion::Criterion;
use hopjit::bytecode::unit::Unit;
use hopjit::jit::opt::codegen::Llvm;
use hopjit::jit::opt::compile::lower_and_compile;

const PASSES: usize = 5;

fn units() -> Vec<Unit> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/php");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("benches/php")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "php"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| {
            let src = std::fs::read(p).ok()?;
            let name = p.to_string_lossy().to_string();
            let prog = hopjit::compiler::parse(&src, &name).ok()?;
            hopjit::bytecode::emit::compile(&prog, &name, &name).ok()
        })
        .collect()
}

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn main() {
    // `LLVM_ARGS="-regalloc=basic"`: LLVM's own command-line options, for
    // experiments with code generation (`-time-passes` reports per compile).
    if let Ok(a) = std::env::var("LLVM_ARGS") {
        let args: Vec<&str> = a.split_whitespace().collect();
        hopjit::jit::opt::codegen::llvm_options(&args).expect("LLVM back end loads");
    }
    let units = units();
    // `ONLY=fib` (comma-separated for several) measures only functions of that name.
    let only: Option<Vec<String>> = std::env::var("ONLY")
        .ok()
        .map(|v| v.split(',').map(|n| n.trim().to_string()).collect());
    let all: Vec<(&Unit, usize)> = units
        .iter()
        .flat_map(|u| (0..u.funcs.len()).map(move |f| (u, f)))
        .filter(|(u, f)| only.as_ref().is_none_or(|o| o.contains(&u.funcs[*f].name)))
        .collect();
    let largest = *all
        .iter()
        .max_by_key(|(u, f)| u.funcs[*f].ops.len())
        .expect("some function");
    let mut c = Criterion::default().sample_size(10).configure_from_args();
    for level in [1u8, 2] {
        let mut llvm = Llvm::new(level).expect("LLVM initializes");
        let (u, f) = largest;
        c.bench_function(
            &format!(
                "llvm_compile/O{level}/largest ({} ops)",
                u.funcs[f].ops.len()
            ),
            |b| b.iter(|| black_box(lower_and_compile(u, &u.funcs[f], &mut llvm, false).is_ok())),
        );
    }
    c.final_summary();
    let show_slowest: usize = std::env::var("SLOWEST")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    // `LEVELS=2` (or `1,2`) measures only those levels, e.g. under a profiler.
    let levels: Vec<u8> = std::env::var("LEVELS")
        .ok()
        .map(|v| v.split(',').filter_map(|l| l.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 2, 3]);
    for &level in &levels {
        let mut llvm = Llvm::new(level).expect("LLVM initializes");
        // The floor: a one-load function with the runtime prelude, every phase.
        let mut floor: Vec<Duration> = (0..20)
            .map(|_| {
                let t = Instant::now();
                llvm.warm_up();
                t.elapsed()
            })
            .collect();
        floor.sort();
        println!(
            "  O{level} floor        p50 {:.2?} (a one-load function)",
            percentile(&floor, 0.5)
        );
        let mut times = Vec::new();
        let mut per_func = vec![Vec::new(); all.len()];
        let mut phases = [Vec::new(), Vec::new(), Vec::new()];
        for _ in 0..PASSES {
            for (i, (u, f)) in all.iter().enumerate() {
                let t = Instant::now();
                let c = lower_and_compile(u, &u.funcs[*f], &mut llvm, false)
                    .unwrap_or_else(|e| panic!("{} failed to compile: {e}", u.funcs[*f].name));
                times.push(t.elapsed());
                per_func[i].push(t.elapsed());
                phases[0].push(c.lowered - t);
                phases[1].push(c.optimized - c.lowered);
                phases[2].push(c.emitted - c.optimized);
            }
        }
        for (name, p) in ["lower+parse", "passes", "emit"]
            .iter()
            .zip(phases.iter_mut())
        {
            p.sort();
            println!(
                "  O{level} {name:12} p50 {:.2?} p90 {:.2?}",
                percentile(p, 0.5),
                percentile(p, 0.9)
            );
        }
        // The slowest functions (median of their passes): where latency goes.
        let mut slowest: Vec<(Duration, usize)> = per_func
            .iter_mut()
            .enumerate()
            .map(|(i, t)| {
                t.sort();
                (percentile(t, 0.5), i)
            })
            .collect();
        slowest.sort();
        for (t, i) in slowest.iter().rev().take(show_slowest) {
            let (u, f) = all[*i];
            let func = &u.funcs[f];
            println!(
                "  O{level} slow: {:.2?} {} {} ({} ops)",
                t,
                u.file.rsplit('/').next().unwrap_or(""),
                func.name,
                func.ops.len()
            );
        }
        times.sort();
        println!(
            "llvm O{level}: {} functions x {PASSES}: p50 {:.2?}  p90 {:.2?}  p99 {:.2?}  max {:.2?}",
            all.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.9),
            percentile(&times, 0.99),
            times.last().unwrap()
        );
    }
    let threads: Vec<usize> = std::env::var("THREADS")
        .ok()
        .map(|v| v.split(',').filter_map(|t| t.trim().parse().ok()).collect())
        .unwrap_or_default();
    let mut one_thread_rate = None;
    for &n in threads.iter().filter(|&&n| n > 0) {
        let (wall, mut times) = compile_in_parallel(&all, n);
        times.sort();
        let rate = times.len() as f64 / wall.as_secs_f64();
        let base = *one_thread_rate.get_or_insert(rate);
        println!(
            "llvm O2 x{n:<2} threads: {} compiles in {:.2?}: {rate:.1}/s ({:.2}x one thread), \
             per compile p50 {:.2?} p99 {:.2?}",
            times.len(),
            wall,
            rate / base,
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }
}

/// Compiles every function of `all` [`PASSES`] times per thread on `n` threads,
/// each with its own warmed-up [`Llvm`], pulling from one shared counter. Returns
/// the wall time from the common start to the last compile and every compile's
/// latency.
fn compile_in_parallel(all: &[(&Unit, usize)], n: usize) -> (Duration, Vec<Duration>) {
    let jobs = all.len() * PASSES * n;
    let next = AtomicUsize::new(0);
    let start = Barrier::new(n + 1);
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..n)
            .map(|_| {
                s.spawn(|| {
                    let mut llvm = Llvm::new(2).expect("LLVM initializes");
                    llvm.warm_up();
                    start.wait();
                    let mut times = Vec::new();
                    loop {
                        let j = next.fetch_add(1, Ordering::Relaxed);
                        if j >= jobs {
                            return (Instant::now(), times);
                        }
                        let (u, f) = all[j % all.len()];
                        let t = Instant::now();
                        let ok = lower_and_compile(u, &u.funcs[f], &mut llvm, false).is_ok();
                        times.push(t.elapsed());
                        assert!(ok, "{} failed to compile", u.funcs[f].name);
                    }
                })
            })
            .collect();
        start.wait();
        let t0 = Instant::now();
        let mut all_times = Vec::with_capacity(jobs);
        let mut end = t0;
        for w in workers {
            let (done, times) = w.join().expect("compile thread");
            end = end.max(done);
            all_times.extend(times);
        }
        (end - t0, all_times)
    })
}
