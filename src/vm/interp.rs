//! Tier 0: the bytecode interpreter.
//!
//! A frame is a window of `func.num_slots` values on the VM stack (`ctx.stack`); the
//! dispatch loop matches on `&func.ops[pc]`. Int/float arithmetic and comparisons,
//! jumps, moves of scalars, packed-array reads and in-place concatenation have inline
//! fast paths; everything else calls the runtime helpers. Faults propagate as
//! `Err(Fault)`; a `Throw` is routed to the innermost handler covering the faulting pc
//! (the exception stays *pending* in a local of `execute` until `Catch`,
//! `FinallyFromThrow` or `Rethrow` consume it).

use std::ptr;

use super::ctx::{ExecCtx, Fault, VmResult};
use crate::bytecode::op::{BinOp, DimMode, Op, Operand, Slot, NO_SLOT};
use crate::bytecode::unit::{Func, Unit};
use crate::runtime::arith;
use crate::runtime::compare::{less_equal, less_than, loose_equals, strict_equals};
use crate::runtime::convert::{append_str, to_bool};
use crate::runtime::value::{tag, StrBuf, TypedValue};

use super::interp_inline::{inline_callee, inline_closure, lean_entry, InlineCaller};
use super::interp_unwind::unwind_target;

/// The shared null returned for reads of undefined variables.
pub(crate) static NULL_VALUE: TypedValue = TypedValue::null();

/// Follows `REF` and `INDIRECT` to the value a slot designates.
#[inline(always)]
pub(crate) fn deref_slot(v: &TypedValue) -> &TypedValue {
    // One compare on the common path: REF and INDIRECT are the only tags from REF up.
    if v.tag < tag::REF {
        return v;
    }
    if v.tag == tag::INDIRECT {
        // SAFETY: an INDIRECT slot was written by FetchDimW earlier in the same
        // statement; the element it points to is live until the statement's last op.
        unsafe { (*(v.data as *const TypedValue)).deref() }
    } else {
        v.deref()
    }
}

/// Mutable access to the storage a slot designates (through REF and INDIRECT).
#[inline(always)]
pub(crate) fn deref_slot_mut(v: &mut TypedValue) -> &mut TypedValue {
    if v.tag < tag::REF {
        return v;
    }
    if v.tag == tag::INDIRECT {
        // SAFETY: as in `deref_slot`.
        unsafe { (*(v.data as *mut TypedValue)).deref_mut() }
    } else {
        v.deref_mut()
    }
}

/// A frame slot.
///
/// # Safety
/// `frame` must be a live frame of a function with more than `s` slots, and the
/// caller must not hold another reference to that slot.
#[inline(always)]
pub(crate) unsafe fn slot<'a>(frame: *mut TypedValue, s: Slot) -> &'a mut TypedValue {
    &mut *frame.add(s as usize)
}

/// Reads an operand without diagnostics (fast paths, quiet reads).
#[inline(always)]
pub(crate) fn peek(func: &Func, frame: *mut TypedValue, o: Operand) -> &TypedValue {
    let v = peek_raw(func, frame, o);
    // (A literal is never a reference: only slots are followed.)
    if o.is_const() {
        v
    } else {
        deref_slot(v)
    }
}

/// An operand's own value, not followed through `REF`/`INDIRECT`: what fast paths
/// test first, since a local rarely holds a reference (see `fast_operands!`).
#[inline(always)]
pub(crate) fn peek_raw(func: &Func, frame: *mut TypedValue, o: Operand) -> &TypedValue {
    if o.is_const() {
        // SAFETY: constant operands index `func.consts` (invariant of `Func::ops`).
        unsafe { func.consts.get_unchecked(o.index() as usize) }
    } else {
        // SAFETY: the emitter only names slots below num_slots of the running function.
        unsafe { &*frame.add(o.0 as usize) }
    }
}

/// Reads an operand; an undefined local warns "Undefined variable $x" and reads null.
#[inline(always)]
pub(crate) fn read<'a>(
    ctx: &mut ExecCtx,
    func: &'a Func,
    frame: *mut TypedValue,
    o: Operand,
) -> &'a TypedValue {
    let v = peek(func, frame, o);
    if v.tag == tag::UNINIT {
        if let Some(v) = globals_on_read(ctx, func, frame, o) {
            return v;
        }
        return undefined_var(ctx, func, o);
    }
    v
}

/// An unset `$GLOBALS` local read: fill it (see `vm::globals`) and read it.
#[cold]
pub(crate) fn globals_on_read<'a>(
    ctx: &mut ExecCtx,
    func: &'a Func,
    frame: *mut TypedValue,
    o: Operand,
) -> Option<&'a TypedValue> {
    if o.is_const() || super::globals::globals_slot(func) != Some(o.0) {
        return None;
    }
    let g = super::globals::globals_array(ctx);
    // SAFETY: o names a local slot of this frame.
    unsafe { *slot(frame, o.0) = g };
    Some(peek(func, frame, o))
}

#[cold]
fn undefined_var(ctx: &mut ExecCtx, func: &Func, o: Operand) -> &'static TypedValue {
    if !o.is_const() && o.0 < func.num_locals {
        let name = func
            .local_names
            .get(o.0 as usize)
            .map(String::as_str)
            .unwrap_or("");
        let name = name.trim_start_matches('$');
        ctx.warn(&format!("Undefined variable ${name}"));
    }
    &NULL_VALUE
}

