//! Concurrency stress test of the baseline JIT: 8 threads run the SAME compiled unit
//! at once (`run_captured` on one `Arc<Unit>`), so they share its functions' entry
//! slots, call counters, leases and translations. With `jit.baseline_threshold=3`
//! the threads race to cross the threshold, take the per-function write lease,
//! translate and publish — while the others keep interpreting, or already call the
//! fresh translation. Every round compiles the program again (a fresh unit), so the
//! races recur 100 times. Every thread's output must equal `php -n`'s, and afterwards
//! the metadata registry must show exactly one translation per (unit, function).
//!
//! The JIT config is process-wide (first `configure` wins), so this file tests the
//! per-function leases (`jit.concurrent=1`); `jit_stress_global_lease.rs` includes
//! this file for its helpers and runs the same stress under one global lease.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Barrier};
use std::time::Instant;

use hopjit::bytecode::unit::Unit;
use hopjit::jit::config::{configure, JitConfig};
use hopjit::jit::meta;
use hopjit::jit::stats::STATS;
use hopjit::jit::tc::TcConfig;

pub const THREADS: usize = 8;
pub const ROUNDS: usize = 100;
pub const FILE: &str = "stress.php";

/// Small hot functions: recursion, int loops, a float loop, string building, packed
/// and hash arrays with foreach, a throw caught one frame up, and a closure with
/// captures called from a loop (natively, once optimized). Deterministic.
pub const PROGRAM: &str = r#"<?php
function fib($n) { return $n < 2 ? $n : fib($n - 1) + fib($n - 2); }
function sum_loop($n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) { $s = ($s + $i * 7) % 1000003; }
    return $s;
}
function collatz($n) {
    $steps = 0;
    while ($n != 1) { $n = $n % 2 == 0 ? intdiv($n, 2) : 3 * $n + 1; $steps++; }
    return $steps;
}
function build_str($n) {
    $s = "";
    for ($i = 0; $i < $n; $i++) { $s .= chr(97 + $i % 26); }
    return $s . ":" . strlen($s);
}
function arr_work($n) {
    $a = [];
    for ($i = 0; $i < $n; $i++) { $a[] = $i * $i; }
    $m = ["x" => 1, "y" => 2];
    $m["z"] = count($a);
    $t = 0;
    foreach ($a as $k => $v) { $t += $k + $v; }
    return $t + $m["z"] + $m["x"];
}
function risky($n) {
    if ($n % 3 == 0) { throw new Exception("bad " . $n); }
    return $n * 2;
}
function safe($n) {
    try { return risky($n); } catch (Exception $e) { return -strlen($e->getMessage()); }
}
function fsum($n) { $f = 0.5; for ($i = 0; $i < $n; $i++) { $f = $f * 1.5 - $i; } return $f; }
function apply_all($f, $n) {
    $t = 0;
    for ($i = 0; $i < $n; $i++) { $t += $f($i); }
    return $t;
}
$k = 3;
$tag = "ab";
$scale = function ($x) use ($k, $tag) { return $x * $k + strlen($tag) + (int) sqrt($x); };
$acc = 0;
for ($r = 0; $r < 20; $r++) {
    $acc += fib(12) + sum_loop(50) + collatz(27 + $r) + arr_work(10) + safe($r);
    $acc += apply_all($scale, 30);
    $acc %= 1000000007;
}
echo apply_all($scale, 100), "\n";
echo fib(15), "\n";
echo sum_loop(1000), "\n";
echo collatz(97), "\n";
echo build_str(30), "\n";
echo arr_work(20), "\n";
for ($i = 0; $i < 6; $i++) { echo safe($i), " "; }
echo "\n";
var_dump(fsum(5));
echo $acc, "\n";
"#;

/// `php -n` output of `PROGRAM` (checked with PHP 8.2).
pub const EXPECTED: &str = "15665\n610\n496491\n118\nabcdefghijklmnopqrstuvwxyzabcd:30\n2681\n-5 2 4 -5 8 10 \nfloat(-12.578125)\n211243\n";

