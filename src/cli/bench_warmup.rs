//! `hopjit bench --warmup FILE`: how one program speeds up as the JIT warms, measured
//! inside one process.
//!
//! ```text
//! hopjit bench --warmup FILE.php [--iterations N] [--mode interp|baseline|tiered]
//!              [-d name=value ...] [--php PATH] [--json OUT.json] [--svg OUT.svg]
//! ```
//!
//! The program is compiled to one `Unit` once, then its script body runs `N` times on
//! that unit, each time in a fresh execution context (fresh globals, constants,
//! statics, output), one after the other on one VM thread. Everything the JIT keeps on
//! the unit — entry slots, translations, profiles — carries over, which is exactly what
//! separate `hopjit bench` runs cannot show: the first iteration pays for translation,
//! later ones show the steady state, and a tier that compiles in the background shows
//! up as the iteration where time drops.
//!
//! Each iteration's wall time covers the whole request (context set-up, the script
//! body, output flushed into memory, teardown); its CPU time is the VM thread's over
//! the same span (`CLOCK_THREAD_CPUTIME_ID`), which other processes on a busy machine
//! do not inflate and which leaves out JIT work done on other threads. Tier-ups are taken from the JIT's
//! event log (`jit::events`), fed by every tier at its entry-slot swap, and counted in
//! the iteration during which (or just before which) they were published.
//!
//! Output is captured and discarded, except that every iteration must print what the
//! first printed (the JIT must not change a program's output) and the first must match
//! `php -n` when php is installed; a mismatch is a failure (exit status 1), like a
//! FAIL cell of `hopjit bench`. Bad arguments exit 2.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::bench::{find_on_path, first_diff, median, mode_options, output_path, run_once};
use super::bench_chart::{warmup_svg, Marker};
use super::options::Options;
use crate::jit::{events, stats};

const USAGE: &str = "Usage: hopjit bench --warmup FILE.php [--iterations N] \
[--mode interp|baseline|tiered] [-d name=value ...] [--php PATH] [--json FILE] [--svg FILE]
  --iterations N  times the script body runs in this one process (default 20)
  --mode M        interp (-d jit=0), baseline (-d jit.optimize=0) or tiered (the
                  defaults; default mode)
  -d name=value   a runtime option, after the mode's (hopjit --options lists them)
  --php PATH      php used to check the first iteration's output (default: php on PATH)
  --json FILE     write the iterations and tier-up events as JSON
  --svg FILE      draw wall and CPU time per iteration, tier-ups marked, as SVG
Prints a table of iteration -> wall and VM-thread CPU milliseconds, and the tier-ups
during each iteration.";

const DEFAULT_ITERATIONS: usize = 20;
/// More would only be a typo (and the per-iteration records would not fit in memory).
const MAX_ITERATIONS: usize = 1_000_000;
/// The php reference run is killed after this long.
const PHP_TIMEOUT: Duration = Duration::from_secs(120);

struct Config {
    program: PathBuf,
    iterations: usize,
    mode: &'static str,
    defines: Vec<String>,
    php: Option<PathBuf>,
    json: Option<PathBuf>,
    svg: Option<PathBuf>,
}

/// One iteration as measured on the VM thread.
struct Measured {
    /// Nanoseconds since `stats::process_start`.
    start: u64,
    end: u64,
    /// CPU nanoseconds the VM thread spent in the iteration.
    cpu: u64,
    status: i32,
    /// Whether it printed what iteration 1 printed.
    same_output: bool,
}

/// One iteration in the report (and in the JSON).
#[derive(Serialize)]
struct Iteration {
    iteration: usize,
    /// Milliseconds from the start of iteration 1.
    start_ms: f64,
    /// Wall time.
    ms: f64,
    /// The VM thread's CPU time.
    cpu_ms: f64,
    exit_status: i32,
    tierups: usize,
}

/// One tier-up in the report (and in the JSON).
#[derive(Serialize)]
struct TierUp {
    func: String,
    tier: &'static str,
    /// Milliseconds from the start of iteration 1.
    ms: f64,
    iteration: usize,
}

#[derive(Serialize)]
struct Report<'a> {
    program: String,
    mode: &'static str,
    /// Every `-d` option applied, the mode's first.
    options: Vec<String>,
    iterations: &'a [Iteration],
    tierups: &'a [TierUp],
    /// Whether the first iteration's output was compared with `php -n`'s.
    checked: bool,
    failures: &'a [String],
}

