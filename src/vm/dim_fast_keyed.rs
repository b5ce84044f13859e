//! Element fast paths for a key *value*: an int, or a string normalised as PHP
//! does (`"5"` is the int key 5), on an array of either representation.
//!
//! The optimizing tier plans element ops whose keys were seen to be strings as
//! generic ops (its inline paths are for packed arrays and int keys), and a generic
//! op is the interpreter's: the op decoded again, the line stored, the site counted
//! and profiled, the key converted into an owned `Key` (a refcount on the string),
//! and for a missing key a second lookup with it. For a string-keyed `isset`,
//! read, write or `++` that was three to five times PHP's JIT. These helpers do
//! only the element access; whatever has a diagnostic, a conversion or a type
//! juggle to do (a missing element read, a null or float key, a base that is not
//! an array) returns false having touched nothing, and the generic op runs as
//! before — so the semantics stay in `interp_dim`.
//!
//! Each takes pointers to the storage of its operands (frame slots, which may hold
//! a REF, or a literal), follows REF and INDIRECT itself, and is `extern "C"`:
//! optimized code calls them directly, without the context or the frame, so
//! nothing else it holds in registers has to be written back around them.

use crate::runtime::array::{Key, KeyRef};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::interp::{deref_slot, deref_slot_mut};

/// The owned key for a new element: a string key shares the key's string cell.
#[inline(always)]
fn owned_key(key: &TypedValue, k: KeyRef<'_>) -> Key {
    match k {
        KeyRef::Int(i) => Key::Int(i),
        KeyRef::Str(_) => Key::Str(key.clone()),
    }
}

/// Whether a destination slot may simply be overwritten: it holds nothing that a
/// write must go through (REF, INDIRECT).
#[inline(always)]
fn plain_dst(dst: &TypedValue) -> bool {
    dst.tag < tag::REF
}

/// `FetchDim` (`quiet` false) and `FetchDimIs` (`quiet` true): `dst = base[key]`
/// for an array base and an int or string key. A missing element is null for
/// `isset`/`??` and left to the generic op (its warning) otherwise.
///
/// # Safety
/// `dst` is a live frame slot of the running function; `base` and `key` point at
/// live values (frame slots or literals). `dst` may be the same slot as either.
pub unsafe extern "C" fn hop_keyed_get(
    dst: *mut TypedValue,
    base: *const TypedValue,
    key: *const TypedValue,
    quiet: bool,
) -> bool {
    // SAFETY: per the contract; the borrows end before `dst` is written.
    let (b, k) = unsafe { (deref_slot(&*base), deref_slot(&*key)) };
    if b.tag != tag::ARRAY {
        return false;
    }
    let Some(kr) = KeyRef::of_value(k) else {
        return false;
    };
    let v = match b.arr().get(kr) {
        Some(v) => v.copy_value(),
        None if quiet => TypedValue::null(),
        None => return false,
    };
    // SAFETY: per the contract (the element was copied out first: `dst` may be
    // the base's own slot, whose release may free the array).
    let d = unsafe { &mut *dst };
    if !plain_dst(d) {
        return false;
    }
    *d = v;
    true
}

/// `AssignDim` with a key: `base[key] = val` on an array (separated first when
/// shared, as the generic op does), inserting a new key or overwriting an existing
/// element (through a reference it holds); `dst`, unless null, gets the value too.
///
/// # Safety
/// `base` is a local or INDIRECT temp of the running frame; `key` and `val` point
/// at live values (frame slots or literals); `dst` is null or a live frame slot.
/// None of them is borrowed elsewhere.
pub unsafe extern "C" fn hop_keyed_set(
    base: *mut TypedValue,
    key: *const TypedValue,
    val: *const TypedValue,
    dst: *mut TypedValue,
) -> bool {
    // SAFETY: per the contract; shared borrows of the value and the key, which
    // end (by copying) before the base is borrowed mutably.
    let (v, k) = unsafe { (deref_slot(&*val), deref_slot(&*key)) };
    if v.tag == tag::UNINIT {
        return false;
    }
    let Some(kr) = KeyRef::of_value(k) else {
        return false;
    };
    // Copied before the array is reached: `$a['k'] = $a` must store the array as
    // it was, and the extra count makes `arr_mut` separate it.
    let v = v.copy_value();
    let key = owned_key(k, kr);
    if !dst.is_null() {
        // SAFETY: per the contract.
        if !plain_dst(unsafe { &*dst }) {
            return false;
        }
    }
    // SAFETY: per the contract.
    let b = deref_slot_mut(unsafe { &mut *base });
    if b.tag != tag::ARRAY {
        return false;
    }
    let e = b.arr_mut().entry_mut_owned(&key);
    if dst.is_null() {
        *e.deref_mut() = v;
    } else {
        *e.deref_mut() = v.clone();
        // SAFETY: per the contract; the element borrow ended above.
        unsafe { *dst = v };
    }
    true
}

