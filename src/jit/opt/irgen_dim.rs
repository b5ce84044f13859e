//! Lowering of array element access: `FetchDim`, `AssignDim` and `FetchDimW` with
//! int keys.
//!
//! A packed array's element is reached inline — tag, representation and bounds
//! checks, then the element itself — using the layout `runtime::array_layout`
//! finds; whatever that path does not take (a hash array, a key out of range, a
//! shared array to write, a counted value to release or store) calls the Rust fast
//! paths of `vm::dim_fast`, which fall back to the generic op in turn. Before the
//! inline path, every element access was a call: a third to a half of the time of
//! the array benchmarks, and a call LLVM cannot see through, so it had to forget
//! every value it held in registers around each.

use super::alias::Region;
use super::*;
use super::{ElemUpdate, NestedRead};
use crate::runtime::array_layout::{packed_layout, PackedLayout};

impl<'f> Lower<'f> {
    /// An int key (or operand), or the generic op when it is not one.
    pub(super) fn int_key(&mut self, key: Operand, pc: usize) -> String {
        if key.is_const() {
            return self.int_operand(key, pc);
        }
        let p = self.storage(key.0);
        if tags::subset(self.known(key.0), tags::INT) {
            return self.load_data(&p);
        }
        let t = self.load_tag(&p);
        let ok = self.tmp();
        self.line(&format!("{ok} = icmp eq i8 {t}, {}", tag::INT));
        let gen = self.fallback_label(pc);
        self.expect(&ok, &gen);
        self.load_data(&p)
    }

    /// `dst = base[key]` for a packed array and an int key, out of line in
    /// `hop_packed_get` (no op decoding); anything else runs the generic op.
    fn fetch_dim_call(&mut self, pc: usize, dst: Slot, base: Slot, k: &str) {
        self.fetch_dim_call_to(pc, dst, base, k, &format!("pc{}", pc + 1));
    }

    /// [`Self::fetch_dim_call`], continuing at block `next`.
    fn fetch_dim_call_to(&mut self, pc: usize, dst: Slot, base: Slot, k: &str, next: &str) {
        let b = self.slot_ptr(base);
        let d = self.slot_ptr(dst);
        let ok = self.tmp();
        self.line(&format!(
            "{ok} = call i1 {}(ptr {d}, ptr {b}, i64 {k}) #0",
            fnptr(hop_packed_get as *const () as usize)
        ));
        let gen = self.fallback_label(pc);
        self.expect(&ok, &gen);
        self.line(&format!("br label %{next}"));
    }

    /// A pointer to an operand's value, for the element helpers: its slot, or the
    /// literal in the unit (which outlives the code); `None` for a literal index
    /// out of range.
    pub(super) fn operand_ptr(&mut self, o: Operand) -> Option<String> {
        if o.is_const() {
            let c = self.func.consts.get(o.index() as usize)?;
            return Some(fnptr(c as *const _ as usize));
        }
        Some(self.slot_ptr(o.0))
    }

    /// `base[key] = val` / `base[] = val` on a uniquely held packed array through
    /// `hop_packed_set`; anything else runs the generic op (after a call either
    /// way, so nothing is lost by merging).
    fn assign_dim_call(&mut self, pc: usize, dst: Slot, base: Slot, k: Option<&str>, val: Operand) {
        let (k, append) = match k {
            Some(k) => (k.to_string(), "false"),
            None => ("0".to_string(), "true"),
        };
        let b = self.slot_ptr(base);
        let Some(v) = self.operand_ptr(val) else {
            return self.generic(pc, out_of_line_helper(&self.func.ops[pc]));
        };
        let d = if dst == NO_SLOT {
            "null".to_string()
        } else {
            self.slot_ptr(dst)
        };
        let ok = self.tmp();
        self.line(&format!(
            "{ok} = call i1 {}(ptr {b}, i64 {k}, i1 {append}, ptr {v}, ptr {d}) #0",
            fnptr(hop_packed_set as *const () as usize)
        ));
        let gen = self.fresh_block("assign.generic");
        self.line(&format!(
            "br i1 {ok}, label %pc{}, label %{gen}, !prof !0",
            pc + 1
        ));
        self.block(&gen);
        self.generic(pc, out_of_line_helper(&self.func.ops[pc]));
    }