/// Every user function of `PROGRAM` plus the script body; each is called more than
/// 3 times per round across the threads (the counters are shared), so each must get
/// exactly one translation per unit.
pub const FUNCS: &[&str] = &[
    "fib",
    "sum_loop",
    "collatz",
    "build_str",
    "arr_work",
    "risky",
    "safe",
    "fsum",
    "apply_all",
    "{closure}",
    "{main}",
];

pub fn compile() -> Arc<Unit> {
    let prog = hopjit::compiler::parse(PROGRAM.as_bytes(), FILE).expect("parses");
    Arc::new(hopjit::bytecode::emit::compile(&prog, FILE, FILE).expect("compiles"))
}

pub fn config(threshold: u64, concurrent: bool) -> JitConfig {
    JitConfig {
        enabled: true,
        baseline_threshold: threshold,
        concurrent,
        max_threads: THREADS,
        // The baseline tier alone: exactly one translation per function and unit.
        optimize: false,
        perf_map: false,
        tc: TcConfig::default(),
        ..JitConfig::from_options(&hopjit::cli::options::Options::new())
    }
}

/// Runs the stress rounds under the already configured JIT and checks everything.
pub fn stress(rounds: usize) {
    let t0 = Instant::now();
    let translations_before = STATS.baseline_translations.load(Ordering::Relaxed);
    let meta_before = meta::count();
    // Units stay alive until the end: the metadata tells units apart by address, and
    // a dropped unit's address could be reused by the next round's.
    let mut units: Vec<Arc<Unit>> = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let unit = compile();
        let barrier = Arc::new(Barrier::new(THREADS));
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                let (unit, barrier) = (unit.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    hopjit::vm::run::run_captured(unit, FILE.to_string())
                })
            })
            .collect();
        for (t, h) in handles.into_iter().enumerate() {
            let (out, status) = h.join().expect("thread joins");
            let out = String::from_utf8_lossy(&out);
            assert_eq!(
                (out.as_ref(), status),
                (EXPECTED, 0),
                "round {round}, thread {t}: output or exit status differs from php -n"
            );
        }
        units.push(unit);
    }
    let unit_ids: BTreeSet<usize> = units.iter().map(|u| Arc::as_ptr(u) as usize).collect();
    assert_eq!(
        unit_ids.len(),
        rounds,
        "units were alive together, so their addresses differ"
    );

    let translations = STATS.baseline_translations.load(Ordering::Relaxed) - translations_before;
    let metas = meta::count() - meta_before;
    assert!(translations > 0, "no baseline translation happened");
    assert_eq!(
        translations as usize, metas,
        "every translation commits exactly one metadata record"
    );
    assert_eq!(
        STATS.tc_full.load(Ordering::Relaxed),
        0,
        "the default TC must not fill up"
    );

    let mut total = 0;
    for name in FUNCS {
        let mut per_unit: BTreeMap<(usize, u32), usize> = BTreeMap::new();
        for m in meta::find(name) {
            assert!(
                unit_ids.contains(&m.unit),
                "{name}: translation for an unknown unit {:#x}",
                m.unit
            );
            *per_unit.entry((m.unit, m.func_id)).or_default() += 1;
        }
        for ((unit, fid), n) in &per_unit {
            assert_eq!(
                *n, 1,
                "{name} (func {fid}) of unit {unit:#x} was translated {n} times"
            );
        }
        assert_eq!(
            per_unit.len(),
            rounds,
            "{name}: expected one translation in each of the {rounds} units"
        );
        total += per_unit.len();
    }
    assert_eq!(total, metas, "translations of functions outside FUNCS");
    println!(
        "{rounds} rounds x {THREADS} threads in {:.2?}: {translations} translations, \
         declined: lease {}, thread limit {}",
        t0.elapsed(),
        STATS.declined_lease.load(Ordering::Relaxed),
        STATS.declined_thread_limit.load(Ordering::Relaxed),
    );
}

/// Per-function leases, threshold 3: the threads race to cross it.
#[test]
fn stress_per_function_leases() {
    // When included by jit_stress_global_lease.rs, that file's test owns the config.
    if module_path!() != "jit_stress" {
        return;
    }
    configure(config(3, true));
    stress(ROUNDS);
}
