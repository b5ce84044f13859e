//! Self-recursive calls as jumps: a function's calls of itself re-enter its own
//! body at pc 0 without a native `call`, and its returns from such an activation
//! jump back to the call site.
//!
//! **Why.** A native call per PHP call costs the callee-saved register pushes and
//! pops and a `call`/`ret` pair; worse, deep recursion (Ackermann's thousands of
//! levels) overflows the CPU's return-stack buffer, and every return past its depth
//! is mispredicted (a fifth of the Ackermann benchmark's samples sat on the
//! instruction after the self call). PHP's tracing JIT avoids both by not using the
//! native stack for recursion; this does the same inside one LLVM function.
//!
//! **How.** The VM side of a call is unchanged: the callee's frame and `CallInfo`
//! are set up as for a native call (`irgen_call.rs`), so backtraces, deopts and
//! helpers see exactly what they see there. Only the transfer differs. The body's
//! current frame lives in an alloca (`%frame.var`, which mem2reg turns into SSA
//! phis) instead of being the `%frame` parameter, and a self call stores its site
//! number in a per-depth array, sets the frame to the callee's and branches to
//! `pc0`. Every return of the body goes through one block (`selfret`): at depth 0
//! it is a real `ret`; deeper it restores the caller's frame and switches on the
//! site number to that site's epilogue. What the epilogue needs besides is derived
//! there, not stored per call (the code is bound by its stores): the callee's
//! `CallInfo` is still the top of the call stack, so its index is the caller's
//! call-stack length, the entry below holds the caller's frame, and the callee's
//! frame starts at the caller's `sp`. Nothing else of the caller's activation
//! lives in SSA values across the call: ops communicate through frame slots
//! (bodies with promoted slots, whose allocas would be shared by all activations,
//! keep native calls).
//!
//! At `SELF_DEPTH` nested activations a self call is a native call again (which
//! starts a fresh array), so the array stays a small, fixed part of the native
//! frame.

use super::*;
use crate::jit::opt::helpers::hop_opt_replace_ret;
use crate::vm::call_stack::CallStack;
use crate::vm::ctx::CallInfo;

/// Nested self calls one native activation of the body runs as jumps; the next
/// one is a native call. The array of sites (8 bytes each) is the body's
/// native-stack cost (512 bytes: below one guard page, so no stack probes needed).
const SELF_DEPTH: usize = 64;

/// A return into `selfret`: status and frame-clean word (see `BODY_RET`), the
/// returned value's tag (i8) and data (i64), whether that value came from a
/// `Return` (i1; else it was read from `ctx.ret`), and the block it leaves.
pub(super) struct RetEdge {
    status: String,
    clean: String,
    tag: String,
    data: String,
    fresh: &'static str,
    block: String,
}

/// Where a self call's epilogue continues, with what the call left.
pub(super) struct SelfReturn {
    /// The callee's status and frame-clean word (see `BODY_RET`).
    pub status: String,
    pub clean: String,
    /// The returned value (owned), when the status is 0; `ctx.ret` is left empty
    /// on every path (the caller need not clear it).
    pub tag: String,
    pub data: String,
    /// The callee's frame, and the caller's `ctx.sp` and call-stack length before
    /// the call (the callee's frame index and `CallInfo` index).
    pub callee_frame: String,
    pub sp: String,
    pub len: String,
}

impl<'f> Lower<'f> {
    /// Whether this body runs its self calls as jumps: it addresses its own frame
    /// without promoted slots, and some call site of its own function will take
    /// the native sequence (see [`Lower::native_call_site`]).
    pub(super) fn wants_self_loop(&self) -> bool {
        self.inlining.is_none()
            && self.frame == "%frame"
            && self.promo.slots.is_empty()
            && self.func.ops.iter().enumerate().any(|(pc, op)| {
                matches!(op, Op::Call { func: callee, argc, .. }
                    if *callee == self.func.id && self.native_call_site(pc, *callee, *argc))
            })
    }

    /// Where a self call passing `argc` arguments jumps into the body: past a
    /// `CheckArgs` those arguments satisfy (pc 1), else pc 0. Otherwise the count
    /// stored for the callee would reach the check through a phi at the loop's
    /// head, tested again at every call.
    pub(super) fn self_entry_pc(&self, argc: u32) -> usize {
        match (&self.func.ops[0], self.spec.plans[0]) {
            (Op::CheckArgs { required }, Plan::Int) if argc >= *required => 1,
            _ => 0,
        }
    }