/// Writes a destination slot, through `REF` and `INDIRECT`; `NO_SLOT` drops `v`.
#[inline(always)]
pub(crate) fn write(frame: *mut TypedValue, dst: Slot, v: TypedValue) {
    if dst == NO_SLOT {
        return;
    }
    // SAFETY: dst is a slot of the running frame (emitter invariant).
    let p = unsafe { slot(frame, dst) };
    if p.tag < tag::STRING {
        // SAFETY: the old value is not counted: overwriting it releases nothing.
        unsafe { ptr::write(p, v) };
    } else if p.tag == tag::REF || p.tag == tag::INDIRECT {
        *deref_slot_mut(p) = v;
    } else {
        *p = v;
    }
}

/// Writes an owned value given as its fields (no refcount touched when the old
/// value is not counted; `write` otherwise); `NO_SLOT` drops it, as `write` does
/// (a discarded built-in result: `array_pop($a);`).
#[inline(always)]
pub(crate) fn write_scalar(frame: *mut TypedValue, dst: Slot, t: u8, data: u64) {
    if dst == NO_SLOT {
        drop(TypedValue::raw(t, data));
        return;
    }
    // SAFETY: as in `write`.
    let p = unsafe { slot(frame, dst) };
    if p.tag < tag::STRING {
        p.tag = t;
        p.data = data;
    } else {
        write(frame, dst, TypedValue::raw(t, data));
    }
}

/// The line of op `pc`.
#[inline(always)]
pub(crate) fn line_of(func: &Func, pc: usize) -> u32 {
    func.lines.get(pc).copied().unwrap_or(0)
}

/// Runs function `fid` on `frame` (already set up by the caller) to completion and
/// returns its return value. The caller owns the frame's slots and drops them.
pub fn execute(
    ctx: &mut ExecCtx,
    unit: &Unit,
    fid: u32,
    frame: *mut TypedValue,
) -> VmResult<TypedValue> {
    let Some(func) = unit.funcs.get(fid as usize) else {
        return Err(ctx.fatal(format!("invalid function index {fid}")));
    };
    execute_func(ctx, unit, func, frame)
}

/// [`execute`] for a function already looked up (`func` belongs to `unit`). The
/// common run — no exception — is one `run_ops`; faults continue out of line.
#[inline(always)]
pub fn execute_func(
    ctx: &mut ExecCtx,
    unit: &Unit,
    func: &Func,
    frame: *mut TypedValue,
) -> VmResult<TypedValue> {
    execute_at(ctx, unit, func, frame, 0, None)
}

/// Continues `func` on `frame` at `pc` (with `pending` the exception a handler at
/// `pc` consumes) until it returns: where JIT code hands an activation back to the
/// interpreter (a deopt without a baseline translation to resume in).
#[inline(always)]
pub fn execute_at(
    ctx: &mut ExecCtx,
    unit: &Unit,
    func: &Func,
    frame: *mut TypedValue,
    mut pc: usize,
    mut pending: Option<TypedValue>,
) -> VmResult<TypedValue> {
    match run_ops::<false>(ctx, unit, func, frame, &mut pc, &mut pending) {
        Ok(v) => Ok(v),
        Err(f) => execute_after_fault(ctx, unit, func, frame, pc, pending, f),
    }
}

/// The rest of [`execute_func`] after a fault at `pc`: a Throw goes to the innermost
/// handler covering it (and execution goes on there) or propagates.
#[cold]
#[inline(never)]
fn execute_after_fault(
    ctx: &mut ExecCtx,
    unit: &Unit,
    func: &Func,
    frame: *mut TypedValue,
    mut pc: usize,
    mut pending: Option<TypedValue>,
    mut fault: Fault,
) -> VmResult<TypedValue> {
    loop {
        match fault {
            Fault::Throw(e) => match unwind_target(func, frame, pc as u32, &e) {
                Some(h) => {
                    // (An exception still pending is released here, replaced.)
                    drop(pending.replace(e));
                    pc = h.handler as usize;
                }
                None => return Err(Fault::Throw(e)),
            },
            f => return Err(f),
        }
        match run_ops::<false>(ctx, unit, func, frame, &mut pc, &mut pending) {
            Ok(v) => return Ok(v),
            Err(f) => fault = f,
        }
    }
}

macro_rules! int_or_float_cmp {
    ($a:expr, $b:expr, $op:tt) => {
        if $a.tag == tag::INT && $b.tag == tag::INT {
            Some($a.int_val() $op $b.int_val())
        } else if $a.tag == tag::DOUBLE && $b.tag == tag::DOUBLE {
            Some($a.double_val() $op $b.double_val())
        } else {
            None
        }
    };
}

/// The value `run_ops::<true>` returns after executing its one op without the
/// function returning: a tag no PHP value ever has.
const PAUSED: TypedValue = TypedValue::raw(0xff, 0);

/// Executes the single op at `*pc` for JIT code's out-of-line path: afterwards `*pc`
/// is the next op to run. Returns `Some(value)` when the op returned from the
/// function. Semantics are the interpreter's own, so every tier behaves the same.
pub fn step(
    ctx: &mut ExecCtx,
    unit: &Unit,
    func: &Func,
    frame: *mut TypedValue,
    pc: &mut usize,
    pending: &mut Option<TypedValue>,
) -> VmResult<Option<TypedValue>> {
    let v = run_ops::<true>(ctx, unit, func, frame, pc, pending)?;
    Ok(if v.tag == PAUSED.tag { None } else { Some(v) })
}

