//! OSR entries: where baseline code running a loop continues in optimized code.
//!
//! The optimized body can start at any loop header (`%start`); an entry first
//! checks that the frame baseline code left holds what the lowering assumed there
//! — every slot whose type the tag analysis knows at the header, and no counted
//! value in a promoted slot — and resets temporaries dead at the header (see
//! [`ResettableTemps`]). Those checks run in `hop_opt_osr_enter` from a constant
//! table in the module rather than as inline IR: an entry is taken once per
//! activation at most, and inline checks (a tag load, compare and branch per
//! slot, a release block per dead temporary) were about a third of a loop
//! function's IR, all of it compiled by LLVM for code that almost never runs.
//! What the loop needs LLVM to know — a promoted slot's now constant tag, a reset
//! temporary's constant contents — is still stored inline after the check.

use super::*;
use crate::jit::opt::helpers::{hop_opt_osr_enter, OSR_GUARD, OSR_RESET};

/// The temporaries an OSR entry may reset instead of checking (its table's
/// `OSR_RESET` rows) and where each is live, computed once per function:
/// a temporary dead at a loop header — no op reads it before writing it — need not
/// match what the translation assumed about it, only what the lowering assumes
/// about a slot it overwrites (what baseline code left there, the last element an
/// earlier loop fetched, say, may be of another type). Named locals are left to the
/// guards (frame reflection reads them by name), and so is any slot that may hold a
/// reference (a write goes through it; `Spec::deref_slots` covers by-reference
/// parameters too). A promoted temporary is reset in its alloca; the frame's stale
/// copy is uncounted, checked before.
pub(super) struct ResettableTemps {
    /// The candidates, at most 64; bit `i` of a live set is `slots[i]`.
    slots: Vec<Slot>,
    /// Per pc, the candidates live there; `None` when the function's ops are not
    /// all known to `promote::live_sets` (nothing is reset then).
    live: Option<Vec<u64>>,
}

impl ResettableTemps {
    fn of(func: &Func, spec: &Spec) -> ResettableTemps {
        let slots: Vec<Slot> = (func.num_locals..func.num_slots)
            .filter(|&s| !spec.deref_slots.get(s as usize).copied().unwrap_or(true))
            .take(64)
            .collect();
        let live = if slots.is_empty() {
            None
        } else {
            crate::jit::opt::promote::live_sets(func, &slots)
        };
        ResettableTemps { slots, live }
    }

    /// The slots among `known` to reset at loop header `pc`, each with the
    /// payload-free tag of its known set to reset it to.
    fn dead_at(&self, pc: usize, known: &[(Slot, TagSet)]) -> Vec<(Slot, u8)> {
        let Some(live) = self.live.as_ref().and_then(|l| l.get(pc)) else {
            return Vec::new();
        };
        known
            .iter()
            .filter_map(|&(s, set)| {
                let i = self.slots.iter().position(|c| *c == s)?;
                let plain = set & ((1 << tag::STRING) - 1);
                (live >> i & 1 == 0 && plain != 0).then(|| (s, plain.trailing_zeros() as u8))
            })
            .collect()
    }
}

impl Lower<'_> {
    /// Where an OSR entry at loop header `pc` goes: straight to the op, or through
    /// checks of what the lowering assumes about the frame there.
    pub(super) fn osr_label(&self, pc: usize) -> String {
        match self.flow {
            Some(f) if !f.known_at(pc).is_empty() || self.promotes() => format!("osr{pc}"),
            _ => format!("pc{pc}"),
        }
    }

    /// The OSR entry blocks: baseline code may enter at a loop header with any
    /// frame, so each slot the header's ops rely on is checked against what the
    /// analysis assumed there (a mismatch continues in baseline code, see
    /// `DeoptReason::OsrEntry`).
    pub(super) fn osr_guards(&mut self, headers: &[bool]) {
        let Some(flow) = self.flow else { return };
        // Liveness once for every header (a backward fixpoint over the function).
        let resettable = ResettableTemps::of(self.func, self.spec);
        for pc in (1..self.func.ops.len()).filter(|pc| headers[*pc]) {
            let known = flow.known_at(pc);
            if known.is_empty() && !self.promotes() {
                continue;
            }
            self.block(&format!("osr{pc}"));
            // The allocas first: a refused entry writes them back to the frame (the
            // deopt path flushes promoted slots), so they must hold its values.
            let all = self.promo.slots.clone();
            self.refill_promoted(&all);
            let dead = resettable.dead_at(pc, &known);
            let normal_of = |s: Slot| dead.iter().find(|(d, _)| *d == s).map(|(_, n)| *n);
            // A promoted slot may hold no counted value (`promote.rs`).
            let mut rows: Vec<[u32; 3]> = all
                .iter()
                .map(|&s| [s, tags::UNCOUNTED, OSR_GUARD])
                .collect();
            for &(s, set) in &known {
                rows.push(match normal_of(s) {
                    Some(normal) => [s, u32::from(normal), OSR_RESET],
                    None => [s, set, OSR_GUARD],
                });
            }
            if !rows.is_empty() {
                let table = format!("@osr.table{pc}");
                let words: Vec<String> =
                    rows.iter().flatten().map(|w| format!("i32 {w}")).collect();
                let _ = writeln!(
                    self.globals,
                    "{table} = private unnamed_addr constant [{} x i32] [{}], align 4",
                    words.len(),
                    words.join(", ")
                );
                let frame = self.frame_ref();
                let entered = self.tmp();
                self.line(&format!(
                    "{entered} = call i64 {}(ptr {frame}, ptr {table}, i64 {}) #1",
                    fnptr(hop_opt_osr_enter as *const () as usize),
                    rows.len()
                ));
                let ok = self.tmp();
                self.line(&format!("{ok} = icmp ne i64 {entered}, 0"));
                let refused = self.deopt_label(pc, DeoptReason::OsrEntry);
                self.expect(&ok, &refused);
            }
            // What the checks established, where LLVM can see it.
            for (s, set) in known {
                match normal_of(s) {
                    // Reset in the frame by the helper; in the alloca here (and the
                    // loop knows the slot's contents on this path as on the others).
                    Some(normal) => {
                        let p = self.slot_ptr(s);
                        self.store_raw(&p, &normal.to_string(), "0");
                    }
                    // Guarded: a promoted slot's tag is now a constant LLVM can fold
                    // into the loop (else it carries the loaded tag around it).
                    None => {
                        if let (true, Some(t)) = (self.promo.is_promoted(s), tags::single(set)) {
                            self.raw_line(&format!("store i8 {t}, ptr %sht{s}, align 8"));
                        }
                    }
                }
            }
            self.br(pc);
        }
    }
}
