//! Lowering of user function calls: inlining small callees, native calls, and the
//! helper call everything else takes.
//!
//! **Native calls.** A call whose callee takes exactly its declared arguments by
//! value (`CallShape::lean_argc`) does in IR what `interp_call::call_to_ret` does in
//! Rust: claim the callee's frame at `ctx.sp`, move the arguments in, mark the other
//! slots undefined, push its `CallInfo` on `ctx.calls` (a `CallStack`, whose fields
//! have fixed offsets for this), call the callee's entry slot, then pop, release the
//! frame and take `ctx.ret`. Everything is specialized at compile time (frame size,
//! argument count, which arguments need no check), so a call of a translated
//! function costs a few dozen instructions instead of two Rust calls around it —
//! the bulk of a recursive benchmark's time. When a condition of the fast sequence
//! fails (the VM stack or the call stack would have to grow, an argument is a
//! reference), the call takes `hop_opt_call` with nothing done yet.

use super::*;
use crate::jit::baseline::helpers::hop_call_value;
use crate::jit::native_call::{hop_call_cleanup, hop_enter_untranslated, hop_write_result};
use crate::jit::opt::helpers::hop_closure_bound;
use crate::vm::call_stack::CallStack;
use crate::vm::ctx::CallInfo;

/// Callees with more slots than this take the helper path (the frame's undefined
/// slots are marked one store each, inline).
const NATIVE_CALL_MAX_SLOTS: usize = 256;

/// Call sites whose block ran fewer times than this while profiled (and at least
/// once: a site not reached yet may be in a loop still to come) take the helper
/// rather than the native sequence: its hundred-odd lines of IR cost LLVM more time
/// than the helper's extra work costs a call that runs a handful of times (a script
/// body's calls of its setup and work functions).
const NATIVE_CALL_MIN_ENTRIES: u64 = 64;

/// Frames up to this many slots are set up and checked with one op per slot;
/// larger ones with a loop.
const UNROLL_SLOTS: usize = 8;

impl<'f> Lower<'f> {
    /// Whether a call of `callee` with `argc` arguments can be inlined: a small
    /// function of by-value parameters whose every op has an inline form without
    /// side effects outside its own frame (arithmetic, comparisons, moves of
    /// scalars, jumps, returns), so that any surprise can fall back to the real call
    /// as if nothing had happened. Returns the callee's plans when it can (the
    /// inlined body is lowered with them).
    ///
    /// A callee with a loop is not inlined: its loop amortizes the call, it has an
    /// optimized translation of its own, and its body would be compiled again in
    /// every caller (a script body calling one hot loop function once took as long
    /// to compile as the function itself).
    pub(super) fn inline_spec(&self, callee: u32, argc: u32) -> Option<Spec> {
        let f = self.unit.funcs.get(callee as usize)?;
        if f.id == self.func.id
            || f.has_loop()
            || f.ops.len() > INLINE_MAX_OPS
            || f.num_captures != 0
            || f.is_closure
            || f.call_shape.globals_slot != crate::bytecode::unit::CallShape::NONE
            || f.params
                .iter()
                .any(|p| p.by_ref || p.variadic || p.ty.is_some())
            || f.return_type.is_some()
            || argc as usize > f.params.len()
            || !f.handlers.is_empty()
        {
            return None;
        }
        let spec = Spec::of(
            self.unit,
            f,
            &crate::jit::baseline::translate::block_heads(f),
        );
        let inlinable = f.ops.iter().zip(&spec.plans).all(|(op, plan)| match op {
            Op::Nop | Op::Jmp { .. } | Op::JmpIfArg { .. } => true,
            Op::CheckArgs { required } => *required <= argc,
            Op::Move { dst, .. } => *dst != NO_SLOT && *plan == Plan::Int,
            Op::Return { .. } => *plan == Plan::Int,
            Op::Add { dst, .. } | Op::Sub { dst, .. } | Op::Mul { dst, .. } => {
                *dst != NO_SLOT && matches!(plan, Plan::Int | Plan::Double | Plan::Numeric)
            }
            Op::Bin { dst, .. } => *dst != NO_SLOT && matches!(plan, Plan::Int | Plan::Double),
            Op::Lt { dst, .. }
            | Op::Le { dst, .. }
            | Op::Eq { dst, .. }
            | Op::NotEq { dst, .. }
            | Op::Identical { dst, .. }
            | Op::NotIdentical { dst, .. } => {
                *dst != NO_SLOT && matches!(plan, Plan::Int | Plan::Double | Plan::Numeric)
            }
            Op::JmpNotLt { .. } | Op::JmpLt { .. } => {
                matches!(plan, Plan::Int | Plan::Double | Plan::Numeric)
            }
            Op::JmpZ { .. } | Op::JmpNZ { .. } | Op::IncDec { .. } => *plan == Plan::Int,
            _ => false,
        });
        inlinable.then_some(spec)
    }

