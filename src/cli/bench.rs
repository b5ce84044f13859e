//! `hopjit bench`: benchmarks hopjit against PHP 8.2 (replaces the logic of the old
//! `ci/bench` shell script, which is now a thin wrapper around this command).
//!
//! ```text
//! hopjit bench [--modes interp,baseline,tiered] [--php PATH] [--runs N] [--timeout S]
//!              [--json FILE] [--svg FILE] [FILE.php | DIR ...]   (default: benches/php)
//! hopjit bench --warmup FILE.php [--iterations N] ...      (see `bench_warmup.rs`)
//! ```
//!
//! Every program first runs once under `php -n`, untimed: its stdout is the reference
//! every timed run must reproduce byte for byte. Then each mode runs `--runs` times,
//! interleaved across modes (run 1 of every mode, then run 2, ...) so that drift in
//! machine load hits every mode alike. A crash, a non-zero exit, a timeout or a
//! different output turns that cell into FAIL (one failure is enough: the mode is not
//! retried on that program), the reason is printed under the table, and the command
//! exits 1. Without php on the machine only the hopjit modes run and their output is
//! not checked (a note says so on stderr): the timings are still useful locally.
//!
//! Why a Rust runner rather than the script: the hopjit modes run this very executable
//! (`current_exe`), so `cargo run --release -- bench` always measures the binary it was
//! built with, wall times come from `Instant` rather than forked `date` calls, and the
//! measurements can be written as JSON for tooling (`--json`) and drawn as an SVG
//! chart (`--svg`, see `bench_chart.rs`).

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use super::bench_chart::{bench_svg, BarGroup};

/// Every mode, in table order: php's first (they are the denominators), then hopjit's.
const ALL_MODES: [&str; 6] = [
    "php",
    "php-opcache",
    "php-jit",
    "interp",
    "baseline",
    "tiered",
];
const PHP_MODES: [&str; 3] = ["php", "php-opcache", "php-jit"];
/// hopjit modes run when `--modes` is not given.
const DEFAULT_MODES: &str = "interp,baseline,tiered";
/// The ratio columns: each hopjit mode against the php mode of comparable technique.
const RATIOS: [(&str, &str); 3] = [
    ("interp", "php"),
    ("baseline", "php-opcache"),
    ("tiered", "php-jit"),
];

const USAGE: &str = "Usage: hopjit bench [--modes interp,baseline,tiered] [--php PATH] [--runs N] \
[--timeout S] [--json FILE] [--svg FILE] [FILE.php | DIR ...]
       hopjit bench --warmup FILE.php [--iterations N] ...   (hopjit bench --warmup --help)
  --modes LIST  modes to time, from: php php-opcache php-jit interp baseline tiered
                (default: interp,baseline,tiered). The php modes always run when php is found
                (all three unless some php-* mode is named); an empty list runs php only.
  --php PATH    the php executable (default: php on PATH)
  --runs N      timed runs per mode; the median wall time is reported (default 3)
  --timeout S   seconds before one run is killed and counted as FAIL (default 120)
  --json FILE   also write every measurement to FILE as JSON
  --svg FILE    also draw the medians as an SVG bar chart (relative to php -n when php ran)
Programs: .php files, or directories whose *.php files are all run (default benches/php).
Every hopjit run's stdout must equal `php -n`'s; any failure makes the exit status 1.";

/// The parsed command line.
struct Config {
    modes: Vec<&'static str>,
    php: Option<PathBuf>,
    runs: usize,
    timeout: Duration,
    json: Option<PathBuf>,
    svg: Option<PathBuf>,
    paths: Vec<PathBuf>,
}

/// The measurements of one mode on one program (also the JSON shape of a cell).
#[derive(Serialize, Default)]
struct Cell {
    /// Wall time of each successful run, in seconds, in run order.
    times: Vec<f64>,
    median: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    /// `"ok"` or `"fail"`.
    status: &'static str,
    /// Why the cell failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// One program's row.
#[derive(Serialize)]
struct ProgramResult {
    name: String,
    path: String,
    modes: BTreeMap<String, Cell>,
}

/// The whole `--json` document.
#[derive(Serialize)]
struct Report<'a> {
    runs: usize,
    modes: &'a [&'static str],
    php: Option<String>,
    /// False when php was not found: outputs were not checked.
    checked: bool,
    programs: &'a [ProgramResult],
    failures: &'a [String],
}

