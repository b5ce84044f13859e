//! Lowering of element ops planned generic (a string key, a hash array): one call
//! to the keyed fast path of `vm::dim_fast_keyed`, and the generic op only when it
//! declines (a missing element read, a key to convert, a base that is not an
//! array).
//!
//! The fast paths take the operands' storage and neither the context nor the
//! frame, so promoted slots stay in their allocas across them (see `promote.rs`)
//! and LLVM sees a call that reaches only the values it is given.

use super::*;
use crate::vm::dim_fast_keyed::{hop_keyed_elem_w, hop_keyed_get, hop_keyed_set, hop_keyed_unset};

impl Lower<'_> {
    /// Op `pc` through its keyed fast path when it is an element op that has one;
    /// false (nothing emitted) otherwise.
    pub(super) fn keyed_dim(&mut self, pc: usize) -> bool {
        if self.inlining.is_some() {
            return false;
        }
        let call = match self.func.ops[pc] {
            Op::FetchDim { dst, base, key } | Op::FetchDimIs { dst, base, key }
                if dst != NO_SLOT && !base.is_const() =>
            {
                let quiet = matches!(self.func.ops[pc], Op::FetchDimIs { .. });
                let Some(k) = self.operand_ptr(key) else {
                    return false;
                };
                let (d, b) = (self.slot_ptr(dst), self.slot_ptr(base.0));
                format!(
                    "{}(ptr {d}, ptr {b}, ptr {k}, i1 {quiet})",
                    fnptr(hop_keyed_get as *const () as usize)
                )
            }
            Op::AssignDim {
                dst,
                base,
                key: Some(key),
                val,
            } => {
                let (Some(k), Some(v)) = (self.operand_ptr(key), self.operand_ptr(val)) else {
                    return false;
                };
                let b = self.slot_ptr(base);
                let d = if dst == NO_SLOT {
                    "null".to_string()
                } else {
                    self.slot_ptr(dst)
                };
                format!(
                    "{}(ptr {b}, ptr {k}, ptr {v}, ptr {d})",
                    fnptr(hop_keyed_set as *const () as usize)
                )
            }
            Op::FetchDimW {
                dst,
                base,
                key: Some(key),
                mode: mode @ (DimMode::Write | DimMode::ReadWrite),
            } if dst != NO_SLOT && dst != base => {
                let Some(k) = self.operand_ptr(key) else {
                    return false;
                };
                let (d, b) = (self.slot_ptr(dst), self.slot_ptr(base));
                format!(
                    "{}(ptr {d}, ptr {b}, ptr {k}, i1 {})",
                    fnptr(hop_keyed_elem_w as *const () as usize),
                    mode == DimMode::ReadWrite
                )
            }
            Op::UnsetDim { base, key } => {
                let Some(k) = self.operand_ptr(key) else {
                    return false;
                };
                let b = self.slot_ptr(base);
                format!(
                    "{}(ptr {b}, ptr {k})",
                    fnptr(hop_keyed_unset as *const () as usize)
                )
            }
            _ => return false,
        };
        let (done, gen) = (self.tmp(), self.fresh_block("keyed.gen"));
        self.line(&format!("{done} = call i1 {call} #0"));
        self.expect(&done, &gen);
        self.br(pc + 1);
        self.generic_block(&gen, pc);
        true
    }
}
