//! Runtime helpers only optimized code calls (the rest are the baseline tier's, see
//! `baseline/helpers.rs`, and the deopt entries in `deopt.rs`). Each is
//! `extern "C"`; optimized code reaches them through absolute addresses.

use crate::runtime::builtins::string::{find_from, substr_of};
use crate::runtime::builtins::string_map::{mapped, StrMap};
use crate::runtime::convert::put_string_or_int;
use crate::runtime::memory_limit::string_fits;
use crate::runtime::mt_rand::MtRand;
use crate::runtime::str_cell::StrBuf;
use crate::runtime::value::{tag, ObjCell, TypedValue};
use crate::vm::ctx::ExecCtx;
use crate::vm::interp::write;
use crate::vm::interp_call::{call_builtin_slots, call_to_ret, store_fault};
use crate::vm::status;

/// A call of user function `callee` with the `argc` arguments at `args` (this
/// frame's argument temporaries), its result written to slot `dst` of `frame`: the
/// `Call` op without the op decoding, profiling and result routing of the generic
/// helper (the lowering checked at compile time that the call site is a plain one).
/// Returns 0, or the fault's status with the fault pending (see [`hop_call_fault`](crate::jit::native_call::hop_call_fault)).
///
/// # Safety
/// `ctx` is the running request's context with `ctx.line` set to the call's line,
/// `frame` the live frame of the calling function, `args .. args + argc` and `dst`
/// slots of it (`dst` may be `NO_SLOT`), `callee` a function of `ctx.unit`.
pub unsafe extern "C" fn hop_opt_call(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    args: u64,
    callee: u64,
    argc: u64,
    dst: u64,
) -> u64 {
    // SAFETY: per the contract.
    let ctx = unsafe { &mut *ctx };
    // SAFETY: the argument temporaries are `argc` slots of this live frame.
    let st = unsafe { call_to_ret(ctx, callee as u32, frame.add(args as usize), argc as usize) };
    if st == status::OK {
        write(frame, dst as u32, ctx.ret.take());
    }
    st
}

/// `ctx.ret = (tag, data)`, dropping what `ctx.ret` held: the outermost return of
/// a self-looping body (`irgen_selfcall.rs`) when `ctx.ret` was not left empty, as
/// callers leave it (its `Return`s do not check, as they write nothing there
/// unless they are the outermost one).
///
/// # Safety
/// `ctx` is the running request's context; `(tag, data)` is an owned value.
pub unsafe extern "C" fn hop_opt_replace_ret(ctx: *mut ExecCtx, tag: u8, data: u64) {
    // SAFETY: per the contract.
    unsafe { (*ctx).ret = TypedValue::raw(tag, data) };
}

/// Releases a string, array or object value an inline store is about to overwrite
/// (one owner less; the last frees it).
///
/// # Safety
/// `(tag, data)` is an owned value with a tag in STRING..=OBJECT, whose slot the
/// caller overwrites next without reading it.
pub unsafe extern "C" fn hop_opt_release(tag: u8, data: u64) {
    drop(TypedValue::raw(tag, data));
}

/// A call of built-in function `builtin` with the `argc` arguments at `args`, its
/// result written to slot `dst`: the `CallBuiltin` op without the generic helper's
/// op decoding, profiling and result routing. Returns 0, or the fault's status with
/// the fault pending (see [`hop_call_fault`](crate::jit::native_call::hop_call_fault)).
///
/// # Safety
/// As for [`hop_opt_call`]; `builtin` is an index of the built-in registry.
pub unsafe extern "C" fn hop_opt_call_builtin(
    ctx: *mut ExecCtx,
    frame: *mut TypedValue,
    args: u64,
    builtin: u64,
    argc: u64,
    dst: u64,
) -> u64 {
    // SAFETY: per the contract.
    let ctx = unsafe { &mut *ctx };
    match call_builtin_slots(
        ctx,
        builtin as u32,
        frame,
        args as u32,
        argc as u32,
        dst as u32,
    ) {
        Ok(()) => status::OK,
        Err(f) => store_fault(f),
    }
}

