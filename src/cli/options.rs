//! Runtime options: one typed table, read from an ini file (`-c`), `HOPJIT_*`
//! environment variables and `-d name=value` (later sources win). Unknown names and
//! bad values are errors that name the option.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptType {
    Bool,
    Int,
    /// A byte size: plain number or with a K/M/G suffix.
    Size,
    Str,
}

impl fmt::Display for OptType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OptType::Bool => "bool",
            OptType::Int => "int",
            OptType::Size => "size",
            OptType::Str => "string",
        })
    }
}

pub struct OptDef {
    pub name: &'static str,
    pub ty: OptType,
    pub default: &'static str,
    pub help: &'static str,
    /// False for options of tiers not built yet: accepted and validated, no effect.
    pub active: bool,
}

/// The option table. See DESIGN.md decision 11 for the names tools rely on.
pub const OPTIONS: &[OptDef] = &[
    OptDef {
        name: "jit",
        ty: OptType::Bool,
        default: "1",
        help: "0 runs everything in the interpreter",
        active: true,
    },
    OptDef {
        name: "jit.optimize",
        ty: OptType::Bool,
        default: "1",
        help: "0 stops at the baseline tier (no LLVM)",
        active: true,
    },
    OptDef {
        name: "jit.baseline_threshold",
        ty: OptType::Int,
        default: "0",
        help: "calls before a function gets a baseline translation (0 = first call)",
        active: true,
    },
    OptDef {
        name: "jit.optimize_threshold",
        ty: OptType::Int,
        default: "1000",
        help: "entries or loop back-edges (baseline counters) before a function is queued for LLVM",
        active: true,
    },
    OptDef {
        name: "jit.workers",
        ty: OptType::Int,
        default: "0",
        help: "optimizing worker threads (0 = cores - 1, at least 1)",
        active: true,
    },
    OptDef {
        name: "jit.concurrent",
        ty: OptType::Bool,
        default: "1",
        help: "per-function write leases (0 = one global lease)",
        active: true,
    },
    OptDef {
        name: "jit.max_threads",
        ty: OptType::Int,
        default: "4",
        help: "threads allowed inside the JIT at once",
        active: true,
    },
    OptDef {
        name: "jit.retranslate_all",
        ty: OptType::Int,
        default: "0",
        help: "optimize every profiled function after N profiled calls (0 = off)",
        active: true,
    },
    OptDef {
        name: "jit.llvm_opt",
        ty: OptType::Str,
        default: "O2",
        help: "LLVM pipeline: O1, O2 or O3",
        active: true,
    },
    OptDef {
        name: "jit.promote",
        ty: OptType::Bool,
        default: "1",
        help: "keep loop functions' uncounted locals in registers in optimized code",
        active: true,
    },
    OptDef {
        name: "jit.sync",
        ty: OptType::Str,
        default: "0",
        help: "wait for optimizing compiles (tests): 1 on a function's first call, \
               2 when its profile reaches jit.optimize_threshold",
        active: true,
    },
    OptDef {
        name: "jit.stats",
        ty: OptType::Str,
        default: "0",
        help: "1 prints JIT statistics at exit; a path writes them as JSON",
        active: true,
    },
    OptDef {
        name: "jit.trace",
        ty: OptType::Str,
        default: "",
        help: "path of a Chrome trace-event file of JIT activity",
        active: true,
    },
    OptDef {
        name: "jit.perf_map",
        ty: OptType::Bool,
        default: "0",
        help: "write /tmp/perf-PID.map for perf",
        active: true,
    },
    OptDef {
        name: "tc.hot_size",
        ty: OptType::Size,
        default: "16M",
        help: "translation cache: hot block (optimized code)",
        active: true,
    },
    OptDef {
        name: "tc.main_size",
        ty: OptType::Size,
        default: "32M",
        help: "translation cache: main block",
        active: true,
    },
    OptDef {
        name: "tc.prof_size",
        ty: OptType::Size,
        default: "32M",
        help: "translation cache: prof block (profiling translations)",
        active: true,
    },
    OptDef {
        name: "tc.cold_size",
        ty: OptType::Size,
        default: "16M",
        help: "translation cache: cold block (slow paths)",
        active: true,
    },
    OptDef {
        name: "tc.frozen_size",
        ty: OptType::Size,
        default: "16M",
        help: "translation cache: frozen block (rarely run code)",
        active: true,
    },
];

