//! Baseline lowering of `IterNext` by value over a packed array (`foreach ($a as
//! [$k =>] $v)`): the next element is the one at the iterator's position, so the
//! op is a bounds check, a tag check, one more owner for a counted element and the
//! stores `vm::interp_iter::iter_next_by_value` does. Any other array, a position
//! that is not an int, or an element that is a reference or undefined calls the
//! helper with nothing done; so does a destination that is a reference, after the
//! element was stored into `$v` (the helper then reads the same element again, as
//! the position has not moved, and overwrites it).
//!
//! The iterator's two slots (`vm/interp_iter.rs`): `iter` holds the array (an
//! owned copy, never a reference), `iter + 1` the position to continue from.

use super::*;
use crate::runtime::array_layout::{packed_layout, PackedLayout};

impl Translator<'_> {
    /// `IterNext` by value at `pc` into `val` (and `key` unless `NO_SLOT`), leaving
    /// for `exit` past the last element.
    pub(super) fn iter_next(&mut self, pc: usize, iter: Slot, val: Slot, key: Slot, exit: u32) {
        let Some(l) = packed_layout() else {
            return self.call_out_of_line(pc, false);
        };
        let slow = self.slow_label(pc);
        let (it, pos) = (disp(iter), disp(iter + 1));
        let exit = self.labels[exit as usize];
        // Guards, with nothing changed yet: a packed array, an int position; past
        // the end a valid position leaves the loop.
        dynasm!(self.ops
            ; .arch x64
            ; cmp BYTE [rbx + it + 8], tag::ARRAY as i8
            ; jne =>slow
            ; mov rsi, [rbx + it]
            ; cmp BYTE [rsi + l.repr_tag as i32], l.packed_tag as i8
            ; jne =>slow
            ; cmp BYTE [rbx + pos + 8], tag::INT as i8
            ; jne =>slow
            ; mov rax, [rbx + pos]
            ; cmp rax, [rsi + l.len as i32]
            ; jb >elem
            ; test rax, rax
            ; js =>slow
            ; jmp =>exit
            ; elem:
        );
        self.element_in_rcx(&l, it, pos);
        // A value held directly (a reference element is copied out of its box by
        // the helper; an undefined one is a hole the helper skips).
        dynasm!(self.ops
            ; .arch x64
            ; movzx eax, BYTE [rcx + 8]
            ; cmp al, tag::NULL as i8
            ; jb =>slow
            ; cmp al, tag::OBJECT as i8
            ; ja =>slow
        );
        // `$v`'s old value goes first (a call that clobbers every scratch
        // register), then the element, with one more owner when it is counted.
        self.claim_dst(val, slow);
        self.element_in_rcx(&l, it, pos);
        let hdr_flags = std::mem::offset_of!(Header, flags) as i32;
        dynasm!(self.ops
            ; .arch x64
            ; movzx eax, BYTE [rcx + 8]
            ; mov rsi, [rcx]
            ; cmp al, tag::STRING as i8
            ; jb >store
            ; test DWORD [rsi + hdr_flags], STATIC_FLAG as i32
            ; jnz >store
            ; add DWORD [rsi], 1
            ; store:
            ; mov [rdx], rsi
            ; mov [rdx + 8], al
        );
        if key != NO_SLOT {
            self.claim_dst(key, slow);
            dynasm!(self.ops
                ; .arch x64
                ; mov rax, [rbx + pos]
                ; mov [rdx], rax
                ; mov BYTE [rdx + 8], tag::INT as i8
            );
        }
        dynasm!(self.ops ; .arch x64 ; add QWORD [rbx + pos], 1);
    }

    /// rcx = the element at the iterator's position (in bounds: checked before),
    /// reloaded from the frame. Uses rsi and r8.
    fn element_in_rcx(&mut self, l: &PackedLayout, it: i32, pos: i32) {
        dynasm!(self.ops
            ; .arch x64
            ; mov rsi, [rbx + it]
            ; mov rcx, [rsi + l.elems as i32]
            ; mov r8, [rbx + pos]
            ; shl r8, 4
            ; add rcx, r8
        );
    }
}
