//! The baseline translator: one whole function → x86-64 with dynasm-rs.
//!
//! **Whole functions, not tracelets.** Bytecode is three-address over frame slots,
//! so each op translates on its own with no stack state to carry between blocks; a
//! whole function in one pass is simplest, keeps every jump inside one translation as
//! a rel32, and is fast enough for the requesting thread (one linear pass, no IR).
//!
//! **Templates with one generic slow path.** Each op gets an inline fast path where
//! one pays off (int and float arithmetic and comparisons with tag guards,
//! compare-and-branch, moves, increments, truthiness, `isset`, jumps, packed-array
//! access and calls in `translate_dim.rs` / `translate_call.rs`); everything else —
//! and every failed guard — calls the op's out-of-line helper
//! (`helpers::out_of_line_helper`: [`hop_step`] or a dedicated entry), which runs that op
//! with the interpreter's own semantics. So semantics live in one place, every op is
//! supported, and the fast paths only ever commit results after all their guards
//! passed (a failed guard re-runs the whole op out of line). Slow paths are emitted
//! after the function body and the epilogue; `Assembled::cold_offset` marks where,
//! and the caller places them in the view's cold block (`tc::split`).
//!
//! **Control flow.** Every op has a label. `hop_step` returns the next pc: the common
//! case (pc + 1) falls through; anything else goes through a per-function jump table
//! (in the TC's data block) indexed by pc. Profiling: each block head increments its
//! ProfData counter.
//!
//! Registers: `rbx` = frame, `r12` = ctx, `r13` = `*const Func`, `r14` = jump table.

// dynasm!'s `Rq(reg)` / `Rx(reg)` expand to `reg.into()` on a `u8`.
#![allow(clippy::useless_conversion)]

use dynasmrt::{dynasm, x64::X64Relocation, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};

use super::helpers::{hop_clear_slot, hop_step, out_of_line_helper, STEP_RETURNED};
use crate::bytecode::op::{BinOp, DimMode, IncDec, Op, Operand, Slot, NO_SLOT};
use crate::bytecode::unit::{Func, Unit};
use crate::runtime::value::{tag, Header, RefBox, TypedValue, STATIC_FLAG};
use crate::vm::call_stack::CallStack;
use crate::vm::ctx::{CallInfo, ExecCtx};
use crate::vm::dim_fast::{hop_packed_get, hop_packed_set};

/// The assembled body, position independent (all internal jumps are relative).
pub struct Assembled {
    pub code: Vec<u8>,
    /// Offset of each op's code (the jump-table targets).
    pub pc_offsets: Vec<u32>,
    pub helper_calls: Vec<u32>,
    /// Where the jump table's address sits in `code` (an imm64): the caller patches
    /// it once the table is allocated, so nothing is allocated before the code fits.
    pub table_imm_offset: usize,
    /// Offset of the resume entry `fn(frame, ctx, pc) -> status` (continues at any
    /// pc: where optimized code's deopts land).
    pub resume_offset: usize,
    /// Where the slow paths start: `code[cold_offset..]` goes to the view's cold
    /// block (see `tc::split`), the rest to its main block.
    pub cold_offset: usize,
}

/// Why a function was not translated.
#[derive(Debug)]
pub enum Decline {
    TooLarge,
    Assembler(String),
}

#[path = "translate_call.rs"]
mod call;
#[path = "translate_dim.rs"]
mod dim;
#[path = "translate_iter.rs"]
mod iter;

type Asm = VecAssembler<X64Relocation>;

/// Frame slots are addressed `[rbx + slot * 16]`; keep displacements in i32.
const MAX_SLOT: u32 = 1 << 26;

fn disp(s: Slot) -> i32 {
    (s * 16) as i32
}

/// Whether `JmpZ` / `JmpNZ` on a literal condition jumps (both tiers decide it when
/// translating).
pub fn const_jump_taken(func: &Func, op: &Op) -> bool {
    let (Op::JmpZ { cond, .. } | Op::JmpNZ { cond, .. }) = op else {
        return false;
    };
    let truthy = func
        .consts
        .get(cond.index() as usize)
        .is_some_and(crate::runtime::convert::to_bool);
    truthy == matches!(op, Op::JmpNZ { .. })
}

/// Loop headers: targets of backward jumps (where back-edges are counted, the
/// optimizing tier is requested and on-stack replacement enters optimized code).
pub fn loop_headers(func: &Func) -> Vec<bool> {
    let mut headers = vec![false; func.ops.len() + 1];
    for (pc, op) in func.ops.iter().enumerate() {
        // (Backward iterator and handler links do not occur: loops close with jumps.)
        let Some(target) = op.branch_target() else {
            continue;
        };
        if (target as usize) <= pc {
            headers[target as usize] = true;
        }
    }
    headers
}

/// Ops that start a basic block (for profiling counters).
pub fn block_heads(func: &Func) -> Vec<bool> {
    let n = func.ops.len();
    let mut heads = vec![false; n + 1];
    heads[0] = true;
    let mut mark = |t: u32| {
        if let Some(h) = heads.get_mut(t as usize) {
            *h = true;
        }
    };
    for (pc, op) in func.ops.iter().enumerate() {
        // (A `FinallyEnd` continues at its outer finally only after a state test,
        // in its own out-of-line run: no block starts there.)
        if let Some(target) = op
            .branch_target()
            .filter(|_| !matches!(op, Op::FinallyEnd { .. }))
        {
            mark(target);
            mark(pc as u32 + 1);
        }
    }
    for h in &func.handlers {
        mark(h.handler);
    }
    heads
}

/// Ops the interpreter implements inside its dispatch loop (everything else is in
/// `interp_ops::slow_op`, which baseline code calls directly through `hop_slow`).
pub(crate) fn runs_in_dispatch_loop(op: &Op) -> bool {
    matches!(
        op,
        Op::Add { .. }
            | Op::Sub { .. }
            | Op::Mul { .. }
            | Op::Bin { .. }
            | Op::BindRef { .. }
            | Op::BitNot { .. }
            | Op::Call { .. }
            | Op::Cast { .. }
            | Op::CheckArgs { .. }
            | Op::Concat { .. }
            | Op::ConcatN { .. }
            | Op::AppendN { .. }
            | Op::Echo { .. }
            | Op::Eq { .. }
            | Op::NotEq { .. }
            | Op::Identical { .. }
            | Op::NotIdentical { .. }
            | Op::IncDec { .. }
            | Op::Jmp { .. }
            | Op::JmpIfArg { .. }
            | Op::JmpNotLt { .. }
            | Op::JmpLt { .. }
            | Op::JmpNotNull { .. }
            | Op::JmpZ { .. }
            | Op::JmpNZ { .. }
            | Op::Lt { .. }
            | Op::Le { .. }
            | Op::MakeRef { .. }
            | Op::Move { .. }
            | Op::Nop
            | Op::Not { .. }
            | Op::Return { .. }
            | Op::ToBool { .. }
    )
}