/// Runs `hopjit bench ARGS...` (the arguments after `bench`); returns the exit status:
/// 0 all good, 1 some run failed, 2 usage or setup error.
pub fn main(args: Vec<String>) -> i32 {
    if args
        .iter()
        .any(|a| a == "--warmup" || a.starts_with("--warmup="))
    {
        return super::bench_warmup::main(args);
    }
    let cfg = match parse_args(args) {
        Ok(Some(c)) => c,
        Ok(None) => {
            println!("{USAGE}");
            return 0;
        }
        Err(e) => {
            eprintln!("bench: {e}\n{USAGE}");
            return 2;
        }
    };
    match run(&cfg) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            eprintln!("bench: error: {e}");
            2
        }
    }
}

/// Parses the flags by hand (`--flag value` or `--flag=value`); `Ok(None)` is `--help`.
fn parse_args(args: Vec<String>) -> Result<Option<Config>, String> {
    let mut modes_spec = DEFAULT_MODES.to_string();
    let (mut php, mut json, mut svg, mut paths) = (None, None, None, Vec::new());
    let (mut runs, mut timeout) = (3usize, 120f64);
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        if !arg.starts_with("--") || arg == "--" {
            if arg != "--" {
                paths.push(PathBuf::from(arg));
            }
            continue;
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
            "--modes" => modes_spec = value()?,
            "--php" => php = Some(PathBuf::from(value()?)),
            "--json" => json = Some(output_path(&flag, value()?)?),
            "--svg" => svg = Some(output_path(&flag, value()?)?),
            "--runs" => {
                let v = value()?;
                runs = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--runs must be a positive integer, got '{v}'"))?;
            }
            "--timeout" => {
                let v = value()?;
                timeout = v
                    .parse()
                    .ok()
                    .filter(|&s: &f64| s > 0.0 && s.is_finite())
                    .ok_or_else(|| format!("--timeout must be a positive number, got '{v}'"))?;
            }
            _ => return Err(format!("unknown option '{flag}'")),
        }
    }
    if paths.is_empty() {
        paths.push(PathBuf::from("benches/php"));
    }
    Ok(Some(Config {
        modes: resolve_modes(&modes_spec)?,
        php,
        runs,
        timeout: Duration::from_secs_f64(timeout),
        json,
        svg,
        paths,
    }))
}

/// An output file named by `flag`, checked before any run: its folder must exist, so
/// a typo does not surface only after minutes of benchmarking.
pub(super) fn output_path(flag: &str, v: String) -> Result<PathBuf, String> {
    let p = PathBuf::from(v);
    match p.parent() {
        _ if p.as_os_str().is_empty() || p.is_dir() => {
            Err(format!("{flag} needs a file name, got '{}'", p.display()))
        }
        Some(d) if !d.as_os_str().is_empty() && !d.is_dir() => {
            Err(format!("{flag}: no such directory: {}", d.display()))
        }
        _ => Ok(p),
    }
}

/// The `-d` options that make hopjit run in `mode` (`None`: not a hopjit mode).
pub(super) fn mode_options(mode: &str) -> Option<&'static [&'static str]> {
    match mode {
        "interp" => Some(&["jit=0"]),
        "baseline" => Some(&["jit.optimize=0"]),
        "tiered" => Some(&[]),
        _ => None,
    }
}

/// Turns `--modes` into table order. `php` always runs (it is the reference); when no
/// php-* mode is named, php-opcache and php-jit run too so every ratio has its
/// denominator.
fn resolve_modes(spec: &str) -> Result<Vec<&'static str>, String> {
    let mut want = vec!["php"];
    let mut named_php = false;
    for m in spec.split([',', ' ']).filter(|m| !m.is_empty()) {
        let Some(&known) = ALL_MODES.iter().find(|&&k| k == m) else {
            return Err(format!("unknown mode '{m}' in --modes"));
        };
        named_php |= known.starts_with("php-");
        want.push(known);
    }
    if !named_php {
        want.extend(["php-opcache", "php-jit"]);
    }
    Ok(ALL_MODES.into_iter().filter(|m| want.contains(m)).collect())
}

