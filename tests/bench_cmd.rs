//! `hopjit bench` end to end: two tiny programs, one run of the `interp` mode, JSON
//! written. Checks the exit status, that the table names both programs, and the shape
//! of the JSON document. The php-side checks (php modes present, outputs compared) are
//! skipped with a note when php is not installed: bench then times hopjit alone.

use std::path::PathBuf;
use std::process::Command;

fn php_installed() -> bool {
    Command::new("php")
        .args(["-n", "-v"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn bench_two_programs_interp_json() {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("hopjit-bench-cmd-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let progs = dir.join("progs");
    std::fs::create_dir_all(&progs).unwrap();
    std::fs::write(progs.join("hello_tiny.php"), "<?php\necho \"hello\\n\";\n").unwrap();
    std::fs::write(
        progs.join("loop_tiny.php"),
        "<?php\n$s = 0;\nfor ($i = 0; $i < 1000; $i++) { $s += $i; }\necho $s, \"\\n\";\n",
    )
    .unwrap();
    let json = dir.join("b.json");

    let out = Command::new(env!("CARGO_BIN_EXE_hopjit"))
        .args(["bench", "--runs", "1", "--modes", "interp", "--json"])
        .arg(&json)
        .arg(&progs)
        .output()
        .expect("run hopjit bench");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(stdout.contains("hello_tiny"), "{stdout}");
    assert!(stdout.contains("loop_tiny"), "{stdout}");
    assert!(stdout.contains("TOTAL"), "{stdout}");

    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).expect("valid JSON");
    assert_eq!(doc["runs"], 1);
    let programs = doc["programs"].as_array().expect("programs array");
    assert_eq!(programs.len(), 2);
    let names: Vec<&str> = programs
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["hello_tiny", "loop_tiny"]);
    for p in programs {
        let cell = &p["modes"]["interp"];
        assert_eq!(cell["status"], "ok", "{cell}");
        let times = cell["times"].as_array().expect("times array");
        assert_eq!(times.len(), 1);
        let t = times[0].as_f64().unwrap();
        assert!(t > 0.0);
        for k in ["median", "min", "max"] {
            assert_eq!(cell[k].as_f64(), Some(t), "{k} of a single run");
        }
    }
    assert_eq!(doc["failures"].as_array().map(Vec::len), Some(0));

    if php_installed() {
        assert_eq!(doc["checked"], true);
        for p in programs {
            for m in ["php", "php-opcache", "php-jit"] {
                assert_eq!(p["modes"][m]["status"], "ok", "{m}: {}", p["modes"][m]);
            }
        }
        assert!(stdout.contains("interp/php"), "{stdout}");
        assert!(stdout.contains("all outputs match php -n"), "{stdout}");
    } else {
        eprintln!("note: php is not installed; php-side assertions skipped");
        assert_eq!(doc["checked"], false);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
