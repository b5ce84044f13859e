//! Lowering of `foreach` by value over packed arrays: `IterNext` reads the next
//! element inline instead of calling `hop_iter_next`.
//!
//! A by-value iterator keeps its array in slot `iter` and the position to continue
//! from, an int, in `iter + 1` (`vm/interp_iter.rs`). For a packed array the next
//! element is simply the one at that position, so the op is a bounds check, a load,
//! one more owner for a counted element, and the stores the Rust path does. Anything
//! else — a hash array, a reference element, an unexpected position — calls the
//! helper with nothing done yet.

use super::*;
use crate::runtime::array_layout::packed_layout;

impl Lower<'_> {
    /// `IterNext` by value at `pc`: `val` (and `key`, unless `NO_SLOT`) get the
    /// next element of the packed array in slot `iter`, or the loop exits to
    /// `exit` when there is none.
    pub(super) fn iter_next(&mut self, pc: usize, iter: Slot, val: Slot, key: Slot, exit: u32) {
        let Some(layout) = packed_layout() else {
            return self.generic(pc, out_of_line_helper(&self.func.ops[pc]));
        };
        let slow = self.fresh_block("iter.call");
        let ap = self.slot_ptr(iter);
        let cell = self.packed_cell(&layout, iter, &ap, false, &slow);
        let pp = self.slot_ptr(iter + 1);
        let pt = self.load_tag(&pp);
        let is_int = self.tmp();
        self.line(&format!("{is_int} = icmp eq i8 {pt}, {}", tag::INT));
        self.expect(&is_int, &slow);
        let pos = self.load_data(&pp);
        let (_, len) = self.cell_field(&cell, layout.len, "i64");
        // (A negative position is past the end as an unsigned number: the helper
        // decides what it means.)
        let (more, valid) = (self.tmp(), self.tmp());
        self.line(&format!("{more} = icmp ult i64 {pos}, {len}"));
        self.line(&format!("{valid} = icmp sge i64 {pos}, 0"));
        let (inside, done) = (self.fresh_block("iter.elem"), self.fresh_block("iter.end"));
        self.line(&format!("br i1 {more}, label %{inside}, label %{done}"));
        self.block(&done);
        // Past the end: finished when the position is a real one.
        let exit_label = self.pc_label(exit as usize);
        self.line(&format!(
            "br i1 {valid}, label %{exit_label}, label %{slow}"
        ));
        self.block(&inside);
        let (_, elems) = self.cell_field(&cell, layout.elems, "ptr");
        let e = self.tmp();
        self.line(&format!(
            "{e} = getelementptr inbounds i128, ptr {elems}, i64 {pos}"
        ));
        let et = self.load_tag(&e);
        // Values held directly (a reference element is copied out of its box by
        // the helper).
        let plain = self.plain_value(&et);
        self.expect(&plain, &slow);
        let ed = self.load_data(&e);
        self.line(&format!("call void @hop_rt_incref(i8 {et}, i64 {ed})"));
        let next = self.tmp();
        self.line(&format!("{next} = add i64 {pos}, 1"));
        self.line(&format!("store i64 {next}, ptr {pp}, align 8"));
        self.store_result(val, &et, &ed);
        if key != NO_SLOT {
            self.store_result(key, &tag::INT.to_string(), &pos);
        }
        self.br(pc + 1);
        self.block(&slow);
        self.generic(pc, out_of_line_helper(&self.func.ops[pc]));
    }
}