fn run_ops<'a, const SINGLE: bool>(
    ctx: &mut ExecCtx,
    unit: &'a Unit,
    func: &'a Func,
    frame: *mut TypedValue,
    pcr: &mut usize,
    pending: &mut Option<TypedValue>,
) -> VmResult<TypedValue> {
    let (mut func, mut frame) = (func, frame);
    let mut pc = *pcr;
    let mut first = true;
    // Calls the interpreter runs in this same loop (see `inline_callee`): the caller
    // of each, innermost last. Empty unless calls are inlined.
    let mut callers: Vec<InlineCaller<'a>> = Vec::new();
    let inline_calls = !SINGLE && !crate::jit::config::get().enabled;
    // The running function's ops; a raw pointer, so the loop carries no length (see
    // `op_at!`).
    let mut ops = func.ops.as_ptr();
    // The op at `$i`: the current pc, or the one after an op that is not a `Return`.
    macro_rules! op_at {
        ($i:expr) => {
            // SAFETY: control never runs past the body's final `Return` and every jump
            // lands inside the body (invariant of `Func::ops`), so the current pc is
            // an op, and so is the next one after any op but a `Return`.
            unsafe { &*ops.add($i) }
        };
    }
    macro_rules! sync {
        () => {{
            ctx.line = line_of(func, pc);
        }};
    }
    macro_rules! tri {
        ($e:expr) => {
            match $e {
                Ok(v) => v,
                // (Unlabeled: labels do not cross into macros; no op's arm has a
                // loop of its own around a `tri!`.)
                Err(f) => break f,
            }
        };
    }
    // A return: to the caller of an inlined call, or out of `run_ops`.
    macro_rules! ret {
        ($v:expr) => {{
            let v = $v;
            let Some(c) = callers.pop() else {
                return Ok(v);
            };
            // SAFETY: `c` is the innermost inlined call, and its function just
            // returned.
            let dst;
            (func, frame, pc, dst) = unsafe { c.leave(ctx) };
            ops = func.ops.as_ptr();
            write(frame, dst, v);
            pc += 1;
            continue;
        }};
    }
    // Continues in `callee` (its frame `lean` just pushed), remembering this op as
    // the caller to return to with the result for `dst`.
    macro_rules! enter_inline {
        ($callee:expr, $lean:expr, $keep:expr, $dst:expr, $argc:expr) => {{
            let (callee, lean) = ($callee, $lean);
            callers.push(InlineCaller {
                func,
                frame,
                pc,
                dst: $dst,
                callee: lean,
                keep: $keep,
            });
            (func, frame, pc) = (callee, lean.frame, lean_entry(callee, $argc));
            ops = func.ops.as_ptr();
            continue;
        }};
    }
    // An op `interp_ops::slow_op` runs (after `sync!`).
    macro_rules! slow {
        ($op:expr) => {{
            let r = super::interp_ops::slow_op(ctx, unit, func, frame, $op, pending);
            if let Some(f) = ctx.pending_fault.take() {
                break f;
            }
            match tri!(r) {
                super::interp_ops::Flow::Next => {}
                super::interp_ops::Flow::Jump(t) => {
                    pc = t as usize;
                    continue;
                }
                super::interp_ops::Flow::Return(v) => ret!(v),
            }
        }};
    }
    // Runs the fast path `$fast` on the two operands as they sit in their slots and,
    // should either be a reference (or a dim temp), once more on the values they
    // designate. `$fast` leaves the op when it applies; otherwise the arm goes on to
    // its slow path.
    macro_rules! fast_operands {
        ($a:expr, $b:expr, |$x:ident, $y:ident| $fast:block) => {{
            let ($x, $y) = (peek_raw(func, frame, $a), peek_raw(func, frame, $b));
            $fast
            if $x.tag >= tag::REF || $y.tag >= tag::REF {
                let ($x, $y) = (deref_slot($x), deref_slot($y));
                $fast
            }
        }};
    }
    // `+`, `-`, `*`: int (unless it overflows) and float inline, the rest through
    // the runtime (`$slow`).
    macro_rules! arith_op {
        ($dst:expr, $a:expr, $b:expr, $checked:ident, $float:tt, $slow:path) => {{
            fast_operands!($a, $b, |x, y| {
                if x.tag == tag::INT && y.tag == tag::INT {
                    if let Some(r) = x.int_val().$checked(y.int_val()) {
                        write_scalar(frame, $dst, tag::INT, r as u64);
                        next!();
                    }
                } else if let Some((i, j)) = float_pair(x, y) {
                    write_scalar(frame, $dst, tag::DOUBLE, (i $float j).to_bits());
                    next!();
                }
            });
            sync!();
            let (x, y) = (read(ctx, func, frame, $a), read(ctx, func, frame, $b));
            let r = tri!($slow(ctx, x, y));
            write(frame, $dst, r);
        }};
    }
    // `<`, `<=` into a bool: ints and floats inline, the rest through `$slow`.
    macro_rules! compare_op {
        ($dst:expr, $a:expr, $b:expr, $cmp:tt, $slow:path) => {{
            fast_operands!($a, $b, |x, y| {
                if let Some(r) = int_or_float_cmp!(x, y, $cmp) {
                    write_scalar(frame, $dst, tag::BOOL, r as u64);
                    branch_on!($dst, r);
                }
            });
            sync!();
            let (x, y) = (read(ctx, func, frame, $a), read(ctx, func, frame, $b));
            let r = $slow(x, y);
            write_scalar(frame, $dst, tag::BOOL, r as u64);
        }};
    }
    // A `Bin` whose operator is the constant `$op`: ints inline (when `int_binop`
    // computes them), everything else through the runtime.
    macro_rules! int_bin_op {
        ($op:expr, $dst:expr, $a:expr, $b:expr) => {{
            fast_operands!($a, $b, |x, y| {
                if x.tag == tag::INT && y.tag == tag::INT {
                    if let Some(r) = int_binop($op, x.int_val(), y.int_val()) {
                        write_scalar(frame, $dst, tag::INT, r as u64);
                        next!();
                    }
                }
            });
            sync!();
            let (x, y) = (read(ctx, func, frame, $a), read(ctx, func, frame, $b));
            let r = tri!(arith::binary_op(ctx, $op, x, y));
            write(frame, $dst, r);
        }};
    }
    // `==` (`$eq` true) and `!=` into a bool.
    macro_rules! equals_op {
        ($dst:expr, $a:expr, $b:expr, $eq:expr) => {{
            fast_operands!($a, $b, |x, y| {
                if let Some(r) = int_or_float_cmp!(x, y, ==) {
                    write_scalar(frame, $dst, tag::BOOL, (r == $eq) as u64);
                    branch_on!($dst, r == $eq);
                }
            });
            sync!();
            let (x, y) = (read(ctx, func, frame, $a), read(ctx, func, frame, $b));
            let r = loose_equals(x, y);
            write_scalar(frame, $dst, tag::BOOL, (r == $eq) as u64);
        }};
    }
    // `JmpNZ` (`$jump_if` true) and `JmpZ`.
    macro_rules! jump_on_truth {
        ($cond:expr, $target:expr, $jump_if:expr) => {{
            let v = peek(func, frame, $cond);
            if v.tag == tag::BOOL || v.tag == tag::INT {
                if (v.data != 0) == $jump_if {
                    pc = $target as usize;
                    continue;
                }
                next!();
            }
            sync!();
            if to_bool(read(ctx, func, frame, $cond)) == $jump_if {
                pc = $target as usize;
                continue;
            }
        }};
    }
    // `JmpLt` (`$jump_if` true) and `JmpNotLt`.
    macro_rules! jump_on_lt {
        ($a:expr, $b:expr, $target:expr, $jump_if:expr) => {{
            fast_operands!($a, $b, |x, y| {
                if let Some(lt) = int_or_float_cmp!(x, y, <) {
                    if lt == $jump_if {
                        pc = $target as usize;
                        continue;
                    }
                    next!();
                }
            });
            sync!();
            let (x, y) = (read(ctx, func, frame, $a), read(ctx, func, frame, $b));
            if less_than(x, y) == $jump_if {
                pc = $target as usize;
                continue;
            }
        }};
    }
    // A comparison's fast path that wrote bool `r` to `dst`: when the next op is
    // `JmpZ`/`JmpNZ` on `dst` (`if ($a == $b)`, `while ($k <= $n)`), it is taken
    // here too, saving its dispatch; it reads exactly what it would have read.
    macro_rules! branch_on {
        ($dst:expr, $r:expr) => {{
            if let Op::JmpZ { cond, target } | Op::JmpNZ { cond, target } = op_at!(pc + 1) {
                if cond.0 == $dst {
                    // (A constant operand has the high bit set: never a slot.)
                    let jump_if = matches!(op_at!(pc + 1), Op::JmpNZ { .. });
                    pc = if ($r) == jump_if {
                        *target as usize
                    } else {
                        pc + 2
                    };
                    continue;
                }
            }
            next!();
        }};
    }
    // Fast paths leave through `next!`: they report no diagnostic, so they skip the
    // pending-fault check at the bottom of the loop that slow paths go through.
    macro_rules! next {
        () => {{
            pc += 1;
            continue;
        }};
    }
    let fault = 'run: loop {
        if SINGLE {
            // Stop before the second op: `pc` is where the first one went.
            if !first {
                *pcr = pc;
                return Ok(PAUSED);
            }
            first = false;
        }
        let op = op_at!(pc);
        match op {
            Op::Nop => next!(),
            Op::Move { dst, src } => {
                let v = peek(func, frame, *src);
                if v.tag < tag::STRING && v.tag != tag::UNINIT {
                    let (t, d) = (v.tag, v.data);
                    write_scalar(frame, *dst, t, d);
                    next!();
                } else {
                    sync!();
                    let v = read(ctx, func, frame, *src).clone();
                    write(frame, *dst, v);
                }
            }
            Op::BindRef { dst, src } => {
                // SAFETY: src and dst are distinct slots of this frame (distinct
                // borrows are taken one after the other).
                let r = unsafe { make_ref_of(slot(frame, *src)) };
                if *dst != NO_SLOT {
                    // SAFETY: as above.
                    let d = unsafe { slot(frame, *dst) };
                    if d.tag == tag::INDIRECT {
                        // `$a[k] = &$x`: the element (which the INDIRECT temp
                        // designates, see `deref_slot`) becomes the reference.
                        // SAFETY: an INDIRECT made by FetchDimW in this statement
                        // points at a live element (see `deref_slot`).
                        unsafe { *(d.data as *mut TypedValue) = r };
                    } else {
                        *d = r;
                    }
                }
                next!();
            }
            Op::MakeRef { dst, src } => {
                // SAFETY: as in BindRef.
                let r = unsafe { make_ref_of(slot(frame, *src)) };
                if *dst != NO_SLOT {
                    // SAFETY: as above; a ref temp is overwritten, never written through.
                    unsafe { *slot(frame, *dst) = r };
                }
                next!();
            }
            // One arm each, so no arm tests which of the three it runs.
            Op::Add { dst, a, b } => arith_op!(*dst, *a, *b, checked_add, +, arith::add),
            Op::Sub { dst, a, b } => arith_op!(*dst, *a, *b, checked_sub, -, arith::sub),
            Op::Mul { dst, a, b } => arith_op!(*dst, *a, *b, checked_mul, *, arith::mul),
            Op::Concat { dst, a, b } => {
                sync!();
                tri!(concat_op(ctx, func, frame, *dst, *a, *b));
            }
            // The bitwise operators and `%` with their int forms inline, one arm each
            // (`int_binop` decides, for a constant operator); `/` also divides floats.
            Op::Bin {
                op:
                    op @ (BinOp::BitAnd
                    | BinOp::BitOr
                    | BinOp::BitXor
                    | BinOp::Mod
                    | BinOp::Shl
                    | BinOp::Shr),
                dst,
                a,
                b,
            } => match op {
                BinOp::BitAnd => int_bin_op!(BinOp::BitAnd, *dst, *a, *b),
                BinOp::BitOr => int_bin_op!(BinOp::BitOr, *dst, *a, *b),
                BinOp::BitXor => int_bin_op!(BinOp::BitXor, *dst, *a, *b),
                BinOp::Mod => int_bin_op!(BinOp::Mod, *dst, *a, *b),
                BinOp::Shl => int_bin_op!(BinOp::Shl, *dst, *a, *b),
                _ => int_bin_op!(BinOp::Shr, *dst, *a, *b),
            },
            Op::Bin { op, dst, a, b } => {
                fast_operands!(*a, *b, |x, y| {
                    if x.tag == tag::INT && y.tag == tag::INT {
                        if let Some(r) = int_binop(*op, x.int_val(), y.int_val()) {
                            write_scalar(frame, *dst, tag::INT, r as u64);
                            next!();
                        }
                    } else if *op == BinOp::Div {
                        // A float involved: the float quotient, unless dividing by zero.
                        if let Some((i, j)) = float_pair(x, y).filter(|(_, j)| *j != 0.0) {
                            write_scalar(frame, *dst, tag::DOUBLE, (i / j).to_bits());
                            next!();
                        }
                    }
                });
                sync!();
                let (x, y) = (read(ctx, func, frame, *a), read(ctx, func, frame, *b));
                let r = tri!(arith::binary_op(ctx, *op, x, y));
                write(frame, *dst, r);
            }
            Op::ConcatN { dst, parts } => {
                sync!();
                tri!(concat_n_op(ctx, func, frame, *dst, parts));
            }
            Op::AppendN { dst, parts } => {
                sync!();
                tri!(append_n_op(ctx, func, frame, *dst, parts));
            }
            Op::Lt { dst, a, b } => compare_op!(*dst, *a, *b, <, less_than),
            Op::Le { dst, a, b } => compare_op!(*dst, *a, *b, <=, less_equal),
            Op::Eq { dst, a, b } => equals_op!(*dst, *a, *b, true),
            Op::NotEq { dst, a, b } => equals_op!(*dst, *a, *b, false),
            Op::Identical { dst, a, b } | Op::NotIdentical { dst, a, b } => {
                let (x, y) = (peek(func, frame, *a), peek(func, frame, *b));
                let same = matches!(op, Op::Identical { .. });
                if x.tag == tag::INT && y.tag == tag::INT {
                    let r = (x.data == y.data) == same;
                    write_scalar(frame, *dst, tag::BOOL, r as u64);
                    branch_on!(*dst, r);
                }
                sync!();
                let (x, y) = (read(ctx, func, frame, *a), read(ctx, func, frame, *b));
                let r = strict_equals(x, y);
                write_scalar(frame, *dst, tag::BOOL, (r == same) as u64);
            }
            Op::Not { dst, src } => {
                sync!();
                let r = !to_bool(read(ctx, func, frame, *src));
                write_scalar(frame, *dst, tag::BOOL, r as u64);
            }
            Op::UnsetLocal { slot: s } => {
                // SAFETY: s is a slot of this frame; the old value is released.
                unsafe { *slot(frame, *s) = TypedValue::uninit() };
                next!();
            }
            Op::ToBool { dst, src } => {
                sync!();
                let r = to_bool(read(ctx, func, frame, *src));
                write_scalar(frame, *dst, tag::BOOL, r as u64);
            }
            Op::BitNot { dst, src } => {
                sync!();
                let v = read(ctx, func, frame, *src);
                let r = tri!(arith::bit_not(ctx, v));
                write(frame, *dst, r);
            }
            Op::Cast { dst, src, kind } => {
                sync!();
                let v = read(ctx, func, frame, *src);
                let r = tri!(arith::cast(ctx, v, *kind));
                write(frame, *dst, r);
            }
            Op::IncDec { kind, dst, target } => {
                // SAFETY: target is a slot of this frame.
                let t = deref_slot_mut(unsafe { slot(frame, *target) });
                if t.tag == tag::INT {
                    let i = t.int_val();
                    let n = match kind {
                        crate::bytecode::op::IncDec::PreInc
                        | crate::bytecode::op::IncDec::PostInc => i.checked_add(1),
                        _ => i.checked_sub(1),
                    };
                    if let Some(n) = n {
                        t.data = n as u64;
                        let r = match kind {
                            crate::bytecode::op::IncDec::PreInc
                            | crate::bytecode::op::IncDec::PreDec => n,
                            _ => i,
                        };
                        write_scalar(frame, *dst, tag::INT, r as u64);
                        // `$i++` closing a rotated loop (`JmpLt` on `$i` next): the
                        // jump is taken here too, saving its dispatch.
                        if let Op::JmpLt { a, b, target: to } = op_at!(pc + 1) {
                            let y = peek_raw(func, frame, *b);
                            // (A constant operand has the high bit set: never a slot.)
                            if a.0 == *target && y.tag == tag::INT {
                                pc = if n < y.int_val() {
                                    *to as usize
                                } else {
                                    pc + 2
                                };
                                continue;
                            }
                        }
                        next!();
                    }
                }
                sync!();
                if t.tag == tag::UNINIT && *target < func.num_locals {
                    undefined_var(ctx, func, Operand::slot(*target));
                }
                let r = tri!(arith::inc_dec(ctx, t, *kind));
                write(frame, *dst, r);
            }
            Op::Jmp { target } => {
                pc = *target as usize;
                continue;
            }
            Op::JmpZ { cond, target } => jump_on_truth!(*cond, *target, false),
            Op::JmpNZ { cond, target } => jump_on_truth!(*cond, *target, true),
            Op::JmpNotNull { src, target } => {
                if !peek(func, frame, *src).is_null() {
                    pc = *target as usize;
                    continue;
                }
                next!();
            }
            Op::JmpNotLt { a, b, target } => jump_on_lt!(*a, *b, *target, false),
            Op::JmpLt { a, b, target } => jump_on_lt!(*a, *b, *target, true),
            Op::Echo { src } => {
                sync!();
                tri!(echo_op(ctx, func, frame, *src));
            }
            Op::Return { src } => {
                // A defined value returns without a diagnostic (no line to record,
                // no fault that a warning's handler could have left).
                let v = peek(func, frame, *src);
                if v.tag != tag::UNINIT {
                    ret!(v.clone());
                }
                sync!();
                let v = read(ctx, func, frame, *src).clone();
                if let Some(f) = ctx.pending_fault.take() {
                    break 'run f;
                }
                ret!(v);
            }
            Op::Call {
                dst,
                func: f,
                args,
                argc,
            } => {
                sync!();
                let callee = unit.funcs.get(*f as usize);
                if let Some(callee) = callee.filter(|_| inline_calls) {
                    if let Some(lean) = inline_callee(ctx, callee, frame, *args, *argc) {
                        enter_inline!(callee, lean, TypedValue::null(), *dst, *argc);
                    }
                }
                if callee.is_some_and(|c| c.call_shape.variadic_by_ref) {
                    // The caller's extra arguments become references: `slow_op`.
                    slow!(op);
                } else {
                    // SAFETY: the argument temporaries are `argc` slots of this frame,
                    // below the VM stack pointer.
                    let st = unsafe {
                        super::interp_call::call_to_ret(ctx, *f, slot(frame, *args), *argc as usize)
                    };
                    let r = tri!(super::interp_call::result_of(ctx, st));
                    write(frame, *dst, r);
                }
            }
            Op::CheckArgs { required }
                if ctx.calls.last().is_some_and(|ci| ci.argc >= *required) =>
            {
                next!()
            }
            Op::JmpIfArg { n, target } => {
                // A skipped argument (named arguments past a gap) is passed as uninit.
                // SAFETY: parameter n is a slot of this frame.
                if super::interp_call::arg_passed(ctx, *n)
                    && !unsafe { slot(frame, *n) }.is_uninit()
                {
                    pc = *target as usize;
                    continue;
                }
                next!();
            }
            // Packed arrays with int keys skip `slow_op` (key conversion, its large
            // frame). The guard is the fast path: it performs the op and holds, or
            // touches nothing and sends the op to `slow_op` below.
            Op::FetchDim { dst, base, key } => {
                let (b, k) = (peek(func, frame, *base), peek(func, frame, *key));
                if let Some((t, d)) = super::dim_fast::packed_scalar(b, k) {
                    write_scalar(frame, *dst, t, d);
                    next!();
                }
                if super::dim_fast::fetch_dim_packed(func, frame, *dst, *base, *key) {
                    next!();
                }
                sync!();
                slow!(op);
            }
            // `foreach` by value, likewise without `slow_op`.
            Op::IterNext {
                iter,
                val,
                key,
                by_ref: false,
                exit,
            } => {
                if !super::interp_iter::iter_next_by_value(frame, *iter, *val, *key) {
                    pc = *exit as usize;
                    continue;
                }
                next!();
            }
            Op::AssignDim {
                dst,
                base,
                key,
                val,
            } => {
                if let (NO_SLOT, Some(k)) = (*dst, key) {
                    let (k, v) = (peek(func, frame, *k), peek(func, frame, *val));
                    let (k, v) = ((k.tag, k.data), (v.tag, v.data));
                    // SAFETY: base is a slot of this frame, borrowed nowhere else
                    // (the key and value were copied out above).
                    let b = unsafe { slot(frame, *base) };
                    if super::dim_fast::packed_scalar_set(b, k, v) {
                        next!();
                    }
                }
                if super::dim_fast::assign_dim_packed(func, frame, *dst, *base, *key, *val) {
                    next!();
                }
                sync!();
                slow!(op);
            }
            Op::FetchDimW {
                dst,
                base,
                key: Some(key),
                mode,
            } if matches!(mode, DimMode::Write | DimMode::ReadWrite) => {
                // `$a[$k] += $v` on scalars: this op and the two after it at once
                // (an arithmetic op is not a `Return`: another op follows it).
                if *mode == DimMode::ReadWrite
                    && matches!(
                        op_at!(pc + 1),
                        Op::Add { .. } | Op::Sub { .. } | Op::Mul { .. }
                    )
                    && super::dim_fast::packed_compound_assign(
                        func,
                        frame,
                        (*base, *key, *dst),
                        op_at!(pc + 1),
                        op_at!(pc + 2),
                    )
                {
                    pc += 3;
                    continue;
                }
                if super::dim_fast::fetch_dim_w_packed(func, frame, *dst, *base, *key) {
                    next!();
                }
                sync!();
                slow!(op);
            }
            Op::CallValue {
                dst,
                callee,
                args,
                argc,
            } if inline_calls => {
                sync!();
                let c = peek(func, frame, *callee);
                if let Some((callee, lean, keep)) =
                    inline_closure(ctx, unit, c, frame, *args, *argc)
                {
                    enter_inline!(callee, lean, keep, *dst, *argc);
                }
                slow!(op);
            }
            _ => {
                sync!();
                slow!(op);
            }
        }
        if let Some(f) = ctx.pending_fault.take() {
            // A user error handler threw while this op reported a diagnostic.
            break 'run f;
        }
        pc += 1;
    };
    // A fault leaves every inlined call (none has a handler: `inline_callee`) as
    // returning through `call_to_ret` would, and is reported at the outermost call.
    while let Some(c) = callers.pop() {
        // SAFETY: as in `ret!`: the innermost inlined call, which the fault ends.
        pc = unsafe { c.leave(ctx) }.2;
    }
    *pcr = pc;
    Err(fault)
}

