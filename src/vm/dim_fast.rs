//! Packed-array fast paths: an element read or write with an int key on a packed
//! array, without key conversion, copy-on-write or auto-vivification. The
//! interpreter's dispatch loop, the baseline tier's out-of-line helpers and the
//! optimizing tier's helpers all try these first and fall back to the general
//! `interp_dim::dim_op` when they return false/`None`, so the semantics stay there.

use crate::bytecode::op::{Op, Operand, Slot, NO_SLOT};
use crate::bytecode::unit::Func;
use crate::runtime::array::KeyRef;
use crate::runtime::value::{tag, TypedValue};
use crate::vm::interp::{deref_slot, deref_slot_mut, peek, write};

/// An operand value as an int key; `None` for anything but an int.
#[inline]
fn int_key(key: &TypedValue) -> Option<i64> {
    key.is_int().then(|| key.int_val())
}

/// `b[key]` when that is an existing element of an array (packed or hash) or a
/// string's byte (`$s[$i]`, negative keys from the end as PHP reads them); `None`
/// for anything the generic `FetchDim` must decide (a missing element or offset
/// warns).
#[inline]
fn elem_or_byte(b: &TypedValue, key: i64) -> Option<TypedValue> {
    if b.is_array() {
        return b.arr().get(KeyRef::Int(key)).map(TypedValue::copy_value);
    }
    if b.is_string() {
        let s = b.str_bytes();
        let i = if key < 0 {
            key.checked_add(s.len() as i64)?
        } else {
            key
        };
        return s
            .get(usize::try_from(i).ok()?)
            .map(|&c| TypedValue::single_byte(c));
    }
    None
}

/// [`elem_or_byte`] for a key value: an int, or a string (normalised as PHP does,
/// `"5"` is 5) naming an existing array element — string-keyed reads without the
/// generic op's owned key.
#[inline]
fn elem_or_byte_by(b: &TypedValue, key: &TypedValue) -> Option<TypedValue> {
    if b.is_array() {
        return b.arr().get_by_value(key).map(TypedValue::copy_value);
    }
    key.is_int()
        .then(|| elem_or_byte(b, key.int_val()))
        .flatten()
}

/// Element `key` of a packed array held uniquely at `b`, for writing (no
/// copy-on-write can happen); `None` otherwise.
#[inline]
pub fn packed_elem_mut(b: &mut TypedValue, key: i64) -> Option<&mut TypedValue> {
    let k = usize::try_from(key).ok()?;
    if !b.is_array() || b.refcount() != Some(1) {
        return None;
    }
    b.arr_mut().packed_mut()?.get_mut(k)
}

/// `base[key] = val` (or `base[] = val` when `append`) on a packed array at
/// `base` (separated first when shared), for an existing element or an append;
/// `dst` (unless null) gets the value too. The array-write fast path of every tier:
/// JIT code of both tiers calls it directly (no op decoding). Returns false,
/// touching nothing, when that does not apply (not a packed array, no such element,
/// an undefined, REF or INDIRECT value): the caller then runs the generic
/// `AssignDim`.
///
/// `base` and `val` are followed through REF and INDIRECT here; when they designate
/// the same value (`$a[] = $a`) the generic op copies it first.
///
/// # Safety
/// `base` is a local or INDIRECT temp of the running frame (or the storage it
/// designates), `val` a live value (a frame slot, an operand's storage or a
/// literal), `dst` null or a live, initialised frame slot; none of them borrowed
/// elsewhere.
pub unsafe extern "C" fn hop_packed_set(
    base: *mut TypedValue,
    key: i64,
    append: bool,
    val: *const TypedValue,
    dst: *mut TypedValue,
) -> bool {
    // SAFETY: per the contract; each borrow ends before the next one starts.
    let v: *const TypedValue = deref_slot(unsafe { &*val });
    // SAFETY: as above.
    let b: *mut TypedValue = deref_slot_mut(unsafe { &mut *base });
    if std::ptr::eq(b, v) {
        return false;
    }
    // SAFETY: live and distinct (checked above), borrowed nowhere else.
    let (b, v) = unsafe { (&mut *b, &*v) };
    if v.tag == crate::runtime::value::tag::UNINIT
        || v.tag >= crate::runtime::value::tag::REF
        || !b.is_array()
    {
        return false;
    }
    // Everything that could still refuse is checked before the array is touched.
    match b.arr().packed() {
        None => return false,
        Some(p) if !append && usize::try_from(key).map_or(true, |k| k >= p.len()) => return false,
        Some(_) => {}
    }
    // A shared array is separated here (copy-on-write), as the generic op would:
    // `$perm = $perm1; $perm[$i] = ...` copies once, without leaving the fast path.
    let arr = b.arr_mut();
    if append {
        if arr.packed().is_none() || !arr.push(v.copy_value()) {
            return false;
        }
    } else {
        let Some(e) = arr
            .packed_mut()
            .and_then(|p| usize::try_from(key).ok().and_then(|k| p.get_mut(k)))
        else {
            return false;
        };
        *e.deref_mut() = v.copy_value();
    }
    if !dst.is_null() {
        // SAFETY: per the contract.
        *deref_slot_mut(unsafe { &mut *dst }) = v.copy_value();
    }
    true
}

