//! `--dump-bytecode`: a readable listing of a unit, one op per line with its source
//! line, literals shown inline.

use std::fmt::Write;

use super::op::Op;
use super::unit::{Func, Unit};

pub fn dump_unit(unit: &Unit) -> String {
    let mut out = String::new();
    for f in &unit.funcs {
        dump_func(&mut out, f);
    }
    out
}

fn dump_func(out: &mut String, f: &Func) {
    let params: Vec<String> = f
        .params
        .iter()
        .map(|p| format!("{}${}", if p.by_ref { "&" } else { "" }, p.name))
        .collect();
    let _ = writeln!(
        out,
        "function {} #{} ({}) locals={} slots={}",
        f.name,
        f.id,
        params.join(", "),
        f.num_locals,
        f.num_slots
    );
    for (i, name) in f.local_names.iter().enumerate() {
        let _ = writeln!(out, "  ; s{i} = ${name}");
    }
    for (i, c) in f.consts.iter().enumerate() {
        let _ = writeln!(out, "  ; k{i} = {c:?}");
    }
    for h in &f.handlers {
        let _ = writeln!(out, "  ; try {}..{} -> {}", h.start, h.end, h.handler);
    }
    for (pc, op) in f.ops.iter().enumerate() {
        let line = f.lines.get(pc).copied().unwrap_or(0);
        let _ = writeln!(out, "  {pc:4}  L{line:<4} {}", show(op));
    }
    out.push('\n');
}

fn show(op: &Op) -> String {
    format!("{op:?}")
}