/// Two numbers at least one of which is a float, as floats (PHP computes int ⊕ float
/// in floats); `None` for anything else, both ints included.
#[inline(always)]
fn float_pair(x: &TypedValue, y: &TypedValue) -> Option<(f64, f64)> {
    let num = |v: &TypedValue| match v.tag {
        tag::DOUBLE => Some(v.double_val()),
        tag::INT => Some(v.int_val() as f64),
        _ => None,
    };
    if x.tag == tag::INT && y.tag == tag::INT {
        return None;
    }
    Some((num(x)?, num(y)?))
}

/// Int ⊕ int for the operators whose int result needs no allocation, no warning and
/// no exception; `None` sends the op to the runtime (division by zero, overflow,
/// negative shifts, `/` with a remainder, `**`, ...). Shared by the interpreter's
/// fast path and the baseline tier's out-of-line path.
#[inline(always)]
pub fn int_binop(op: crate::bytecode::op::BinOp, x: i64, y: i64) -> Option<i64> {
    use crate::bytecode::op::BinOp;
    match op {
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::Mod if y != 0 && y != -1 => Some(x % y),
        BinOp::Shl if (0..64).contains(&y) => Some(x << y),
        BinOp::Shr if (0..64).contains(&y) => Some(x >> y),
        BinOp::Div if y != 0 && y != -1 && x % y == 0 => Some(x / y),
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        _ => None,
    }
}