/// The captured values of a closure that an optimized `CallValue` site may call
/// natively: `cell` is an object of a closure over user function `func` (not a
/// built-in) binding exactly `ncap` values — returns a pointer to the first of them
/// (dangling, never read, when `ncap` is 0). Null for anything else (another
/// function, another callable), which takes the generic call. Reads only the object.
///
/// # Safety
/// `cell` is null or the payload of a live OBJECT value.
pub unsafe extern "C" fn hop_closure_bound(cell: u64, func: u64, ncap: u64) -> *const TypedValue {
    if cell == 0 {
        return std::ptr::null();
    }
    // SAFETY: per the contract, a live object cell.
    let obj = unsafe { &(*(cell as *const ObjCell)).obj };
    match &obj.closure {
        Some(c)
            if c.builtin.is_none() && u64::from(c.func) == func && c.bound.len() as u64 == ncap =>
        {
            c.bound.as_ptr()
        }
        _ => std::ptr::null(),
    }
}

/// `mt_rand($min, $max)` with int bounds, `min <= max` (the lowering checks both
/// inline; anything else takes the built-in's own path, which throws): a draw from
/// the request's generator, seeded first when it is not yet. Touches nothing but
/// the two fields — so optimized code need not write its frame back around it.
///
/// # Safety
/// `mt` and `seeded` point at the running request's `ExecCtx::mt` and
/// `ExecCtx::mt_seeded`, which nothing else accesses during the call.
pub unsafe extern "C" fn hop_opt_mt_rand(
    mt: *mut MtRand,
    seeded: *mut bool,
    min: i64,
    max: i64,
) -> i64 {
    // SAFETY: per the contract.
    let (mt, seeded) = unsafe { (&mut *mt, &mut *seeded) };
    crate::runtime::builtins::random::mt_rand_in(mt, seeded, min, max)
}

/// What an OSR entry table row asks of its slot (see [`hop_opt_osr_enter`]).
pub const OSR_GUARD: u32 = 0;
pub const OSR_RESET: u32 = 1;

/// The checks of an OSR entry, run from a table instead of inline IR (an entry
/// is taken rarely, and inline checks were a third of a loop function's IR):
/// `table` holds `rows` rows of three words `[slot, arg, kind]`. `OSR_GUARD`: the
/// slot's tag must be in the tag set `arg` (bit `1 << tag`). `OSR_RESET`: the slot
/// is a temporary dead at the header; whatever it holds is released and it gets
/// tag `arg` with a zero payload — unless it is a REF or INDIRECT, which keeps the
/// entry out. Every row is checked before any slot is reset: 0 (the frame
/// untouched) keeps the activation in the tier below, 1 lets it enter.
///
/// # Safety
/// `frame` is the live frame of the function whose optimized code calls this, and
/// every row's slot is a slot of it; `table` points at `3 * rows` words.
pub unsafe extern "C" fn hop_opt_osr_enter(
    frame: *mut TypedValue,
    table: *const u32,
    rows: u64,
) -> u64 {
    use crate::runtime::value::tag;
    // SAFETY: per the contract.
    let rows = unsafe { std::slice::from_raw_parts(table, rows as usize * 3) };
    // SAFETY: (both closures) every slot named is a slot of this live frame, and
    // no reference to one outlives the statement that takes it.
    let tag_of = |s: u32| unsafe { (*frame.add(s as usize)).tag };
    for row in rows.chunks_exact(3) {
        let t = tag_of(row[0]);
        let fits = match row[2] {
            OSR_GUARD => 1u32
                .checked_shl(u32::from(t))
                .is_some_and(|b| b & row[1] != 0),
            _ => t != tag::REF && t != tag::INDIRECT,
        };
        if !fits {
            return 0;
        }
    }
    for row in rows.chunks_exact(3).filter(|r| r[2] == OSR_RESET) {
        // The old value is dropped (released) here.
        // SAFETY: as above.
        unsafe { *frame.add(row[0] as usize) = TypedValue::raw(row[1] as u8, 0) };
    }
    1
}

