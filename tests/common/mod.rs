//! Helpers shared by the integration tests that generate PHP programs.

use std::path::Path;
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
