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