/// The destination of an op with an inline fast path, when it is a temporary that
/// is not also one of the op's operands (those may be cleared before the op runs).
fn fast_path_temp_dst(func: &Func, op: &Op) -> Option<Slot> {
    let (dst, reads): (Slot, [Option<Operand>; 2]) = match op {
        Op::Add { dst, a, b }
        | Op::Sub { dst, a, b }
        | Op::Mul { dst, a, b }
        | Op::Bin { dst, a, b, .. }
        | Op::Lt { dst, a, b }
        | Op::Le { dst, a, b }
        | Op::Eq { dst, a, b }
        | Op::NotEq { dst, a, b }
        | Op::Identical { dst, a, b } => (*dst, [Some(*a), Some(*b)]),
        Op::Move { dst, src } => (*dst, [Some(*src), None]),
        Op::IncDec { dst, target, .. } => (*dst, [Some(Operand::slot(*target)), None]),
        _ => return None,
    };
    let is_operand = reads.iter().flatten().any(|o| !o.is_const() && o.0 == dst);
    (dst != NO_SLOT && dst >= func.num_locals && !is_operand).then_some(dst)
}

/// Translation-time knowledge about an operand.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OperandKind {
    Slot,
    IntConst,
    DoubleConst,
    OtherConst,
}

impl OperandKind {
    fn may_be_int(self) -> bool {
        matches!(self, OperandKind::Slot | OperandKind::IntConst)
    }
    fn may_be_double(self) -> bool {
        matches!(self, OperandKind::Slot | OperandKind::DoubleConst)
    }
    fn may_be_number(self) -> bool {
        self != OperandKind::OtherConst
    }
}

/// The fast-path forms a binary op's translation emits (see `Translator::bin_forms`).
#[derive(Clone, Copy)]
struct BinForms {
    int: bool,
    float: bool,
    /// The float form converts an int beside a float.
    mixed: bool,
}

/// Whether a float form of a binary op can apply to operands of these kinds: both
/// may be numbers and at least one may be a float (ints are converted).
fn float_form(a: OperandKind, b: OperandKind) -> bool {
    a.may_be_number() && b.may_be_number() && (a.may_be_double() || b.may_be_double())
}

struct Translator<'f> {
    unit: &'f Unit,
    func: &'f Func,
    ops: Asm,
    labels: Vec<DynamicLabel>,
    slow: Vec<Option<DynamicLabel>>,
    helper_calls: Vec<u32>,
    dispatch: DynamicLabel,
    exit_ok: DynamicLabel,
    exit_fault: DynamicLabel,
    /// Returns the status in rax.
    exit_status: DynamicLabel,
    /// Whether the optimizing tier is on: emit its request and OSR checks.
    tier_up: Option<TierUp>,
    /// On-stack-replacement stubs to emit out of line: (label, pc).
    osr_stubs: Vec<(DynamicLabel, usize)>,
}

/// What baseline code needs to hand a function to the optimizing tier.
#[derive(Clone, Copy)]
pub struct TierUp {
    /// `jit.optimize_threshold`.
    pub threshold: u32,
    /// `extern "C" fn(ctx, func)` that queues the function (see `opt::request`).
    pub request_helper: usize,
}

/// Translates `func` of `unit` (its callees' shapes pick native calls).
/// `table_addr` is where the caller will put the jump table.
pub fn assemble(
    unit: &Unit,
    func: &Func,
    table_addr: usize,
    tier_up: Option<TierUp>,
) -> Result<Assembled, Decline> {
    if func.num_slots >= MAX_SLOT || func.ops.len() >= (1 << 24) {
        return Err(Decline::TooLarge);
    }
    let mut ops = Asm::new(0);
    let labels: Vec<DynamicLabel> = (0..=func.ops.len())
        .map(|_| ops.new_dynamic_label())
        .collect();
    let (dispatch, exit_ok, exit_fault, exit_status) = (
        ops.new_dynamic_label(),
        ops.new_dynamic_label(),
        ops.new_dynamic_label(),
        ops.new_dynamic_label(),
    );
    let mut t = Translator {
        unit,
        func,
        ops,
        labels,
        slow: vec![None; func.ops.len()],
        helper_calls: Vec::new(),
        dispatch,
        exit_ok,
        exit_fault,
        exit_status,
        tier_up,
        osr_stubs: Vec::new(),
    };
    let (table_imm_offset, resume_offset) = t.prologue(table_addr);
    let heads = block_heads(func);
    let loops = loop_headers(func);
    // Where the jump table sends a pc: past a loop header's OSR check. The table
    // serves resumption — after a deopt from optimized code, after an out-of-line
    // op — and a deopt at a header (the first op of a rotated loop's body, where a
    // guard often fails) must not re-enter the optimized code it just left.
    let mut table_labels = t.labels.clone();
    for pc in 0..func.ops.len() {
        let l = t.labels[pc];
        dynasm!(t.ops ; .arch x64 ; =>l);
        if loops[pc] {
            t.osr_check(pc);
            table_labels[pc] = t.ops.new_dynamic_label();
            let past_check = table_labels[pc];
            dynasm!(t.ops ; .arch x64 ; =>past_check);
        }
        if heads[pc] {
            if let Some(addr) = func.jit.prof.block_counter_addr(pc) {
                dynasm!(t.ops ; .arch x64 ; mov rax, QWORD addr as i64 ; inc QWORD [rax]);
                if pc == 0 || loops[pc] {
                    t.tier_up_check();
                }
            }
        }
        t.op(pc);
    }
    // Falling off the end returns null, like the interpreter: `hop_step` at the
    // one-past-the-end pc does exactly that.
    let end = t.labels[func.ops.len()];
    let (helper, dispatch) = (hop_step as *const () as usize as i64, t.dispatch);
    dynasm!(t.ops
        ; .arch x64
        ; =>end
        ; mov rdi, r12
        ; mov rsi, rbx
        ; mov rdx, r13
        ; mov ecx, func.ops.len() as i32
        ; mov rax, QWORD helper
        ; call rax
        ; jmp =>dispatch
    );
    // The epilogue (dispatch, exits) stays with the body; what follows runs only
    // when a guard fails or a tier-up happens.
    t.epilogue();
    let cold_offset = t.ops.offset().0;
    t.cold_paths();
    t.osr_paths();
    let pc_offsets = table_labels
        .iter()
        .take(func.ops.len())
        .map(|l| t.ops.labels().resolve_dynamic(*l).map(|o| o.0 as u32))
        .collect::<Result<Vec<u32>, _>>()
        .map_err(|e| Decline::Assembler(e.to_string()))?;
    let helper_calls = t.helper_calls;
    let code = t
        .ops
        .finalize()
        .map_err(|e| Decline::Assembler(e.to_string()))?;
    Ok(Assembled {
        code,
        pc_offsets,
        helper_calls,
        table_imm_offset,
        resume_offset,
        cold_offset,
    })
}

