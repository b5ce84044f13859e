//! Lowering of by-reference parameter passing: `MakeRef` of a value that already is
//! a reference (the caller's half of `f($a)` for `function f(&$a)`, when `$a` is
//! itself a by-reference parameter or an alias) and `VerifyParam` of a typed
//! parameter whose value has exactly the declared type, directly or inside the
//! reference box of a by-reference parameter (`function f(array &$a)`).
//!
//! Both used to call their generic helper every time: in a recursive or looping
//! by-reference algorithm (heapsort's `sift_down(array &$a, ...)`) that was one
//! helper call per call on each side. Anything else — boxing a plain value, a
//! coercion, a type error — still runs the generic op out of line and continues
//! after it, as baseline code does (`baseline::translate`).

use super::*;
use crate::runtime::value::RefBox;

/// Offset of the boxed value's tag inside a `RefBox`.
const BOXED_TAG: usize = std::mem::offset_of!(RefBox, val) + 8;

impl<'f> Lower<'f> {
    /// `VerifyParam` of parameter `param` in `slot`.
    pub(super) fn verify_param(&mut self, pc: usize, slot: Slot, param: u32) {
        let declared = self
            .func
            .params
            .get(param as usize)
            .and_then(|p| p.ty.as_ref());
        let Some(want) = declared.and_then(|t| t.exact_tag()) else {
            return self.generic(pc, out_of_line_helper(&self.func.ops[pc]));
        };
        let (boxed, inner, ok, gen) = (
            self.fresh_block("vp.ref"),
            self.fresh_block("vp.box"),
            self.fresh_block("vp.ok"),
            self.fresh_block("vp.gen"),
        );
        let p = self.slot_ptr(slot);
        let t = self.load_tag(&p);
        let (exact, is_ref) = (self.tmp(), self.tmp());
        self.line(&format!("{exact} = icmp eq i8 {t}, {want}"));
        self.line(&format!(
            "br i1 {exact}, label %{ok}, label %{boxed}, !prof !0"
        ));
        self.block(&boxed);
        self.line(&format!("{is_ref} = icmp eq i8 {t}, {}", tag::REF));
        self.line(&format!("br i1 {is_ref}, label %{inner}, label %{gen}"));
        self.block(&inner);
        let (b, tp, bt, in_box) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{b} = load ptr, ptr {p}, align 8"));
        self.line(&format!(
            "{tp} = getelementptr inbounds i8, ptr {b}, i64 {BOXED_TAG}"
        ));
        self.line(&format!("{bt} = load i8, ptr {tp}, align 8"));
        self.line(&format!("{in_box} = icmp eq i8 {bt}, {want}"));
        self.line(&format!(
            "br i1 {in_box}, label %{ok}, label %{gen}, !prof !0"
        ));
        // A coercion or an error: the generic op, which continues at pc + 1.
        self.generic_block(&gen, pc);
        self.block(&ok);
        self.br(pc + 1);
    }

    /// `MakeRef { dst, src }` (`dst` a temporary other than `src`): when `src`
    /// already holds a reference, `dst` becomes one more owner of its box. The old
    /// value of `dst` is released first (a temporary is overwritten, never written
    /// through); one that needs more than a count decrement leaves optimized code.
    pub(super) fn make_ref(&mut self, pc: usize, dst: Slot, src: Slot) {
        let (inline, gen) = (self.fresh_block("mkref"), self.fresh_block("mkref.gen"));
        let s = self.slot_ptr(src);
        let st = self.load_tag(&s);
        let is_ref = self.tmp();
        self.line(&format!("{is_ref} = icmp eq i8 {st}, {}", tag::REF));
        self.line(&format!(
            "br i1 {is_ref}, label %{inline}, label %{gen}, !prof !0"
        ));
        self.generic_block(&gen, pc);
        self.block(&inline);
        let d = self.slot_ptr(dst);
        let dt = self.load_tag(&d);
        self.release_inline(&d, &dt, tag::REF, pc);
        // (Read after the release: nothing is cached across it.)
        let b = self.load_data(&s);
        self.line(&format!(
            "call void @hop_rt_incref(i8 {}, i64 {b})",
            tag::REF
        ));
        self.store_raw(&d, &tag::REF.to_string(), &b);
        self.br(pc + 1);
    }
}
