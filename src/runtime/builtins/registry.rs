//! The table of every built-in function, built once at start-up from the modules'
//! `FUNCS` tables.

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use super::{BuiltinDef, BuiltinFn};

/// One parsed parameter of a built-in's signature.
#[derive(Debug, Clone)]
pub struct ParamSpec {
    pub name: &'static str,
    pub optional: bool,
    pub by_ref: bool,
    pub variadic: bool,
}

pub struct Builtin {
    pub name: &'static str,
    pub params: Vec<ParamSpec>,
    pub f: BuiltinFn,
    /// Required argument count.
    pub min: usize,
    /// Maximum argument count (`None`: variadic).
    pub max: Option<usize>,
    /// Argument counts (bit n: n arguments) for which PHP compiles a call to an
    /// opcode, leaving no frame in traces (see `frameless`).
    pub frameless_argcs: u8,
}

impl Builtin {
    /// Whether argument `i` is passed by reference.
    pub fn is_by_ref(&self, i: usize) -> bool {
        match self.params.get(i) {
            Some(p) => p.by_ref,
            None => self.params.last().is_some_and(|p| p.variadic && p.by_ref),
        }
    }
    /// The parameter name for argument `i` (for messages).
    pub fn param_name(&self, i: usize) -> &'static str {
        match self.params.get(i) {
            Some(p) => p.name,
            None => self.params.last().map_or("", |p| p.name),
        }
    }
}

fn parse_sig(sig: &'static str) -> Vec<ParamSpec> {
    sig.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let variadic = p.starts_with("...");
            let p = p.trim_start_matches("...");
            let by_ref = p.starts_with('&');
            let p = p.trim_start_matches('&');
            let optional = p.ends_with('=') || variadic;
            ParamSpec {
                name: p.trim_end_matches('='),
                optional,
                by_ref,
                variadic,
            }
        })
        .collect()
}

fn all_defs() -> Vec<&'static [BuiltinDef]> {
    use super::*;
    vec![
        string::FUNCS,
        string_compare::FUNCS,
        string_escape::FUNCS,
        string_search::FUNCS,
        string_format::FUNCS,
        string_hash::FUNCS,
        array::FUNCS,
        array_sort::FUNCS,
        array_range::FUNCS,
        array_callback::FUNCS,
        array_set::FUNCS,
        math::FUNCS,
        output::FUNCS,
        objects::FUNCS,
        json::FUNCS,
        serialize::FUNCS,
        types::FUNCS,
        random::FUNCS,
        time::FUNCS,
        funcs::FUNCS,
    ]
}

pub struct Registry {
    pub list: Vec<Builtin>,
    pub by_name: FxHashMap<&'static str, u32>,
}

pub static REGISTRY: Lazy<Registry> = Lazy::new(|| {
    let mut list = Vec::new();
    let mut by_name = FxHashMap::default();
    for table in all_defs() {
        for &(name, sig, f) in table {
            let params = parse_sig(sig);
            let min = params.iter().take_while(|p| !p.optional).count();
            let max = if params.last().is_some_and(|p| p.variadic) {
                None
            } else {
                Some(params.len())
            };
            by_name.insert(name, list.len() as u32);
            list.push(Builtin {
                name,
                params,
                f,
                min,
                max,
                frameless_argcs: super::frameless::frameless_argcs(name),
            });
        }
    }
    Registry { list, by_name }
});

/// Finds a built-in by (case-insensitive) name.
pub fn lookup(name: &str) -> Option<u32> {
    let lower = name.trim_start_matches('\\').to_ascii_lowercase();
    REGISTRY.by_name.get(lower.as_str()).copied()
}

pub fn get(id: u32) -> &'static Builtin {
    &REGISTRY.list[id as usize]
}
