//! The JIT's instruments seen from outside: `jit.stats` (text and JSON), `jit.trace`
//! (Chrome trace events) and `jit.perf_map`, each checked on a small program whose
//! functions all get a baseline translation (`jit.baseline_threshold=0`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The user functions the program calls; `{main}` is translated too.
const FUNCS: [&str; 5] = ["add", "mul", "fib", "greet", "sum_to"];

const PROGRAM: &str = r#"<?php
function add($a, $b) { return $a + $b; }
function mul($a, $b) { return $a * $b; }
function fib($n) { return $n < 2 ? $n : fib($n - 1) + fib($n - 2); }
function greet($s) { return "hi " . $s; }
function sum_to($n) { $t = 0; for ($i = 0; $i < $n; $i++) { $t = add($t, $i); } return $t; }
function never_called() { return 1; }
echo add(1, 2), " ", mul(3, 4), " ", fib(10), " ", greet("x"), " ", sum_to(10), "\n";
"#;

/// Translations expected: every called function plus the script body.
fn expected_names() -> BTreeSet<String> {
    FUNCS
        .iter()
        .map(|s| s.to_string())
        .chain(["{main}".to_string()])
        .collect()
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("hopjit-instr-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(dir: &TempDir, opts: &[String], env: &[(&str, &Path)]) -> Output {
    let script = dir.path("prog.php");
    std::fs::write(&script, PROGRAM).expect("write program");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hopjit"));
    cmd.arg("-d").arg("jit.baseline_threshold=0");
    for o in opts {
        cmd.arg("-d").arg(o);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.arg(&script).output().expect("run hopjit");
    assert!(
        out.status.success(),
        "hopjit failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3 12 55 hi x 45\n");
    out
}

fn read_json(p: &Path) -> Value {
    let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", p.display()))
}

fn num(v: &Value, what: &str) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("{what} is not a number: {v}"))
}