/// String interpolation: all parts at once.
pub(crate) fn concat_n_op(
    ctx: &mut ExecCtx,
    func: &Func,
    frame: *mut TypedValue,
    dst: Slot,
    parts: &[Operand],
) -> VmResult<()> {
    let joined = concat_n_value(ctx, func, frame, parts)?;
    write(frame, dst, joined);
    Ok(())
}

/// The parts of a `ConcatN` joined, read and converted left to right.
fn concat_n_value(
    ctx: &mut ExecCtx,
    func: &Func,
    frame: *mut TypedValue,
    parts: &[Operand],
) -> VmResult<TypedValue> {
    let size: usize = parts
        .iter()
        .map(|p| crate::runtime::convert::str_len_hint(peek(func, frame, *p)))
        .sum();
    crate::runtime::memory_limit::check_string_alloc(ctx, size as u128)?;
    let mut buf = StrBuf::with_capacity(size);
    for p in parts {
        let v = read(ctx, func, frame, *p);
        append_str(ctx, &mut buf, v)?;
    }
    Ok(TypedValue::from_buf(buf))
}

/// `$dst .= p0 . p1 . ...` (`AppendN`). PHP joins the parts into a temporary
/// (converting them in order, with their warnings), then reads `$dst` and appends.
/// When `$dst` holds a string no one else holds and every part is a string or an
/// int — nothing to warn about, no conversion that could call code or fail — the
/// parts go straight onto `$dst`'s string: the same bytes, without the temporary.
pub(crate) fn append_n_op(
    ctx: &mut ExecCtx,
    func: &Func,
    frame: *mut TypedValue,
    dst: Slot,
    parts: &[Operand],
) -> VmResult<()> {
    // SAFETY: dst is a slot of this frame; the parts are only read (through raw
    // pointers) after each is checked not to be the value `d` designates.
    let d: *mut TypedValue = deref_slot_mut(unsafe { slot(frame, dst) });
    let d = unsafe { &mut *d };
    let in_place = d.is_string()
        && d.refcount() == Some(1)
        && parts.iter().all(|p| {
            let v = peek(func, frame, *p);
            (v.is_string() || v.is_int()) && !ptr::eq(v, d)
        });
    if in_place {
        let size: usize = d.str_bytes().len()
            + parts
                .iter()
                .map(|p| crate::runtime::convert::str_len_hint(peek(func, frame, *p)))
                .sum::<usize>();
        crate::runtime::memory_limit::check_string_alloc(ctx, size as u128)?;
        // One buffer for all the parts (the string taken out of its value once).
        d.with_str_buf(|buf| {
            buf.reserve(size.saturating_sub(buf.len()));
            for p in parts {
                let v: *const TypedValue = peek(func, frame, *p);
                // SAFETY: a different live value than `d` (checked above), which
                // appending to `d` does not move.
                crate::runtime::convert::put_string_or_int(buf, unsafe { &*v });
            }
        });
        return Ok(());
    }
    let joined = concat_n_value(ctx, func, frame, parts)?;
    let x = read(ctx, func, frame, Operand::slot(dst));
    let r = arith::concat(ctx, x, &joined)?;
    write(frame, dst, r);
    Ok(())
}