    /// The allocas and entry-block stores of a self-looping body.
    pub(super) fn self_loop_allocas(&mut self) {
        let n = SELF_DEPTH;
        let _ = write!(
            self.allocas,
            "  %frame.var = alloca ptr, align 8
  %self.depth = alloca i64, align 8
  %self.sites = alloca [{n} x i64], align 8
  store ptr %frame.arg, ptr %frame.var, align 8
  store i64 0, ptr %self.depth, align 8
"
        );
    }

    /// The frame the ops address: `self.frame`, or in a self-looping body the
    /// current activation's (loaded from `%frame.var`).
    pub(super) fn frame_ref(&mut self) -> String {
        if !self.self_loop || self.frame != "%frame" {
            return self.frame.clone();
        }
        let f = self.tmp();
        self.raw_line(&format!("{f} = load ptr, ptr %frame.var, align 8"));
        f
    }

    /// Returns `status` and `clean` (i64 values) from the body, the value (if
    /// any) in `ctx.ret`: a `ret`, or in a self-looping body a branch to the shared
    /// return block.
    pub(super) fn emit_ret(&mut self, status: &str, clean: &str) {
        if self.self_loop {
            return self.emit_ret_value(status, clean, None);
        }
        self.ret_pair(status, clean);
    }

    /// `ret { status, clean }`: a constant when both are literals (most returns),
    /// else built with `insertvalue`.
    fn ret_pair(&mut self, status: &str, clean: &str) {
        let literal = |v: &str| v.parse::<i64>().is_ok();
        if literal(status) && literal(clean) {
            return self.raw_line(&format!("ret {BODY_RET} {{ i64 {status}, i64 {clean} }}"));
        }
        let (r0, r1) = (self.tmp(), self.tmp());
        self.raw_line(&format!(
            "{r0} = insertvalue {BODY_RET} zeroinitializer, i64 {status}, 0"
        ));
        self.raw_line(&format!(
            "{r1} = insertvalue {BODY_RET} {r0}, i64 {clean}, 1"
        ));
        self.raw_line(&format!("ret {BODY_RET} {r1}"));
    }

    /// A self-looping body's return into `selfret`, with the returned value as
    /// `(tag, data)` — or, for `None`, in `ctx.ret` (read here, so that the value
    /// reaches `selfret` as SSA on every edge; `ctx.ret` is left as it is).
    pub(super) fn emit_ret_value(
        &mut self,
        status: &str,
        clean: &str,
        value: Option<(&str, &str)>,
    ) {
        let (tag, data, fresh) = match value {
            Some((t, d)) => (t.to_string(), d.to_string(), "true"),
            // Taken out of `ctx.ret`, which is left empty as a call's epilogue
            // leaves it (a jumped return's epilogue does not clear it; the
            // outermost return puts the value back).
            None => {
                let rp = self.ctx_ptr(std::mem::offset_of!(ExecCtx, ret));
                let v = (self.load_tag(&rp), self.load_data(&rp), "false");
                self.store_tag(&rp, tag::UNINIT);
                v
            }
        };
        self.ret_in.push(RetEdge {
            status: status.to_string(),
            clean: clean.to_string(),
            tag,
            data,
            fresh,
            block: self.cur.clone(),
        });
        self.line("br label %selfret");
    }

