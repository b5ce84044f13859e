//! Lowering of the concatenations `concat.rs` describes: the parts' tags and
//! payloads laid out on the stack and joined by one helper that only allocates
//! (`hop_opt_concat`, or `hop_opt_concat_append` for `$s .= x`), instead of
//! the generic op's bytecode decoding and dispatch.
//!
//! Order matters for what a deopt may find: every part is checked first, then the
//! helper runs (declining, having done nothing, a string past the memory limit:
//! the op then runs in the tier below, which reports it), and only then is the
//! destination's old value released — should that need the tier below (a
//! reference to write through), the fresh string is released on the way out.

use super::*;
use crate::jit::opt::concat::{self, ConcatShape};
use crate::jit::opt::helpers::{hop_opt_concat, hop_opt_concat_append, hop_opt_release};

impl Lower<'_> {
    /// Lowers `Concat` / `ConcatN` / `AppendN` at `pc` under its inline plan.
    pub(super) fn concat(&mut self, pc: usize) {
        let Some(shape) = concat::shape(self.func, &self.func.ops[pc]) else {
            return self.generic(pc, out_of_line_helper(&self.func.ops[pc]));
        };
        let ConcatShape { dst, parts, append } = shape;
        let joined = &parts[..];
        // The appended-to string first: it is only ever a string here.
        let target = append.then(|| {
            self.checked_arg(pc, dst, tags::only(tag::STRING));
            self.storage(dst)
        });
        let array = self.part_array(pc, joined);
        let n = joined.len();
        // The helper's result: 0 when it declined, having done nothing.
        let done = self.tmp();
        match &target {
            Some(p) => self.line(&format!(
                "{done} = call i64 {}(ptr {p}, ptr {array}, i64 {n}) #0",
                fnptr(hop_opt_concat_append as *const () as usize)
            )),
            None => self.line(&format!(
                "{done} = call i64 {}(ptr {array}, i64 {n}) #0",
                fnptr(hop_opt_concat as *const () as usize)
            )),
        }
        let (ok, exit) = (self.tmp(), self.fallback_label(pc));
        self.line(&format!("{ok} = icmp ne i64 {done}, 0"));
        self.expect(&ok, &exit);
        if target.is_some() {
            // Appended in place (or into a copy that replaced the value).
            return self.br(pc + 1);
        }
        let undo = self.fresh_block("cat.undo");
        let q = self.storage(dst);
        if !tags::subset(self.known(dst), tags::UNCOUNTED) {
            let old = self.load_tag(&q);
            self.release_out_of_line(&q, &old, &undo, ["cat.release", "cat.ready"]);
        }
        self.store_to(dst, &q, &tag::STRING.to_string(), &done);
        self.br(pc + 1);
        // The destination needs the tier below: the fresh string goes first.
        self.block(&undo);
        self.line(&format!(
            "call void {}(i8 {}, i64 {done}) #1",
            fnptr(hop_opt_release as *const () as usize),
            tag::STRING
        ));
        let exit = self.fallback_label(pc);
        self.line(&format!("br label %{exit}"));
    }

    /// The parts' tags and payloads in a stack array of `TagData`s, each slot
    /// part checked to hold a string or an int (else optimized code is left at
    /// `pc`, nothing done); the array's address.
    fn part_array(&mut self, pc: usize, parts: &[Operand]) -> String {
        let array = format!("%{}", self.fresh_block("cat.parts"));
        let _ = writeln!(
            self.allocas,
            "  {array} = alloca [{} x [2 x i64]], align 8",
            parts.len()
        );
        let accepts = tags::only(tag::STRING) | tags::only(tag::INT);
        for (i, o) in parts.iter().enumerate() {
            let (t, d) = if o.is_const() {
                let c = &self.func.consts[o.index() as usize];
                let d = if c.tag() == tag::INT {
                    c.int_val().to_string()
                } else {
                    c.cell_ptr().to_string()
                };
                (c.tag().to_string(), d)
            } else {
                let (t, d) = self.checked_arg(pc, o.0, accepts);
                let wide = self.tmp();
                self.line(&format!("{wide} = zext i8 {t} to i64"));
                (wide, d)
            };
            let (tp, dp) = (self.tmp(), self.tmp());
            self.line(&format!(
                "{tp} = getelementptr inbounds [2 x i64], ptr {array}, i64 {i}, i64 0"
            ));
            self.line(&format!("store i64 {t}, ptr {tp}, align 8"));
            self.line(&format!(
                "{dp} = getelementptr inbounds [2 x i64], ptr {array}, i64 {i}, i64 1"
            ));
            self.line(&format!("store i64 {d}, ptr {dp}, align 8"));
        }
        array
    }
}
