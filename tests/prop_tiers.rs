//! Property test: the baseline JIT agrees with the interpreter. Random int/float/bool
//! PHP programs — variables, `+ - * % intdiv < <= > >= == != === !==`, `&& || !`,
//! `if`/`else`, small `while` loops over a bounded counter, calls of functions with
//! a few params (each may call the ones declared before it; no recursion), `echo` and
//! `var_dump` — run through the binary with `-d jit=0` and with
//! `-d jit.baseline_threshold=0` (every function translated on its first call, so the
//! loops and calls run as JIT code); stdout and exit status must be identical.
//!
//! No php needed: the interpreter is the oracle (it is checked against php by
//! `prop_programs.rs` and the corpus). 64 cases by default; `PROPTEST_CASES` for more.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, TestRunner};

const MAIN_VARS: &[&str] = &["$v0", "$v1", "$v2", "$v3"];
const FN_VARS: &[&str] = &["$a", "$b", "$c", "$t"];
const FUNCS: usize = 3;

fn int_lit() -> BoxedStrategy<String> {
    prop_oneof![
        8 => (-12i64..13).prop_map(|i| if i < 0 { format!("({i})") } else { i.to_string() }),
        1 => Just("PHP_INT_MAX".to_string()),
        1 => Just("PHP_INT_MIN".to_string()),
        1 => (0i64..4_000_000_000).prop_map(|i| i.to_string()),
    ]
    .boxed()
}

fn literal() -> BoxedStrategy<String> {
    prop_oneof![
        5 => int_lit(),
        2 => prop::sample::select(&["1.5", "(-0.5)", "0.1", "2.0", "0.0", "1e100", "(-7.25)", "1e15"][..])
            .prop_map(String::from),
        1 => prop::sample::select(&["true", "false"][..]).prop_map(String::from),
    ]
    .boxed()
}

const BIN_OPS: &[&str] = &[
    "+", "+", "-", "-", "*", "%", "<", "<=", ">", ">=", "==", "!=", "===", "!==", "&&", "||",
];

/// Expressions over `vars`, calling any of the first `callable` functions.
fn expr(vars: &'static [&'static str], callable: usize) -> BoxedStrategy<String> {
    let atom = prop_oneof![2 => literal(), 3 => prop::sample::select(vars).prop_map(String::from)];
    atom.prop_recursive(3, 12, 3, move |inner| {
        let mut alts: Vec<(u32, BoxedStrategy<String>)> = vec![
            (
                6,
                (inner.clone(), prop::sample::select(BIN_OPS), inner.clone())
                    .prop_map(|(l, op, r)| format!("({l} {op} {r})"))
                    .boxed(),
            ),
            (1, inner.clone().prop_map(|e| format!("!{e}")).boxed()),
            (1, inner.clone().prop_map(|e| format!("(-{e})")).boxed()),
            (
                1,
                (inner.clone(), inner.clone())
                    .prop_map(|(l, r)| format!("intdiv({l}, {r})"))
                    .boxed(),
            ),
        ];
        if callable > 0 {
            alts.push((
                2,
                (0..callable, inner.clone(), inner.clone(), inner.clone())
                    .prop_map(|(f, a, b, c)| format!("f{f}({a}, {b}, {c})"))
                    .boxed(),
            ));
        }
        prop::strategy::Union::new_weighted(alts).boxed()
    })
    .boxed()
}

fn simple_stmt(vars: &'static [&'static str], callable: usize) -> BoxedStrategy<String> {
    let v = || prop::sample::select(vars);
    prop_oneof![
        5 => (v(), expr(vars, callable)).prop_map(|(v, e)| format!("{v} = {e};")),
        2 => expr(vars, callable).prop_map(|e| format!("echo {e}, \"\\n\";")),
        2 => expr(vars, callable).prop_map(|e| format!("var_dump({e});")),
        1 => (v(), prop::sample::select(&["+=", "-=", "*=", "%="][..]), expr(vars, callable))
            .prop_map(|(v, op, e)| format!("{v} {op} {e};")),
        1 => v().prop_map(|v| format!("{v}++;")),
    ]
    .boxed()
}

static LOOP: AtomicUsize = AtomicUsize::new(0);

