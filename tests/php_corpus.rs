//! Runs every program in `tests/php/` through hopjit and compares stdout and the exit
//! status with what `php -n` printed (`NAME.expect`, `NAME.exit`; see
//! `ci/regen-expect`). PHP prints the script's absolute path; both sides have the
//! checkout's root stripped, so expectations hold in any checkout.
//!
//! `tests/php/KNOWN_FAILURES` lists programs hopjit does not get right yet, one name a
//! line. A listed program is still run: if it now passes the test says so, so the list
//! only shrinks; any program not listed must match exactly.

use std::path::Path;
use std::process::{Command, Stdio};

mod common;

use common::{corpus_programs as programs, known_failures, root};

struct Outcome {
    ok: bool,
    detail: String,
}

fn run_one(php: &Path, extra: &[&str]) -> Outcome {
    let rel = php.strip_prefix(root()).expect("under the root");
    let base = php.with_extension("");
    let expect = std::fs::read(base.with_extension("expect")).unwrap_or_default();
    let want_status: i32 = std::fs::read_to_string(base.with_extension("exit"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let args: Vec<String> = std::fs::read_to_string(base.with_extension("args"))
        .map(|s| s.split_whitespace().map(String::from).collect())
        .unwrap_or_default();
    let stdin = std::fs::File::open(base.with_extension("stdin"))
        .map(Stdio::from)
        .unwrap_or_else(|_| Stdio::null());
    let out = Command::new(env!("CARGO_BIN_EXE_hopjit"))
        .current_dir(root())
        .args(extra)
        .arg(rel)
        .args(&args)
        .stdin(stdin)
        .output()
        .expect("hopjit runs");
    let prefix = format!("{}/", root().display());
    let got = String::from_utf8_lossy(&out.stdout).replace(&prefix, "");
    let want = String::from_utf8_lossy(&expect).to_string();
    let status = out.status.code().unwrap_or(-1);
    if got == want && status == want_status {
        return Outcome {
            ok: true,
            detail: String::new(),
        };
    }
    let mut detail = String::new();
    if status != want_status {
        detail.push_str(&format!("exit status {status}, expected {want_status}; "));
    }
    let (gl, wl): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    if let Some(i) = (0..gl.len().max(wl.len())).find(|&i| gl.get(i) != wl.get(i)) {
        detail.push_str(&format!(
            "line {}: expected {:?}, got {:?}",
            i + 1,
            wl.get(i).unwrap_or(&"<end>"),
            gl.get(i).unwrap_or(&"<end>")
        ));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stderr.trim().is_empty() {
        detail.push_str(&format!(
            "; stderr: {}",
            stderr.lines().next().unwrap_or("")
        ));
    }
    Outcome { ok: false, detail }
}

fn run_mode(extra: &[&str]) {
    let known = known_failures();
    let mut failed = Vec::new();
    let mut fixed = Vec::new();
    let mut passed = 0;
    for p in programs() {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        let r = run_one(&p, extra);
        match (r.ok, known.contains(&name)) {
            (true, false) => passed += 1,
            (true, true) => fixed.push(name),
            (false, true) => {}
            (false, false) => failed.push(format!("{name}: {}", r.detail)),
        }
    }
    println!(
        "mode {extra:?}: {passed} passed, {} known failures, {} newly passing",
        known.len(),
        fixed.len()
    );
    for f in &fixed {
        println!("  now passes (remove from KNOWN_FAILURES): {f}");
    }
    assert!(
        failed.is_empty(),
        "{} program(s) differ from php:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn corpus_interpreter() {
    run_mode(&["-d", "jit=0"]);
}

/// The default: every function translated by the baseline tier on its first call.
#[test]
fn corpus_default_mode() {
    run_mode(&[]);
}

/// Baseline code only (`jit.optimize=0`, the mode `hopjit bench` calls `baseline`):
/// in the default mode hot loops soon leave baseline code for optimized code, which
/// would hide a wrong baseline fast path.
#[test]
fn corpus_baseline_only() {
    run_mode(&["-d", "jit.optimize=0"]);
}

/// Functions interpreted for their first two calls, then translated: exercises
/// the interpreter → baseline transition inside one run.
#[test]
fn corpus_baseline_after_two_calls() {
    run_mode(&["-d", "jit.baseline_threshold=2"]);
}

/// The optimizing tier on every function: `jit.sync=1` optimizes each function on
/// its first call (a worker compiles, the caller waits), with no profile yet, so
/// arithmetic is speculated int and every type surprise deopts into baseline code.
#[test]
fn corpus_optimized_sync() {
    run_mode(&["-d", "jit.sync=1"]);
}

/// Real profiles: functions and loops optimized after 20 entries or back-edges, in
/// the background, while the program keeps running (OSR at loop headers).
#[test]
fn corpus_optimized_async() {
    run_mode(&["-d", "jit.optimize_threshold=20"]);
}

/// Real profiles, deterministically: `jit.sync=2` optimizes a function when its
/// profile reaches the threshold (20 entries or back-edges), the thread that got it
/// there waiting — every profile-driven decision (types, element guards, closure
/// call sites) is taken at the same point of every run.
#[test]
fn corpus_optimized_at_threshold() {
    run_mode(&["-d", "jit.sync=2", "-d", "jit.optimize_threshold=20"]);
}

/// One string growing past PHP's memory limit (`$s .= $s` in a loop) ends with PHP's
/// fatal error and exit status 255 in every mode, never with the OS killing the
/// process. Not a corpus program: php fails one doubling earlier (it counts all the
/// memory in use; hopjit checks each string against the limit), so the size in the
/// message differs from php's.
#[test]
fn string_past_the_memory_limit_is_a_fatal_error() {
    let code = r#"$s = str_repeat("a", 100); for ($i = 0; $i < 70; $i++) { $s .= $s; $t = $s . "x"; $u = "$s!"; } echo strlen($s);"#;
    for mode in [
        &["-d", "jit=0"][..],
        &["-d", "jit.optimize=0"],
        &["-d", "jit.sync=1"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_hopjit"))
            .args(mode)
            .args(["-r", code])
            .output()
            .expect("run hopjit");
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(255), "{mode:?}: {text}");
        assert!(
            text.starts_with("\nFatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate "),
            "{mode:?}: {text}"
        );
    }
}