    /// `Call`: inlined when the callee allows it, else through `hop_opt_call` (or
    /// the generic helper for calls binding by-reference variadics).
    pub(super) fn call_op(&mut self, pc: usize, dst: Slot, callee: u32, args: Slot, argc: u32) {
        if self.inlining.is_none() {
            if let Some(spec) = self.inline_spec(callee, argc) {
                return self.inline_call(pc, dst, callee, args, argc, &spec);
            }
        }
        if self.plain_call(callee) {
            self.call(pc, dst, callee, args, argc)
        } else {
            self.generic(pc, hop_call as *const () as usize)
        }
    }

    /// Inlines a call of `callee`: its frame becomes an alloca (SROA turns it into
    /// registers), its ops are lowered in place with their own profile, and every
    /// guard failure or unusual value inside takes the real call instead — the
    /// inlined body writes nothing outside its frame, so that is exact. Arguments
    /// must be scalars (no refcounts to move).
    fn inline_call(
        &mut self,
        pc: usize,
        dst: Slot,
        callee: u32,
        args: Slot,
        argc: u32,
        spec: &Spec,
    ) {
        let f = &self.unit.funcs[callee as usize];
        let k = self.inlined;
        self.inlined += 1;
        let frame = format!("%i{k}.frame");
        let (ret_tag, ret_data) = (format!("%i{k}.rt"), format!("%i{k}.rd"));
        let _ = writeln!(
            self.allocas,
            "  {frame} = alloca [{} x i128], align 16
  {ret_tag} = alloca i8, align 1
  {ret_data} = alloca i64, align 8",
            f.num_slots.max(1)
        );
        let (slow, done) = (format!("i{k}.slow"), format!("i{k}.done"));
        // Arguments: scalars only (else the real call).
        let mut vals = Vec::new();
        for i in 0..argc {
            let p = self.storage(args + i);
            let t = self.load_tag(&p);
            let ok = self.defined_scalar(&t);
            self.expect(&ok, &slow);
            let d = self.load_data(&p);
            vals.push((t, d));
        }
        // Lower the callee with its own function, plans and frame, into the same
        // text (one shared SSA counter).
        let mut sub = Lower::new(self.unit, f, spec, None, std::mem::take(&mut self.out));
        sub.frame = frame.clone();
        sub.prefix = format!("i{k}_");
        sub.inlining = Some(InlineSite {
            slow: slow.clone(),
            ret_tag: ret_tag.clone(),
            ret_data: ret_data.clone(),
            done: done.clone(),
            argc,
        });
        sub.next = self.next;
        sub.cur = self.cur.clone();
        // The callee's frame: arguments, then undefined slots.
        for (i, (t, d)) in vals.iter().enumerate() {
            let p = sub.slot_ptr(i as u32);
            sub.store_raw(&p, t, d);
        }
        for sl in argc..f.num_slots {
            let p = sub.slot_ptr(sl);
            sub.store_tag(&p, tag::UNINIT);
        }
        sub.br(0);
        for op_pc in 0..f.ops.len() {
            let l = sub.pc_label(op_pc);
            sub.block(&l);
            sub.op(op_pc);
        }
        // Falling off the end returns null.
        let end = sub.pc_label(f.ops.len());
        sub.block(&end);
        sub.line(&format!("store i8 {}, ptr {ret_tag}, align 1", tag::NULL));
        sub.line(&format!("store i64 0, ptr {ret_data}, align 8"));
        sub.line(&format!("br label %{done}"));
        self.out = std::mem::take(&mut sub.out);
        self.next = sub.next;
        // The returned value into the caller's destination.
        self.block(&done);
        let (t, d) = (self.tmp(), self.tmp());
        self.line(&format!("{t} = load i8, ptr {ret_tag}, align 1"));
        self.line(&format!("{d} = load i64, ptr {ret_data}, align 8"));
        self.store_value(pc, dst, &t, &d);
        self.br(pc + 1);
        // Anything unusual: the real call.
        self.block(&slow);
        self.call(pc, dst, callee, args, argc);
    }

    /// `return src` inside an inlined callee: a scalar goes to the site's result.
    pub(super) fn inline_return(&mut self, pc: usize, src: Operand) {
        let (t, d) = if src.is_const() {
            match self.func.consts.get(src.index() as usize) {
                Some(v) if v.tag() < tag::STRING && !v.is_uninit() => {
                    (v.tag().to_string(), v.data.to_string())
                }
                _ => {
                    let slow = self.deopt_label(pc, DeoptReason::SlowPath);
                    return self.line(&format!("br label %{slow}"));
                }
            }
        } else {
            let p = self.storage(src.0);
            let t = self.load_tag(&p);
            let ok = self.defined_scalar(&t);
            let slow = self.deopt_label(pc, DeoptReason::SlowPath);
            self.expect(&ok, &slow);
            let d = self.load_data(&p);
            (t, d)
        };
        let site = self.inlining.as_ref().expect("inside an inlined callee");
        let (rt, rd, done) = (
            site.ret_tag.clone(),
            site.ret_data.clone(),
            site.done.clone(),
        );
        self.line(&format!("store i8 {t}, ptr {rt}, align 1"));
        self.line(&format!("store i64 {d}, ptr {rd}, align 8"));
        self.line(&format!("br label %{done}"));
    }

