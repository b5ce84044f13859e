//! Helpers shared by the integration tests: the PHP corpus and generated programs.
// Each test binary uses only some of these.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestRunner};

/// Whether `php` (the oracle) is on PATH.
pub fn php_available() -> bool {
    Command::new("php")
        .args(["-n", "-r", "echo 1;"])
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout == b"1")
}

/// Checks with `php -l` that a program generator only makes valid PHP (16 cases,
/// written under `dir`); skipped with a note when php is not installed.
pub fn lint_generated_programs(programs: impl Strategy<Value = String>, dir: &Path) {
    if !php_available() {
        eprintln!("note: `php` not on PATH; skipping the lint of generated programs");
        return;
    }
    std::fs::create_dir_all(dir).expect("lint dir");
    let mut runner = TestRunner::new(Config {
        cases: 16,
        ..Config::default()
    });
    let result = runner.run(&programs, |src| {
        let file = dir.join("lint.php");
        std::fs::write(&file, &src).expect("write");
        let out = Command::new("php")
            .args(["-n", "-l"])
            .arg(&file)
            .output()
            .expect("php -l");
        proptest::prop_assert!(
            out.status.success(),
            "generated invalid PHP:\n{}\n{}",
            src,
            String::from_utf8_lossy(&out.stdout)
        );
        Ok(())
    });
    let _ = std::fs::remove_dir_all(dir);
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// The repository root (tests run with it as their working directory).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every program of `tests/php/`, sorted.
pub fn corpus_programs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests/php"))
        .expect("tests/php exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "php"))
        .collect();
    v.sort();
    v
}

/// The names listed in `tests/php/KNOWN_FAILURES`.
pub fn known_failures() -> BTreeSet<String> {
    std::fs::read_to_string(root().join("tests/php/KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}
