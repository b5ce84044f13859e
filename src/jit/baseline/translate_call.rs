//! Baseline lowering of `Call`: a lean callee (every parameter by value, called
//! with exactly its declared arguments) is called natively — the sequence of
//! `jit/native_call.rs`, in machine code — everything else goes through `hop_call`.
//!
//! Registers as in the rest of the translation (`rbx` frame, `r12` ctx, `r13`
//! func); `r15` (callee-saved, otherwise unused) holds the callee's frame across
//! the call and the 8 bytes the prologue reserves at `[rsp]` the call stack's old
//! length (or the status across the cleanup call), so the machine stack stays
//! 16-byte aligned at every call.

use super::*;
use crate::jit::native_call::{
    hop_call_cleanup, hop_call_fault, hop_enter_untranslated, hop_write_result,
};
use crate::vm::call_stack::CallStack;
use crate::vm::ctx::CallInfo;

/// Callees with more slots take the helper (each undefined slot is one store).
const NATIVE_CALL_MAX_SLOTS: u32 = 64;

impl Translator<'_> {
    /// `Call`: native for a lean callee, else `hop_call`.
    pub(super) fn call(&mut self, pc: usize, dst: Slot, callee: u32, args: Slot, argc: u32) {
        let lean = self.unit.funcs.get(callee as usize).filter(|f| {
            f.call_shape.lean_argc == argc
                && !f.call_shape.variadic_by_ref
                && f.num_slots <= NATIVE_CALL_MAX_SLOTS
        });
        match lean {
            Some(f) => self.native_call(pc, dst, f, args, argc),
            None => self.call_out_of_line(pc, true),
        }
    }

    fn native_call(&mut self, pc: usize, dst: Slot, callee: &Func, args: Slot, argc: u32) {
        let n = callee.num_slots;
        let line = self.func.lines.get(pc).copied().unwrap_or(0);
        let slow = self.slow_label(pc);
        let calls = std::mem::offset_of!(ExecCtx, calls);
        let calls_base = (calls + std::mem::offset_of!(CallStack, base)) as i32;
        let calls_len = (calls + std::mem::offset_of!(CallStack, len)) as i32;
        let calls_cap = (calls + std::mem::offset_of!(CallStack, cap)) as i32;
        let sp_off = std::mem::offset_of!(ExecCtx, sp) as i32;
        let limit = std::mem::offset_of!(ExecCtx, stack_limit) as i32;
        let stack_base = std::mem::offset_of!(ExecCtx, stack_base) as i32;
        let line_off = std::mem::offset_of!(ExecCtx, line) as i32;
        let cur_argc = std::mem::offset_of!(ExecCtx, cur_argc) as i32;
        let ret = std::mem::offset_of!(ExecCtx, ret) as i32;
        let rare = std::mem::offset_of!(CallInfo, rare) as i32;
        // The profile's callee (a static call has one).
        if let Some(addr) = self.func.jit.prof.callee_addr(pc) {
            dynasm!(self.ops
                ; .arch x64
                ; mov rax, QWORD addr as i64
                ; mov DWORD [rax], callee.id.saturating_add(1) as i32
            );
        }
        // Arguments move as they are below REF; REF and INDIRECT take the helper.
        for i in 0..argc {
            dynasm!(self.ops
                ; .arch x64
                ; cmp BYTE [rbx + disp(args + i) + 8], tag::REF as i8
                ; jae =>slow
            );
        }
        // Room on the VM stack and on the call stack, else the helper.
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, [r12 + sp_off]
            ; lea rcx, [rax + n as i32]
            ; cmp rcx, [r12 + limit]
            ; ja =>slow
            ; mov rdx, [r12 + calls_len]
            ; cmp rdx, [r12 + calls_cap]
            ; jae =>slow
            ; mov DWORD [r12 + line_off], line as i32
            ; mov r15, [r12 + stack_base]
            ; shl rax, 4
            ; add r15, rax
        );
        // The callee's frame: arguments moved in (left undefined here), the other
        // slots undefined.
        for i in 0..argc {
            let (from, to) = (disp(args + i), disp(i));
            dynasm!(self.ops
                ; .arch x64
                ; mov rax, [rbx + from]
                ; mov [r15 + to], rax
                ; movzx eax, BYTE [rbx + from + 8]
                ; mov [r15 + to + 8], al
                ; mov BYTE [rbx + from + 8], tag::UNINIT as i8
            );
        }
        for s in argc..n {
            dynasm!(self.ops
                ; .arch x64
                ; mov BYTE [r15 + disp(s) + 8], tag::UNINIT as i8
            );
        }
        // Claim the frame, push the CallInfo (`repr(C)` words: {func, call_line},
        // frame, {argc, nextra}, rare = None), call the entry (or, while it is empty,
        // the tier-up stand-in).
        let word0 = i64::from(callee.id) | (i64::from(line) << 32);
        let entry = &callee.entry as *const _ as i64;
        let enter = hop_enter_untranslated as *const () as i64;
        dynasm!(self.ops
            ; .arch x64
            ; mov [r12 + sp_off], rcx
            ; mov rax, [r12 + calls_base]
            ; mov rsi, rdx
            ; shl rsi, 5
            ; add rax, rsi
            ; mov rsi, QWORD word0
            ; mov [rax], rsi
            ; mov [rax + 8], r15
            ; mov QWORD [rax + 16], argc as i32
            ; mov QWORD [rax + 24], 0
            ; mov [rsp], rdx
            ; inc rdx
            ; mov [r12 + calls_len], rdx
            ; mov DWORD [r12 + cur_argc], argc as i32
            ; mov rax, QWORD entry
            ; mov rax, [rax]
            ; test rax, rax
            ; jnz >go
            ; mov rax, QWORD enter
            ; go:
            ; mov rdi, r15
            ; mov rsi, r12
        );
        self.helper_calls.push(self.ops.offset().0 as u32);
        dynasm!(self.ops
            ; .arch x64
            ; call rax
            // Pop; release what the frame and the entry hold, out of line and only
            // when some slot holds a counted value (bit 3 of its tag) or the entry
            // grew rare parts.
            ; mov rdx, [rsp]
            ; mov [r12 + calls_len], rdx
            ; mov rdi, [r12 + calls_base]
            ; shl rdx, 5
            ; mov rdi, [rdi + rdx + rare]
            ; xor ecx, ecx
        );
        for s in 0..n {
            dynasm!(self.ops ; .arch x64 ; or cl, BYTE [r15 + disp(s) + 8]);
        }
        let cleanup = hop_call_cleanup as *const () as i64;
        dynasm!(self.ops
            ; .arch x64
            ; and ecx, 8
            ; or rcx, rdi
            ; jz >clean
            ; mov [rsp], rax
            ; mov rsi, r15
            ; mov edx, n as i32
            ; mov rax, QWORD cleanup
            ; call rax
            ; mov rax, [rsp]
            ; clean:
            ; mov rcx, r15
            ; sub rcx, [r12 + stack_base]
            ; shr rcx, 4
            ; mov [r12 + sp_off], rcx
            ; mov DWORD [r12 + line_off], line as i32
            ; test rax, rax
            ; jnz >fault
            // The result, taken out of ctx.ret (left undefined).
            ; mov rcx, [r12 + ret]
            ; movzx edx, BYTE [r12 + ret + 8]
            ; mov BYTE [r12 + ret + 8], tag::UNINIT as i8
        );
        let write = hop_write_result as *const () as i64;
        if dst == NO_SLOT {
            dynasm!(self.ops
                ; .arch x64
                ; cmp dl, tag::STRING as i8
                ; jb >done
            );
        } else {
            let d = disp(dst);
            dynasm!(self.ops
                ; .arch x64
                ; cmp BYTE [rbx + d + 8], tag::STRING as i8
                ; jae >write
                ; mov [rbx + d], rcx
                ; mov [rbx + d + 8], dl
                ; jmp >done
                ; write:
            );
        }
        let (fault_helper, dispatch) = (hop_call_fault as *const () as i64, self.dispatch);
        dynasm!(self.ops
            ; .arch x64
            // A counted old value, a reference to write through, or an unwanted
            // counted result: the interpreter's `write`.
            ; mov rdi, rbx
            ; mov esi, dst as i32
            ; mov rax, QWORD write
            ; call rax
            ; jmp >done
            ; fault:
            ; mov rdi, r12
            ; mov rsi, rbx
            ; mov rdx, r13
            ; mov ecx, pc as i32
            ; mov rax, QWORD fault_helper
            ; call rax
            ; jmp =>dispatch
            ; done:
        );
    }
}