/// A parsed value.
#[derive(Clone, Debug, PartialEq)]
pub enum OptValue {
    Bool(bool),
    Int(i64),
    Size(u64),
    Str(String),
}

/// `HOPJIT_` environment variables that are not options: `load_env` skips them.
/// `HOPJIT_PERF_MAP_DIR`: where `jit.perf_map` writes perf-PID.map (default /tmp).
pub const NOT_OPTIONS: &[&str] = &["HOPJIT_PERF_MAP_DIR"];

/// The options in force for a run.
#[derive(Clone, Debug)]
pub struct Options {
    values: Vec<OptValue>,
}

fn parse_value(def: &OptDef, raw: &str) -> Result<OptValue, String> {
    let bad = || {
        format!(
            "invalid value \"{raw}\" for option {} (expected {})",
            def.name, def.ty
        )
    };
    let v = raw.trim();
    Ok(match def.ty {
        OptType::Bool => match v.to_ascii_lowercase().as_str() {
            "1" | "on" | "true" | "yes" => OptValue::Bool(true),
            "0" | "off" | "false" | "no" | "" => OptValue::Bool(false),
            _ => return Err(bad()),
        },
        OptType::Int => OptValue::Int(v.parse().map_err(|_| bad())?),
        OptType::Size => {
            let (num, mult) = match v.char_indices().last() {
                Some((i, 'K' | 'k')) => (&v[..i], 1u64 << 10),
                Some((i, 'M' | 'm')) => (&v[..i], 1 << 20),
                Some((i, 'G' | 'g')) => (&v[..i], 1 << 30),
                _ => (v, 1),
            };
            let n: u64 = num.parse().map_err(|_| bad())?;
            OptValue::Size(n.checked_mul(mult).ok_or_else(bad)?)
        }
        OptType::Str => {
            if def.name == "jit.sync" {
                // Formerly a bool: its spellings still mean 0 and 1.
                return match v.to_ascii_lowercase().as_str() {
                    "0" | "off" | "false" | "no" | "" => Ok(OptValue::Str("0".into())),
                    "1" | "on" | "true" | "yes" => Ok(OptValue::Str("1".into())),
                    "2" => Ok(OptValue::Str("2".into())),
                    _ => Err(format!(
                        "invalid value \"{raw}\" for option jit.sync (expected 0, 1 or 2)"
                    )),
                };
            }
            if def.name == "jit.llvm_opt" && !["O1", "O2", "O3"].contains(&v) {
                return Err(format!(
                    "invalid value \"{raw}\" for option jit.llvm_opt (expected O1, O2 or O3)"
                ));
            }
            OptValue::Str(v.to_string())
        }
    })
}

impl Default for Options {
    fn default() -> Self {
        Options::new()
    }
}

impl Options {
    pub fn new() -> Options {
        let values = OPTIONS
            .iter()
            .map(|d| parse_value(d, d.default).expect("defaults parse"))
            .collect();
        Options { values }
    }

    /// Sets `name` from text; errors name the option and the problem.
    pub fn set(&mut self, name: &str, raw: &str) -> Result<(), String> {
        let i = OPTIONS
            .iter()
            .position(|d| d.name == name)
            .ok_or_else(|| format!("unknown option \"{name}\" (hopjit --options lists them)"))?;
        self.values[i] = parse_value(&OPTIONS[i], raw)?;
        Ok(())
    }

