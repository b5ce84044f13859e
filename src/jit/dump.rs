//! `--dump-asm NAME` and `--dump-profile NAME`: what the JIT did to a function,
//! printed after the program ran.

use std::fmt::Write;
use std::sync::atomic::Ordering;

use iced_x86::{Decoder, DecoderOptions, Formatter, GasFormatter, Instruction};

use super::meta;
use super::profile::{tag_names, POLYMORPHIC};
use crate::bytecode::unit::Unit;

/// Disassembly of every translation of functions named `name`, with bytecode pcs
/// marked where their code starts.
pub fn dump_asm(name: &str) -> String {
    let mut out = String::new();
    let ts = meta::find(name);
    if ts.is_empty() {
        let _ = writeln!(
            out,
            "no translation of {name} (run it with the JIT on, e.g. -d jit.baseline_threshold=0)"
        );
        return out;
    }
    for t in ts {
        let _ = writeln!(
            out,
            "== {} [{} translation] {:#x}, {} bytes, {} helper calls",
            t.func_name,
            t.tier,
            t.start,
            t.len + t.cold.map_or(0, |(_, n)| n),
            t.helper_calls.len()
        );
        disassemble(&mut out, t.start, t.len, 0, &t.pc_offsets);
        if let Some((start, len)) = t.cold {
            let _ = writeln!(
                out,
                "  ; slow paths, placed apart at {start:#x}, {len} bytes"
            );
            disassemble(&mut out, start, len, t.len as u32, &t.pc_offsets);
        }
    }
    out
}

/// Appends the disassembly of `len` bytes of committed code at `start`, offsets
/// shown from `first_off` (the piece's offset in its translation), pcs marked.
fn disassemble(out: &mut String, start: usize, len: usize, first_off: u32, pcs: &[(u32, u32)]) {
    // SAFETY: committed translations are never freed and stay mapped readable (RX)
    // for the life of the process; `len` bytes were written at `start`.
    let code = unsafe { std::slice::from_raw_parts(start as *const u8, len) };
    let mut decoder = Decoder::with_ip(64, code, start as u64, DecoderOptions::NONE);
    let mut fmt = GasFormatter::new();
    let mut text = String::new();
    let mut insn = Instruction::default();
    let mut marks = pcs.iter().filter(|(_, o)| *o >= first_off).peekable();
    while decoder.can_decode() {
        decoder.decode_out(&mut insn);
        let off = first_off + (insn.ip() - start as u64) as u32;
        while let Some((pc, o)) = marks.peek() {
            if *o <= off {
                if *o == off {
                    let _ = writeln!(out, "  ; pc {pc}");
                }
                marks.next();
            } else {
                break;
            }
        }
        text.clear();
        fmt.format(&insn, &mut text);
        let _ = writeln!(out, "  {:6x}  {}", off, text);
    }
}

/// The profile of functions named `name` in `unit`.
pub fn dump_profile(unit: &Unit, name: &str) -> String {
    let mut out = String::new();
    let funcs: Vec<_> = unit
        .funcs
        .iter()
        .filter(|f| f.name.eq_ignore_ascii_case(name))
        .collect();
    if funcs.is_empty() {
        let _ = writeln!(out, "no function named {name}");
    }
    for f in funcs {
        let p = &f.jit.prof;
        let _ = writeln!(
            out,
            "== profile of {} (#{}) calls={} state={}",
            f.name,
            f.id,
            p.calls.load(Ordering::Relaxed),
            f.jit.state()
        );
        for (pc, op) in f.ops.iter().enumerate() {
            let count = p.block_counts[pc].load(Ordering::Relaxed);
            let tags = p.tags[pc].load(Ordering::Relaxed);
            let callee = p.callees[pc].load(Ordering::Relaxed);
            let elems = p.elem_tags(pc);
            if count == 0 && tags == 0 && callee == 0 && elems == 0 {
                continue;
            }
            let mut line = format!("  {pc:4}");
            if count > 0 {
                line.push_str(&format!("  block entries={count}"));
            }
            if tags != 0 {
                line.push_str(&format!("  slow-path types={}", tag_names(tags).join("|")));
            }
            if elems != 0 {
                line.push_str(&format!("  elements={}", tag_names(elems).join("|")));
            }
            match callee {
                0 => {}
                POLYMORPHIC => line.push_str("  callee=polymorphic"),
                c => {
                    let n = unit
                        .funcs
                        .get(c as usize - 1)
                        .map_or("?", |g| g.name.as_str());
                    line.push_str(&format!("  callee={n}"));
                }
            }
            let _ = writeln!(out, "{line}  ; {op:?}");
        }
    }
    out
}
