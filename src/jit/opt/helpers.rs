//! Runtime helpers only optimized code calls (the rest are the baseline tier's, see
//! `baseline/helpers.rs`, and the deopt entries in `deopt.rs`). Each is
//! `extern "C"`; optimized code reaches them through absolute addresses.

use crate::runtime::value::TypedValue;
use crate::vm::interp::deref_slot_mut;

/// Stores `(tag, data)` into `dst` with the interpreter's `write` semantics: the
/// out-of-line half of a store whose old value is counted, a REF (written through)
/// or an INDIRECT (the element it points to is written). The old value is released;
/// the reference the new value carries is handed over (the caller took it).
///
/// # Safety
/// `dst` is a live, initialised frame slot of the running function or the storage
/// one designates (a REF box's value, an array element); `(tag, data)` is a valid
/// value whose reference the caller owns.
pub unsafe extern "C" fn hop_opt_assign(dst: *mut TypedValue, tag: u64, data: u64) {
    // SAFETY: per the contract.
    let target = deref_slot_mut(unsafe { &mut *dst });
    // The assignment drops (releases) the old value.
    *target = TypedValue::raw(tag as u8, data);
}

/// Reads element `key` of a packed array into `dst` (with the interpreter's `write`
/// semantics: the old value is released, a REF or INDIRECT destination is written
/// through). Returns false, touching nothing, unless `base` is a packed array that
/// has the element: the caller then runs the generic `FetchDim`.
///
/// # Safety
/// `base` points at a live value (an operand's storage); `dst` is a live,
/// initialised frame slot of the running function.
pub unsafe extern "C" fn hop_opt_packed_get(
    dst: *mut TypedValue,
    base: *const TypedValue,
    key: i64,
) -> bool {
    // SAFETY: per the contract.
    let b = unsafe { &*base };
    if !b.is_array() || key < 0 {
        return false;
    }
    let Some(v) = b.arr().packed().and_then(|p| p.get(key as usize)) else {
        return false;
    };
    let v = v.copy_value();
    // SAFETY: per the contract.
    *deref_slot_mut(unsafe { &mut *dst }) = v;
    true
}

/// The element `key` of a packed array held uniquely at `base`, for writing (what
/// `FetchDimW` makes an INDIRECT to); null when `base` is not such an array or lacks
/// the element — the caller then runs the generic `FetchDimW`.
///
/// # Safety
/// `base` points at a live value (a local's storage, or an element an earlier
/// `FetchDimW` of the same statement produced) that nothing else borrows.
pub unsafe extern "C" fn hop_opt_packed_elem_w(base: *mut TypedValue, key: i64) -> *mut TypedValue {
    // SAFETY: per the contract.
    let b = unsafe { &mut *base };
    if key < 0 || !b.is_array() || b.refcount() != Some(1) {
        return std::ptr::null_mut();
    }
    match b.arr_mut().packed_mut().and_then(|p| p.get_mut(key as usize)) {
        Some(e) => e,
        None => std::ptr::null_mut(),
    }
}

/// Overwrites frame slot `slot` itself (never through a REF or INDIRECT it holds),
/// releasing its old value: the out-of-line half of storing a fresh INDIRECT.
///
/// # Safety
/// `slot` is a live, initialised frame slot of the running function.
pub unsafe extern "C" fn hop_opt_set_slot(slot: *mut TypedValue, tag: u64, data: u64) {
    // SAFETY: per the contract; the old value is dropped (released) here.
    unsafe { *slot = TypedValue::raw(tag as u8, data) };
}