    /// Applies `name=value` text.
    pub fn set_assignment(&mut self, text: &str) -> Result<(), String> {
        let (n, v) = text
            .split_once('=')
            .ok_or_else(|| format!("-d expects name=value, got \"{text}\""))?;
        self.set(n.trim(), v)
    }

    /// Applies an ini file: `name = value` lines, `;`/`#` comments, `[sections]`
    /// ignored.
    pub fn load_ini(&mut self, path: &str) -> Result<(), String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read ini file {path}: {e}"))?;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty()
                || line.starts_with(';')
                || line.starts_with('#')
                || line.starts_with('[')
            {
                continue;
            }
            let v = line
                .split_once('=')
                .map(|(a, b)| (a.trim(), b.trim().trim_matches('"')));
            let (name, value) =
                v.ok_or_else(|| format!("{path}:{}: expected name = value", n + 1))?;
            self.set(name, value)
                .map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        }
        Ok(())
    }

    /// Applies `HOPJIT_JIT_OPTIMIZE=0`-style variables: `HOPJIT_` + the name in upper
    /// case with dots as underscores. Any other `HOPJIT_` variable is an error unless
    /// it is in [`NOT_OPTIONS`].
    pub fn load_env(&mut self, vars: impl Iterator<Item = (String, String)>) -> Result<(), String> {
        for (k, v) in vars {
            let Some(rest) = k.strip_prefix("HOPJIT_") else {
                continue;
            };
            if NOT_OPTIONS.contains(&k.as_str()) {
                continue;
            }
            let def = OPTIONS
                .iter()
                .find(|d| d.name.replace('.', "_").eq_ignore_ascii_case(rest));
            match def {
                Some(d) => self
                    .set(d.name, &v)
                    .map_err(|e| format!("environment variable {k}: {e}"))?,
                None => {
                    return Err(format!(
                        "environment variable {k} names no option (hopjit --options lists them)"
                    ))
                }
            }
        }
        Ok(())
    }

    pub fn get(&self, name: &str) -> &OptValue {
        let i = OPTIONS
            .iter()
            .position(|d| d.name == name)
            .unwrap_or_else(|| panic!("option {name} is not in the table"));
        &self.values[i]
    }
    pub fn bool(&self, name: &str) -> bool {
        matches!(self.get(name), OptValue::Bool(true))
    }
}

/// The `--options` listing.
pub fn describe() -> String {
    let mut s = format!("{:<24} {:<7} {:<8} {}\n", "name", "type", "default", "help");
    for d in OPTIONS {
        let note = if d.active { "" } else { " (not active yet)" };
        s.push_str(&format!(
            "{:<24} {:<7} {:<8} {}{}\n",
            d.name,
            d.ty.to_string(),
            d.default,
            d.help,
            note
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let mut o = Options::new();
        o.set_assignment("jit=0").unwrap();
        assert!(!o.bool("jit"));
        o.set("tc.hot_size", "4K").unwrap();
        assert_eq!(o.get("tc.hot_size"), &OptValue::Size(4096));
        assert!(o.set("jit", "maybe").unwrap_err().contains("jit"));
        assert!(o
            .set("nope", "1")
            .unwrap_err()
            .contains("unknown option \"nope\""));
        assert!(o.set("jit.llvm_opt", "O9").is_err());
        assert!(o.set_assignment("jit").is_err());
    }

    #[test]
    fn env_names_map_to_options() {
        let mut o = Options::new();
        o.load_env(vec![("HOPJIT_JIT_OPTIMIZE".to_string(), "0".to_string())].into_iter())
            .unwrap();
        assert!(!o.bool("jit.optimize"));
        assert!(o
            .load_env(vec![("HOPJIT_BOGUS".to_string(), "1".to_string())].into_iter())
            .is_err());
        o.load_env(vec![("HOPJIT_PERF_MAP_DIR".to_string(), "/x".to_string())].into_iter())
            .unwrap();
    }
}