    /// Whether calls of `callee` can skip the generic `Call` helper: it exists and
    /// does not bind a by-reference variadic (which makes the caller's arguments
    /// references); everything else about the call is the call path's business.
    pub(super) fn plain_call(&self, callee: u32) -> bool {
        self.unit
            .funcs
            .get(callee as usize)
            .is_some_and(|f| !f.call_shape.variadic_by_ref)
    }

    /// A user function call: native (see [`Lower::native_call`]) when the callee
    /// takes exactly these arguments by value, else through `hop_opt_call`. The line
    /// for stack traces is stored inline; a fault is routed by `hop_call_fault` like
    /// the generic helpers'.
    fn call(&mut self, pc: usize, dst: Slot, callee: u32, args: Slot, argc: u32) {
        if self.native_call_site(pc, callee, argc) {
            return self.native_call(pc, dst, callee, args, argc, None);
        }
        self.call_with(
            pc,
            hop_opt_call as *const () as usize,
            [args, callee, argc, dst],
        )
    }

    /// Whether the `Call` at `pc` takes the native sequence: the callee's shape
    /// allows it, this is not an inlined body, and the site is not a rare one.
    pub(super) fn native_call_site(&self, pc: usize, callee: u32, argc: u32) -> bool {
        let native = self.plain_call(callee)
            && self
                .unit
                .funcs
                .get(callee as usize)
                .is_some_and(|f| native_shape(f, argc));
        let entries = self.spec.entries.get(pc).copied().unwrap_or(0);
        let rare = self.spec.profiled && (1..NATIVE_CALL_MIN_ENTRIES).contains(&entries);
        native && self.inlining.is_none() && !rare
    }

    /// Calls `helper(ctx, frame, a, b, c, d)` (the `hop_opt_call` convention: 0 or a
    /// pending fault), with the op's line stored for stack traces first.
    pub(super) fn call_with(&mut self, pc: usize, helper: usize, args: [u32; 4]) {
        let next = self.pc_label(pc + 1);
        self.call_with_then(pc, helper, args, &next);
    }

    /// [`Lower::call_with`], continuing at block `ok` when the helper succeeds.
    fn call_with_then(&mut self, pc: usize, helper: usize, [a, b, c, d]: [u32; 4], ok: &str) {
        self.clobbered = true;
        let line = self.func.lines.get(pc).copied().unwrap_or(0);
        let lp = self.ctx_ptr(std::mem::offset_of!(ExecCtx, line));
        self.store_at("i32", line, &lp, 4);
        let frame = self.frame_ref();
        let st = self.tmp();
        self.line(&format!(
            "{st} = call i64 {}(ptr %ctx, ptr {frame}, i64 {a}, i64 {b}, i64 {c}, i64 {d}) #0",
            fnptr(helper)
        ));
        let done = self.tmp();
        self.line(&format!("{done} = icmp eq i64 {st}, 0"));
        let fault = self.fresh_block("call.fault");
        self.line(&format!(
            "br i1 {done}, label %{ok}, label %{fault}, !prof !0"
        ));
        self.block(&fault);
        self.generic(pc, hop_call_fault as *const () as usize);
    }

    /// `CallValue` (`$f(...)`) at a site whose profile saw one closure function,
    /// `callee`: a native call when the value is a closure of that function (see
    /// [`Lower::native_call`]), else the generic helper, with nothing done yet.
    pub(super) fn closure_call(
        &mut self,
        pc: usize,
        dst: Slot,
        closure: Slot,
        callee: u32,
        args: Slot,
        argc: u32,
    ) {
        let native = self.unit.funcs.get(callee as usize).is_some_and(|f| {
            f.is_closure
                && f.call_shape.inline_argc == argc
                && (f.num_slots as usize) <= NATIVE_CALL_MAX_SLOTS
        });
        if native && self.inlining.is_none() {
            self.native_call(pc, dst, callee, args, argc, Some(closure))
        } else {
            self.generic_call_value(pc)
        }
    }

    /// `CallValue` through the generic helper. A callable with by-reference
    /// parameters binds the variables its arguments were copied from as references
    /// (`vm::call_args::bind_ref_args`), which the tag analysis does not expect of
    /// the slots it tracks: where one came back a reference, the function goes on
    /// in the tier below from the next op (the call itself is done). The frame's
    /// copy is read: those variables are never promoted.
    pub(super) fn generic_call_value(&mut self, pc: usize) {
        let helper = hop_call_value as *const () as usize;
        let sources: Vec<Slot> = crate::jit::opt::spec::value_call_sources(self.func, pc)
            .into_iter()
            .filter(|s| {
                !self
                    .spec
                    .deref_slots
                    .get(*s as usize)
                    .copied()
                    .unwrap_or(true)
            })
            .collect();
        if sources.is_empty() || self.inlining.is_some() {
            return self.generic(pc, helper);
        }
        let check = self.fresh_block("callv.refs");
        let after = self.next_after_helper.replace(check.clone());
        self.generic(pc, helper);
        self.next_after_helper = after;
        self.block(&check);
        for s in sources {
            let (p, tp) = (self.tmp(), self.tmp());
            let frame = self.frame_ref();
            self.line(&format!(
                "{p} = getelementptr inbounds i8, ptr {frame}, i64 {}",
                slot_offset(s) + 8
            ));
            self.line(&format!("{tp} = load i8, ptr {p}, align 8"));
            let ok = self.tmp();
            self.line(&format!("{ok} = icmp ne i8 {tp}, {}", tag::REF));
            let exit = self.deopt_label(pc + 1, DeoptReason::TypeGuard);
            self.expect(&ok, &exit);
        }
        self.br(pc + 1);
    }