/// The command line of `mode`, without the program path.
fn mode_command(mode: &str, php: &Path, hopjit: &Path) -> Vec<String> {
    let php = php.to_string_lossy().into_owned();
    let hop = hopjit.to_string_lossy().into_owned();
    // -n everywhere: no php.ini, so results do not depend on the machine's PHP setup.
    let opcache = ["-d", "zend_extension=opcache", "-d", "opcache.enable_cli=1"];
    let v: Vec<&str> = match mode {
        "php" => vec![&php, "-n"],
        "php-opcache" => [
            &[php.as_str(), "-n"][..],
            &opcache,
            &["-d", "opcache.jit=off"],
        ]
        .concat(),
        "php-jit" => [
            &[php.as_str(), "-n"][..],
            &opcache,
            &[
                "-d",
                "opcache.jit=tracing",
                "-d",
                "opcache.jit_buffer_size=64M",
            ],
        ]
        .concat(),
        _ => {
            let mut v = vec![hop.as_str()];
            for o in mode_options(mode).unwrap_or_default() {
                v.extend(["-d", o]);
            }
            v
        }
    };
    v.into_iter().map(String::from).collect()
}

/// Finds `php` on PATH.
pub(super) fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Expands the program arguments: files as given, every `*.php` of a directory (sorted).
fn collect_programs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let rd = std::fs::read_dir(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let mut found: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "php") && f.is_file())
                .collect();
            found.sort();
            out.extend(found);
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(format!("no such file or directory: {}", p.display()));
        }
    }
    if out.is_empty() {
        return Err("no .php programs found".into());
    }
    Ok(out)
}

/// How one run ended.
pub(super) struct RunOutcome {
    pub elapsed: f64,
    pub stdout: Vec<u8>,
    pub result: Result<(), String>,
}

/// Runs `cmd program` once with stdin closed, killing it after `timeout`. Wall time is
/// taken from just before the spawn to the moment `wait` returns. The pipes are drained
/// by threads so a chatty program never blocks on a full pipe.
pub(super) fn run_once(cmd: &[String], program: &Path, timeout: Duration) -> RunOutcome {
    let start = Instant::now();
    let spawned = Command::new(&cmd[0])
        .args(&cmd[1..])
        .arg(program)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => {
            return RunOutcome {
                elapsed: 0.0,
                stdout: Vec::new(),
                result: Err(format!("could not start {}: {e}", cmd[0])),
            }
        }
    };
    let pid = child.id() as libc::pid_t;
    let drain = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out_t = drain(child.stdout.take().map(|r| Box::new(r) as _));
    let err_t = drain(child.stderr.take().map(|r| Box::new(r) as _));
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let status = child.wait();
        let _ = tx.send((status, start.elapsed()));
    });
    let (waited, timed_out) = match rx.recv_timeout(timeout) {
        Ok(w) => (w, false),
        Err(_) => {
            // SAFETY: kill(2) has no memory-safety preconditions. The child is not
            // reaped until the waiter's `wait` returns, so the pid still names it:
            // no risk of killing a recycled pid.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            (rx.recv().expect("waiter thread vanished"), true)
        }
    };
    let stdout = out_t.join().unwrap_or_default();
    let stderr = err_t.join().unwrap_or_default();
    let (status, elapsed) = waited;
    let result = if timed_out {
        Err(format!("timed out after {}s", timeout.as_secs_f64()))
    } else {
        match status {
            Ok(s) if s.success() => Ok(()),
            Ok(s) => {
                use std::os::unix::process::ExitStatusExt;
                let why = match (s.code(), s.signal()) {
                    (Some(c), _) => format!("exit status {c}"),
                    (None, Some(sig)) => format!("killed by signal {sig}"),
                    _ => s.to_string(),
                };
                // PHP prints fatal errors on stdout: fall back to it.
                let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
                let (err, out) = (text(&stderr), text(&stdout));
                let first = [err, out]
                    .iter()
                    .flat_map(|t| t.lines().map(str::trim).collect::<Vec<_>>())
                    .find(|l| !l.is_empty())
                    .unwrap_or("")
                    .chars()
                    .take(300)
                    .collect::<String>();
                Err(format!("{why}: {first}"))
            }
            Err(e) => Err(format!("wait failed: {e}")),
        }
    };
    RunOutcome {
        elapsed: elapsed.as_secs_f64(),
        stdout,
        result,
    }
}