/// `strtoupper`, `strtolower`, `trim`, `ltrim` or `rtrim` (by `map`, a
/// [`StrMap`] discriminant) of string `cell`, computed inline by optimized code
/// (`intrinsic.rs`): returns the result's string cell, owned (the argument itself
/// with one more owner when nothing changes). Cannot fail or warn; touches only the
/// argument's cell and the allocator.
///
/// # Safety
/// `cell` is the payload of a live STRING value, which the caller keeps alive
/// during the call.
pub unsafe extern "C" fn hop_opt_str_map(map: u64, cell: u64) -> u64 {
    let map = StrMap::from_u8(map as u8).expect("the lowering passes a StrMap");
    // Borrowed, not owned: the caller still holds its owner.
    let arg = TypedValue::view(tag::STRING, cell);
    mapped(&arg, arg.str_bytes(), map).into_raw().1
}

/// `strpos($haystack, $needle)` of two strings, computed inline by optimized code:
/// the byte offset of the first occurrence, or -1 for none (PHP's `false`).
/// Cannot fail or warn (PHP 8 finds an empty needle at 0); reads only the cells.
///
/// # Safety
/// `hay` and `needle` are payloads of live STRING values.
pub unsafe extern "C" fn hop_opt_strpos(hay: u64, needle: u64) -> i64 {
    let (h, n) = (
        TypedValue::view(tag::STRING, hay),
        TypedValue::view(tag::STRING, needle),
    );
    find_from(h.str_bytes(), n.str_bytes(), 0).map_or(-1, |p| p as i64)
}

/// `count` of a hash array (optimized code reads a packed array's length itself).
/// Cannot fail or warn; reads only the array.
///
/// # Safety
/// `arr` is the payload of a live ARRAY value.
pub unsafe extern "C" fn hop_opt_array_len(arr: u64) -> i64 {
    TypedValue::view(tag::ARRAY, arr).arr().len() as i64
}

/// `substr($string, $offset, $length)` of a string and two ints, computed inline
/// by optimized code: returns the result's string cell, owned (the argument itself
/// with one more owner when the range is the whole string). Cannot fail or warn
/// (PHP 8 gives "" for a range outside the string); touches only the argument's
/// cell and the allocator.
///
/// # Safety
/// `cell` is the payload of a live STRING value, which the caller keeps alive
/// during the call.
pub unsafe extern "C" fn hop_opt_substr(cell: u64, offset: i64, length: i64) -> u64 {
    // Borrowed, not owned: the caller still holds its owner.
    let arg = TypedValue::view(tag::STRING, cell);
    substr_of(&arg, offset, Some(length)).into_raw().1
}

/// A value as two words, its tag and its data: how `hop_opt_array_pop` returns one
/// (in two registers, `{ i64, i64 }` in the IR) and how optimized code lays out
/// the parts of an inline concatenation on its stack (`hop_opt_concat`).
#[repr(C)]
pub struct TagData {
    pub tag: u64,
    pub data: u64,
}

/// `array_pop($a)` for optimized code, `ref_box` being the reference box the
/// call's `MakeRef` made of `$a`, which holds an array (checked inline): the last
/// element removed (the array separated first when shared, its next free key
/// lowered as PHP does) and returned owned and dereferenced, or null for an empty
/// array. Cannot fail or warn; touches only the array and the popped value.
///
/// # Safety
/// `ref_box` is the payload of a live REF value whose box holds an array; the
/// caller keeps its owner during the call.
pub unsafe extern "C" fn hop_opt_array_pop(ref_box: u64) -> TagData {
    // Borrowed, not owned: the caller still holds its owner.
    let mut r = TypedValue::view(tag::REF, ref_box);
    let arr = r.deref_mut().arr_mut();
    let (tag, data) = arr
        .pop()
        .map_or_else(TypedValue::null, |v| v.copy_value())
        .into_raw();
    TagData {
        tag: u64::from(tag),
        data,
    }
}

/// Appends the string form of each part (a string's bytes, an int's digits).
fn put_parts(buf: &mut StrBuf, parts: &[TagData]) {
    for p in parts {
        put_string_or_int(buf, &TypedValue::view(p.tag as u8, p.data));
    }
}