/// `FetchDimW` with a key (`Write` or `ReadWrite`): `dst` becomes an INDIRECT to
/// element `key` of the array at `base` (separated first when shared). A missing
/// element is created as null for a write and left to the generic op (its
/// warning) for a read-modify-write.
///
/// # Safety
/// `base` is a local or INDIRECT temp of the running frame, `key` a live value,
/// `dst` a temporary of the frame (an INDIRECT there is overwritten, not written
/// through); the element stays where it is until the statement's last op, as for
/// the generic op.
pub unsafe extern "C" fn hop_keyed_elem_w(
    dst: *mut TypedValue,
    base: *mut TypedValue,
    key: *const TypedValue,
    read_write: bool,
) -> bool {
    // SAFETY: per the contract: `dst` is only inspected here.
    let old = unsafe { (*dst).tag };
    if (tag::STRING..=tag::REF).contains(&old) {
        return false;
    }
    // SAFETY: per the contract.
    let k = unsafe { deref_slot(&*key) };
    let Some(kr) = KeyRef::of_value(k) else {
        return false;
    };
    // The owned key a write may insert, made before the base is borrowed (only the
    // key's bytes, in its string cell, are read after that).
    let new_key = (!read_write).then(|| owned_key(k, kr));
    // SAFETY: per the contract.
    let b = deref_slot_mut(unsafe { &mut *base });
    if b.tag != tag::ARRAY {
        return false;
    }
    let e: *mut TypedValue = match &new_key {
        // A write: the element, created as null when missing.
        Some(key) => b.arr_mut().entry_mut_owned(key),
        // A read-modify-write: an existing element (a shared array is separated
        // only once it is known to have it).
        None => {
            if !b.header().is_unique() && !b.arr().contains_key(kr) {
                return false;
            }
            match b.arr_mut().get_mut(kr) {
                Some(e) => e,
                None => return false,
            }
        }
    };
    // SAFETY: per the contract; the element pointer was taken before `dst`
    // (possibly the base's slot) is overwritten.
    unsafe { *dst = TypedValue::indirect(e) };
    true
}

/// `UnsetDim`: removes element `key` (if present) from the array at `base`,
/// separating it first when shared.
///
/// # Safety
/// `base` is a local or INDIRECT temp of the running frame, `key` a live value;
/// neither borrowed elsewhere.
pub unsafe extern "C" fn hop_keyed_unset(base: *mut TypedValue, key: *const TypedValue) -> bool {
    // SAFETY: per the contract.
    let k = unsafe { deref_slot(&*key) };
    let Some(kr) = KeyRef::of_value(k) else {
        return false;
    };
    // SAFETY: per the contract.
    let b = deref_slot_mut(unsafe { &mut *base });
    if b.tag != tag::ARRAY {
        return false;
    }
    // A shared array is separated only when there is something to remove.
    if b.header().is_unique() || b.arr().contains_key(kr) {
        // Dropped here: releasing the old element touches only values.
        drop(b.arr_mut().remove(kr));
    }
    true
}

/// `array_key_exists(key, array)`: whether the array has the element an int or
/// string key names. Reads only the two values; cannot warn or fail.
///
/// # Safety
/// `key` is the payload of a value tagged `key_tag`, INT or STRING (any other
/// key is reported missing: the caller converts those), `arr` that of an array.
pub unsafe extern "C" fn hop_keyed_exists(key_tag: u8, key: u64, arr: u64) -> bool {
    let (k, a) = (
        TypedValue::view(key_tag, key),
        TypedValue::view(tag::ARRAY, arr),
    );
    KeyRef::of_value(&k).is_some_and(|kr| a.arr().contains_key(kr))
}