/// Statements, with `if`/`else` and bounded `while` loops nested up to `depth`.
fn stmt(vars: &'static [&'static str], callable: usize, depth: u32) -> BoxedStrategy<String> {
    let simple = simple_stmt(vars, callable);
    if depth == 0 {
        return simple;
    }
    let body = move || prop::collection::vec(stmt(vars, callable, depth - 1), 1..4);
    prop_oneof![
        5 => simple,
        1 => (expr(vars, callable), body(), prop::collection::vec(simple_stmt(vars, callable), 0..3))
            .prop_map(|(c, t, e)| {
                let mut s = format!("if ({c}) {{\n{}\n}}", t.join("\n"));
                if !e.is_empty() {
                    s.push_str(&format!(" else {{\n{}\n}}", e.join("\n")));
                }
                s
            }),
        // The counter is not in `vars`, so nothing else assigns it: the loop ends.
        1 => (0u32..6, body(), any::<bool>()).prop_map(|(n, b, cont)| {
            let i = format!("$i{}", LOOP.fetch_add(1, Ordering::Relaxed));
            let skip = if cont { format!("if ({i} == 1) {{ {i}++; continue; }}\n") } else { String::new() };
            format!("{i} = 0;\nwhile ({i} < {n}) {{\n{skip}{}\n{i}++;\n}}", b.join("\n"))
        }),
    ]
    .boxed()
}

fn function(k: usize) -> BoxedStrategy<String> {
    (
        prop::collection::vec(stmt(FN_VARS, k, 1), 0..5),
        expr(FN_VARS, k),
    )
        .prop_map(move |(body, ret)| {
            format!(
                "function f{k}($a, $b, $c) {{\n$t = 0;\n{}\nreturn {ret};\n}}\n",
                body.join("\n")
            )
        })
        .boxed()
}

fn program() -> impl Strategy<Value = String> {
    let funcs: Vec<BoxedStrategy<String>> = (0..FUNCS).map(function).collect();
    (
        funcs,
        prop::collection::vec(literal(), MAIN_VARS.len()),
        prop::collection::vec(stmt(MAIN_VARS, FUNCS, 2), 1..10),
    )
        .prop_map(|(funcs, inits, body)| {
            let mut p = String::from("<?php\n");
            for f in funcs {
                p.push_str(&f);
            }
            for (v, init) in MAIN_VARS.iter().zip(inits) {
                p.push_str(&format!("{v} = {init};\n"));
            }
            for s in body {
                p.push_str(&s);
                p.push('\n');
            }
            for v in MAIN_VARS {
                p.push_str(&format!("var_dump({v});\n"));
            }
            p
        })
}

struct Run {
    stdout: String,
    status: Option<i32>,
}

fn run(opts: &[&str], file: &Path) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hopjit"));
    for o in opts {
        cmd.arg("-d").arg(o);
    }
    let out = cmd
        .arg(file)
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("spawn hopjit");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        status: out.status.code(),
    }
}

fn scratch_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("hopjit-prop-tiers-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

static CASE: AtomicUsize = AtomicUsize::new(0);

fn check_program(dir: &Path, src: &str) -> Result<(), TestCaseError> {
    let n = CASE.fetch_add(1, Ordering::Relaxed);
    let file = dir.join(format!("case{n}.php"));
    std::fs::write(&file, src).expect("write program");
    let interp = run(&["jit=0"], &file);
    let jit = run(&["jit.baseline_threshold=0"], &file);
    let _ = std::fs::remove_file(&file);
    prop_assert!(
        jit.status.is_some(),
        "the JIT run crashed (killed by a signal) on:\n{}",
        src
    );
    prop_assert_eq!(
        &jit.stdout,
        &interp.stdout,
        "stdout differs (left: baseline JIT, right: interpreter) for:\n{}",
        src
    );
    prop_assert_eq!(
        jit.status,
        interp.status,
        "exit status differs (left: JIT) for:\n{}",
        src
    );
    Ok(())
}

#[test]
fn baseline_jit_matches_interpreter() {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64);
    let dir = scratch_dir();
    let mut runner = TestRunner::new(Config {
        cases,
        max_shrink_iters: 400,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&program(), |src| check_program(&dir, &src));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// The generator makes valid PHP (checked with `php -l` when php is on PATH).
#[test]
fn generated_programs_are_valid_php() {
    common::lint_generated_programs(program(), &scratch_dir().join("lint"));
}