/// `echo`.
pub(crate) fn echo_op(
    ctx: &mut ExecCtx,
    func: &Func,
    frame: *mut TypedValue,
    src: Operand,
) -> VmResult<()> {
    let v = read(ctx, func, frame, src);
    if v.is_string() {
        ctx.out.write(v.str_bytes());
    } else {
        let mut buf = Vec::new();
        append_str(ctx, &mut buf, v)?;
        ctx.out.write(&buf);
    }
    Ok(())
}

/// `$a . $b`, appending in place when `dst` is `a`'s slot and holds a unique string.
pub(crate) fn concat_op(
    ctx: &mut ExecCtx,
    func: &Func,
    frame: *mut TypedValue,
    dst: Slot,
    a: Operand,
    b: Operand,
) -> VmResult<()> {
    if !a.is_const() && a.0 == dst && b != a {
        // SAFETY: dst is a slot of this frame; b is read before the slot is borrowed
        // mutably and is a different slot (or a constant).
        let bv = read(ctx, func, frame, b);
        let bv: *const TypedValue = bv;
        let d = deref_slot_mut(unsafe { slot(frame, dst) });
        if d.is_string() && d.refcount() == Some(1) && !ptr::eq(d, bv) {
            // SAFETY: bv points at a different live value (checked above).
            let bv = unsafe { &*bv };
            if bv.is_string() {
                let size = d.str_bytes().len() + bv.str_bytes().len();
                crate::runtime::memory_limit::check_string_alloc(ctx, size as u128)?;
                d.str_append(bv.str_bytes());
                return Ok(());
            }
            if bv.is_int() {
                d.with_str_buf(|b| b.push_int(bv.int_val()));
                return Ok(());
            }
            let mut tmp = Vec::new();
            append_str(ctx, &mut tmp, bv)?;
            d.str_append(&tmp);
            return Ok(());
        }
    }
    let x = read(ctx, func, frame, a);
    let y = read(ctx, func, frame, b);
    let r = arith::concat(ctx, x, y)?;
    write(frame, dst, r);
    Ok(())
}

