//! Interpreter dispatch: small PHP loops and calls run by the interpreter alone
//! (`jit=0`), one request per criterion iteration.
//!
//! Each program is compiled once; every iteration runs its script body again on the
//! same execution context (fresh main frame, output captured and dropped), so the time
//! is the interpreter's: dispatch, operand reads and writes, the call path — not
//! process start, compilation or the 64 MiB VM stack reservation a fresh context makes.
//! The programs define no constants or statics, the only state a reused context keeps.
//! Throughput is in loop iterations (or calls, for `fib`), so criterion's elem/s reads
//! as "PHP iterations per second".
//!
//! `cargo bench --bench interp_dispatch -- --quick` runs in well under a minute.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use hopjit::bytecode::unit::Unit;
use hopjit::cli::options::Options;
use hopjit::jit::config::{configure, JitConfig};
use hopjit::vm::ctx::ExecCtx;
use hopjit::vm::output::Output;
use hopjit::vm::run::run_main;

/// (name, PHP iterations per run, program, what it prints).
const PROGRAMS: &[(&str, u64, &str, &str)] = &[
    (
        "int_loop",
        10_000,
        "$s = 0; for ($i = 0; $i < 10000; $i++) { $s += ($i * 3) & 7; } echo $s;",
        "35000",
    ),
    (
        "branches",
        10_000,
        "$e = 0; $o = 0; for ($i = 0; $i < 10000; $i++) { if ($i % 2 == 0) { $e++; } \
         elseif ($i % 3 == 0) { $o += 2; } else { $o--; } } echo $e, ' ', $o;",
        "5000 1",
    ),
    (
        "calls",
        5_000,
        "function add($a, $b) { return $a + $b; } \
         $s = 0; for ($i = 0; $i < 5000; $i++) { $s = add($s, $i); } echo $s;",
        "12497500",
    ),
    (
        "fib",
        1_973,
        "function fib($n) { return $n < 2 ? $n : fib($n - 1) + fib($n - 2); } echo fib(15);",
        "610",
    ),
    (
        "array_append_sum",
        5_000,
        "$a = []; for ($i = 0; $i < 2500; $i++) { $a[] = $i; } \
         $s = 0; foreach ($a as $v) { $s += $v; } echo $s;",
        "3123750",
    ),
    (
        "string_build",
        2_000,
        "$s = ''; for ($i = 0; $i < 2000; $i++) { $s .= $i . ','; } echo strlen($s);",
        "8890",
    ),
];

fn compile(src: &str) -> Unit {
    let src = format!("<?php {src}");
    let prog = hopjit::compiler::parse(src.as_bytes(), "bench.php").expect("parses");
    hopjit::bytecode::emit::compile(&prog, "bench.php", "bench.php").expect("compiles")
}

/// Runs the script body once on `ctx`; returns what it printed.
fn run(ctx: &mut ExecCtx) -> Vec<u8> {
    let code = run_main(ctx);
    assert_eq!(code, 0);
    ctx.out.take_captured()
}

fn main() {
    let mut opts = Options::new();
    opts.set("jit", "0").expect("jit is an option");
    configure(JitConfig::from_options(&opts));

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(30)
        .configure_from_args();
    let mut g = c.benchmark_group("interp");
    for &(name, iters, src, expect) in PROGRAMS {
        let mut ctx = ExecCtx::new(Arc::new(compile(src)), "bench.php".into());
        ctx.out = Output::capturing();
        assert_eq!(
            String::from_utf8_lossy(&run(&mut ctx)),
            expect,
            "{name} prints the wrong thing"
        );
        g.throughput(Throughput::Elements(iters));
        g.bench_function(name, |b| b.iter(|| black_box(run(&mut ctx))));
    }
    g.finish();
    c.final_summary();
}