    /// `dst = &base[key]` (an INDIRECT) for an existing element of a uniquely held
    /// packed array; anything else runs the generic op.
    pub(super) fn fetch_dim_w(&mut self, pc: usize, dst: Slot, base: Slot, key: Operand) {
        // The slot itself gets the pointer (never written through); a counted value
        // in it would need a release: checked before anything happens.
        let p = self.slot_ptr(dst);
        let old = self.load_tag(&p);
        let (rel, counted, free) = (self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{rel} = sub i8 {old}, {}", tag::STRING));
        self.line(&format!(
            "{counted} = icmp ult i8 {rel}, {}",
            tag::REF - tag::STRING + 1
        ));
        self.line(&format!("{free} = xor i1 {counted}, true"));
        let exit = self.fallback_label(pc);
        self.expect(&free, &exit);
        let k = self.int_key(key, pc);
        // Inline for a uniquely held packed array (the element pointer is taken
        // before `dst`, possibly the same slot as `base`, is overwritten).
        let (inline_e, join) = match packed_layout() {
            Some(layout) => {
                let (slow, join) = (self.fresh_block("dimw.call"), self.fresh_block("dimw.got"));
                let bp = self.storage(base);
                let e = self.packed_elem(&layout, base, &bp, &k, true, &slow);
                let from = self.cur.clone();
                self.line(&format!("br label %{join}"));
                self.block(&slow);
                (Some((e, from)), Some(join))
            }
            None => (None, None),
        };
        let b = self.slot_ptr(base);
        let mut e = self.tmp();
        self.line(&format!(
            "{e} = call ptr {}(ptr {b}, i64 {k}) #0",
            fnptr(hop_packed_elem_w as *const () as usize)
        ));
        let found = self.tmp();
        self.line(&format!("{found} = icmp ne ptr {e}, null"));
        self.expect(&found, &exit);
        if let (Some((ie, from)), Some(join)) = (inline_e, join) {
            let called_from = self.cur.clone();
            self.line(&format!("br label %{join}"));
            self.block(&join);
            let phi = self.tmp();
            self.line(&format!(
                "{phi} = phi ptr [ {ie}, %{from} ], [ {e}, %{called_from} ]"
            ));
            e = phi;
        }
        let data = self.tmp();
        self.line(&format!("{data} = ptrtoint ptr {e} to i64"));
        self.store_raw(&p, &tag::INDIRECT.to_string(), &data);
        self.br(pc + 1);
    }

    /// `dst = base[key]`: inline for a packed array holding the element, else
    /// through `hop_packed_get`.
    pub(super) fn fetch_dim(&mut self, pc: usize, dst: Slot, base: Slot, key: Operand) {
        let k = self.int_key(key, pc);
        let Some(layout) = packed_layout() else {
            return self.fetch_dim_call(pc, dst, base, &k);
        };
        if self.spec.dim_helpers[pc] {
            return self.fetch_dim_with_helper(pc, dst, base, &k, &layout);
        }
        // Anything the inline path does not take leaves optimized code (baseline
        // code never left its own inline path here, or the plan would be generic;
        // should it happen, the next translation runs the generic op). No helper
        // call rejoins the path, so what LLVM knows about the frame and the array
        // survives the read — the next read of the same array reuses its checks.
        let exit = self.fallback_label(pc);
        // The destination's old value: a REF or INDIRECT to write through leaves
        // before anything happened; a counted one is released after the element
        // is taken (it may be the array itself).
        let qd = self.storage(dst);
        let old = (!tags::subset(self.known(dst), tags::UNCOUNTED)).then(|| {
            let old = self.load_tag(&qd);
            let value = self.tmp();
            self.line(&format!("{value} = icmp ule i8 {old}, {}", tag::OBJECT));
            self.expect(&value, &exit);
            old
        });
        let bp = self.storage(base);
        let e = self.packed_elem(&layout, base, &bp, &k, false, &exit);
        let (et, ed) = self.take_elem(&e, &exit, pc);
        if let Some(old) = old {
            self.release_out_of_line(&qd, &old, &exit, ["dim.release", "dim.ready"]);
        }
        self.store_to(dst, &qd, &et, &ed);
        self.br(pc + 1);
    }

    /// `dst = base[key]` for a read seen needing its helper (`profile::HELPER_PATH_TAG`):
    /// the inline path, and `hop_packed_get` where it does not apply (a string
    /// offset, a counted element or destination), continuing after either.
    fn fetch_dim_with_helper(
        &mut self,
        pc: usize,
        dst: Slot,
        base: Slot,
        k: &str,
        layout: &PackedLayout,
    ) {
        let slow = self.fresh_block("dim.call");
        // The destination first: a counted old value needs the helper's release.
        let qd = self.storage(dst);
        if !tags::subset(self.known(dst), tags::UNCOUNTED) {
            let old = self.load_tag(&qd);
            let free = self.tmp();
            self.line(&format!("{free} = icmp ult i8 {old}, {}", tag::STRING));
            self.expect(&free, &slow);
        }
        let bp = self.storage(base);
        let e = self.packed_elem(layout, base, &bp, k, false, &slow);
        let (et, ed) = self.take_elem(&e, &slow, pc);
        self.store_to(dst, &qd, &et, &ed);
        self.br(pc + 1);
        self.block(&slow);
        let expected = self.spec.elem_tags[pc];
        if expected == tags::ANY {
            return self.fetch_dim_call(pc, dst, base, k);
        }
        // Whatever the helper fetched must be what the ops after it assume (else
        // they continue below, with the value fetched).
        let fetched = self.fresh_block("dim.fetched");
        self.fetch_dim_call_to(pc, dst, base, k, &fetched);
        self.block(&fetched);
        let t = self.load_tag(&qd);
        let ok = self.tag_in(&t, expected);
        let d = self.deopt_label(pc + 1, DeoptReason::ElemType);
        self.expect(&ok, &d);
        self.br(pc + 1);
    }

    /// `base[key] = val`: inline for a scalar stored over a scalar element of a
    /// uniquely held packed array, else through `hop_packed_set` (appends, counted
    /// values, a wanted result).
    pub(super) fn assign_dim(
        &mut self,
        pc: usize,
        dst: Slot,
        base: Slot,
        key: Option<Operand>,
        val: Operand,
    ) {
        let k = key.map(|k| self.int_key(k, pc));
        let (Some(layout), true) = (packed_layout(), dst == NO_SLOT) else {
            return self.assign_dim_call(pc, dst, base, k.as_deref(), val);
        };
        // A keyed write baseline code never took its helper for leaves optimized
        // code for anything its inline path does not take (as a read does, see
        // `fetch_dim`); appends keep the helper (vectors grow).
        let keep_helper = k.is_none() || self.spec.dim_helpers[pc];
        let slow = if keep_helper {
            self.fresh_block("dim.call")
        } else {
            self.fallback_label(pc)
        };
        let (vt, vd) = if val.is_const() {
            match self.func.consts.get(val.index() as usize) {
                Some(c) if c.tag() >= tag::NULL && c.tag() < tag::STRING => {
                    (c.tag().to_string(), c.data.to_string())
                }
                _ => return self.assign_dim_call(pc, dst, base, k.as_deref(), val),
            }
        } else {
            let vp = self.storage(val.0);
            let vt = self.load_tag(&vp);
            if !tags::subset(
                self.known(val.0),
                tags::UNCOUNTED & !tags::only(tag::UNINIT),
            ) {
                let (rel, ok) = (self.tmp(), self.tmp());
                self.line(&format!("{rel} = sub i8 {vt}, {}", tag::NULL));
                self.line(&format!(
                    "{ok} = icmp ult i8 {rel}, {}",
                    tag::STRING - tag::NULL
                ));
                self.expect(&ok, &slow);
            }
            let vd = self.load_data(&vp);
            (vt, vd)
        };
        let bp = self.storage(base);
        let e = match &k {
            Some(k) => {
                let e = self.packed_elem(&layout, base, &bp, k, true, &slow);
                let old = self.load_tag(&e);
                let free = self.tmp();
                self.line(&format!("{free} = icmp ult i8 {old}, {}", tag::STRING));
                self.expect(&free, &slow);
                e
            }
            None => self.packed_push(&layout, base, &bp, &slow),
        };
        self.store_raw(&e, &vt, &vd);
        self.br(pc + 1);
        if keep_helper {
            self.block(&slow);
            self.assign_dim_call(pc, dst, base, k.as_deref(), val);
        }
    }

    /// `$a[]`: pointer to a new last element of the uniquely held packed array at
    /// `p` (the storage of slot `base`), its length and next free key bumped — when
    /// the vector has room and the next free key is the length (what `push_slot`
    /// checks); else branches to `miss` having changed nothing. The caller writes
    /// the element right away (its memory is uninitialized until then).
    fn packed_push(&mut self, layout: &PackedLayout, base: Slot, p: &str, miss: &str) -> String {
        let cell = self.packed_cell(layout, base, p, true, miss);
        let (lenp, len) = self.cell_field(&cell, layout.len, "i64");
        let (_, cap) = self.cell_field(&cell, layout.cap, "i64");
        let (nfp, next) = self.cell_field(&cell, layout.next_free, "i64");
        let (room, in_order, ok) = (self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{room} = icmp ult i64 {len}, {cap}"));
        self.line(&format!("{in_order} = icmp eq i64 {next}, {len}"));
        self.line(&format!("{ok} = and i1 {room}, {in_order}"));
        self.expect(&ok, miss);
        let (_, elems) = self.cell_field(&cell, layout.elems, "ptr");
        let (e, len1) = (self.tmp(), self.tmp());
        self.line(&format!(
            "{e} = getelementptr inbounds i128, ptr {elems}, i64 {len}"
        ));
        self.line(&format!("{len1} = add i64 {len}, 1"));
        let md = self.alias_md(&cell);
        self.line(&format!("store i64 {len1}, ptr {lenp}{md}"));
        self.line(&format!("store i64 {len1}, ptr {nfp}{md}"));
        self.mark(&e, Region::Elems);
        e
    }

    /// The field of type `ty` at byte `off` of the cell `cell` points at: its
    /// address and its value.
    pub(super) fn cell_field(&mut self, cell: &str, off: usize, ty: &str) -> (String, String) {
        let (fp, v) = (self.tmp(), self.tmp());
        self.line(&format!(
            "{fp} = getelementptr inbounds i8, ptr {cell}, i64 {off}"
        ));
        let md = self.alias_md(cell);
        self.line(&format!("{v} = load {ty}, ptr {fp}{md}"));
        (fp, v)
    }

    /// The cell of the array at `p` (the storage of slot `base`) when it is a packed
    /// array — held uniquely when `unique` (writable in place); else branches to
    /// `miss` having changed nothing.
    pub(super) fn packed_cell(
        &mut self,
        layout: &PackedLayout,
        base: Slot,
        p: &str,
        unique: bool,
        miss: &str,
    ) -> String {
        if !tags::subset(self.known(base), tags::only(tag::ARRAY)) {
            let t = self.load_tag(p);
            let is_arr = self.tmp();
            self.line(&format!("{is_arr} = icmp eq i8 {t}, {}", tag::ARRAY));
            self.expect(&is_arr, miss);
        }
        let cell = self.load_at("ptr", p, 8);
        self.mark(&cell, Region::Cell);
        let md = self.alias_md(&cell);
        if unique {
            // Header { rc: u32, flags: u32 }: one owner and not static.
            let (hdr, one) = (self.tmp(), self.tmp());
            self.line(&format!("{hdr} = load i64, ptr {cell}{md}"));
            self.line(&format!("{one} = icmp eq i64 {hdr}, 1"));
            self.expect(&one, miss);
        }
        let (rp, rt, packed) = (self.tmp(), self.tmp(), self.tmp());
        self.line(&format!(
            "{rp} = getelementptr inbounds i8, ptr {cell}, i64 {}",
            layout.repr_tag
        ));
        self.line(&format!("{rt} = load i8, ptr {rp}{md}"));
        self.line(&format!(
            "{packed} = icmp eq i8 {rt}, {}",
            layout.packed_tag
        ));
        self.expect(&packed, miss);
        cell
    }

    /// `base[outer]([inner]) <op>= val` as one (see `fuse.rs`): the arrays packed
    /// and held uniquely, the element an int (int plan) or a number (float plan),
    /// updated in place; anything else deoptimizes at `pc`, before anything
    /// happened. The temporary is left UNINIT, as the sequence's `UnsetLocal` does.
    pub(super) fn elem_update(&mut self, pc: usize, u: ElemUpdate) {
        let layout = packed_layout().expect("updates are fused only with a layout");
        let outer = self.int_key(u.outer, pc);
        let inner = u.inner.map(|k| self.int_key(k, pc));
        let miss = self.fallback_label(pc);
        // The temporary must hold nothing to release (it is a dedicated slot,
        // `dim_temps.rs`, so it never does; the tag analysis usually knows it unset).
        let tp = self.slot_ptr(u.tmp);
        let tmp_known = self.known(u.tmp);
        if !tags::subset(tmp_known, tags::UNCOUNTED) {
            let tt = self.load_tag(&tp);
            let free = self.tmp();
            self.line(&format!("{free} = icmp ult i8 {tt}, {}", tag::STRING));
            self.expect(&free, &miss);
        }
        let bp = self.storage(u.base);
        let mut e = self.packed_elem(&layout, u.base, &bp, &outer, true, &miss);
        if let Some(inner) = &inner {
            e = self.packed_elem(&layout, NO_SLOT, &e, inner, true, &miss);
        }
        let et = self.load_tag(&e);
        let op = &self.func.ops[pc + u.op_count() - 2];
        if u.plan == Plan::Int {
            let is_int = self.tmp();
            self.line(&format!("{is_int} = icmp eq i8 {et}, {}", tag::INT));
            self.expect(&is_int, &miss);
            let cur = self.load_data(&e);
            // (Surprises leave as slow paths: the next translation does not fuse,
            // and the arithmetic op's own guards widen its profile.)
            let x = self.int_key(u.val, pc);
            let name = match op {
                Op::Add { .. } => "sadd",
                Op::Sub { .. } => "ssub",
                _ => "smul",
            };
            let r = self.checked_int_op(pc, name, &cur, &x);
            self.store_payload(&e, &r);
        } else {
            let (is_int, ok) = self.tag_either(&et, tag::INT, tag::DOUBLE);
            self.expect(&ok, &miss);
            let d = self.load_data(&e);
            let cur = self.number_as_double(&is_int, &d);
            if !u.val.is_const() && !tags::subset(self.known(u.val.0), tags::NUMBER) {
                let vp = self.storage(u.val.0);
                let vt = self.load_tag(&vp);
                let num = self.tag_in(&vt, tags::NUMBER);
                self.expect(&num, &miss);
            }
            let x = self.num_operand(u.val, pc);
            // Two ints compute in ints (PHP): not this plan's case.
            let (both, not_both) = (self.tmp(), self.tmp());
            self.line(&format!("{both} = and i1 {is_int}, {}", x.is_int));
            self.line(&format!("{not_both} = xor i1 {both}, true"));
            self.expect(&not_both, &miss);
            let ins = match op {
                Op::Add { .. } => "fadd",
                Op::Sub { .. } => "fsub",
                _ => "fmul",
            };
            let (r, bits) = (self.tmp(), self.tmp());
            self.line(&format!("{r} = {ins} double {cur}, {}", x.value));
            self.line(&format!("{bits} = bitcast double {r} to i64"));
            self.store_raw(&e, &tag::DOUBLE.to_string(), &bits);
        }
        if tmp_known != tags::only(tag::UNINIT) {
            self.store_tag(&tp, tag::UNINIT);
        }
        self.br(pc + u.op_count());
    }

    /// `dst = base[outer][inner]` as one (see `fuse.rs`): both arrays packed, the
    /// element a defined value; anything else deoptimizes at `pc`, before anything
    /// happened. The temporary is left UNINIT, as the sequence's `UnsetLocal` does.
    pub(super) fn nested_read(&mut self, pc: usize, r: NestedRead) {
        let layout = packed_layout().expect("nested reads are fused only with a layout");
        let outer = self.int_key(r.outer, pc);
        let inner = self.int_key(r.inner, pc);
        let miss = self.fallback_label(pc);
        let tp = self.slot_ptr(r.tmp);
        if !tags::subset(self.known(r.tmp), tags::only(tag::UNINIT)) {
            // Whatever the temporary holds must own nothing (it is overwritten).
            let t = self.load_tag(&tp);
            let (bit, free) = (self.tmp(), self.tmp());
            self.line(&format!("{bit} = and i8 {t}, 8"));
            self.line(&format!("{free} = icmp eq i8 {bit}, 0"));
            self.expect(&free, &miss);
        }
        let bp = self.storage(r.base);
        let row = self.packed_elem(&layout, r.base, &bp, &outer, false, &miss);
        let e = self.packed_elem(&layout, NO_SLOT, &row, &inner, false, &miss);
        let (et, ed) = self.take_elem(&e, &miss, pc);
        self.store_tag(&tp, tag::UNINIT);
        self.store_result(r.dst, &et, &ed);
        self.br(pc + NestedRead::LEN);
    }

    /// A copy of the element at `e` as (tag, data), one more owner of it: for a
    /// defined value (NULL..=OBJECT), else (a reference, whose target the helpers
    /// copy out) branches to `miss`.
    ///
    /// Where the read at `pc` guards its element's type (`Spec::elem_tags`), an
    /// element of another type deoptimizes at `pc` instead, and one of the
    /// expected types, all uncounted, needs no reference-count increment.
    fn take_elem(&mut self, e: &str, miss: &str, pc: usize) -> (String, String) {
        let et = self.load_tag(e);
        let expected = self.spec.elem_tags[pc];
        if expected != tags::ANY && tags::subset(expected, tags::UNCOUNTED) {
            let ok = self.tag_in(&et, expected);
            let d = self.deopt_label(pc, DeoptReason::ElemType);
            self.expect(&ok, &d);
            let ed = self.load_data(e);
            return (et, ed);
        }
        let (rel, ok) = (self.tmp(), self.tmp());
        self.line(&format!("{rel} = sub i8 {et}, {}", tag::NULL));
        self.line(&format!(
            "{ok} = icmp ult i8 {rel}, {}",
            tag::OBJECT - tag::NULL + 1
        ));
        self.expect(&ok, miss);
        let ed = self.load_data(e);
        self.line(&format!("call void @hop_rt_incref(i8 {et}, i64 {ed})"));
        (et, ed)
    }

    /// Pointer to element `k` of the packed array at `p` (the storage of slot
    /// `base`), held uniquely when `unique` (writable in place); else branches to
    /// `miss` having changed nothing.
    fn packed_elem(
        &mut self,
        layout: &PackedLayout,
        base: Slot,
        p: &str,
        k: &str,
        unique: bool,
        miss: &str,
    ) -> String {
        let cell = self.packed_cell(layout, base, p, unique, miss);
        let (_, len) = self.cell_field(&cell, layout.len, "i64");
        let inb = self.tmp();
        self.line(&format!("{inb} = icmp ult i64 {k}, {len}"));
        self.expect(&inb, miss);
        let (_, elems) = self.cell_field(&cell, layout.elems, "ptr");
        let e = self.tmp();
        self.line(&format!(
            "{e} = getelementptr inbounds i128, ptr {elems}, i64 {k}"
        ));
        self.mark(&e, Region::Elems);
        e
    }
}