    /// The transfer of a self call whose callee frame and `CallInfo` are set up
    /// (`callee_frame`, at stack index `sp`, call-stack index `len`): a jump into the
    /// body while the depth allows, else a native call of it.
    pub(super) fn self_call(
        &mut self,
        callee_frame: &str,
        sp: &str,
        len: &str,
        argc: u32,
    ) -> SelfReturn {
        let site = self.self_sites.len();
        let [jump, native, back] = ["jump", "native", "back"].map(|s| format!("self{site}.{s}"));
        let ret = format!("self{site}.ret");
        self.self_sites.push(ret.clone());
        let (depth, deep) = (self.tmp(), self.tmp());
        self.raw_line(&format!("{depth} = load i64, ptr %self.depth, align 8"));
        self.line(&format!("{deep} = icmp ult i64 {depth}, {SELF_DEPTH}"));
        self.line(&format!(
            "br i1 {deep}, label %{jump}, label %{native}, !prof !0"
        ));
        self.block(&jump);
        // Only the site: the caller's frame, `sp` and call-stack length follow from
        // the callee's frame and `CallInfo` when it returns (see `selfret.up`).
        let p = self.tmp();
        self.raw_line(&format!(
            "{p} = getelementptr inbounds [{SELF_DEPTH} x i64], ptr %self.sites, i64 0, i64 {depth}"
        ));
        self.raw_line(&format!("store i64 {site}, ptr {p}, align 8"));
        let deeper = self.tmp();
        self.raw_line(&format!("{deeper} = add i64 {depth}, 1"));
        self.raw_line(&format!("store i64 {deeper}, ptr %self.depth, align 8"));
        self.raw_line(&format!(
            "store ptr {callee_frame}, ptr %frame.var, align 8"
        ));
        let entry = self.self_entry_pc(argc);
        self.br(entry);
        // Past the depth: a native call (its own array, depth 0), which enters at
        // pc 0 and so checks the argument count the caller skipped storing when
        // its jumps enter past the check.
        self.block(&native);
        if entry == 1 {
            let argcp = self.ctx_ptr(std::mem::offset_of!(ExecCtx, cur_argc));
            self.store_at("i32", argc, &argcp, 4);
        }
        let (pair, st, clean) = (self.tmp(), self.tmp(), self.tmp());
        self.line(&format!(
            "{pair} = call {BODY_RET} @{BODY_SYMBOL}(ptr {callee_frame}, ptr %ctx, i64 0) #0"
        ));
        self.line(&format!("{st} = extractvalue {BODY_RET} {pair}, 0"));
        self.line(&format!("{clean} = extractvalue {BODY_RET} {pair}, 1"));
        let rp = self.ctx_ptr(std::mem::offset_of!(ExecCtx, ret));
        let (rt, rd) = (self.load_tag(&rp), self.load_data(&rp));
        self.store_tag(&rp, tag::UNINIT);
        self.line(&format!("br label %{back}"));
        // Back from a jump: `selfret` restored the depth and the caller's frame.
        self.block(&ret);
        let (sp2, len2) = ("%selfret.sp".to_string(), "%selfret.len".to_string());
        self.line(&format!("br label %{back}"));
        self.block(&back);
        let merged = |l: &mut Self, native_value: &str, jumped: &str, ty: &str| {
            let v = l.tmp();
            l.raw_line(&format!(
                "{v} = phi {ty} [ {native_value}, %{native} ], [ {jumped}, %{ret} ]"
            ));
            v
        };
        SelfReturn {
            status: merged(self, &st, "%selfret.status", "i64"),
            clean: merged(self, &clean, "%selfret.clean", "i64"),
            tag: merged(self, &rt, "%selfret.tag", "i8"),
            data: merged(self, &rd, "%selfret.data", "i64"),
            callee_frame: merged(self, callee_frame, "%selfret.callee", "ptr"),
            sp: merged(self, sp, &sp2, "i64"),
            len: merged(self, len, &len2, "i64"),
        }
    }