    /// The native call sequence (see the module doc). The caller's argument
    /// temporaries are moved out (left undefined), as the Rust call path does.
    /// `closure`: the slot holding the closure a `CallValue` calls — checked to be
    /// one of `callee` (else the generic `CallValue` helper runs the call), whose
    /// bound values are copied into the capture slots after the parameters, as
    /// `interp_call::bind_captures` does.
    fn native_call(
        &mut self,
        pc: usize,
        dst: Slot,
        callee: u32,
        args: Slot,
        argc: u32,
        closure: Option<Slot>,
    ) {
        self.clobbered = true;
        let f = &self.unit.funcs[callee as usize];
        let n = f.num_slots as usize;
        let ncap = if closure.is_some() {
            f.num_captures as usize
        } else {
            0
        };
        let entry_slot = &f.entry as *const _ as usize;
        let line = self.func.lines.get(pc).copied().unwrap_or(0);
        let calls = std::mem::offset_of!(ExecCtx, calls);
        let (calls_base, calls_len, calls_cap) = (
            calls + std::mem::offset_of!(CallStack, base),
            calls + std::mem::offset_of!(CallStack, len),
            calls + std::mem::offset_of!(CallStack, cap),
        );
        // No `ctx.line` store here: the callee's `CallInfo` carries the call's line
        // for traces, every helper the callee calls stores its own line first (a
        // deopt resumes at an op, which does too), and this call's helper path
        // stores it; the line is put back after the call (below).
        // Arguments: values below REF move as they are into by-value parameters;
        // REF and INDIRECT need the Rust path's dereference. A by-reference
        // parameter takes the reference box the caller's `MakeRef` left in the
        // argument slot, as it is (anything else: the Rust path boxes it).
        let by_ref: Vec<bool> = (0..argc as usize)
            .map(|i| f.params.get(i).is_some_and(|p| p.by_ref))
            .collect();
        let mut arg_vals = Vec::new();
        let mut conds = Vec::new();
        // An int argument the op before handed over in registers (`irgen_retfwd.rs`).
        for i in 0..argc {
            let p = self.slot_ptr(args + i);
            let handed = self
                .handed_args
                .iter()
                .find(|(_, f)| f.ret_pc == pc && f.slot == args + i);
            if let Some((_, f)) = handed {
                arg_vals.push((p, f.tag.clone(), Some(f.data.clone())));
                continue;
            }
            let t = self.load_tag(&p);
            if by_ref[i as usize] {
                let c = self.tmp();
                self.line(&format!("{c} = icmp eq i8 {t}, {}", tag::REF));
                conds.push(c);
            } else if !tags::subset(self.known(args + i), tags::PLAIN) {
                let c = self.tmp();
                self.line(&format!("{c} = icmp ult i8 {t}, {}", tag::REF));
                conds.push(c);
            }
            arg_vals.push((p, t, None));
        }
        // The closure: its captured values, or null when it is not one of `callee`.
        let bound = closure.map(|c| {
            let p = self.storage(c);
            let t = self.load_tag(&p);
            let d = self.load_data(&p);
            let (is_obj, cell, bound, has) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
            self.line(&format!("{is_obj} = icmp eq i8 {t}, {}", tag::OBJECT));
            self.line(&format!("{cell} = select i1 {is_obj}, i64 {d}, i64 0"));
            self.line(&format!(
                "{bound} = call ptr {}(i64 {cell}, i64 {callee}, i64 {ncap}) #3",
                fnptr(hop_closure_bound as *const () as usize)
            ));
            self.line(&format!("{has} = icmp ne ptr {bound}, null"));
            conds.push(has);
            bound
        });
        // Room on the VM stack and on the call stack.
        let spp = self.ctx_ptr(std::mem::offset_of!(ExecCtx, sp));
        let mut sp = self.load_at("i64", &spp, 8);
        let nsp = self.tmp();
        self.line(&format!("{nsp} = add i64 {sp}, {n}"));
        let limp = self.ctx_ptr(std::mem::offset_of!(ExecCtx, stack_limit));
        let lim = self.load_at("i64", &limp, 8);
        let c = self.tmp();
        self.line(&format!("{c} = icmp ule i64 {nsp}, {lim}"));
        conds.push(c);
        let lenp = self.ctx_ptr(calls_len);
        let mut len = self.load_at("i64", &lenp, 8);
        let capp = self.ctx_ptr(calls_cap);
        let cap = self.load_at("i64", &capp, 8);
        let c = self.tmp();
        self.line(&format!("{c} = icmp ult i64 {len}, {cap}"));
        conds.push(c);
        let mut ok = conds[0].clone();
        for c in &conds[1..] {
            let a = self.tmp();
            self.line(&format!("{a} = and i1 {ok}, {c}"));
            ok = a;
        }
        let slow = self.fresh_block("call.slow");
        self.expect(&ok, &slow);
        // The callee's frame: arguments moved in, the other slots undefined.
        let basep = self.ctx_ptr(std::mem::offset_of!(ExecCtx, stack_base));
        let base = self.load_at("ptr", &basep, 8);
        let mut frame = self.tmp();
        self.line(&format!(
            "{frame} = getelementptr inbounds i128, ptr {base}, i64 {sp}"
        ));
        // (The VM stack: frame-slot memory, as the caller's own frame is.)
        self.mark(&frame, super::alias::Region::Frame);
        for (i, (p, t, handed_data)) in arg_vals.iter().enumerate() {
            let d = match handed_data {
                Some(d) => d.clone(),
                None => self.load_data(p),
            };
            let q = self.tmp();
            self.line(&format!(
                "{q} = getelementptr inbounds i8, ptr {frame}, i64 {}",
                slot_offset(i as u32)
            ));
            self.mark(&q, super::alias::Region::Frame);
            self.store_raw(&q, t, &d);
            // The slot gives its value up. (A handed-over argument never reached
            // its slot, which holds nothing counted; an uncounted value left
            // behind owns nothing either, and the tag analysis takes the slot for
            // uncounted after the call, UNINIT or not.)
            if handed_data.is_none() && !tags::subset(self.known(args + i as u32), tags::UNCOUNTED)
            {
                self.store_tag(p, tag::UNINIT);
            }
        }
        if let Some(bound) = &bound {
            for j in 0..ncap {
                let b = self.tmp();
                self.line(&format!(
                    "{b} = getelementptr inbounds i128, ptr {bound}, i64 {j}"
                ));
                let (t, d) = (self.load_tag(&b), self.load_data(&b));
                self.line(&format!("call void @hop_rt_incref(i8 {t}, i64 {d})"));
                let q = self.tmp();
                self.line(&format!(
                    "{q} = getelementptr inbounds i8, ptr {frame}, i64 {}",
                    slot_offset(argc + j as u32)
                ));
                self.mark(&q, super::alias::Region::Frame);
                self.store_raw(&q, &t, &d);
            }
        }
        self.mark_undefined(&frame, argc as usize + ncap, n);
        self.store_at("i64", &nsp, &spp, 8);
        // Its CallInfo (`repr(C)`): { func, call_line }, frame, { argc, nextra },
        // rare — `Option<Box<_>>::None` is the null pointer (a guaranteed layout).
        let cbp = self.ctx_ptr(calls_base);
        let cb = self.load_at("ptr", &cbp, 8);
        let ci = self.tmp();
        self.line(&format!(
            "{ci} = getelementptr inbounds [{} x i8], ptr {cb}, i64 {len}",
            std::mem::size_of::<CallInfo>()
        ));
        let words = [
            (
                0,
                format!("i64 {}", u64::from(callee) | (u64::from(line) << 32)),
            ),
            (8, format!("ptr {frame}")),
            (16, format!("i64 {argc}")),
            (24, "ptr null".to_string()),
        ];
        for (off, v) in words {
            let fp = self.tmp();
            self.line(&format!(
                "{fp} = getelementptr inbounds i8, ptr {ci}, i64 {off}"
            ));
            self.line(&format!("store {v}, ptr {fp}, align 8"));
        }
        let len1 = self.tmp();
        self.line(&format!("{len1} = add i64 {len}, 1"));
        self.store_at("i64", &len1, &lenp, 8);
        // The argument count, for the callee's `CheckArgs` (the only reader): a
        // self call that jumps past it stores it on its native path only.
        let self_jump = callee == self.func.id && self.self_loop && closure.is_none();
        if !(self_jump && self.self_entry_pc(argc) == 1) {
            let argcp = self.ctx_ptr(std::mem::offset_of!(ExecCtx, cur_argc));
            self.store_at("i32", argc, &argcp, 4);
        }
        let mut st = self.tmp();
        let mut frame_clean = None;
        let mut returned = None;
        if self_jump {
            // Recursion as a jump (see `irgen_selfcall.rs`).
            let back = self.self_call(&frame, &sp, &len, argc);
            st = back.status;
            frame_clean = Some(back.clean);
            returned = Some((back.tag, back.data));
            (frame, sp, len) = (back.callee_frame, back.sp, back.len);
        } else if callee == self.func.id {
            // Recursion: straight into this body at pc 0, which is what the entry
            // slot leads to now (through the stub that zeroes the start pc). Should
            // the entry move on (a deopt-driven drop, a newer translation), calls
            // made from this code still land here; this code stays valid and is
            // never freed (see `compile::run`), and activations that leave it call
            // through the slot again.
            let (pair, clean) = (self.tmp(), self.tmp());
            self.line(&format!(
                "{pair} = call {BODY_RET} @{BODY_SYMBOL}(ptr {frame}, ptr %ctx, i64 0) #0"
            ));
            self.line(&format!("{st} = extractvalue {BODY_RET} {pair}, 0"));
            self.line(&format!("{clean} = extractvalue {BODY_RET} {pair}, 1"));
            frame_clean = Some(clean);
        } else {
            // Through the entry slot, or (while it is empty) a stand-in with the
            // entry convention that takes the tier-up path.
            let entry = self.tmp();
            self.line(&format!(
                "{entry} = load atomic ptr, ptr {} acquire, align 8",
                fnptr(entry_slot)
            ));
            let (has, target) = (self.tmp(), self.tmp());
            self.line(&format!("{has} = icmp ne ptr {entry}, null"));
            self.line(&format!(
                "{target} = select i1 {has}, ptr {entry}, ptr {}",
                fnptr(hop_enter_untranslated as *const () as usize)
            ));
            self.line(&format!(
                "{st} = call i64 {target}(ptr {frame}, ptr %ctx) #0"
            ));
        }
        // Pop the CallInfo (the call stack may have moved while the callee ran),
        // then release what the frame and the entry hold: out of line, and only
        // when some slot holds a counted value (every counted tag has bit 3 set, as
        // in `interp::drop_slots`) or the entry grew rare parts. (The context's
        // field addresses again: a self call's jump back does not pass the ones
        // above.)
        let (lp, spp, lenp, cbp) = (
            self.ctx_ptr(std::mem::offset_of!(ExecCtx, line)),
            self.ctx_ptr(std::mem::offset_of!(ExecCtx, sp)),
            self.ctx_ptr(calls_len),
            self.ctx_ptr(calls_base),
        );
        self.store_at("i64", &len, &lenp, 8);
        let (rare, rare_i) = if grows_rare(f) {
            let cb2 = self.load_at("ptr", &cbp, 8);
            let rp = self.tmp();
            self.line(&format!(
                "{rp} = getelementptr inbounds [{} x i8], ptr {cb2}, i64 {len}, i64 24",
                std::mem::size_of::<CallInfo>()
            ));
            let (rare, rare_i) = (self.tmp(), self.tmp());
            self.line(&format!("{rare} = load ptr, ptr {rp}, align 8"));
            self.line(&format!("{rare_i} = ptrtoint ptr {rare} to i64"));
            (rare, rare_i)
        } else {
            ("null".to_string(), "0".to_string())
        };
        // (Not when the callee said its frame holds no counted value: then straight
        // past the cleanup, with no merge of "nothing counted" into the test below.)
        let (cleanup, released) = (
            self.fresh_block("call.cleanup"),
            self.fresh_block("call.released"),
        );
        if let Some(flag) = frame_clean {
            let (scan, skip) = (self.fresh_block("call.scan"), self.tmp());
            // Rare parts still to look at, unless the callee cannot grow them.
            let unscanned = if rare_i == "0" {
                released.clone()
            } else {
                self.fresh_block("call.rare")
            };
            self.line(&format!("{skip} = icmp ne i64 {flag}, 0"));
            self.line(&format!(
                "br i1 {skip}, label %{unscanned}, label %{scan}, !prof !0"
            ));
            if unscanned != released {
                self.block(&unscanned);
                let none = self.tmp();
                self.line(&format!("{none} = icmp eq i64 {rare_i}, 0"));
                self.line(&format!(
                    "br i1 {none}, label %{released}, label %{cleanup}, !prof !0"
                ));
            }
            self.block(&scan);
        }
        let c64 = self.scan_counted(&frame, n);
        let any = self.tmp();
        self.line(&format!("{any} = or i64 {rare_i}, {c64}"));
        let clean = self.tmp();
        self.line(&format!("{clean} = icmp eq i64 {any}, 0"));
        self.line(&format!(
            "br i1 {clean}, label %{released}, label %{cleanup}, !prof !0"
        ));
        self.block(&cleanup);
        self.line(&format!(
            "call void {}(ptr {rare}, ptr {frame}, i64 {n}) #1",
            fnptr(hop_call_cleanup as *const () as usize)
        ));
        self.line(&format!("br label %{released}"));
        self.block(&released);
        self.store_at("i64", &sp, &spp, 8);
        self.store_at("i32", line, &lp, 4);
        let okst = self.tmp();
        self.line(&format!("{okst} = icmp eq i64 {st}, 0"));
        let fault = self.fresh_block("call.fault");
        let got = self.fresh_block("call.ok");
        self.line(&format!(
            "br i1 {okst}, label %{got}, label %{fault}, !prof !0"
        ));
        // A result the next op returns goes to it in registers (`irgen_retfwd.rs`);
        // every way on to that op then passes `ret.join` (a fault's helper, which
        // would continue there only after a handler took the exception, through
        // the slot).
        let to_return = closure.is_none() && self.forwardable_result(pc) == Some(dst);
        // Or to the next call as an argument (a by-value result: never a REF).
        let to_call = (!to_return && closure.is_none() && !f.returns_ref)
            .then(|| self.forwardable_arg(pc, dst))
            .flatten();
        let hand_over = to_return || to_call.is_some();
        let (join, from_slot) = (self.fresh_block("ret.join"), self.fresh_block("ret.slot"));
        self.block(&fault);
        if hand_over {
            self.next_after_helper = Some(from_slot.clone());
        }
        self.generic(pc, hop_call_fault as *const () as usize);
        // The result: taken out of ctx.ret (left undefined).
        self.block(&got);
        let (rt, rd) = match returned {
            // (A self call's paths each left `ctx.ret` empty.)
            Some(v) => v,
            None => {
                let retp = self.ctx_ptr(std::mem::offset_of!(ExecCtx, ret));
                let v = (self.load_tag(&retp), self.load_data(&retp));
                self.store_tag(&retp, tag::UNINIT);
                v
            }
        };
        let got_end = self.cur.clone();
        if hand_over {
            self.line(&format!("br label %{join}"));
        } else {
            self.store_result(dst, &rt, &rd);
            self.br(pc + 1);
        }
        // Anything unusual: the helper, with nothing done yet — it reads the
        // arguments from the frame.
        self.block(&slow);
        self.spill_handed_args(|_, call| call == pc);
        if closure.is_some() {
            self.generic_call_value(pc);
        } else if hand_over {
            let helper = hop_opt_call as *const () as usize;
            self.call_with_then(pc, helper, [args, callee, argc, dst], &from_slot);
            self.next_after_helper = None;
            // The helper wrote the slot: the value taken out of it.
            self.block(&from_slot);
            let q = self.storage(dst);
            let (t, d) = (self.load_tag(&q), self.load_data(&q));
            self.store_tag(&q, tag::UNINIT);
            self.line(&format!("br label %{join}"));
            self.block(&join);
            let (jt, jd) = (self.tmp(), self.tmp());
            self.line(&format!(
                "{jt} = phi i8 [ {rt}, %{got_end} ], [ {t}, %{from_slot} ]"
            ));
            self.line(&format!(
                "{jd} = phi i64 [ {rd}, %{got_end} ], [ {d}, %{from_slot} ]"
            ));
            match to_call {
                Some(call_pc) => self.hand_to_call_at(pc, call_pc, dst, &jt, &jd),
                None => self.hand_to_return(pc, dst, jt, jd),
            }
            self.br(pc + 1);
        } else {
            self.call_with(
                pc,
                hop_opt_call as *const () as usize,
                [args, callee, argc, dst],
            );
        }
    }