/// Where two outputs first differ, as `line N: expected "...", got "..."`.
pub(super) fn first_diff(expected: &[u8], actual: &[u8]) -> String {
    fn show(s: Option<&[u8]>) -> String {
        match s {
            None => "end of output".into(),
            Some(s) => {
                let s = String::from_utf8_lossy(s);
                let cut: String = s.chars().take(120).collect();
                let more = if cut.len() < s.len() { "..." } else { "" };
                format!("{cut:?}{more}")
            }
        }
    }
    let (mut e, mut a) = (
        expected.split(|&b| b == b'\n'),
        actual.split(|&b| b == b'\n'),
    );
    for n in 1.. {
        match (e.next(), a.next()) {
            (None, None) => break,
            (x, y) if x != y => return format!("line {n}: expected {}, got {}", show(x), show(y)),
            _ => {}
        }
    }
    "outputs differ only in trailing bytes".into()
}

/// The median of a non-empty list (mean of the middle two for an even count).
pub(super) fn median(times: &[f64]) -> f64 {
    let mut t = times.to_vec();
    t.sort_by(f64::total_cmp);
    let n = t.len();
    if n % 2 == 1 {
        t[n / 2]
    } else {
        (t[n / 2 - 1] + t[n / 2]) / 2.0
    }
}

