//! Baseline translation latency per function.
//!
//! Compiles every program of `benches/php/` and a selection of `tests/php/`, then:
//! 1. criterion: `translate::assemble(func, 0x1000)` (pure assembly — the bulk of a
//!    translation's work) over all functions, as one benchmark ("assemble/all"), and
//!    the median per function printed afterwards;
//! 2. outside criterion: the full `baseline::translate` (TC allocation, copy, jump
//!    table, metadata commit) of every function into a large `CodeCache`, several
//!    passes, reporting the median and p99 per function.
//!
//! `cargo bench --bench baseline_latency -- --quick` runs in a few seconds.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use hopjit::bytecode::unit::Unit;
use hopjit::jit::baseline::{self, translate::assemble};
use hopjit::jit::tc::{CodeCache, TcConfig};

const TABLE_ADDR: usize = 0x1000;
/// Prefixes of the `tests/php/` programs taken (function-heavy areas of the corpus).
const TEST_PREFIXES: &[&str] = &["func_", "exc_", "lang_", "op_", "fn_str", "fn_array"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn units() -> Vec<Unit> {
    let mut files: Vec<PathBuf> = Vec::new();
    for (dir, prefixes) in [("benches/php", &[""][..]), ("tests/php", TEST_PREFIXES)] {
        let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .expect("program dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "php"))
            .filter(|p| {
                let n = p.file_name().unwrap().to_string_lossy();
                prefixes.iter().any(|pre| n.starts_with(pre))
            })
            .collect();
        v.sort();
        files.extend(v);
    }
    files
        .iter()
        .filter_map(|p| {
            let src = std::fs::read(p).ok()?;
            let file = p.to_string_lossy();
            let prog = hopjit::compiler::parse(&src, &file).ok()?;
            hopjit::bytecode::emit::compile(&prog, &file, &file).ok()
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let units = units();
    let funcs: Vec<_> = units
        .iter()
        .flat_map(|u| u.funcs.iter().map(move |f| (u, f)))
        .filter(|(u, f)| assemble(u, f, TABLE_ADDR, None).is_ok())
        .collect();
    let ops: usize = funcs.iter().map(|(_, f)| f.ops.len()).sum();
    println!(
        "baseline_latency: {} units, {} functions, {} bytecode ops",
        units.len(),
        funcs.len(),
        ops
    );

    // 1. criterion: assembly of every function, one benchmark.
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    {
        let mut g = c.benchmark_group("assemble");
        g.throughput(Throughput::Elements(funcs.len() as u64));
        g.bench_function("all", |b| {
            b.iter(|| {
                for (u, f) in &funcs {
                    black_box(assemble(u, black_box(f), TABLE_ADDR, None).ok());
                }
            })
        });
        g.finish();
    }
    c.final_summary();

    // Per function assembly: the median of a few timed runs of each function, then
    // the distribution of those medians over functions.
    let mut per_func: Vec<Duration> = funcs
        .iter()
        .map(|(u, f)| {
            let mut t: Vec<Duration> = (0..15)
                .map(|_| {
                    let s = Instant::now();
                    black_box(assemble(u, black_box(f), TABLE_ADDR, None).ok());
                    s.elapsed()
                })
                .collect();
            t.sort();
            t[t.len() / 2]
        })
        .collect();
    per_func.sort();
    println!(
        "assemble per function: median {:?}, p99 {:?}, max {:?} ({} functions, {:.1} ops on average)",
        percentile(&per_func, 0.5),
        percentile(&per_func, 0.99),
        per_func.last().copied().unwrap_or_default(),
        funcs.len(),
        ops as f64 / funcs.len().max(1) as f64
    );

    // 2. full translations into a large TC (commits metadata and TC space each time).
    let tc = CodeCache::new(TcConfig {
        prof: 512 << 20,
        ..TcConfig::default()
    })
    .expect("TC maps");
    let passes = 5;
    let mut full: Vec<Duration> = Vec::with_capacity(funcs.len() * passes);
    let mut declined = 0;
    for _ in 0..passes {
        for (u, f) in &funcs {
            let s = Instant::now();
            let r = baseline::translate(&tc, u, f, None);
            full.push(s.elapsed());
            declined += usize::from(r.is_none());
        }
    }
    full.sort();
    println!(
        "translate (full) per function: median {:?}, p99 {:?}, max {:?} ({} translations, {} declined)",
        percentile(&full, 0.5),
        percentile(&full, 0.99),
        full.last().copied().unwrap_or_default(),
        full.len(),
        declined
    );
    println!("{}", tc.stats());
}
