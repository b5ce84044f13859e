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

/// A scratch folder of this test process, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hopjit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn hopjit(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hopjit"))
        .args(args)
        .output()
        .expect("run hopjit");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bench_svg_chart_names_every_program() {
    let dir = scratch("bench-svg");
    let progs = dir.join("progs");
    std::fs::create_dir_all(&progs).unwrap();
    std::fs::write(progs.join("svg_alpha.php"), "<?php\necho 1, \"\\n\";\n").unwrap();
    std::fs::write(progs.join("svg_beta.php"), "<?php\necho 2, \"\\n\";\n").unwrap();
    let svg = dir.join("chart.svg");
    let (code, stdout, stderr) = hopjit(&[
        "bench",
        "--runs",
        "1",
        "--modes",
        "interp",
        "--svg",
        svg.to_str().unwrap(),
        progs.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "stdout:\n{stdout}\nstderr:\n{stderr}");
    let text = std::fs::read_to_string(&svg).expect("the chart was written");
    assert!(text.starts_with("<svg"), "{}", &text[..text.len().min(200)]);
    assert!(text.trim_end().ends_with("</svg>"));
    for name in ["svg_alpha", "svg_beta", "interp"] {
        assert!(text.contains(name), "{name} missing from the chart");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn warmup_records_iterations_and_tierups() {
    let dir = scratch("bench-warmup");
    let prog = dir.join("warm_tiny.php");
    std::fs::write(
        &prog,
        "<?php\nfunction sq($x) { return $x * $x; }\n$s = 0;\n\
         for ($i = 0; $i < 100; $i++) { $s += sq($i); }\necho $s, \"\\n\";\n",
    )
    .unwrap();
    let (json, svg) = (dir.join("w.json"), dir.join("w.svg"));
    let (code, stdout, stderr) = hopjit(&[
        "bench",
        "--warmup",
        prog.to_str().unwrap(),
        "--iterations",
        "3",
        "--mode",
        "baseline",
        "--json",
        json.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stdout.contains("iteration"), "{stdout}");

    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).expect("valid JSON");
    assert_eq!(doc["mode"], "baseline");
    let its = doc["iterations"].as_array().expect("iterations array");
    assert_eq!(its.len(), 3);
    for (i, it) in its.iter().enumerate() {
        assert_eq!(it["iteration"], i as u64 + 1);
        for k in ["ms", "cpu_ms", "start_ms"] {
            assert!(it[k].as_f64().is_some_and(|ms| ms >= 0.0), "{k}: {it}");
        }
        assert_eq!(it["exit_status"], 0);
    }
    let ups = doc["tierups"].as_array().expect("tierups array");
    assert!(!ups.is_empty(), "no tier-up recorded: {doc}");
    let funcs: Vec<&str> = ups.iter().map(|u| u["func"].as_str().unwrap()).collect();
    assert!(
        funcs.contains(&"sq") && funcs.contains(&"{main}"),
        "{funcs:?}"
    );
    for u in ups {
        assert_eq!(u["tier"], "baseline");
        let i = u["iteration"].as_u64().unwrap();
        assert!((1..=3).contains(&i), "{u}");
    }
    assert_eq!(doc["failures"].as_array().map(Vec::len), Some(0));
    assert_eq!(doc["checked"], php_installed());

    let text = std::fs::read_to_string(&svg).expect("the chart was written");
    assert!(text.starts_with("<svg") && text.contains("warm_tiny.php"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn warmup_in_the_interpreter_tiers_nothing_up() {
    let dir = scratch("bench-warmup-interp");
    let prog = dir.join("w.php");
    std::fs::write(
        &prog,
        "<?php\nfunction f() { return 1; }\necho f(), \"\\n\";\n",
    )
    .unwrap();
    let json = dir.join("w.json");
    let (code, stdout, stderr) = hopjit(&[
        "bench",
        "--warmup",
        prog.to_str().unwrap(),
        "--iterations=2",
        "-d",
        "jit=0",
        "--json",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "stdout:\n{stdout}\nstderr:\n{stderr}");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).expect("valid JSON");
    assert_eq!(doc["iterations"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["tierups"].as_array().map(Vec::len), Some(0));
    assert_eq!(doc["options"][0], "jit=0");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bench_bad_input_is_a_usage_error() {
    let missing = std::env::temp_dir().join("hopjit-no-such-program.php");
    for args in [
        vec!["bench", "--warmup", missing.to_str().unwrap()],
        vec!["bench", "--warmup", "Cargo.toml", "--iterations", "0"],
        vec!["bench", "--warmup", "Cargo.toml", "--mode", "fast"],
        vec!["bench", "--warmup", "Cargo.toml", "--frobnicate"],
        vec![
            "bench",
            "--warmup",
            "Cargo.toml",
            "-d",
            "jit.no_such_option=1",
        ],
        vec!["bench", "--svg"],
        vec!["bench", "--svg", "/no/such/dir/x.svg", "benches/php"],
    ] {
        let (code, stdout, stderr) = hopjit(&args);
        assert_eq!(
            code,
            Some(2),
            "{args:?}\nstdout:\n{stdout}\nstderr:\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