/// The length the parts' string forms take at most (an int's at most 20 digits).
fn parts_len_bound(parts: &[TagData]) -> usize {
    parts
        .iter()
        .map(|p| match p.tag as u8 {
            tag::INT => 20,
            _ => TypedValue::view(tag::STRING, p.data).str_bytes().len(),
        })
        .sum()
}

/// The `n` parts at `parts` joined into a fresh string: returns its cell, owned;
/// 0, having done nothing, when the string might pass the memory limit (the
/// caller then runs the op in the tier below, which reports it exactly). Never
/// warns; reads only the parts' cells.
///
/// # Safety
/// `parts` points at `n` [`TagData`] parts, each a live STRING (which the caller
/// keeps alive during the call) or an INT.
pub unsafe extern "C" fn hop_opt_concat(parts: *const TagData, n: u64) -> u64 {
    // SAFETY: per the contract.
    let parts = unsafe { std::slice::from_raw_parts(parts, n as usize) };
    let size = parts_len_bound(parts);
    if !string_fits(size as u128) {
        return 0;
    }
    let mut buf = StrBuf::with_capacity(size);
    put_parts(&mut buf, parts);
    TypedValue::from_buf(buf).into_raw().1
}

/// `$dst = $dst . p1 . ...`: the `n` parts at `parts` appended to the string in
/// `*dst` — in place when `*dst` is its only owner, else into a copy that replaces
/// it (the old value losing one owner). Returns 1; 0, having done nothing, as
/// [`hop_opt_concat`] declines. Never warns; writes only `*dst`.
///
/// # Safety
/// `dst` points at a live STRING value (a slot's storage); `parts` as for
/// [`hop_opt_concat`], none of them `*dst`'s own value unless it is shared.
pub unsafe extern "C" fn hop_opt_concat_append(
    dst: *mut TypedValue,
    parts: *const TagData,
    n: u64,
) -> u64 {
    // SAFETY: per the contract.
    let (d, parts) = unsafe { (&mut *dst, std::slice::from_raw_parts(parts, n as usize)) };
    if !string_fits((d.str_bytes().len() + parts_len_bound(parts)) as u128) {
        return 0;
    }
    d.with_str_buf(|buf| put_parts(buf, parts));
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(v: &TypedValue) -> TagData {
        TagData {
            tag: u64::from(v.tag()),
            data: if v.is_int() {
                v.int_val() as u64
            } else {
                v.cell_ptr() as u64
            },
        }
    }

    /// Strings and ints join; a join that could pass the memory limit is declined
    /// with nothing done (the tier below reports it); appending to a shared
    /// string leaves the other owner's value alone.
    #[test]
    fn concat_joins_declines_and_copies_on_write() {
        let (a, i, b) = (
            TypedValue::str(b"key_"),
            TypedValue::int(i64::MIN),
            TypedValue::str(b"!"),
        );
        let parts = [part(&a), part(&i), part(&b)];
        // SAFETY: the parts are live values held above.
        let cell = unsafe { hop_opt_concat(parts.as_ptr(), 3) };
        let joined = TypedValue::raw(tag::STRING, cell);
        assert_eq!(joined.str_bytes(), b"key_-9223372036854775808!");

        let big = TypedValue::str(&vec![b'x'; 64 << 20]);
        let huge = [part(&big), part(&big)];
        // SAFETY: as above.
        assert_eq!(unsafe { hop_opt_concat(huge.as_ptr(), 2) }, 0);

        let mut s = TypedValue::str(b"base");
        let other = s.clone();
        // SAFETY: `s` is a live string; the part is another value.
        assert_eq!(
            unsafe { hop_opt_concat_append(&mut s, parts[1..].as_ptr(), 2) },
            1
        );
        assert_eq!(s.str_bytes(), b"base-9223372036854775808!");
        assert_eq!(other.str_bytes(), b"base");
        let mut big_dst = big.clone();
        // SAFETY: as above.
        assert_eq!(
            unsafe { hop_opt_concat_append(&mut big_dst, huge.as_ptr(), 1) },
            0
        );
        assert_eq!(big_dst.str_bytes().len(), 64 << 20);
    }
}