    /// `dst = (tag, data)` for a value the call returned (owned, maybe counted),
    /// with `interp::write`'s semantics; cannot leave optimized code (the call has
    /// happened). An unwanted value is released.
    pub(super) fn store_result(&mut self, dst: Slot, t: &str, d: &str) {
        let write = fnptr(hop_write_result as *const () as usize);
        if dst == NO_SLOT {
            let frame = self.frame_ref();
            return self.line(&format!(
                "call void {write}(ptr {frame}, i64 {dst}, i8 {t}, i64 {d}) #0"
            ));
        }
        let q = self.storage(dst);
        if tags::subset(self.known(dst), tags::UNCOUNTED) {
            return self.store_to(dst, &q, t, d);
        }
        let old = self.load_tag(&q);
        let free = self.tmp();
        self.line(&format!("{free} = icmp ult i8 {old}, {}", tag::STRING));
        let (plain, slow, done) = (
            self.fresh_block("ret.plain"),
            self.fresh_block("ret.write"),
            self.fresh_block("ret.done"),
        );
        self.line(&format!(
            "br i1 {free}, label %{plain}, label %{slow}, !prof !0"
        ));
        self.block(&plain);
        self.store_to(dst, &q, t, d);
        self.line(&format!("br label %{done}"));
        self.block(&slow);
        let frame = self.frame_ref();
        self.line(&format!(
            "call void {write}(ptr {frame}, i64 {dst}, i8 {t}, i64 {d}) #0"
        ));
        self.line(&format!("br label %{done}"));
        self.block(&done);
    }