impl Translator<'_> {
    /// Emits the prologue; returns the offsets of the jump table's imm64 and of the
    /// resume entry. The normal entry clears the pc argument (`edx`) and falls into
    /// the resume entry, which starts at pc 0 or dispatches to the pc it was given.
    fn prologue(&mut self, table_addr: usize) -> (usize, usize) {
        let func_addr = self.func as *const Func as i64;
        dynasm!(self.ops
            ; .arch x64
            ; xor edx, edx
        );
        let resume = self.ops.offset().0;
        dynasm!(self.ops
            ; .arch x64
            ; push rbp
            ; mov rbp, rsp
            ; push rbx
            ; push r12
            ; push r13
            ; push r14
            ; push r15
            ; sub rsp, 8
            ; mov rbx, rdi
            ; mov r12, rsi
            ; mov r13, QWORD func_addr
            ; mov r14, QWORD table_addr as i64
        );
        let table_imm = self.ops.offset().0 - 8;
        let dispatch = self.dispatch;
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, rdx
            ; test rax, rax
            ; jnz =>dispatch
        );
        (table_imm, resume)
    }

    /// At pc 0 and loop headers, right after the block counter (address in rax) was
    /// bumped: once the count reaches `jit.optimize_threshold`, hand the function to
    /// the optimizing tier (once per profiling round: `opt_requested`).
    fn tier_up_check(&mut self) {
        let Some(t) = self.tier_up else { return };
        let flag = self.func.jit.opt_requested.as_ptr() as i64;
        let helper = t.request_helper as i64;
        dynasm!(self.ops
            ; .arch x64
            ; cmp QWORD [rax], t.threshold as i32
            ; jb >skip
            ; mov rax, QWORD flag
            ; cmp BYTE [rax], 0
            ; jne >skip
            ; mov rdi, r12
            ; mov rsi, r13
            ; mov rax, QWORD helper
            ; call rax
            ; skip:
        );
    }

    /// At a loop header: once optimized code exists, continue this very activation
    /// there (on-stack replacement: frames live in memory, so the optimized body can
    /// start at any loop header) and return what it returns.
    fn osr_check(&mut self, pc: usize) {
        if self.tier_up.is_none() {
            return;
        }
        let slot = self.func.jit.osr_body.as_ptr() as i64;
        let stub = self.ops.new_dynamic_label();
        self.osr_stubs.push((stub, pc));
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD slot
            ; mov rax, QWORD [rax]
            ; test rax, rax
            ; jnz =>stub
        );
    }

    fn osr_paths(&mut self) {
        let exit = self.exit_status;
        for (stub, pc) in std::mem::take(&mut self.osr_stubs) {
            dynasm!(self.ops
                ; .arch x64
                ; =>stub
                ; mov rdi, rbx
                ; mov rsi, r12
                ; mov edx, pc as i32
                ; call rax
                ; jmp =>exit
            );
        }
    }

    fn epilogue(&mut self) {
        let (ok, fault, dispatch, exit_status) = (
            self.exit_ok,
            self.exit_fault,
            self.dispatch,
            self.exit_status,
        );
        dynasm!(self.ops
            ; .arch x64
            // rax is a pc (>= 0) or a negative step result.
            ; =>dispatch
            ; test rax, rax
            ; js >negative
            ; jmp QWORD [r14 + rax * 8]
            ; negative:
            ; cmp rax, STEP_RETURNED as i32
            ; jne =>fault
            ; =>ok
            ; xor eax, eax
            ; jmp >out
            ; =>fault
            ; mov eax, crate::vm::status::THROW as i32
            ; out:
            ; =>exit_status
            ; add rsp, 8
            ; pop r15
            ; pop r14
            ; pop r13
            ; pop r12
            ; pop rbx
            ; pop rbp
            ; ret
        );
    }

    /// Runs op `pc` out of line — its helper from [`out_of_line_helper`]
    /// (`hop_step` or a dedicated entry) — and continues where it says. With
    /// `fallthrough`, pc + 1 continues right after the call; otherwise it jumps there.
    fn call_out_of_line(&mut self, pc: usize, fallthrough: bool) {
        let helper = self
            .func
            .ops
            .get(pc)
            .map_or(hop_step as *const () as usize, out_of_line_helper);
        self.call_helper(helper, pc, fallthrough)
    }

    /// Calls a helper with `hop_step`'s signature and result convention.
    fn call_helper(&mut self, helper: usize, pc: usize, fallthrough: bool) {
        let helper = helper as i64;
        dynasm!(self.ops
            ; .arch x64
            ; mov rdi, r12
            ; mov rsi, rbx
            ; mov rdx, r13
            ; mov ecx, pc as i32
            ; mov rax, QWORD helper
        );
        self.helper_calls.push(self.ops.offset().0 as u32);
        let (next, dispatch) = (self.labels[pc + 1], self.dispatch);
        dynasm!(self.ops
            ; .arch x64
            ; call rax
            ; cmp rax, (pc + 1) as i32
            ; jne =>dispatch
        );
        if !fallthrough {
            dynasm!(self.ops ; .arch x64 ; jmp =>next);
        }
    }

    /// The out-of-line label of op `pc` (created on first use).
    fn slow_label(&mut self, pc: usize) -> DynamicLabel {
        if let Some(l) = self.slow[pc] {
            return l;
        }
        let l = self.ops.new_dynamic_label();
        self.slow[pc] = Some(l);
        l
    }

    fn cold_paths(&mut self) {
        for pc in 0..self.slow.len() {
            if let Some(l) = self.slow[pc] {
                dynasm!(self.ops ; .arch x64 ; =>l);
                self.call_out_of_line(pc, false);
            }
        }
    }

    /// Which forms of a binary op's fast path operands `a`, `b` can take (from
    /// what is known of them at translation time); `None` when neither, and the
    /// op goes out of line. `mixed`: the float form also takes an int beside a
    /// float, converted (arithmetic); otherwise both must be floats.
    fn bin_forms(&self, a: Operand, b: Operand, mixed: bool) -> Option<BinForms> {
        let (ka, kb) = (self.kind(a), self.kind(b));
        let int = ka.may_be_int() && kb.may_be_int();
        let float = if mixed {
            float_form(ka, kb)
        } else {
            ka.may_be_double() && kb.may_be_double()
        };
        (int || float).then_some(BinForms { int, float, mixed })
    }

    /// The forms `forms` allows of a binary op's fast path: the int form (operands
    /// in rax, rcx; a miss tries the float form), then `join`; the float form
    /// (operands in xmm0, xmm1), which falls through; anything else jumps to
    /// `slow`.
    #[allow(clippy::too_many_arguments)]
    fn int_or_float(
        &mut self,
        pc: usize,
        (a, b): (Operand, Operand),
        slow: DynamicLabel,
        forms: BinForms,
        join: DynamicLabel,
        int_body: impl FnOnce(&mut Self),
        float_body: impl FnOnce(&mut Self),
    ) {
        let BinForms {
            int: int_ok,
            float: float_ok,
            mixed,
        } = forms;
        let float_path = self.ops.new_dynamic_label();
        if int_ok {
            let miss = if float_ok { float_path } else { slow };
            self.load_int(a, 0, miss);
            self.load_int(b, 1, miss);
            int_body(self);
            dynasm!(self.ops ; .arch x64 ; jmp =>join);
        }
        dynasm!(self.ops ; .arch x64 ; =>float_path);
        if !float_ok {
            dynasm!(self.ops ; .arch x64 ; jmp =>slow);
            return;
        }
        if mixed {
            self.load_f64_or_int(a, 0, slow);
            self.load_f64_or_int(b, 1, slow);
        } else {
            self.load_f64(a, 0, slow);
            self.load_f64(b, 1, slow);
        }
        self.mark_double(pc);
        float_body(self);
    }

    /// `rax / rcx` for two ints, stored in `dst`: the int quotient when the
    /// division is exact, else the float quotient of the two values converted;
    /// a divisor of 0 or -1 jumps to `slow` (the error, and `PHP_INT_MIN / -1`).
    /// Both results (payload in rax, tag in r9b) share one destination guard.
    fn int_division(&mut self, dst: Slot, slow: DynamicLabel) {
        dynasm!(self.ops
            ; .arch x64
            ; test rcx, rcx
            ; jz =>slow
            ; cmp rcx, -1
            ; je =>slow
            ; mov r8, rax
            ; cqo
            ; idiv rcx
            ; mov r9d, tag::INT as i32
            ; test rdx, rdx
            ; jz >divided
            ; cvtsi2sd xmm0, r8
            ; cvtsi2sd xmm1, rcx
            ; divsd xmm0, xmm1
            ; movq rax, xmm0
            ; mov r9d, tag::DOUBLE as i32
            ; divided:
        );
        self.guard_plain_dst(dst, slow);
        dynasm!(self.ops
            ; .arch x64
            ; mov QWORD [rdx], rax
            ; mov BYTE [rdx + 8], r9b
        );
    }

    /// Loads an int operand into `Rq(reg)`; jumps to `slow` unless it is an int.
    /// Returns false when the operand is a non-int literal (no fast path).
    fn load_int(&mut self, o: Operand, reg: u8, slow: DynamicLabel) -> bool {
        if o.is_const() {
            let Some(v) = self.func.consts.get(o.index() as usize) else {
                return false;
            };
            if !v.is_int() {
                return false;
            }
            let i = v.int_val();
            if i32::try_from(i).is_ok() {
                dynasm!(self.ops ; .arch x64 ; mov Rq(reg), i as i32);
            } else {
                dynasm!(self.ops ; .arch x64 ; mov Rq(reg), QWORD i);
            }
            return true;
        }
        // An int in the slot, or behind an INDIRECT (an element fetched for writing).
        let d = disp(o.0);
        dynasm!(self.ops
            ; .arch x64
            ; cmp BYTE [rbx + d + 8], tag::INT as i8
            ; je >direct
            ; cmp BYTE [rbx + d + 8], tag::INDIRECT as i8
            ; jne =>slow
            ; mov Rq(reg), QWORD [rbx + d]
            ; cmp BYTE [Rq(reg) + 8], tag::INT as i8
            ; jne =>slow
            ; mov Rq(reg), QWORD [Rq(reg)]
            ; jmp >done
            ; direct:
            ; mov Rq(reg), QWORD [rbx + d]
            ; done:
        );
        true
    }

    /// Releases a string/array/object a temporary still holds from an earlier
    /// statement, so the fast path's plain-destination guard passes. Temporaries are
    /// never read again once overwritten, so dropping early is unobservable.
    fn clear_counted_temp(&mut self, dst: Slot) {
        let d = disp(dst);
        let helper = hop_clear_slot as *const () as usize as i64;
        dynasm!(self.ops
            ; .arch x64
            ; movzx eax, BYTE [rbx + d + 8]
            ; sub eax, tag::STRING as i32
            ; cmp eax, (tag::OBJECT - tag::STRING) as i32
            ; ja >keep
            ; lea rdi, [rbx + d]
            ; mov rax, QWORD helper
            ; call rax
            ; keep:
        );
    }

    /// Records in the profile that op `pc` took its inline float path (the slow
    /// path records tags itself; an op whose set stays empty only ever saw ints).
    fn mark_double(&mut self, pc: usize) {
        let Some(t) = self.func.jit.prof.tags.get(pc) else {
            return;
        };
        // Test before setting: after the first time this is a read, so threads
        // running the same loop do not bounce the profile's cache line.
        let addr = t.as_ptr() as i64;
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD addr
            ; test DWORD [rax], 1 << tag::DOUBLE
            ; jnz >seen
            ; lock or DWORD [rax], 1 << tag::DOUBLE
            ; seen:
        );
    }

    /// What is known about an operand at translation time.
    fn kind(&self, o: Operand) -> OperandKind {
        if !o.is_const() {
            return OperandKind::Slot;
        }
        match self.func.consts.get(o.index() as usize) {
            Some(v) if v.is_int() => OperandKind::IntConst,
            Some(v) if v.is_double() => OperandKind::DoubleConst,
            _ => OperandKind::OtherConst,
        }
    }

    /// Loads a float operand (a DOUBLE slot or a float literal) into `xmm(reg)`;
    /// jumps to `slow` otherwise. Uses rax as scratch.
    fn load_f64(&mut self, o: Operand, reg: u8, slow: DynamicLabel) {
        if o.is_const() {
            let bits = self
                .func
                .consts
                .get(o.index() as usize)
                .map_or(0, |v| v.data as i64);
            dynasm!(self.ops ; .arch x64 ; mov rax, QWORD bits ; movq Rx(reg), rax);
            return;
        }
        // A float in the slot, or behind an INDIRECT (an element fetched for writing).
        self.value_addr_in_rax(o.0);
        dynasm!(self.ops
            ; .arch x64
            ; cmp BYTE [rax + 8], tag::DOUBLE as i8
            ; jne =>slow
            ; movsd Rx(reg), QWORD [rax]
        );
    }

    /// Leaves in rax the address of the value slot `s` designates: the slot, or the
    /// element an INDIRECT in it points to.
    fn value_addr_in_rax(&mut self, s: Slot) {
        let d = disp(s);
        dynasm!(self.ops
            ; .arch x64
            ; lea rax, [rbx + d]
            ; cmp BYTE [rax + 8], tag::INDIRECT as i8
            ; jne >direct
            ; mov rax, QWORD [rax]
            ; direct:
        );
    }

    /// [`Self::load_f64`], also taking an int (converted): for ops whose float form
    /// applies to an int next to a float. Uses rax as scratch.
    fn load_f64_or_int(&mut self, o: Operand, reg: u8, slow: DynamicLabel) {
        if o.is_const() {
            match self.func.consts.get(o.index() as usize) {
                Some(v) if v.is_int() => {
                    let i = v.int_val();
                    dynasm!(self.ops ; .arch x64 ; mov rax, QWORD i ; cvtsi2sd Rx(reg), rax);
                }
                Some(v) if v.is_double() => self.load_f64(o, reg, slow),
                _ => dynasm!(self.ops ; .arch x64 ; jmp =>slow),
            }
            return;
        }
        self.value_addr_in_rax(o.0);
        dynasm!(self.ops
            ; .arch x64
            ; cmp BYTE [rax + 8], tag::DOUBLE as i8
            ; je >float
            ; cmp BYTE [rax + 8], tag::INT as i8
            ; jne =>slow
            ; cvtsi2sd Rx(reg), QWORD [rax]
            ; jmp >done
            ; float:
            ; movsd Rx(reg), QWORD [rax]
            ; done:
        );
    }

    /// Leaves in `rdx` the address a scalar result for `dst` is stored at: the slot
    /// itself, or the element an INDIRECT slot points to. Guards that the old value
    /// there is not counted (no release needed) and not a REF (no write-through).
    /// Must come after anything that clobbers rdx (idiv).
    fn guard_plain_dst(&mut self, dst: Slot, slow: DynamicLabel) {
        let d = disp(dst);
        dynasm!(self.ops
            ; .arch x64
            ; lea rdx, [rbx + d]
            ; cmp BYTE [rdx + 8], tag::STRING as i8
            ; jb >plain
            ; cmp BYTE [rdx + 8], tag::INDIRECT as i8
            ; jne =>slow
            ; mov rdx, QWORD [rdx]
            ; cmp BYTE [rdx + 8], tag::STRING as i8
            ; jae =>slow
            ; plain:
        );
    }

    /// Like `guard_plain_dst`, but a string, array or object the slot holds is
    /// released first (out of line, `hop_clear_slot`) instead of taking the slow
    /// path: a variable or temporary overwritten every iteration by a `Move`.
    /// Clobbers every caller-saved register; leaves the destination in rdx.
    fn claim_dst(&mut self, dst: Slot, slow: DynamicLabel) {
        let (other, plain) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        self.release_counted(dst, tag::OBJECT, other);
        dynasm!(self.ops
            ; .arch x64
            ; jmp =>plain
            ; =>other
            ; cmp al, tag::INDIRECT as i8
            ; jne =>slow
            ; mov rdx, QWORD [rdx]
            ; cmp BYTE [rdx + 8], tag::STRING as i8
            ; jae =>slow
            ; =>plain
        );
    }

    /// Releases the counted value (tag STRING..=`max_counted`) slot `dst` holds, out
    /// of line (`hop_clear_slot`), leaving the slot's address in rdx; a tag above
    /// `max_counted` jumps to `above` with the tag in al and the address in rdx.
    /// Clobbers every caller-saved register when it releases.
    fn release_counted(&mut self, dst: Slot, max_counted: u8, above: DynamicLabel) {
        let d = disp(dst);
        let release = hop_clear_slot as *const () as i64;
        dynasm!(self.ops
            ; .arch x64
            ; lea rdx, [rbx + d]
            ; movzx eax, BYTE [rdx + 8]
            ; cmp al, tag::STRING as i8
            ; jb >plain
            ; cmp al, max_counted as i8
            ; ja =>above
            ; mov rdi, rdx
            ; mov rax, QWORD release
            ; call rax
            ; lea rdx, [rbx + d]
            ; plain:
        );
    }

    /// Stores `Rq(reg)` with tag `t` at the address `guard_plain_dst` left in rdx.
    fn store_scalar(&mut self, t: u8, reg: u8) {
        dynasm!(self.ops
            ; .arch x64
            ; mov QWORD [rdx], Rq(reg)
            ; mov BYTE [rdx + 8], t as i8
        );
    }

    fn op(&mut self, pc: usize) {
        let func = self.func;
        if let Some(dst) = fast_path_temp_dst(func, &func.ops[pc]) {
            self.clear_counted_temp(dst);
        }
        match &func.ops[pc] {
            Op::Nop => {}
            Op::Jmp { target } => {
                let l = self.labels[*target as usize];
                dynasm!(self.ops ; .arch x64 ; jmp =>l);
            }
            Op::Add { dst, a, b } | Op::Sub { dst, a, b } | Op::Mul { dst, a, b }
                if *dst != NO_SLOT =>
            {
                let slow = self.slow_label(pc);
                // An int operand next to a float is converted (PHP computes
                // int ⊕ float in floats).
                let Some(forms) = self.bin_forms(*a, *b, true) else {
                    return self.call_out_of_line(pc, true);
                };
                let done = self.ops.new_dynamic_label();
                let op = &func.ops[pc];
                self.int_or_float(
                    pc,
                    (*a, *b),
                    slow,
                    forms,
                    done,
                    |t| {
                        match op {
                            Op::Add { .. } => dynasm!(t.ops ; .arch x64 ; add rax, rcx ; jo =>slow),
                            Op::Sub { .. } => dynasm!(t.ops ; .arch x64 ; sub rax, rcx ; jo =>slow),
                            _ => dynasm!(t.ops ; .arch x64 ; imul rax, rcx ; jo =>slow),
                        }
                        t.guard_plain_dst(*dst, slow);
                        t.store_scalar(tag::INT, 0);
                    },
                    |t| {
                        match op {
                            Op::Add { .. } => dynasm!(t.ops ; .arch x64 ; addsd xmm0, xmm1),
                            Op::Sub { .. } => dynasm!(t.ops ; .arch x64 ; subsd xmm0, xmm1),
                            _ => dynasm!(t.ops ; .arch x64 ; mulsd xmm0, xmm1),
                        }
                        t.guard_plain_dst(*dst, slow);
                        dynasm!(t.ops ; .arch x64 ; movq rax, xmm0);
                        t.store_scalar(tag::DOUBLE, 0);
                    },
                );
                dynasm!(self.ops ; .arch x64 ; =>done);
            }
            Op::Bin {
                op: BinOp::Div,
                dst,
                a,
                b,
            } if *dst != NO_SLOT => {
                // Two ints inline: the quotient when exact, else the float quotient
                // (PHP's rule); division by 0 and by -1 (PHP_INT_MIN / -1 is a
                // float) go out of line. Floats inline, an int converted when the
                // other operand is a float literal (`1.0 / $n`); other types out of
                // line. Like the other int fast paths, the int form records nothing
                // in the profile: an empty tag set means "ints only".
                let slow = self.slow_label(pc);
                let (ka, kb) = (self.kind(*a), self.kind(*b));
                let float_literal = (ka == OperandKind::DoubleConst && kb.may_be_number())
                    || (kb == OperandKind::DoubleConst && ka.may_be_number());
                let forms = BinForms {
                    int: ka.may_be_int() && kb.may_be_int(),
                    float: ka.may_be_double() && kb.may_be_double() || float_literal,
                    mixed: float_literal,
                };
                if !(forms.int || forms.float) {
                    return self.call_out_of_line(pc, true);
                }
                let done = self.ops.new_dynamic_label();
                self.int_or_float(
                    pc,
                    (*a, *b),
                    slow,
                    forms,
                    done,
                    |t| t.int_division(*dst, slow),
                    |t| {
                        dynasm!(t.ops
                            ; .arch x64
                            ; xorpd xmm2, xmm2
                            ; ucomisd xmm1, xmm2
                            ; je =>slow
                            ; divsd xmm0, xmm1
                        );
                        t.guard_plain_dst(*dst, slow);
                        dynasm!(t.ops ; .arch x64 ; movq rax, xmm0);
                        t.store_scalar(tag::DOUBLE, 0);
                    },
                );
                dynasm!(self.ops ; .arch x64 ; =>done);
            }
            Op::Bin { op, dst, a, b }
                if *dst != NO_SLOT
                    && matches!(
                        op,
                        BinOp::BitAnd
                            | BinOp::BitOr
                            | BinOp::BitXor
                            | BinOp::Mod
                            | BinOp::Shl
                            | BinOp::Shr
                    ) =>
            {
                let slow = self.slow_label(pc);
                if !(self.load_int(*a, 0, slow) && self.load_int(*b, 1, slow)) {
                    return self.call_out_of_line(pc, true);
                }
                match op {
                    BinOp::BitAnd => dynasm!(self.ops ; .arch x64 ; and rax, rcx),
                    BinOp::BitOr => dynasm!(self.ops ; .arch x64 ; or rax, rcx),
                    BinOp::BitXor => dynasm!(self.ops ; .arch x64 ; xor rax, rcx),
                    // Division by 0 and by -1 (PHP_INT_MIN % -1) go out of line.
                    BinOp::Mod => dynasm!(self.ops
                        ; .arch x64
                        ; test rcx, rcx
                        ; jz =>slow
                        ; cmp rcx, -1
                        ; je =>slow
                        ; cqo
                        ; idiv rcx
                        ; mov rax, rdx
                    ),
                    // Negative or >= 64 shift counts go out of line.
                    BinOp::Shl => {
                        dynasm!(self.ops ; .arch x64 ; cmp rcx, 63 ; ja =>slow ; shl rax, cl)
                    }
                    _ => dynasm!(self.ops ; .arch x64 ; cmp rcx, 63 ; ja =>slow ; sar rax, cl),
                }
                self.guard_plain_dst(*dst, slow);
                self.store_scalar(tag::INT, 0);
            }
            Op::Lt { dst, a, b }
            | Op::Le { dst, a, b }
            | Op::Eq { dst, a, b }
            | Op::Identical { dst, a, b }
            | Op::NotEq { dst, a, b }
                if *dst != NO_SLOT =>
            {
                // Two ints, or two floats (`$d > 4.0`); anything else out of line.
                let slow = self.slow_label(pc);
                let Some(forms) = self.bin_forms(*a, *b, false) else {
                    return self.call_out_of_line(pc, true);
                };
                let store = self.ops.new_dynamic_label();
                let op = &func.ops[pc];
                self.int_or_float(
                    pc,
                    (*a, *b),
                    slow,
                    forms,
                    store,
                    |t| {
                        dynasm!(t.ops ; .arch x64 ; cmp rax, rcx);
                        match op {
                            Op::Lt { .. } => dynasm!(t.ops ; .arch x64 ; setl al),
                            Op::Le { .. } => dynasm!(t.ops ; .arch x64 ; setle al),
                            Op::NotEq { .. } => dynasm!(t.ops ; .arch x64 ; setne al),
                            _ => dynasm!(t.ops ; .arch x64 ; sete al),
                        }
                    },
                    |t| {
                        // Unordered (NaN) compares false, and unequal.
                        match op {
                            // a < b: b above a.
                            Op::Lt { .. } => {
                                dynasm!(t.ops ; .arch x64 ; ucomisd xmm1, xmm0 ; seta al)
                            }
                            Op::Le { .. } => {
                                dynasm!(t.ops ; .arch x64 ; ucomisd xmm1, xmm0 ; setae al)
                            }
                            Op::NotEq { .. } => dynasm!(t.ops
                                ; .arch x64
                                ; ucomisd xmm0, xmm1
                                ; setne al
                                ; setp cl
                                ; or al, cl
                            ),
                            _ => dynasm!(t.ops
                                ; .arch x64
                                ; ucomisd xmm0, xmm1
                                ; sete al
                                ; setnp cl
                                ; and al, cl
                            ),
                        }
                    },
                );
                dynasm!(self.ops ; .arch x64 ; =>store ; movzx esi, al);
                self.guard_plain_dst(*dst, slow);
                dynasm!(self.ops ; .arch x64 ; mov rax, rsi);
                self.store_scalar(tag::BOOL, 0);
            }
            Op::JmpNotLt { a, b, target } | Op::JmpLt { a, b, target } => {
                let jump_if_lt = matches!(func.ops[pc], Op::JmpLt { .. });
                let slow = self.slow_label(pc);
                let Some(forms) = self.bin_forms(*a, *b, false) else {
                    return self.call_out_of_line(pc, true);
                };
                let l = self.labels[*target as usize];
                let done = self.ops.new_dynamic_label();
                self.int_or_float(
                    pc,
                    (*a, *b),
                    slow,
                    forms,
                    done,
                    |t| {
                        if jump_if_lt {
                            dynasm!(t.ops ; .arch x64 ; cmp rax, rcx ; jl =>l)
                        } else {
                            dynasm!(t.ops ; .arch x64 ; cmp rax, rcx ; jge =>l)
                        }
                    },
                    |t| {
                        if jump_if_lt {
                            // a < b, ordered: b > a (unordered sets CF and ZF).
                            dynasm!(t.ops ; .arch x64 ; ucomisd xmm1, xmm0 ; ja =>l)
                        } else {
                            // Not (a < b), NaN included: b <= a or unordered.
                            dynasm!(t.ops ; .arch x64 ; ucomisd xmm1, xmm0 ; jbe =>l)
                        }
                    },
                );
                dynasm!(self.ops ; .arch x64 ; =>done);
            }
            Op::JmpZ { cond, target } | Op::JmpNZ { cond, target } if cond.is_const() => {
                // `while (true)`: the branch is decided now.
                if const_jump_taken(func, &func.ops[pc]) {
                    let l = self.labels[*target as usize];
                    dynasm!(self.ops ; .arch x64 ; jmp =>l);
                }
            }
            Op::JmpZ { cond, target } | Op::JmpNZ { cond, target } => {
                let slow = self.slow_label(pc);
                let d = disp(cond.0);
                let l = self.labels[*target as usize];
                dynasm!(self.ops
                    ; .arch x64
                    ; movzx eax, BYTE [rbx + d + 8]
                    ; cmp al, tag::BOOL as i8
                    ; je >check
                    ; cmp al, tag::INT as i8
                    ; jne =>slow
                    ; check:
                    ; cmp QWORD [rbx + d], 0
                );
                if matches!(func.ops[pc], Op::JmpZ { .. }) {
                    dynasm!(self.ops ; .arch x64 ; je =>l);
                } else {
                    dynasm!(self.ops ; .arch x64 ; jne =>l);
                }
            }
            Op::Move { dst, src } if *dst != NO_SLOT => {
                if !src.is_const() && src.0 == *dst {
                    // `$a = $a`: the old value is the new one; nothing to release.
                    return self.call_out_of_line(pc, true);
                }
                let slow = self.slow_label(pc);
                if src.is_const() {
                    let Some(v) = func.consts.get(src.index() as usize) else {
                        return self.call_out_of_line(pc, true);
                    };
                    // Scalars and static literals (strings, arrays): no count to
                    // take.
                    let static_cell = tag::is_counted(v.tag()) && v.header().is_static();
                    if (v.tag() >= tag::STRING && !static_cell) || v.is_uninit() {
                        return self.call_out_of_line(pc, true);
                    }
                    self.claim_dst(*dst, slow);
                    dynasm!(self.ops ; .arch x64 ; mov rax, QWORD v.data as i64);
                    self.store_scalar(v.tag(), 0);
                } else {
                    // Scalars and strings/arrays/objects (one more owner: incref
                    // unless static); undefined, REF and INDIRECT sources go out of
                    // line. Every guard comes before the first side effect but
                    // the release of the destination's old value, which the op
                    // does first in every tier.
                    let s = disp(src.0);
                    dynasm!(self.ops
                        ; .arch x64
                        ; movzx ecx, BYTE [rbx + s + 8]
                        ; cmp cl, tag::NULL as i8
                        ; jb =>slow
                        ; cmp cl, tag::OBJECT as i8
                        ; ja =>slow
                    );
                    self.claim_dst(*dst, slow);
                    let hdr_flags = std::mem::offset_of!(Header, flags) as i32;
                    dynasm!(self.ops
                        ; .arch x64
                        ; movzx ecx, BYTE [rbx + s + 8]
                        ; cmp cl, tag::NULL as i8
                        ; jb =>slow
                        ; cmp cl, tag::STRING as i8
                        ; jb >copy
                        ; cmp cl, tag::OBJECT as i8
                        ; ja =>slow
                        ; mov rax, QWORD [rbx + s]
                        ; test DWORD [rax + hdr_flags], STATIC_FLAG as i32
                        ; jnz >copy
                        ; add DWORD [rax], 1
                        ; copy:
                        ; mov rax, QWORD [rbx + s]
                        ; mov QWORD [rdx], rax
                        ; mov BYTE [rdx + 8], cl
                    );
                }
            }
            Op::IncDec { kind, dst, target } => {
                // An int in the slot, or in the element an INDIRECT designates
                // (`$a[$i]++` after FetchDimW); its address stays in rsi.
                let slow = self.slow_label(pc);
                let t = disp(*target);
                dynasm!(self.ops
                    ; .arch x64
                    ; lea rsi, [rbx + t]
                    ; cmp BYTE [rsi + 8], tag::INT as i8
                    ; je >int
                    ; cmp BYTE [rsi + 8], tag::INDIRECT as i8
                    ; jne =>slow
                    ; mov rsi, QWORD [rsi]
                    ; cmp BYTE [rsi + 8], tag::INT as i8
                    ; jne =>slow
                    ; int:
                    ; mov rax, QWORD [rsi]
                    ; mov rcx, rax
                );
                match kind {
                    IncDec::PreInc | IncDec::PostInc => {
                        dynasm!(self.ops ; .arch x64 ; add rcx, 1 ; jo =>slow)
                    }
                    IncDec::PreDec | IncDec::PostDec => {
                        dynasm!(self.ops ; .arch x64 ; sub rcx, 1 ; jo =>slow)
                    }
                }
                if *dst != NO_SLOT {
                    self.guard_plain_dst(*dst, slow);
                }
                dynasm!(self.ops ; .arch x64 ; mov QWORD [rsi], rcx);
                if *dst != NO_SLOT {
                    let result = if matches!(kind, IncDec::PreInc | IncDec::PreDec) {
                        1
                    } else {
                        0
                    };
                    self.store_scalar(tag::INT, result);
                }
            }
            Op::Call {
                dst,
                func: callee,
                args,
                argc,
            } => self.call(pc, *dst, *callee, *args, *argc),
            Op::FetchDim { dst, base, key } if *dst != NO_SLOT && !base.is_const() => {
                self.fetch_dim(pc, *dst, base.0, *key)
            }
            Op::FetchDimW {
                dst,
                base,
                key: Some(key),
                mode: DimMode::Write | DimMode::ReadWrite,
            } => self.fetch_dim_w(pc, *dst, *base, *key),
            Op::AssignDim {
                dst,
                base,
                key,
                val,
            } => self.assign_dim(pc, *dst, *base, *key, *val),
            Op::IterNext {
                iter,
                val,
                key,
                by_ref: false,
                exit,
            } => self.iter_next(pc, *iter, *val, *key, *exit),
            Op::UnsetLocal { slot } => {
                // Uncounted values (scalars, INDIRECT pointers) are dropped by
                // rewriting the tag; counted ones (a REF box included: unset breaks
                // the reference) are released by `hop_clear_slot`, exactly what the
                // interpreter's `UnsetLocal` does.
                let d = disp(*slot);
                let helper = hop_clear_slot as *const () as usize as i64;
                dynasm!(self.ops
                    ; .arch x64
                    ; movzx eax, BYTE [rbx + d + 8]
                    ; cmp al, tag::STRING as i8
                    ; jb >clear
                    ; cmp al, tag::INDIRECT as i8
                    ; je >clear
                    ; lea rdi, [rbx + d]
                    ; mov rax, QWORD helper
                    ; call rax
                    ; jmp >done
                    ; clear:
                    ; mov BYTE [rbx + d + 8], tag::UNINIT as i8
                    ; done:
                );
            }
            Op::JmpIfArg { n, target } => {
                // Jumps when argument n was passed (and not skipped by named
                // arguments, which leaves the parameter undefined): the current
                // CallInfo's argc, as `interp_call::arg_passed` reads it.
                let calls = std::mem::offset_of!(ExecCtx, calls);
                let calls_base = (calls + std::mem::offset_of!(CallStack, base)) as i32;
                let calls_len = (calls + std::mem::offset_of!(CallStack, len)) as i32;
                let size = std::mem::size_of::<CallInfo>() as i32;
                let argc = std::mem::offset_of!(CallInfo, argc) as i32;
                let l = self.labels[*target as usize];
                let d = disp(*n);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rcx, QWORD [r12 + calls_len]
                    ; test rcx, rcx
                    ; jz >absent
                    ; imul rcx, rcx, size
                    ; add rcx, QWORD [r12 + calls_base]
                    ; cmp DWORD [rcx + argc - size], *n as i32
                    ; jbe >absent
                    ; cmp BYTE [rbx + d + 8], tag::UNINIT as i8
                    ; jne =>l
                    ; absent:
                );
            }
            Op::ToBool { dst, src } | Op::Not { dst, src }
                if !src.is_const() && *dst != NO_SLOT =>
            {
                // Truthiness of null, bool, int and float inline; undefined
                // variables (a warning) and the rest out of line.
                let slow = self.slow_label(pc);
                let s = disp(src.0);
                dynasm!(self.ops
                    ; .arch x64
                    ; movzx ecx, BYTE [rbx + s + 8]
                    ; cmp cl, tag::NULL as i8
                    ; je >falsy
                    ; cmp cl, tag::BOOL as i8
                    ; je >word
                    ; cmp cl, tag::INT as i8
                    ; je >word
                    ; cmp cl, tag::DOUBLE as i8
                    ; jne =>slow
                    // A float is true unless it is ±0.0 (NaN is true).
                    ; movq xmm0, QWORD [rbx + s]
                    ; xorpd xmm1, xmm1
                    ; ucomisd xmm0, xmm1
                    ; setne al
                    ; setp cl
                    ; or al, cl
                    ; jmp >have
                    ; word:
                    ; cmp QWORD [rbx + s], 0
                    ; setne al
                    ; jmp >have
                    ; falsy:
                    ; xor eax, eax
                    ; have:
                );
                if matches!(func.ops[pc], Op::Not { .. }) {
                    dynasm!(self.ops ; .arch x64 ; xor al, 1);
                }
                dynasm!(self.ops ; .arch x64 ; movzx esi, al);
                self.guard_plain_dst(*dst, slow);
                dynasm!(self.ops ; .arch x64 ; mov rax, rsi);
                self.store_scalar(tag::BOOL, 0);
            }
            Op::VerifyParam { slot, param } => {
                // A value of exactly the declared type (directly or in a by-ref
                // parameter's box) passes inline; coercions and errors out of line.
                let exact = func.params.get(*param as usize).and_then(|p| p.ty.as_ref());
                let Some(want) = exact.map(|t| t.exact_tag()) else {
                    return; // no declared type: nothing to check
                };
                let Some(want) = want else {
                    return self.call_out_of_line(pc, true);
                };
                let slow = self.slow_label(pc);
                let d = disp(*slot);
                let boxed = (std::mem::offset_of!(RefBox, val) + 8) as i32;
                dynasm!(self.ops
                    ; .arch x64
                    ; movzx eax, BYTE [rbx + d + 8]
                    ; cmp al, want as i8
                    ; je >ok
                    ; cmp al, tag::REF as i8
                    ; jne =>slow
                    ; mov rax, QWORD [rbx + d]
                    ; cmp BYTE [rax + boxed], want as i8
                    ; jne =>slow
                    ; ok:
                );
            }
            Op::MakeRef { dst, src } if *dst != NO_SLOT && dst != src => {
                // A by-reference argument that already is a reference: one more
                // owner of the box. Boxing a plain value goes out of line.
                let slow = self.slow_label(pc);
                let s = disp(*src);
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp BYTE [rbx + s + 8], tag::REF as i8
                    ; jne =>slow
                );
                // The temporary is overwritten, never written through (as the
                // interpreter does): a counted old value (a REF included) is
                // released first, an INDIRECT simply replaced.
                let store = self.ops.new_dynamic_label();
                self.release_counted(*dst, tag::REF, store);
                dynasm!(self.ops
                    ; .arch x64
                    ; =>store
                    ; mov rax, QWORD [rbx + s]
                    ; add DWORD [rax], 1
                    ; mov QWORD [rdx], rax
                    ; mov BYTE [rdx + 8], tag::REF as i8
                );
            }
            Op::IsSet { dst, src } if !src.is_const() && *dst != NO_SLOT => {
                // `isset()` of a plain slot (an element fetched by FetchDimIs
                // included): set unless undefined or null. REF/INDIRECT out of line.
                // The destination is often a temporary that held a string: its
                // old value is released first (the source, another slot, is read
                // after that).
                let slow = self.slow_label(pc);
                let s = disp(src.0);
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp BYTE [rbx + s + 8], tag::REF as i8
                    ; jae =>slow
                );
                if src.0 == *dst {
                    self.guard_plain_dst(*dst, slow);
                } else {
                    self.claim_dst(*dst, slow);
                }
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp BYTE [rbx + s + 8], tag::NULL as i8
                    ; seta al
                    ; movzx eax, al
                );
                self.store_scalar(tag::BOOL, 0);
            }
            Op::CheckArgs { required } => {
                let slow = self.slow_label(pc);
                let off = std::mem::offset_of!(ExecCtx, cur_argc) as i32;
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp DWORD [r12 + off], *required as i32
                    ; jb =>slow
                );
            }
            Op::Return { src } => {
                // Scalars go straight to ctx.ret (which callers leave empty); the
                // rest (and undefined variables, which warn) take the slow path.
                let slow = self.slow_label(pc);
                let ret = std::mem::offset_of!(ExecCtx, ret) as i32;
                let ok = self.exit_ok;
                if src.is_const() {
                    let Some(v) = func.consts.get(src.index() as usize) else {
                        return self.call_out_of_line(pc, true);
                    };
                    if v.tag() >= tag::STRING || v.is_uninit() {
                        return self.call_out_of_line(pc, true);
                    }
                    dynasm!(self.ops ; .arch x64 ; mov rax, QWORD v.data as i64 ; mov ecx, v.tag() as i32);
                } else {
                    let s = disp(src.0);
                    dynasm!(self.ops
                        ; .arch x64
                        ; movzx ecx, BYTE [rbx + s + 8]
                        ; cmp cl, tag::NULL as i8
                        ; jb =>slow
                        ; cmp cl, tag::STRING as i8
                        ; jae =>slow
                        ; mov rax, QWORD [rbx + s]
                    );
                }
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp BYTE [r12 + ret + 8], tag::STRING as i8
                    ; jae =>slow
                    ; mov QWORD [r12 + ret], rax
                    ; mov BYTE [r12 + ret + 8], cl
                    ; jmp =>ok
                );
            }
            _ => self.call_out_of_line(pc, true),
        }
    }
}