#[test]
fn stats_json_and_trace() {
    let dir = TempDir::new("json");
    let (s, t) = (dir.path("s.json"), dir.path("t.json"));
    run(
        &dir,
        &[
            format!("jit.stats={}", s.display()),
            format!("jit.trace={}", t.display()),
        ],
        &[],
    );
    let want = expected_names();

    // Statistics.
    let stats = read_json(&s);
    assert_eq!(
        stats["translations"]["baseline"],
        want.len() as u64,
        "{stats:#}"
    );
    assert_eq!(stats["translations"]["optimized"], 0);
    let lat = &stats["baseline_latency_us"];
    assert_eq!(lat["count"], want.len() as u64);
    for phase in ["total", "assemble", "emit", "commit"] {
        let p = &lat[phase];
        let (p50, p99, max) = (
            num(&p["p50"], "p50"),
            num(&p["p99"], "p99"),
            num(&p["max"], "max"),
        );
        assert!(
            p50 >= 0.0 && p50 <= p99 && p99 <= max * 1.01 + 0.01,
            "{phase}: {p}"
        );
    }
    let prof = stats["tc"]["blocks"]
        .as_array()
        .expect("tc blocks")
        .iter()
        .find(|b| b["name"] == "prof")
        .expect("prof block")
        .clone();
    assert_eq!(prof["allocs"], want.len() as u64);
    assert!(num(&prof["used"], "used") > 0.0);
    for k in ["tc_full", "lease_taken", "thread_limit"] {
        assert_eq!(stats["declines"][k], 0, "{k}");
    }
    assert_eq!(stats["interp_fallback_calls"], 0);
    assert!(num(&stats["last_tierup_ms"], "last_tierup_ms") > 0.0);

    // Trace.
    let trace = read_json(&t);
    let events = trace.as_array().expect("a JSON array of events");
    let pid = events[0]["pid"].as_u64().expect("pid");
    assert!(events.iter().all(|e| e["pid"] == pid), "one pid");
    let thread_names: Vec<&Value> = events
        .iter()
        .filter(|e| e["ph"] == "M" && e["name"] == "thread_name")
        .collect();
    assert!(!thread_names.is_empty(), "thread_name metadata");
    let named_tids: BTreeSet<u64> = thread_names
        .iter()
        .map(|e| e["tid"].as_u64().unwrap())
        .collect();

    let slices: Vec<&Value> = events.iter().filter(|e| e["ph"] == "X").collect();
    let parents: Vec<&Value> = slices
        .iter()
        .copied()
        .filter(|e| e["args"]["tier"] == "baseline")
        .collect();
    let names: Vec<String> = parents
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        names.len(),
        want.len(),
        "one slice per translation: {names:?}"
    );
    assert_eq!(names.iter().cloned().collect::<BTreeSet<_>>(), want);
    for p in &parents {
        assert_eq!(p["cat"], "baseline");
        assert!(p["args"]["bytes"].as_u64().unwrap() > 0);
        assert!(p["args"]["ops"].as_u64().unwrap() > 0);
        let tid = p["tid"].as_u64().unwrap();
        assert!(named_tids.contains(&tid), "thread {tid} is named");
    }
    // Every phase slice lies inside exactly one translation slice on its thread,
    // and every translation has all three phases.
    const EPS: f64 = 0.002;
    let mut phases_of = vec![BTreeSet::new(); parents.len()];
    for c in slices.iter().filter(|e| e["args"]["tier"] != "baseline") {
        let phase = c["name"].as_str().unwrap();
        assert!(
            ["assemble", "emit", "commit"].contains(&phase),
            "unexpected slice {c}"
        );
        let (cts, cdur) = (num(&c["ts"], "ts"), num(&c["dur"], "dur"));
        let inside: Vec<usize> = parents
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                let (pts, pdur) = (num(&p["ts"], "ts"), num(&p["dur"], "dur"));
                p["tid"] == c["tid"] && cts + EPS >= pts && cts + cdur <= pts + pdur + EPS
            })
            .map(|(i, _)| i)
            .collect();
        assert_eq!(inside.len(), 1, "phase {c} nested in one translation");
        phases_of[inside[0]].insert(phase.to_string());
    }
    for (p, ph) in parents.iter().zip(&phases_of) {
        assert_eq!(ph.len(), 3, "phases of {}: {ph:?}", p["name"]);
    }
    // One entry swap per translation.
    let swaps: BTreeSet<String> = events
        .iter()
        .filter(|e| e["ph"] == "i" && e["name"] == "entry swap")
        .map(|e| e["args"]["func"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(swaps, want);
}

#[test]
fn stats_text_on_stderr() {
    let dir = TempDir::new("text");
    let out = run(&dir, &["jit.stats=1".to_string()], &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    for heading in [
        "=== hopjit JIT statistics ===",
        "Translations:",
        "Baseline translation latency (µs):",
        "Translation cache:",
        "Declines:",
        "Interpreted calls of hot functions",
        "Ops run out of line by JIT code (busiest sites):",
        "Last tier-up:",
    ] {
        assert!(err.contains(heading), "missing {heading:?} in:\n{err}");
    }
    assert!(
        err.contains(&format!("baseline   {}", expected_names().len())),
        "{err}"
    );
    assert!(err.contains("tc.prof"), "{err}");
}

#[test]
fn stats_off_prints_nothing() {
    let dir = TempDir::new("off");
    let out = run(&dir, &[], &[]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn perf_map_names_every_translation() {
    let dir = TempDir::new("perf");
    let maps = dir.path("maps");
    std::fs::create_dir_all(&maps).unwrap();
    run(
        &dir,
        &["jit.perf_map=1".to_string()],
        &[("HOPJIT_PERF_MAP_DIR", &maps)],
    );
    let files: Vec<PathBuf> = std::fs::read_dir(&maps)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let fname = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        fname.starts_with("perf-") && fname.ends_with(".map"),
        "{fname}"
    );
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let mut seen = BTreeSet::new();
    let mut cold = BTreeSet::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split(' ').collect();
        assert_eq!(parts.len(), 3, "{line:?}");
        let start =
            u64::from_str_radix(parts[0], 16).unwrap_or_else(|_| panic!("start hex: {line:?}"));
        let size =
            u64::from_str_radix(parts[1], 16).unwrap_or_else(|_| panic!("size hex: {line:?}"));
        assert!(start > 0 && size > 0, "{line:?}");
        let sym = parts[2]
            .strip_prefix("php::")
            .unwrap_or_else(|| panic!("php::NAME[...]: {line:?}"));
        // The body, and the slow paths placed apart in another block.
        let (name, set) = match sym.strip_suffix("[baseline.cold]") {
            Some(n) => (n, &mut cold),
            None => (
                sym.strip_suffix("[baseline]")
                    .unwrap_or_else(|| panic!("php::NAME[baseline]: {line:?}")),
                &mut seen,
            ),
        };
        assert!(set.insert(name.to_string()), "one line per part: {line:?}");
    }
    assert_eq!(seen, expected_names());
    assert!(!cold.is_empty() && cold.is_subset(&seen), "{cold:?}");
}

#[test]
fn tc_full_declines_are_counted_and_traced() {
    let dir = TempDir::new("full");
    let (s, t) = (dir.path("s.json"), dir.path("t.json"));
    // A 1 KiB prof block holds one small translation at most.
    run(
        &dir,
        &[
            "tc.prof_size=1k".to_string(),
            format!("jit.stats={}", s.display()),
            format!("jit.trace={}", t.display()),
        ],
        &[],
    );
    let stats = read_json(&s);
    let translated = stats["translations"]["baseline"].as_u64().unwrap();
    let full = stats["declines"]["tc_full"].as_u64().unwrap();
    assert!(full > 0, "{stats:#}");
    assert_eq!(
        translated + full,
        expected_names().len() as u64,
        "{stats:#}"
    );
    assert!(
        stats["interp_fallback_calls"].as_u64().unwrap() >= full,
        "{stats:#}"
    );
    let trace = read_json(&t);
    let declined = trace
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["ph"] == "i" && e["name"] == "translation declined")
        .count() as u64;
    assert_eq!(declined, full);
}

/// `jit.stats` names the ops compiled code ran out of line, busiest first: here a
/// string-keyed array write (no inline form) in a loop of 500, on line 4.
#[test]
fn stats_name_the_busiest_out_of_line_sites() {
    let dir = TempDir::new("slow-sites");
    let script = dir.path("slow.php");
    let stats = dir.path("stats.json");
    std::fs::write(
        &script,
        "<?php\nfunction fill($n) {\n    $a = [];\n    for ($i = 0; $i < $n; $i++) { $a['k' . ($i % 7)] = $i; }\n    return count($a);\n}\necho fill(500), \"\\n\";\n",
    )
    .expect("write program");
    let out = Command::new(env!("CARGO_BIN_EXE_hopjit"))
        .args([
            "-d",
            "jit.baseline_threshold=0",
            "-d",
            "jit.optimize=0",
            "-d",
        ])
        .arg(format!("jit.stats={}", stats.display()))
        .arg(&script)
        .output()
        .expect("run hopjit");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "7\n");
    let json = read_json(&stats);
    let sites = json["busiest_slow_sites"]
        .as_array()
        .expect("a list of sites");
    let first = &sites[0];
    assert_eq!(first["func"], "fill", "{sites:?}");
    assert_eq!(first["line"], 4, "{sites:?}");
    assert_eq!(first["count"], 500, "{sites:?}");
    assert!(
        first["op"].as_str().unwrap().starts_with("AssignDim"),
        "{sites:?}"
    );
    let counts: Vec<u64> = sites.iter().map(|s| s["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}
