//! Lowering of the built-ins computed inline (`intrinsic.rs`): the argument checked,
//! the result computed from the value's cell, the argument consumed as the call
//! would consume it, the result stored — no helper call on the way.

use super::*;
use crate::jit::opt::helpers::{
    hop_opt_array_len, hop_opt_array_pop, hop_opt_mt_rand, hop_opt_str_map, hop_opt_strpos,
    hop_opt_substr,
};
use crate::jit::opt::intrinsic::Intrinsic;
use crate::runtime::array_layout::packed_layout;
use crate::runtime::str_cell::{BYTES_OFFSET, LEN_OFFSET};
use crate::runtime::value::{RefBox, TypedValue};
use crate::vm::dim_fast_keyed::hop_keyed_exists;

impl Lower<'_> {
    /// `dst = which(arg)`, for a `CallBuiltin` planned inline. An argument of
    /// another type (or a `count` of a hash array) leaves optimized code at `pc`
    /// before anything happened (`DeoptReason::SlowPath`: the next translation
    /// calls the built-in).
    pub(super) fn intrinsic_call(&mut self, pc: usize, which: Intrinsic, dst: Slot, arg: Slot) {
        match which {
            Intrinsic::MtRand => return self.mt_rand_call(pc, dst, arg),
            Intrinsic::ArrayPop => return self.array_pop_call(pc, dst, arg),
            Intrinsic::Strpos | Intrinsic::KeyExists | Intrinsic::Substr => {
                return self.helper_intrinsic(pc, which, dst, arg)
            }
            _ => {}
        }
        let (t, d) = self.checked_arg(pc, arg, which.accepts(0));
        let p = self.storage(arg);
        let known = self.known(arg);
        let result_tag = tags::single(which.result()).expect("one result tag");
        // Computed before the destination is made ready (a packed `count` may still
        // leave); a mapped string after it, once nothing can leave.
        let computed = match which {
            Intrinsic::Strlen => {
                let cell = self.cell_of(&d);
                Some(self.cell_field(&cell, LEN_OFFSET, "i64").1)
            }
            Intrinsic::Ord => Some(self.first_byte(&d)),
            Intrinsic::Count => Some(self.array_count(arg, &p, &d)),
            Intrinsic::Sqrt => Some(self.float_sqrt(&t, &d, known)),
            Intrinsic::StrMap(_) => None,
            Intrinsic::MtRand
            | Intrinsic::Strpos
            | Intrinsic::KeyExists
            | Intrinsic::Substr
            | Intrinsic::ArrayPop => unreachable!("lowered above"),
        };
        // Still nothing done: the destination may yet leave for the tier below.
        let q = (dst != NO_SLOT).then(|| self.dst_ready(dst, pc));
        let result = match (computed, which) {
            (Some(r), _) => r,
            (None, Intrinsic::StrMap(map)) => {
                let r = self.tmp();
                self.line(&format!(
                    "{r} = call i64 {}(i64 {}, i64 {d}) #0",
                    fnptr(hop_opt_str_map as *const () as usize),
                    map as u8
                ));
                r
            }
            (None, _) => unreachable!("only a mapped string is computed late"),
        };
        // The call consumes its argument: the slot is left undefined, the value
        // loses an owner (freed out of line when it was the last).
        self.consume_arg(&p, &t, &d, which.accepts(0));
        self.result_to(which, dst, q, &result_tag.to_string(), &result);
        self.br(pc + 1);
    }

    /// Stores `which`'s result `(t, d)` into `dst` (its storage `q`, made ready
    /// before anything happened); an unwanted string result is released at once.
    fn result_to(&mut self, which: Intrinsic, dst: Slot, q: Option<String>, t: &str, d: &str) {
        match q {
            Some(q) => self.store_to(dst, &q, t, d),
            None if which.result() == tags::only(tag::STRING) => self.release_consumed(t, d),
            None => {}
        }
    }

    /// The tag and payload of argument slot `arg`, checked to be one of `accepts`
    /// (else optimized code is left at `pc`, nothing done).
    pub(super) fn checked_arg(
        &mut self,
        pc: usize,
        arg: Slot,
        accepts: TagSet,
    ) -> (String, String) {
        let p = self.storage(arg);
        let t = self.load_tag(&p);
        if !tags::subset(self.known(arg), accepts) {
            let ok = self.tag_in(&t, accepts);
            let exit = self.fallback_label(pc);
            self.expect(&ok, &exit);
        }
        let d = self.load_data(&p);
        (t, d)
    }

    /// The call's consumption of an argument (at `p`, tag `t`, payload `d`, of the
    /// tags `accepts`): the slot left undefined, a counted value's owner dropped.
    fn consume_arg(&mut self, p: &str, t: &str, d: &str, accepts: TagSet) {
        self.store_tag(p, tag::UNINIT);
        if accepts & !tags::UNCOUNTED == 0 {
            return;
        }
        if accepts & tags::UNCOUNTED == 0 {
            return self.release_consumed(t, d);
        }
        // An int or a string key: only a counted value has an owner to drop.
        let (counted, release, done) = (
            self.tmp(),
            self.fresh_block("arg.counted"),
            self.fresh_block("arg.consumed"),
        );
        self.line(&format!("{counted} = icmp uge i8 {t}, {}", tag::STRING));
        self.line(&format!("br i1 {counted}, label %{release}, label %{done}"));
        self.block(&release);
        self.release_consumed(t, d);
        self.line(&format!("br label %{done}"));
        self.block(&done);
    }

    /// `strpos(haystack, needle)` (the offset, or false),
    /// `array_key_exists(key, array)` (a bool) and `substr(string, offset,
    /// length)` (a string) of the arguments from `args`: all checked inline (else
    /// the tier below calls the built-in), computed by one helper call that reads
    /// only them (`hop_opt_strpos`, `hop_keyed_exists`, `hop_opt_substr`).
    fn helper_intrinsic(&mut self, pc: usize, which: Intrinsic, dst: Slot, args: Slot) {
        let vals: Vec<(String, String)> = (0..which.argc())
            .map(|i| self.checked_arg(pc, args + i, which.accepts(i)))
            .collect();
        let ((at, ad), bd) = (vals[0].clone(), vals[1].1.clone());
        let q = (dst != NO_SLOT).then(|| self.dst_ready(dst, pc));
        let (rt, rd) = match which {
            Intrinsic::Strpos => {
                let (r, found, rt, rd) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
                self.line(&format!(
                    "{r} = call i64 {}(i64 {ad}, i64 {bd}) #0",
                    fnptr(hop_opt_strpos as *const () as usize)
                ));
                self.line(&format!("{found} = icmp sge i64 {r}, 0"));
                self.line(&format!(
                    "{rt} = select i1 {found}, i8 {}, i8 {}",
                    tag::INT,
                    tag::BOOL
                ));
                self.line(&format!("{rd} = select i1 {found}, i64 {r}, i64 0"));
                (rt, rd)
            }
            Intrinsic::KeyExists => {
                let (r, rd) = (self.tmp(), self.tmp());
                self.line(&format!(
                    "{r} = call i1 {}(i8 {at}, i64 {ad}, i64 {bd}) #0",
                    fnptr(hop_keyed_exists as *const () as usize)
                ));
                self.line(&format!("{rd} = zext i1 {r} to i64"));
                (tag::BOOL.to_string(), rd)
            }
            Intrinsic::Substr => {
                let r = self.tmp();
                self.line(&format!(
                    "{r} = call i64 {}(i64 {ad}, i64 {bd}, i64 {}) #0",
                    fnptr(hop_opt_substr as *const () as usize),
                    vals[2].1
                ));
                (tag::STRING.to_string(), r)
            }
            _ => unreachable!("{which:?} takes one argument or is lowered elsewhere"),
        };
        for (i, (t, d)) in vals.iter().enumerate() {
            let p = self.storage(args + i as u32);
            self.consume_arg(&p, t, d, which.accepts(i as u32));
        }
        self.result_to(which, dst, q, &rt, &rd);
        self.br(pc + 1);
    }

    /// `mt_rand(min, max)` from the int arguments at `args`, `args + 1`: checked
    /// inline (ints, min <= max; else the tier below calls the built-in, which
    /// throws), then drawn by `hop_opt_mt_rand`, which touches only the generator.
    fn mt_rand_call(&mut self, pc: usize, dst: Slot, args: Slot) {
        let accepts = Intrinsic::MtRand.accepts(0);
        let bounds = [args, args + 1].map(|a| self.checked_arg(pc, a, accepts));
        let exit = self.fallback_label(pc);
        let ordered = self.tmp();
        self.line(&format!(
            "{ordered} = icmp sle i64 {}, {}",
            bounds[0].1, bounds[1].1
        ));
        self.expect(&ordered, &exit);
        let q = (dst != NO_SLOT).then(|| self.dst_ready(dst, pc));
        // The generator's fields, not the context: the call reaches nothing else.
        let mt = self.ctx_ptr(std::mem::offset_of!(ExecCtx, mt));
        let seeded = self.ctx_ptr(std::mem::offset_of!(ExecCtx, mt_seeded));
        let r = self.tmp();
        self.line(&format!(
            "{r} = call i64 {}(ptr {mt}, ptr {seeded}, i64 {}, i64 {}) #0",
            fnptr(hop_opt_mt_rand as *const () as usize),
            bounds[0].1,
            bounds[1].1
        ));
        for (a, (t, d)) in [args, args + 1].iter().zip(&bounds) {
            let p = self.storage(*a);
            self.consume_arg(&p, t, d, accepts);
        }
        self.result_to(Intrinsic::MtRand, dst, q, &tag::INT.to_string(), &r);
        self.br(pc + 1);
    }

    /// `dst = array_pop($a)`, the argument at `arg` being the reference box the
    /// call's `MakeRef` made of `$a`: checked inline to be a reference to an array
    /// (else the tier below calls the built-in, which converts or throws), then
    /// popped by `hop_opt_array_pop`, which touches only that array and the value
    /// it returns (owned). The box loses the call's owner.
    fn array_pop_call(&mut self, pc: usize, dst: Slot, arg: Slot) {
        let exit = self.fallback_label(pc);
        // The slot itself: it holds the box (its storage would be the array).
        let p = self.slot_ptr(arg);
        let t = self.load_tag(&p);
        let is_ref = self.tmp();
        self.line(&format!("{is_ref} = icmp eq i8 {t}, {}", tag::REF));
        self.expect(&is_ref, &exit);
        let d = self.load_data(&p);
        let boxp = self.cell_of(&d);
        let val_tag = std::mem::offset_of!(RefBox, val) + std::mem::offset_of!(TypedValue, tag);
        let (_, vt) = self.cell_field(&boxp, val_tag, "i8");
        let is_arr = self.tmp();
        self.line(&format!("{is_arr} = icmp eq i8 {vt}, {}", tag::ARRAY));
        self.expect(&is_arr, &exit);
        let q = self.dst_ready(dst, pc);
        let (r, rd, rt64, rt) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
        self.line(&format!(
            "{r} = call {{ i64, i64 }} {}(i64 {d}) #0",
            fnptr(hop_opt_array_pop as *const () as usize)
        ));
        self.line(&format!("{rt64} = extractvalue {{ i64, i64 }} {r}, 0"));
        self.line(&format!("{rd} = extractvalue {{ i64, i64 }} {r}, 1"));
        self.line(&format!("{rt} = trunc i64 {rt64} to i8"));
        self.consume_arg(&p, &t, &d, Intrinsic::ArrayPop.accepts(0));
        // (Never unwanted: see `Intrinsic::of`.)
        self.result_to(Intrinsic::ArrayPop, dst, Some(q), &rt, &rd);
        self.br(pc + 1);
    }

    /// The cell a string or array payload `d` points at.
    fn cell_of(&mut self, d: &str) -> String {
        let cell = self.tmp();
        self.line(&format!("{cell} = inttoptr i64 {d} to ptr"));
        cell
    }

    /// `count` of the array at `p` (slot `arg`, payload `d`): a packed array's
    /// length read inline, a hash array's counted by `hop_opt_array_len`.
    fn array_count(&mut self, arg: Slot, p: &str, d: &str) -> String {
        let l = packed_layout().expect("count is inline only with a layout");
        let (hash, join) = (
            self.fresh_block("count.hash"),
            self.fresh_block("count.done"),
        );
        let cell = self.packed_cell(&l, arg, p, false, &hash);
        let packed_len = self.cell_field(&cell, l.len, "i64").1;
        let from = self.cur.clone();
        self.line(&format!("br label %{join}"));
        self.block(&hash);
        let hash_len = self.tmp();
        self.line(&format!(
            "{hash_len} = call i64 {}(i64 {d}) #0",
            fnptr(hop_opt_array_len as *const () as usize)
        ));
        self.line(&format!("br label %{join}"));
        self.block(&join);
        let n = self.tmp();
        self.line(&format!(
            "{n} = phi i64 [ {packed_len}, %{from} ], [ {hash_len}, %{hash} ]"
        ));
        n
    }

    /// `ord`: the first byte of string `d`, 0 when it is empty (its bytes are not
    /// read then: an empty cell may have none allocated).
    fn first_byte(&mut self, d: &str) -> String {
        let cell = self.cell_of(d);
        let len = self.cell_field(&cell, LEN_OFFSET, "i64").1;
        let (empty, some, done) = (
            self.tmp(),
            self.fresh_block("ord.byte"),
            self.fresh_block("ord.done"),
        );
        self.line(&format!("{empty} = icmp eq i64 {len}, 0"));
        let from = self.cur.clone();
        self.line(&format!("br i1 {empty}, label %{done}, label %{some}"));
        self.block(&some);
        let (_, b) = self.cell_field(&cell, BYTES_OFFSET, "i8");
        let v = self.tmp();
        self.line(&format!("{v} = zext i8 {b} to i64"));
        self.line(&format!("br label %{done}"));
        self.block(&done);
        let r = self.tmp();
        self.line(&format!("{r} = phi i64 [ 0, %{from} ], [ {v}, %{some} ]"));
        r
    }

    /// `sqrt` of an int or float operand (tag `t`, payload `d`) as float bits.
    fn float_sqrt(&mut self, t: &str, d: &str, known: TagSet) -> String {
        let known_conv = if tags::subset(known, tags::DOUBLE) {
            Some("bitcast")
        } else if tags::subset(known, tags::INT) {
            Some("sitofp")
        } else {
            None
        };
        let f = match known_conv {
            Some(conv) => {
                let f = self.tmp();
                self.line(&format!("{f} = {conv} i64 {d} to double"));
                f
            }
            None => {
                let is_int = self.tmp();
                self.line(&format!("{is_int} = icmp eq i8 {t}, {}", tag::INT));
                self.number_as_double(&is_int, d)
            }
        };
        let (r, bits) = (self.tmp(), self.tmp());
        self.line(&format!("{r} = call double @llvm.sqrt.f64(double {f})"));
        self.line(&format!("{bits} = bitcast double {r} to i64"));
        bits
    }

    /// Drops the owner a consumed counted argument (tag `t`, payload `d`) held: a
    /// count decrement inline, the last owner's release out of line.
    fn release_consumed(&mut self, t: &str, d: &str) {
        let (kept, free, done) = (
            self.tmp(),
            self.fresh_block("arg.free"),
            self.fresh_block("arg.done"),
        );
        self.line(&format!(
            "{kept} = call i1 @hop_rt_decref_unless_last(i64 {d})"
        ));
        self.line(&format!(
            "br i1 {kept}, label %{done}, label %{free}, !prof !0"
        ));
        self.block(&free);
        self.line(&format!(
            "call void {}(i8 {t}, i64 {d}) #1",
            fnptr(hop_opt_release as *const () as usize)
        ));
        self.line(&format!("br label %{done}"));
        self.block(&done);
    }
}