/// Runs `hopjit bench --warmup ...` (every argument after `bench`); returns the exit
/// status: 0 good, 1 a run failed or printed the wrong thing, 2 usage or setup error.
pub fn main(args: Vec<String>) -> i32 {
    let cfg = match parse_args(args) {
        Ok(Some(c)) => c,
        Ok(None) => {
            println!("{USAGE}");
            return 0;
        }
        Err(e) => {
            eprintln!("bench --warmup: {e}\n{USAGE}");
            return 2;
        }
    };
    match run(&cfg) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err((code, e)) => {
            eprintln!("bench --warmup: error: {e}");
            code
        }
    }
}

fn parse_args(args: Vec<String>) -> Result<Option<Config>, String> {
    let (mut program, mut php, mut json, mut svg) = (None, None, None, None);
    let (mut iterations, mut mode, mut defines) = (DEFAULT_ITERATIONS, "tiered", Vec::new());
    // Help wins wherever it stands (`--warmup --help` must not run a file "--help").
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(None);
    }
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        // `-d name=value` or `-dname=value`, as in the main command line.
        if let Some(rest) = arg.strip_prefix("-d") {
            let d = if rest.is_empty() {
                it.next().ok_or("-d needs name=value")?
            } else {
                rest.to_string()
            };
            defines.push(d);
            continue;
        }
        if !arg.starts_with("--") {
            return Err(format!(
                "unexpected argument '{arg}' (the program goes after --warmup)"
            ));
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--warmup" => {
                if program.replace(PathBuf::from(value()?)).is_some() {
                    return Err("--warmup takes one program".into());
                }
            }
            "--iterations" => {
                let v = value()?;
                iterations = v
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_ITERATIONS).contains(n))
                    .ok_or_else(|| {
                        format!(
                            "--iterations must be an integer from 1 to {MAX_ITERATIONS}, got '{v}'"
                        )
                    })?;
            }
            "--mode" => {
                let v = value()?;
                mode = ["interp", "baseline", "tiered"]
                    .into_iter()
                    .find(|m| *m == v)
                    .ok_or_else(|| {
                        format!("--mode must be interp, baseline or tiered, got '{v}'")
                    })?;
            }
            "--php" => php = Some(PathBuf::from(value()?)),
            "--json" => json = Some(output_path(&flag, value()?)?),
            "--svg" => svg = Some(output_path(&flag, value()?)?),
            _ => return Err(format!("unknown option '{flag}' for --warmup")),
        }
    }
    let program = program.ok_or("--warmup needs a program")?;
    if !program.is_file() {
        return Err(format!("no such file: {}", program.display()));
    }
    Ok(Some(Config {
        program,
        iterations,
        mode,
        defines,
        php,
        json,
        svg,
    }))
}

