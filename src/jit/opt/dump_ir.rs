//! `--dump-ir NAME`: the LLVM IR of a function's optimized translations, before and
//! after the pass pipeline, kept by the worker that compiled it and printed by the
//! CLI after the run.

use once_cell::sync::OnceCell;
use parking_lot::Mutex;

static TARGET: OnceCell<String> = OnceCell::new();
/// (function name, IR before passes, IR after passes), in compile order.
static DUMPS: Mutex<Vec<(String, String, String)>> = Mutex::new(Vec::new());

/// Asks workers to keep the IR of functions named `name` (case-insensitive).
pub fn set_target(name: &str) {
    let _ = TARGET.set(name.to_string());
}

/// Whether the IR of `func_name` should be kept.
pub fn wanted(func_name: &str) -> bool {
    TARGET
        .get()
        .is_some_and(|t| t.eq_ignore_ascii_case(func_name))
}

pub fn record(func_name: &str, before: String, after: String) {
    DUMPS.lock().push((func_name.to_string(), before, after));
}

/// The dump text for the CLI.
pub fn text(name: &str) -> String {
    let dumps = DUMPS.lock();
    if dumps.is_empty() {
        return format!(
            "; no optimized translation of {name}: it did not get hot enough \
             (jit.optimize_threshold), the optimizing tier is off (jit=0, jit.optimize=0), \
             or no such function ran\n"
        );
    }
    let mut out = String::new();
    for (i, (f, before, after)) in dumps.iter().enumerate() {
        out.push_str(&format!(
            "; ==== {f}: optimized translation {} — IR before passes ====\n{before}\n",
            i + 1
        ));
        out.push_str(&format!(
            "; ==== {f}: optimized translation {} — IR after passes ====\n{after}\n",
            i + 1
        ));
    }
    out
}
