//! Baseline lowering of array element access with int keys (`FetchDim`,
//! `FetchDimW`, `AssignDim`): a packed array's element is reached inline — the
//! layout `runtime::array_layout` finds, the same the optimizing tier uses — and
//! everything else calls the `vm::dim_fast` helpers, which fall back to the generic
//! op. Inline paths only commit after every check passed; the helper then sees the
//! op untouched.

use super::*;
use crate::jit::profile::HELPER_PATH_BIT;
use crate::runtime::array_layout::{packed_layout, PackedLayout};

impl Translator<'_> {
    /// `dst = base[key]`: an int key checked inline, then the packed-array read
    /// straight through `hop_packed_get` (no op decoding); anything else — a
    /// non-int key, not a packed array, no such element — takes the generic op.
    pub(super) fn fetch_dim(&mut self, pc: usize, dst: Slot, base: Slot, key: Operand) {
        let slow = self.slow_label(pc);
        if !self.load_int(key, 2, slow) {
            return self.call_out_of_line(pc, true);
        }
        // Inline: a packed array (behind a REF too), the element a scalar, the
        // destination holding nothing counted. The key stays in rdx for the call.
        if let Some(l) = packed_layout() {
            let (d, b) = (disp(dst), disp(base));
            self.base_value_in_rsi(b);
            self.packed_elem(&l, false);
            dynasm!(self.ops ; .arch x64 ; movzx eax, BYTE [rcx + 8]);
            self.record_elem_tag(pc);
            dynasm!(self.ops
                ; .arch x64
                ; lea r8d, [rax - tag::NULL as i32]
                ; cmp r8d, (tag::STRING - tag::NULL) as i32
                ; jae >viahelper
                ; cmp BYTE [rbx + d + 8], tag::STRING as i8
                ; jae >viahelper
                ; mov r8, [rcx]
                ; mov [rbx + d], r8
                ; mov [rbx + d + 8], al
                ; jmp >done
                ; viahelper:
            );
            self.record_helper_path(pc);
        }
        let (d, b) = (disp(dst), disp(base));
        dynasm!(self.ops
            ; .arch x64
            ; lea rdi, [rbx + d]
            ; lea rsi, [rbx + b]
        );
        self.call_fast_path(hop_packed_get as *const () as usize, slow);
        dynasm!(self.ops ; .arch x64 ; done:);
    }

    /// Tells the optimizing tier that the element access at `pc` left its inline
    /// path for its helper (see `profile::HELPER_PATH_TAG`): one test once the bit
    /// is set. Clobbers rax.
    fn record_helper_path(&mut self, pc: usize) {
        if let Some(addr) = self.func.jit.prof.tag_set_addr(pc) {
            let bit = HELPER_PATH_BIT as i32;
            dynasm!(self.ops
                ; .arch x64
                ; mov rax, QWORD addr as i64
                ; test DWORD [rax], bit
                ; jnz >recorded
                ; lock or DWORD [rax], bit
                ; recorded:
            );
        }
    }

    /// Records the tag in eax (an element the read at `pc` fetched) in the read's
    /// element profile (`ProfData::elem_tags`): a register test once the tag is
    /// known. Clobbers r8 and r9.
    fn record_elem_tag(&mut self, pc: usize) {
        if let Some(addr) = self.func.jit.prof.elem_tag_set_addr(pc) {
            dynasm!(self.ops
                ; .arch x64
                ; mov r8, QWORD addr as i64
                ; mov r9d, DWORD [r8]
                ; bt r9d, eax
                ; jc >recorded
                ; lock bts DWORD [r8], eax
                ; recorded:
            );
        }
    }

    /// Calls a fast-path helper whose arguments are in place and which returns
    /// false (having touched nothing) when the op needs its generic path at `slow`.
    fn call_fast_path(&mut self, helper: usize, slow: DynamicLabel) {
        dynasm!(self.ops ; .arch x64 ; mov rax, QWORD helper as i64);
        self.helper_calls.push(self.ops.offset().0 as u32);
        dynasm!(self.ops
            ; .arch x64
            ; call rax
            ; test al, al
            ; jz =>slow
        );
    }

    /// `base[key] = val` / `base[] = val`: an int key checked inline, then the
    /// packed-array write straight through `hop_packed_set`; anything else — a
    /// non-int key (a non-int literal: always) — takes the generic op.
    pub(super) fn assign_dim(
        &mut self,
        pc: usize,
        dst: Slot,
        base: Slot,
        key: Option<Operand>,
        val: Operand,
    ) {
        let slow = self.slow_label(pc);
        let append = match key {
            Some(k) => {
                if !self.load_int(k, 6, slow) {
                    return self.call_out_of_line(pc, true);
                }
                0
            }
            None => 1,
        };
        let v = if val.is_const() {
            match self.func.consts.get(val.index() as usize) {
                // The literal lives in the function, which outlives its code.
                Some(c) => Some(c as *const TypedValue as i64),
                None => return self.call_out_of_line(pc, true),
            }
        } else {
            None
        };
        if append == 0 && dst == NO_SLOT {
            // The key moves to rdx (the inline path needs rsi) and back.
            dynasm!(self.ops ; .arch x64 ; mov rdx, rsi);
            self.assign_dim_inline(val, base);
            dynasm!(self.ops ; .arch x64 ; viahelper: ; mov rsi, rdx);
            self.record_helper_path(pc);
        }
        let b = disp(base);
        dynasm!(self.ops
            ; .arch x64
            ; lea rdi, [rbx + b]
            ; mov edx, append
        );
        match v {
            Some(addr) => dynasm!(self.ops ; .arch x64 ; mov rcx, QWORD addr),
            None => {
                let s = disp(val.0);
                dynasm!(self.ops ; .arch x64 ; lea rcx, [rbx + s])
            }
        }
        if dst == NO_SLOT {
            dynasm!(self.ops ; .arch x64 ; xor r8d, r8d);
        } else {
            let d = disp(dst);
            dynasm!(self.ops ; .arch x64 ; lea r8, [rbx + d]);
        }
        self.call_fast_path(hop_packed_set as *const () as usize, slow);
        dynasm!(self.ops ; .arch x64 ; done:);
    }

    /// `dst = &base[key]` (an INDIRECT) for an element of a uniquely held packed
    /// array, inline; everything else through `hop_fetch_dim_w`.
    pub(super) fn fetch_dim_w(&mut self, pc: usize, dst: Slot, base: Slot, key: Operand) {
        let Some(l) = packed_layout() else {
            return self.call_out_of_line(pc, true);
        };
        let viahelper = self.ops.new_dynamic_label();
        if !self.load_int(key, 2, viahelper) {
            return self.call_out_of_line(pc, true);
        }
        let (d, b) = (disp(dst), disp(base));
        self.base_value_in_rsi(b);
        self.packed_elem(&l, true);
        // The destination (a temporary, possibly the base's slot: the element was
        // found first) is overwritten: it must own nothing.
        dynasm!(self.ops
            ; .arch x64
            ; test BYTE [rbx + d + 8], 8
            ; jnz >viahelper
            ; mov [rbx + d], rcx
            ; mov BYTE [rbx + d + 8], tag::INDIRECT as i8
            ; jmp >done
            ; viahelper:
            ; =>viahelper
        );
        self.call_out_of_line(pc, true);
        dynasm!(self.ops ; .arch x64 ; done:);
    }

    /// The inline half of `base[key] = val` (key in rdx): a defined scalar stored
    /// over a scalar element of a uniquely held packed array; jumps to the helper
    /// sequence's `viahelper` label otherwise, and to `done` when it stored.
    fn assign_dim_inline(&mut self, val: Operand, base: Slot) {
        let Some(l) = packed_layout() else {
            return dynasm!(self.ops ; .arch x64 ; jmp >viahelper);
        };
        // The value into (al = tag, r9 = data).
        if val.is_const() {
            let Some(c) = self.func.consts.get(val.index() as usize) else {
                return dynasm!(self.ops ; .arch x64 ; jmp >viahelper);
            };
            if c.tag() < tag::NULL || c.tag() >= tag::STRING {
                return dynasm!(self.ops ; .arch x64 ; jmp >viahelper);
            }
            dynasm!(self.ops
                ; .arch x64
                ; mov eax, c.tag() as i32
                ; mov r9, QWORD c.data as i64
            );
        } else {
            let v = disp(val.0);
            dynasm!(self.ops
                ; .arch x64
                ; movzx eax, BYTE [rbx + v + 8]
                ; lea r8d, [rax - tag::NULL as i32]
                ; cmp r8d, (tag::STRING - tag::NULL) as i32
                ; jae >viahelper
                ; mov r9, [rbx + v]
            );
        }
        let b = disp(base);
        self.base_value_in_rsi(b);
        self.packed_elem(&l, true);
        dynasm!(self.ops
            ; .arch x64
            ; cmp BYTE [rcx + 8], tag::STRING as i8
            ; jae >viahelper
            ; mov [rcx], r9
            ; mov [rcx + 8], al
            ; jmp >done
        );
    }

    /// rsi = the value the slot at frame offset `b` designates: through an
    /// INDIRECT (an element fetched for writing), then through a reference box.
    fn base_value_in_rsi(&mut self, b: i32) {
        dynasm!(self.ops
            ; .arch x64
            ; lea rsi, [rbx + b]
            ; cmp BYTE [rsi + 8], tag::INDIRECT as i8
            ; jne >direct
            ; mov rsi, [rsi]
            ; direct:
            ; cmp BYTE [rsi + 8], tag::REF as i8
            ; jne >value
            ; mov rsi, [rsi]
            ; add rsi, 8
            ; value:
        );
    }

    /// rcx = the element at index rdx of the packed array whose value rsi points
    /// at, held uniquely when `unique`; jumps to the next `viahelper` label (rdx
    /// intact) otherwise. Uses r8.
    fn packed_elem(&mut self, l: &PackedLayout, unique: bool) {
        let (repr, packed, len, elems) = (
            l.repr_tag as i32,
            l.packed_tag as i8,
            l.len as i32,
            l.elems as i32,
        );
        dynasm!(self.ops
            ; .arch x64
            ; cmp BYTE [rsi + 8], tag::ARRAY as i8
            ; jne >viahelper
            ; mov rcx, [rsi]
        );
        if unique {
            // Header { rc: 1, flags: 0 } read as one word: one owner, not static.
            dynasm!(self.ops
                ; .arch x64
                ; cmp QWORD [rcx], 1
                ; jne >viahelper
            );
        }
        dynasm!(self.ops
            ; .arch x64
            ; cmp BYTE [rcx + repr], packed
            ; jne >viahelper
            ; cmp rdx, [rcx + len]
            ; jae >viahelper
            ; mov rcx, [rcx + elems]
            ; mov r8, rdx
            ; shl r8, 4
            ; add rcx, r8
        );
    }
}