    /// Marks slots `from..to` of `frame` undefined (their tag alone): one store
    /// each for a few, a loop for more (IR size is compile time).
    fn mark_undefined(&mut self, frame: &str, from: usize, to: usize) {
        if to <= from + UNROLL_SLOTS {
            for s in from..to {
                let tp = self.tmp();
                self.line(&format!(
                    "{tp} = getelementptr inbounds i8, ptr {frame}, i64 {}",
                    slot_offset(s as u32) + 8
                ));
                self.store_in("i8", tag::UNINIT, &tp, 8, frame);
            }
            return;
        }
        let (pre, body, done) = (
            self.cur.clone(),
            self.fresh_block("undef.loop"),
            self.fresh_block("undef.done"),
        );
        self.line(&format!("br label %{body}"));
        self.block(&body);
        let (i, tp, next, end) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
        self.line(&format!(
            "{i} = phi i64 [ {from}, %{pre} ], [ {next}, %{body} ]"
        ));
        self.line(&format!(
            "{tp} = getelementptr inbounds {{ i64, i8 }}, ptr {frame}, i64 {i}, i32 1"
        ));
        self.store_in("i8", tag::UNINIT, &tp, 8, frame);
        self.line(&format!("{next} = add i64 {i}, 1"));
        self.line(&format!("{end} = icmp eq i64 {next}, {to}"));
        self.line(&format!("br i1 {end}, label %{done}, label %{body}"));
        self.block(&done);
    }