/// Benchmarks every program; `Ok(true)` when nothing failed.
fn run(cfg: &Config) -> Result<bool, String> {
    let programs = collect_programs(&cfg.paths)?;
    let hopjit = std::env::current_exe().map_err(|e| format!("current_exe: {e}"))?;
    let php = match &cfg.php {
        Some(p) => Some(p.clone()),
        None => find_on_path("php"),
    };
    let modes: Vec<&'static str> = match &php {
        Some(_) => cfg.modes.clone(),
        None => {
            eprintln!(
                "bench: note: php not found (use --php); php modes skipped, outputs not checked"
            );
            cfg.modes
                .iter()
                .copied()
                .filter(|m| !PHP_MODES.contains(m))
                .collect()
        }
    };
    let php_path = php.clone().unwrap_or_else(|| PathBuf::from("php"));
    let commands: Vec<Vec<String>> = modes
        .iter()
        .map(|m| mode_command(m, &php_path, &hopjit))
        .collect();
    println!(
        "bench: {} program(s), modes: {}, median of {} run(s)",
        programs.len(),
        modes.join(" "),
        cfg.runs
    );

    let steps = programs.len() * (1 + cfg.runs * modes.len());
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(steps as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed_precise} {msg}")
            .expect("valid template"),
    );

    let mut failures = Vec::new();
    let mut results = Vec::new();
    for prog in &programs {
        let name = prog.file_stem().map_or_else(
            || prog.display().to_string(),
            |s| s.to_string_lossy().into(),
        );
        let mut cells: Vec<Cell> = modes.iter().map(|_| Cell::default()).collect();
        // The reference output; if php itself fails, the program is broken, not hopjit.
        bar.set_message(format!("{name} [reference]"));
        let reference = match &php {
            None => None,
            Some(p) => {
                let r = run_once(
                    &[p.to_string_lossy().into_owned(), "-n".into()],
                    prog,
                    cfg.timeout,
                );
                if let Err(e) = r.result {
                    let why = format!("{} [php]: the reference run failed: {e}", prog.display());
                    for c in &mut cells {
                        c.error = Some(why.clone());
                    }
                    failures.push(why);
                }
                Some(r.stdout)
            }
        };
        bar.inc(1);
        for run in 1..=cfg.runs {
            for (i, mode) in modes.iter().enumerate() {
                bar.set_message(format!("{name} [{mode}] run {run}/{}", cfg.runs));
                if cells[i].error.is_none() {
                    let r = run_once(&commands[i], prog, cfg.timeout);
                    let checked = match (&r.result, &reference) {
                        (Err(e), _) => Err(e.clone()),
                        (Ok(()), Some(want)) if *want != r.stdout => Err(format!(
                            "output differs from php -n: {}",
                            first_diff(want, &r.stdout)
                        )),
                        _ => Ok(()),
                    };
                    match checked {
                        Ok(()) => cells[i].times.push(r.elapsed),
                        Err(e) => {
                            let why = format!("{} [{mode}]: {e}", prog.display());
                            failures.push(why.clone());
                            cells[i].error = Some(why);
                        }
                    }
                }
                bar.inc(1);
            }
        }
        for c in &mut cells {
            if c.error.is_some() {
                c.status = "fail";
            } else {
                c.status = "ok";
                c.median = Some(median(&c.times));
                c.min = c.times.iter().copied().reduce(f64::min);
                c.max = c.times.iter().copied().reduce(f64::max);
            }
        }
        if bar.is_hidden() {
            eprintln!("bench: {name} done");
        } else {
            bar.println(format!("bench: {name} done"));
        }
        results.push(ProgramResult {
            name,
            path: prog.display().to_string(),
            modes: modes.iter().map(|m| m.to_string()).zip(cells).collect(),
        });
    }
    bar.finish_and_clear();

    println!();
    print!("{}", table(&modes, &results, cfg.runs > 1));
    if let Some(path) = &cfg.json {
        let report = Report {
            runs: cfg.runs,
            modes: &modes,
            php: php.as_ref().map(|p| p.display().to_string()),
            checked: php.is_some(),
            programs: &results,
            failures: &failures,
        };
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        std::fs::write(path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if let Some(path) = &cfg.svg {
        let groups: Vec<BarGroup> = results
            .iter()
            .map(|r| BarGroup {
                name: r.name.clone(),
                medians: modes.iter().map(|m| r.modes[*m].median).collect(),
            })
            .collect();
        bench_svg(path, &modes, &groups, cfg.runs)?;
        println!("bench: chart written to {}", path.display());
    }
    println!();
    if failures.is_empty() {
        if php.is_some() {
            println!("bench: all outputs match php -n");
        }
        return Ok(true);
    }
    println!("FAILURES ({}):", failures.len());
    for f in &failures {
        println!("{f}");
    }
    println!(
        "\nbench: FAILED: some runs crashed, timed out or printed something other than php -n"
    );
    Ok(false)
}

/// Renders the table: a column per mode (`median (min-max)` seconds, the range only
/// with several runs), then the ratio columns whose two modes both ran. TOTAL sums
/// each column over its non-FAIL cells (`*` marks a sum that leaves some out); a TOTAL
/// ratio is the ratio of sums over the programs where both of its cells succeeded, so
/// a FAIL in one mode does not skew it.
fn table(modes: &[&str], results: &[ProgramResult], ranges: bool) -> String {
    let ratios: Vec<(&str, &str)> = RATIOS
        .into_iter()
        .filter(|(a, b)| modes.contains(a) && modes.contains(b))
        .collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut header = vec!["program".to_string()];
    header.extend(modes.iter().map(|m| m.to_string()));
    header.extend(ratios.iter().map(|(a, b)| format!("{a}/{b}")));
    rows.push(header);
    let mut sums = vec![0.0; modes.len()];
    let mut partial = vec![false; modes.len()];
    let mut ratio_sums = vec![(0.0, 0.0); ratios.len()];
    let med = |r: &ProgramResult, m: &str| r.modes.get(m).and_then(|c| c.median);
    for r in results {
        let mut row = vec![r.name.clone()];
        for (i, m) in modes.iter().enumerate() {
            let c = &r.modes[*m];
            match (c.median, c.min, c.max) {
                (Some(md), Some(lo), Some(hi)) if ranges => {
                    row.push(format!("{md:.3} ({lo:.3}-{hi:.3})"))
                }
                (Some(md), _, _) => row.push(format!("{md:.3}")),
                _ => row.push("FAIL".into()),
            }
            match c.median {
                Some(md) => sums[i] += md,
                None => partial[i] = true,
            }
        }
        for (j, (a, b)) in ratios.iter().enumerate() {
            match (med(r, a), med(r, b)) {
                (Some(x), Some(y)) => {
                    ratio_sums[j].0 += x;
                    ratio_sums[j].1 += y;
                    row.push(if y > 0.0 {
                        format!("{:.2}", x / y)
                    } else {
                        "-".into()
                    });
                }
                _ => row.push("-".into()),
            }
        }
        rows.push(row);
    }
    let mut total = vec!["TOTAL".to_string()];
    for (s, p) in sums.iter().zip(&partial) {
        total.push(format!("{s:.3}{}", if *p { "*" } else { "" }));
    }
    for (x, y) in &ratio_sums {
        total.push(if *y > 0.0 {
            format!("{:.2}", x / y)
        } else {
            "-".into()
        });
    }
    rows.push(total);

    let cols = rows[0].len();
    let widths: Vec<usize> = (0..cols)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        for (c, cell) in row.iter().enumerate() {
            if c == 0 {
                out += &format!("{cell:<w$}", w = widths[0]);
            } else {
                out += &format!("  {cell:>w$}", w = widths[c]);
            }
        }
        out += "\n";
    }
    if partial.iter().any(|&p| p) {
        out += "* sum leaves out FAIL cells\n";
    }
    out
}