/// Turns a slot (or the element an INDIRECT designates) into a reference box and
/// returns a new handle to it.
pub(crate) fn make_ref_of(s: &mut TypedValue) -> TypedValue {
    if s.tag == tag::INDIRECT {
        // SAFETY: see `deref_slot`.
        unsafe { (*(s.data as *mut TypedValue)).make_ref() }
    } else {
        s.make_ref()
    }
}

/// Drops `n` slots starting at `frame` (frame teardown).
///
/// # Safety
/// The slots must be initialised values owned by the frame being torn down.
#[inline(always)]
pub(crate) unsafe fn drop_slots(frame: *mut TypedValue, n: usize) {
    // Most frames hold only scalars at teardown, so the tags are looked at first,
    // four at a time: every counted tag (STRING..=REF, 8..=11) has bit 3 set, so
    // while the ORed tags have it clear there is nothing to release (INDIRECT and
    // scalars own nothing, and the slots are dead afterwards: nothing needs writing).
    // The early exits also keep this a plain loop for the small counts frames have,
    // and the last group overlaps the one before rather than taking a scalar tail.
    // SAFETY: only called with i < n: a slot of the frame (the caller's contract).
    let t = |i: usize| (*frame.add(i)).tag;
    // (Called with i + 3 < n.)
    let four = |i: usize| (t(i) | t(i + 1) | t(i + 2) | t(i + 3)) & 8 != 0;
    // SAFETY (each `release_slots` below): it gets slots i.. of the frame, the rest
    // of the caller's n; those before i were seen to hold nothing counted.
    if n < 4 {
        for i in 0..n {
            if t(i) & 8 != 0 {
                return release_slots(frame.add(i), n - i);
            }
        }
        return;
    }
    let mut i = 0;
    while i + 4 <= n {
        if four(i) {
            return release_slots(frame.add(i), n - i);
        }
        i += 4;
    }
    // The last few slots: the last four, overlapping slots already looked at.
    if i < n && four(n - 4) {
        release_slots(frame.add(n - 4), 4);
    }
}

/// The slow half of [`drop_slots`]: releases the counted values among `n` slots.
///
/// # Safety
/// As for [`drop_slots`].
#[inline(never)]
unsafe fn release_slots(frame: *mut TypedValue, n: usize) {
    for i in 0..n {
        let p = frame.add(i);
        if tag::is_counted((*p).tag) {
            ptr::drop_in_place(p);
        }
    }
}