    /// The shared return block of a self-looping body (after every op and every
    /// block that returns).
    pub(super) fn self_return_block(&mut self) {
        let ret_in = std::mem::take(&mut self.ret_in);
        self.block("selfret");
        type Field = fn(&RetEdge) -> String;
        let fields: [(&str, &str, Field); 5] = [
            ("status", "i64", |e| e.status.clone()),
            ("clean", "i64", |e| e.clean.clone()),
            ("tag", "i8", |e| e.tag.clone()),
            ("data", "i64", |e| e.data.clone()),
            ("fresh", "i1", |e| e.fresh.to_string()),
        ];
        for (name, ty, field) in fields {
            let incoming: Vec<_> = ret_in.iter().map(|e| (field(e), e.block.clone())).collect();
            self.raw_line(&format!(
                "%selfret.{name} = phi {ty} {}",
                phi_incoming(&incoming)
            ));
        }
        self.raw_line("%selfret.depth = load i64, ptr %self.depth, align 8");
        self.raw_line("%selfret.nested = icmp ne i64 %selfret.depth, 0");
        self.raw_line("br i1 %selfret.nested, label %selfret.up, label %selfret.out");
        // The outermost activation returns as the entry convention says: the value
        // in `ctx.ret`. A `Return`'s value replaces what `ctx.ret` holds, which
        // callers leave empty; should it hold a counted value, out of line.
        self.block("selfret.out");
        let rp = self.ctx_ptr(std::mem::offset_of!(ExecCtx, ret));
        let old = self.load_tag(&rp);
        self.raw_line(&format!(
            "%selfret.held = icmp uge i8 {old}, {}",
            tag::STRING
        ));
        self.raw_line("%selfret.replace = and i1 %selfret.fresh, %selfret.held");
        self.raw_line("%selfret.plain = xor i1 %selfret.replace, true");
        self.raw_line(
            "br i1 %selfret.plain, label %selfret.store, label %selfret.replaced, !prof !0",
        );
        self.block("selfret.replaced");
        self.line(&format!(
            "call void {}(ptr %ctx, i8 %selfret.tag, i64 %selfret.data) #1",
            fnptr(hop_opt_replace_ret as *const () as usize)
        ));
        self.ret_pair("%selfret.status", "%selfret.clean");
        self.block("selfret.store");
        self.store_whole(&rp, "%selfret.tag", "%selfret.data");
        self.ret_pair("%selfret.status", "%selfret.clean");
        self.block("selfret.up");
        self.raw_line("%selfret.depth1 = sub i64 %selfret.depth, 1");
        self.raw_line("store i64 %selfret.depth1, ptr %self.depth, align 8");
        self.raw_line("%selfret.callee = load ptr, ptr %frame.var, align 8");
        // The callee's `CallInfo` is still the top of the call stack (its caller's
        // epilogue pops it): its index is the caller's call-stack length before the
        // call, and the entry below it is the caller's own, with its frame. The
        // callee's frame starts at the caller's `sp` (no extra arguments).
        let calls = std::mem::offset_of!(ExecCtx, calls);
        let lenp = self.ctx_ptr(calls + std::mem::offset_of!(CallStack, len));
        let top = self.load_at("i64", &lenp, 8);
        self.raw_line(&format!("%selfret.len = sub i64 {top}, 1"));
        let cbp = self.ctx_ptr(calls + std::mem::offset_of!(CallStack, base));
        let cb = self.load_at("ptr", &cbp, 8);
        let info = std::mem::size_of::<CallInfo>();
        let frame_at = std::mem::offset_of!(CallInfo, frame);
        self.raw_line(&format!(
            "%selfret.below = sub i64 {top}, 2
  %selfret.fp = getelementptr inbounds [{info} x i8], ptr {cb}, i64 %selfret.below, i64 {frame_at}"
        ));
        self.raw_line("%selfret.caller = load ptr, ptr %selfret.fp, align 8");
        self.raw_line("store ptr %selfret.caller, ptr %frame.var, align 8");
        let basep = self.ctx_ptr(std::mem::offset_of!(ExecCtx, stack_base));
        let base = self.load_at("ptr", &basep, 8);
        self.raw_line(&format!(
            "%selfret.base = ptrtoint ptr {base} to i64
  %selfret.at = ptrtoint ptr %selfret.callee to i64
  %selfret.bytes = sub i64 %selfret.at, %selfret.base
  %selfret.sp = lshr exact i64 %selfret.bytes, 4"
        ));
        self.raw_line(&format!(
            "%selfret.sitep = getelementptr inbounds [{SELF_DEPTH} x i64], ptr %self.sites, i64 0, i64 %selfret.depth1"
        ));
        self.raw_line("%selfret.site = load i64, ptr %selfret.sitep, align 8");
        let mut cases = String::new();
        for (i, label) in self.self_sites.iter().enumerate() {
            let _ = write!(cases, " i64 {i}, label %{label}");
        }
        self.raw_line(&format!(
            "switch i64 %selfret.site, label %selfret.bad [{cases} ]"
        ));
        self.block("selfret.bad");
        self.raw_line("unreachable");
    }
}