/// Benchmarks the program; `Ok(true)` when every check passed. `Err` carries the
/// exit status: 2 for set-up errors (options), 1 for a program that does not compile.
fn run(cfg: &Config) -> Result<bool, (i32, String)> {
    stats::process_start();
    let setup = |e: String| (2, e);
    // Options as the main command line takes them (HOPJIT_* variables, then -d), with
    // the mode's between the two so an explicit -d still wins.
    let mut opts = Options::new();
    opts.load_env(std::env::vars()).map_err(setup)?;
    let mut applied: Vec<String> = mode_options(cfg.mode)
        .unwrap_or_default()
        .iter()
        .map(|s| s.to_string())
        .collect();
    applied.extend(cfg.defines.iter().cloned());
    for d in &applied {
        opts.set_assignment(d).map_err(setup)?;
    }

    let source =
        std::fs::read(&cfg.program).map_err(|e| (2, format!("{}: {e}", cfg.program.display())))?;
    let shown = std::fs::canonicalize(&cfg.program)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| cfg.program.display().to_string());
    let unit = compile(&source, &shown).map_err(|e| (1, e))?;
    crate::jit::config::configure(crate::jit::config::JitConfig::from_options(&opts));

    let opt_text = if applied.is_empty() {
        String::new()
    } else {
        format!(" (-d {})", applied.join(" -d "))
    };
    println!(
        "bench --warmup: {}, mode {}{opt_text}, {} iterations in one process",
        cfg.program.display(),
        cfg.mode,
        cfg.iterations
    );

    // The php reference first, so the JIT's own work is not competing with it.
    let php = cfg.php.clone().or_else(|| find_on_path("php"));
    let mut failures = Vec::new();
    let reference = match &php {
        None => {
            eprintln!("bench --warmup: note: php not found (use --php); output not checked");
            None
        }
        Some(p) => {
            let r = run_once(
                &[p.display().to_string(), "-n".into()],
                &cfg.program,
                PHP_TIMEOUT,
            );
            if let Err(e) = &r.result {
                failures.push(format!("the php -n reference run failed: {e}"));
            }
            Some(r.stdout)
        }
    };

    let argv = vec![cfg.program.display().to_string().into_bytes()];
    let n = cfg.iterations;
    events::start_recording();
    let measured = crate::vm::run::on_vm_thread(move || iterate(unit, shown, argv, n));
    events::stop_recording();
    let (measured, first_output) = measured.map_err(|e| (1, e))?;
    let mut tierups_raw = events::take();
    tierups_raw.sort_by_key(|e| e.nanos);
    // `jit.stats` / `jit.trace`, if asked for, as at the end of a normal run.
    crate::jit::report::finish();

    if let Some(want) = &reference {
        if failures.is_empty() && *want != first_output {
            failures.push(format!(
                "iteration 1's output differs from php -n: {}",
                first_diff(want, &first_output)
            ));
        }
    }
    for (i, m) in measured.iter().enumerate() {
        if !m.same_output {
            failures.push(format!(
                "iteration {}'s output differs from iteration 1's",
                i + 1
            ));
        }
    }
    if measured[0].status != 0 && reference.is_none() {
        eprintln!(
            "bench --warmup: note: the program exits with status {}",
            measured[0].status
        );
    }

    let t0 = measured[0].start;
    let ms = |nanos: u64| nanos.saturating_sub(t0) as f64 / 1e6;
    let iteration_of = |nanos: u64| {
        measured
            .iter()
            .position(|m| nanos <= m.end)
            .unwrap_or(measured.len() - 1)
    };
    let tierups: Vec<TierUp> = tierups_raw
        .iter()
        .map(|e| TierUp {
            func: e.func.clone(),
            tier: e.tier,
            ms: ms(e.nanos),
            iteration: iteration_of(e.nanos) + 1,
        })
        .collect();
    let iterations: Vec<Iteration> = measured
        .iter()
        .enumerate()
        .map(|(i, m)| Iteration {
            iteration: i + 1,
            start_ms: ms(m.start),
            ms: (m.end - m.start) as f64 / 1e6,
            cpu_ms: m.cpu as f64 / 1e6,
            exit_status: m.status,
            tierups: tierups.iter().filter(|t| t.iteration == i + 1).count(),
        })
        .collect();

    print!("{}", table(&iterations, &tierups));
    if let Some(path) = &cfg.json {
        let report = Report {
            program: cfg.program.display().to_string(),
            mode: cfg.mode,
            options: applied.clone(),
            iterations: &iterations,
            tierups: &tierups,
            checked: reference.is_some(),
            failures: &failures,
        };
        let text = serde_json::to_string_pretty(&report).map_err(|e| (2, e.to_string()))?;
        std::fs::write(path, text + "\n").map_err(|e| (2, format!("{}: {e}", path.display())))?;
    }
    if let Some(path) = &cfg.svg {
        let markers: Vec<Marker> = tierups_raw
            .iter()
            .map(|e| {
                let i = iteration_of(e.nanos);
                let m = &measured[i];
                let span = (m.end - m.start).max(1) as f64;
                let f = (e.nanos.saturating_sub(m.start) as f64 / span).clamp(0.0, 1.0);
                Marker {
                    x: i as f64 + 0.5 + f,
                    iteration: i + 1,
                    tier: e.tier,
                }
            })
            .collect();
        let name = cfg.program.file_name().map_or_else(
            || cfg.program.display().to_string(),
            |s| s.to_string_lossy().into(),
        );
        let title = format!(
            "hopjit bench --warmup: {name}, mode {}, {} iterations in one process",
            cfg.mode, cfg.iterations
        );
        let subtitle = if applied.is_empty() {
            "default options".to_string()
        } else {
            format!("-d {}", applied.join(" -d "))
        };
        let wall: Vec<f64> = iterations.iter().map(|i| i.ms).collect();
        let cpu: Vec<f64> = iterations.iter().map(|i| i.cpu_ms).collect();
        warmup_svg(path, &title, &subtitle, &wall, &cpu, &markers).map_err(|e| (2, e))?;
        println!("bench --warmup: chart written to {}", path.display());
    }
    if failures.is_empty() {
        if reference.is_some() {
            println!("bench --warmup: output matches php -n");
        }
        return Ok(true);
    }
    println!("FAILURES ({}):", failures.len());
    for f in &failures {
        println!("{f}");
    }
    Ok(false)
}