/// The interpreter's cheapest element read: a scalar (uncounted) element of a packed
/// array under an int key, as its tag and data — no call, no refcount, no release.
/// `None` leaves the read to [`fetch_dim_packed`].
#[inline(always)]
pub(crate) fn packed_scalar(base: &TypedValue, key: &TypedValue) -> Option<(u8, u64)> {
    if base.tag != tag::ARRAY || key.tag != tag::INT {
        return None;
    }
    // (A negative key wraps to a huge index: not found, left to the general read.)
    let e = base.arr().packed()?.get(key.int_val() as usize)?;
    (e.tag < tag::STRING && e.tag != tag::UNINIT).then_some((e.tag, e.data))
}

/// The interpreter's cheapest element write, `$a[$i] = v` with the result unused:
/// a scalar over a scalar element of a packed array the slot alone owns, stored as
/// two fields. Returns false, touching nothing, for anything else (shared arrays,
/// counted values, new keys, references: [`assign_dim_packed`] and the generic op).
/// The key and the value come as (tag, data) pairs read beforehand, so they may
/// have been read from any slot, the base's included.
#[inline(always)]
pub(crate) fn packed_scalar_set(base: &mut TypedValue, key: (u8, u64), v: (u8, u64)) -> bool {
    if key.0 != tag::INT || v.0 >= tag::STRING || v.0 == tag::UNINIT {
        return false;
    }
    let Some(e) = base
        .unique_packed_mut()
        .and_then(|p| p.get_mut(key.1 as usize))
    else {
        return false;
    };
    if e.tag >= tag::STRING || e.tag == tag::UNINIT {
        return false;
    }
    (e.tag, e.data) = v;
    true
}

/// `FetchDim`'s fast path: `dst = base[key]` for an int or string key naming an
/// existing element of an array, or an int key naming a byte of a string. Returns
/// false, touching nothing, otherwise.
#[inline]
pub(crate) fn fetch_dim_packed(
    func: &Func,
    frame: *mut TypedValue,
    dst: Slot,
    base: Operand,
    key: Operand,
) -> bool {
    let b = peek(func, frame, base);
    match elem_or_byte_by(b, peek(func, frame, key)) {
        Some(v) => {
            write(frame, dst, v);
            true
        }
        None => false,
    }
}

/// `AssignDim`'s fast path (see [`hop_packed_set`]). Returns false, touching nothing,
/// when it does not apply.
#[inline]
pub(crate) fn assign_dim_packed(
    func: &Func,
    frame: *mut TypedValue,
    dst: Slot,
    base: Slot,
    key: Option<Operand>,
    val: Operand,
) -> bool {
    let (k, append) = match key {
        Some(k) => match int_key(peek(func, frame, k)) {
            Some(k) => (k, false),
            None => return false,
        },
        None => (0, true),
    };
    let v: *const TypedValue = peek(func, frame, val);
    let d = if dst == NO_SLOT {
        std::ptr::null_mut()
    } else {
        // SAFETY: `dst` is a slot of this live frame.
        unsafe { frame.add(dst as usize) }
    };
    // SAFETY: `base` is a slot of this live frame, `v` a live value (a slot or a
    // literal), `d` null or a slot; hop_packed_set follows REF/INDIRECT and gives up when
    // base and value are the same storage.
    unsafe { hop_packed_set(frame.add(base as usize), k, append, v, d) }
}

/// `FetchDimW`'s fast path (writes and read-modify-writes): `dst` becomes an
/// INDIRECT to the existing element `key` of a packed array held uniquely at
/// `base`. Returns false, touching nothing, otherwise.
#[inline]
pub(crate) fn fetch_dim_w_packed(
    func: &Func,
    frame: *mut TypedValue,
    dst: Slot,
    base: Slot,
    key: Operand,
) -> bool {
    let Some(k) = int_key(peek(func, frame, key)) else {
        return false;
    };
    // SAFETY: `base` is a slot of this live frame; through REF/INDIRECT it
    // designates the container (a local's value or an element fetched for writing
    // earlier in the same statement, still live). The element pointer is read
    // before `dst` (possibly the same slot as `base`) is overwritten.
    let elem = unsafe { hop_packed_elem_w(frame.add(base as usize), k) };
    if elem.is_null() {
        return false;
    }
    // SAFETY: dst is a temporary of this frame; it holds no value that needs a
    // write-through (FetchDimW overwrites its destination).
    unsafe { *frame.add(dst as usize) = TypedValue::indirect(elem) };
    true
}