    /// [`Lower::counted_bits`] widened to i64.
    fn scan_counted(&mut self, frame: &str, n: usize) -> String {
        let counted = self.counted_bits(frame, n);
        let c64 = self.tmp();
        self.line(&format!("{c64} = zext i8 {counted} to i64"));
        c64
    }

    /// The tags of slots `0..n` of `frame` ORed, masked to bit 3 (set when some
    /// slot holds a counted value); unrolled for a few slots, else a loop.
    fn counted_bits(&mut self, frame: &str, n: usize) -> String {
        let mut acc = String::from("0");
        if n <= UNROLL_SLOTS {
            for s in 0..n {
                let tp = self.tmp();
                self.line(&format!(
                    "{tp} = getelementptr inbounds i8, ptr {frame}, i64 {}",
                    slot_offset(s as u32) + 8
                ));
                let t = self.load_in("i8", &tp, 8, frame);
                let o = self.tmp();
                self.line(&format!("{o} = or i8 {acc}, {t}"));
                acc = o;
            }
        } else {
            let (pre, body, done) = (
                self.cur.clone(),
                self.fresh_block("tags.loop"),
                self.fresh_block("tags.done"),
            );
            self.line(&format!("br label %{body}"));
            self.block(&body);
            let (i, a, tp, o, next, end) = (
                self.tmp(),
                self.tmp(),
                self.tmp(),
                self.tmp(),
                self.tmp(),
                self.tmp(),
            );
            self.line(&format!("{i} = phi i64 [ 0, %{pre} ], [ {next}, %{body} ]"));
            self.line(&format!("{a} = phi i8 [ 0, %{pre} ], [ {o}, %{body} ]"));
            self.line(&format!(
                "{tp} = getelementptr inbounds {{ i64, i8 }}, ptr {frame}, i64 {i}, i32 1"
            ));
            let t = self.load_in("i8", &tp, 8, frame);
            self.line(&format!("{o} = or i8 {a}, {t}"));
            self.line(&format!("{next} = add i64 {i}, 1"));
            self.line(&format!("{end} = icmp eq i64 {next}, {n}"));
            self.line(&format!("br i1 {end}, label %{done}, label %{body}"));
            self.block(&done);
            acc = o;
        }
        let bit = self.tmp();
        self.line(&format!("{bit} = and i8 {acc}, 8"));
        bit
    }