/// Parses and compiles the program; the error is what PHP would print.
fn compile(source: &[u8], file: &str) -> Result<crate::bytecode::unit::Unit, String> {
    let prog = crate::compiler::parse(source, file).map_err(|e| {
        let kind = if e.is_fatal() {
            "Fatal error"
        } else {
            "Parse error"
        };
        format!("{kind}: {} in {file} on line {}", e.message, e.line)
    })?;
    crate::bytecode::emit::compile(&prog, file, file)
        .map_err(|e| format!("Fatal error: {} in {file} on line {}", e.msg, e.line))
}

/// Runs the script body `n` times on one unit (on the VM thread); returns the
/// measurements and the first iteration's output.
fn iterate(
    unit: crate::bytecode::unit::Unit,
    file: String,
    argv: Vec<Vec<u8>>,
    n: usize,
) -> (Vec<Measured>, Vec<u8>) {
    let unit = Arc::new(unit);
    let mut first: Option<Vec<u8>> = None;
    let mut out = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        let (start, cpu0) = (Instant::now(), thread_cpu_nanos());
        let (output, status) =
            crate::vm::run::run_captured_here(unit.clone(), file.clone(), argv.clone());
        let (end, cpu1) = (Instant::now(), thread_cpu_nanos());
        let same_output = first.as_ref().is_none_or(|f| *f == output);
        first.get_or_insert(output);
        out.push(Measured {
            start: stats::nanos_since_start(start),
            end: stats::nanos_since_start(end),
            cpu: cpu1.saturating_sub(cpu0),
            status,
            same_output,
        });
    }
    (out, first.unwrap_or_default())
}

/// CPU time consumed by the calling thread, in nanoseconds (0 if unavailable).
fn thread_cpu_nanos() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid, exclusive pointer.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return 0;
    }
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// The iteration table: milliseconds and, per tier, how many functions tiered up
/// during the iteration and the first few of their names; then a one-line summary.
fn table(iterations: &[Iteration], tierups: &[TierUp]) -> String {
    const NAMES: usize = 5;
    let mut out = format!(
        "{:>9}  {:>10}  {:>10}  tier-ups\n",
        "iteration", "wall ms", "cpu ms"
    );
    for it in iterations {
        let mut cells = Vec::new();
        let mine: Vec<&TierUp> = tierups
            .iter()
            .filter(|t| t.iteration == it.iteration)
            .collect();
        let mut tiers: Vec<&str> = mine.iter().map(|t| t.tier).collect();
        tiers.sort();
        tiers.dedup();
        for tier in tiers {
            let names: Vec<&str> = mine
                .iter()
                .filter(|t| t.tier == tier)
                .map(|t| t.func.as_str())
                .collect();
            let mut cell = format!(
                "{tier} {}: {}",
                names.len(),
                names[..names.len().min(NAMES)].join(", ")
            );
            if names.len() > NAMES {
                cell += &format!(", ... (+{})", names.len() - NAMES);
            }
            cells.push(cell);
        }
        if it.exit_status != 0 {
            cells.push(format!("[exit {}]", it.exit_status));
        }
        let line = format!(
            "{:>9}  {:>10.3}  {:>10.3}  {}",
            it.iteration,
            it.ms,
            it.cpu_ms,
            cells.join("; ")
        );
        out += line.trim_end();
        out += "\n";
    }
    let wall: Vec<f64> = iterations.iter().map(|i| i.ms).collect();
    let cpu: Vec<f64> = iterations.iter().map(|i| i.cpu_ms).collect();
    out += &format!("wall: {}\ncpu:  {}\n", summary(&wall), summary(&cpu));
    out += &format!("tier-ups: {}\n", tierups.len());
    out
}

/// "first X ms, best Y ms (iteration K), median of iterations 2-N Z ms".
fn summary(times: &[f64]) -> String {
    let (best_i, best) = times
        .iter()
        .copied()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((0, 0.0));
    let mut out = format!(
        "first {:.3} ms, best {best:.3} ms (iteration {})",
        times.first().copied().unwrap_or(0.0),
        best_i + 1
    );
    if times.len() > 1 {
        out += &format!(
            ", median of iterations 2-{} {:.3} ms",
            times.len(),
            median(&times[1..])
        );
    }
    out
}