/// The element `key` of a packed array held uniquely at `base`, for writing (what
/// `FetchDimW` makes an INDIRECT to); null when `base` is not such an array or lacks
/// the element — the caller then runs the generic `FetchDimW`. Optimized code calls
/// it directly.
///
/// # Safety
/// `base` points at a live value (a frame slot — followed through REF and INDIRECT
/// here — or the storage it designates) that nothing else borrows.
pub unsafe extern "C" fn hop_packed_elem_w(base: *mut TypedValue, key: i64) -> *mut TypedValue {
    // SAFETY: per the contract.
    let b = deref_slot_mut(unsafe { &mut *base });
    packed_elem_mut(b, key).map_or(std::ptr::null_mut(), |e| e)
}

/// Reads element `key` of a packed array into `dst` (with the interpreter's `write`
/// semantics: the old value is released, a REF or INDIRECT destination is written
/// through). Returns false, touching nothing, unless `base` is a packed array that
/// has the element or a string that has the byte: the caller then runs the generic
/// `FetchDim`.
///
/// The `FetchDim` fast path JIT code of both tiers calls directly (no op decoding).
/// `base` is a frame slot, followed through REF and INDIRECT here: out of line,
/// because inlined into every array read of optimized code the dereference was most
/// of the IR of array-heavy functions (and of their compile time).
///
/// # Safety
/// `base` points at a live value (a frame slot or an operand's storage); `dst` is
/// a live, initialised frame slot of the running function.
pub unsafe extern "C" fn hop_packed_get(
    dst: *mut TypedValue,
    base: *const TypedValue,
    key: i64,
) -> bool {
    // SAFETY: per the contract.
    let b = deref_slot(unsafe { &*base });
    let Some(v) = elem_or_byte(b, key) else {
        return false;
    };
    // SAFETY: per the contract.
    *deref_slot_mut(unsafe { &mut *dst }) = v;
    true
}

/// `$base[$key] op= $v` as the emitter spells it — `FetchDimW` of the element into
/// the temporary `tmp`, `arith` (`Add`/`Sub`/`Mul` of `tmp` and `v` into `tmp`),
/// `UnsetLocal` of `tmp` — done at once when the element of a packed array held
/// uniquely at `base` and `v` are ints (the result not overflowing) or floats: the
/// interpreter then skips the two ops after the `FetchDimW`. Returns false, touching
/// nothing, when the ops are not that sequence or the values not those types.
#[inline(always)]
pub(crate) fn packed_compound_assign(
    func: &Func,
    frame: *mut TypedValue,
    (base, key, tmp): (Slot, Operand, Slot),
    arith: &Op,
    unset: &Op,
) -> bool {
    let (Op::Add { dst, a, b } | Op::Sub { dst, a, b } | Op::Mul { dst, a, b }) = arith else {
        return false;
    };
    if *dst != tmp
        || *a != Operand::slot(tmp)
        || *b == *a
        || !matches!(unset, Op::UnsetLocal { slot } if *slot == tmp)
    {
        return false;
    }
    let (v, k) = (peek(func, frame, *b), peek(func, frame, key));
    let ((vt, vd), Some(k)) = ((v.tag, v.data), int_key(k)) else {
        return false;
    };
    if vt != tag::INT && vt != tag::DOUBLE {
        return false;
    }
    // SAFETY: `base` is a slot of this live frame, borrowed nowhere else (`v` and
    // the key were copied out above).
    let b = deref_slot_mut(unsafe { &mut *frame.add(base as usize) });
    let Some(e) = b
        .unique_packed_mut()
        .and_then(|p| p.get_mut(usize::try_from(k).ok()?))
    else {
        return false;
    };
    // (Computed from the raw fields: an element that is no number is left alone.)
    let r = match (e.tag, vt) {
        (tag::INT, tag::INT) => {
            let (i, j) = (e.data as i64, vd as i64);
            let r = match arith {
                Op::Add { .. } => i.checked_add(j),
                Op::Sub { .. } => i.checked_sub(j),
                _ => i.checked_mul(j),
            };
            let Some(r) = r else {
                return false;
            };
            (tag::INT, r as u64)
        }
        (tag::INT | tag::DOUBLE, _) => {
            let num = |t: u8, d: u64| {
                if t == tag::INT {
                    d as i64 as f64
                } else {
                    f64::from_bits(d)
                }
            };
            let (i, j) = (num(e.tag, e.data), num(vt, vd));
            let r = match arith {
                Op::Add { .. } => i + j,
                Op::Sub { .. } => i - j,
                _ => i * j,
            };
            (tag::DOUBLE, r.to_bits())
        }
        _ => return false,
    };
    (e.tag, e.data) = r;
    // SAFETY: tmp is a temporary of this frame; `UnsetLocal` would leave it so.
    let t = unsafe { &mut *frame.add(tmp as usize) };
    if t.tag < tag::STRING {
        t.tag = tag::UNINIT;
    } else {
        *t = TypedValue::uninit();
    }
    true
}