    /// Pointer to the `ExecCtx` field at byte offset `off`.
    pub(super) fn ctx_ptr(&mut self, off: usize) -> String {
        let p = self.tmp();
        self.line(&format!(
            "{p} = getelementptr inbounds i8, ptr %ctx, i64 {off}"
        ));
        self.mark(&p, super::alias::Region::Ctx);
        p
    }
}

/// Whether a call of `f` may leave rare parts on its `CallInfo` (which the native
/// sequence pushes without): only the built-ins that create variables in their
/// caller's frame (`extract`, `parse_str`) do, called from `f`'s own ops — by
/// name, or through any op that may call a callable chosen at run time.
fn grows_rare(f: &Func) -> bool {
    f.ops.iter().any(|op| match op {
        Op::CallBuiltin { builtin, .. } => crate::jit::opt::promote::reaches_caller_frame(*builtin),
        Op::CallName { .. }
        | Op::CallValue { .. }
        | Op::CallArray { .. }
        | Op::MethodCall { .. }
        | Op::New { .. }
        | Op::NewArgs { .. } => true,
        _ => false,
    })
}

/// Whether a call of `f` with `argc` arguments can take the native sequence: every
/// declared parameter passed, none variadic, no captures and no `$GLOBALS` local to
/// set up, and a frame of at most `NATIVE_CALL_MAX_SLOTS` slots. Unlike the
/// interpreter's lean calls (`CallShape::lean_argc`), by-reference parameters are
/// allowed: the sequence checks that each receives a reference box.
fn native_shape(f: &Func, argc: u32) -> bool {
    f.params.len() == argc as usize
        && f.params.iter().all(|p| !p.variadic)
        && f.num_captures == 0
        && f.call_shape.globals_slot == crate::bytecode::unit::CallShape::NONE
        && (f.num_slots as usize) >= f.params.len()
        && (f.num_slots as usize) <= NATIVE_CALL_MAX_SLOTS
}
