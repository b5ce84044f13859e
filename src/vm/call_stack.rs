//! The shadow call stack (`ExecCtx::calls`): one `CallInfo` per active user call.
//!
//! Why not a `Vec<CallInfo>`: the optimizing tier pushes and pops entries in the
//! code it emits (a native call costs a few stores instead of a trip through the
//! Rust call path), so it needs the base pointer, length and capacity at offsets it
//! can name. `Vec`'s field layout is unspecified; this type fixes it (`#[repr(C)]`,
//! offsets via `offset_of!`) and otherwise behaves as the `Vec` did — it derefs to a
//! slice, so `last`, `iter` and indexing read the same.
//!
//! Invariants JIT code relies on: `base[..len]` are initialised entries, `len <=
//! cap`, and pushing with `len < cap` is a plain store of the entry and `len + 1`.
//! Growth (only in [`CallStack::push`]) moves the entries, so emitted code reloads
//! `base` after any call it makes.

use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

use super::ctx::CallInfo;

#[repr(C)]
pub struct CallStack {
    /// The entries; owned storage of capacity `cap` (a `Vec` taken apart).
    pub base: *mut CallInfo,
    pub len: usize,
    pub cap: usize,
}

/// Entries reserved up front: deep enough that JIT code never finds the stack full
/// in ordinary recursion, small enough to cost nothing (32 bytes each).
const INITIAL_CAPACITY: usize = 1024;

impl CallStack {
    pub fn new() -> CallStack {
        let mut s = CallStack {
            base: std::ptr::null_mut(),
            len: 0,
            cap: 0,
        };
        s.set_from(Vec::with_capacity(INITIAL_CAPACITY));
        s
    }

    /// Takes ownership of `v`'s storage; what the stack owned before must have been
    /// taken out (`take_vec`) or be nothing (`new`).
    fn set_from(&mut self, v: Vec<CallInfo>) {
        let mut v = ManuallyDrop::new(v);
        self.base = v.as_mut_ptr();
        self.len = v.len();
        self.cap = v.capacity();
    }

    /// Rebuilds the `Vec` this stack was taken from (ownership goes with it).
    fn take_vec(&mut self) -> Vec<CallInfo> {
        // SAFETY: `base`, `len` and `cap` came from a `Vec<CallInfo>` (set_from) and
        // were only changed consistently with it (push/pop keep len <= cap and
        // base[..len] initialised); the stack is left empty, owning nothing.
        let v = unsafe { Vec::from_raw_parts(self.base, self.len, self.cap) };
        // Field by field: assigning a whole `CallStack` would drop the old one.
        self.set_from(Vec::new());
        v
    }

    #[inline(always)]
    pub fn push(&mut self, ci: CallInfo) {
        if self.len == self.cap {
            return self.push_grow(ci);
        }
        // Field by field: the entry is built in registers (or narrow stores), and a
        // whole-struct copy would read it back with 16-byte loads that cannot be
        // forwarded from those stores (measured: half of an interpreted call).
        // SAFETY: len < cap: the slot is allocated and unused; each field is
        // written once, `ci`'s ownership (its `rare` box) moving into the slot.
        unsafe {
            let p = self.base.add(self.len);
            std::ptr::addr_of_mut!((*p).func).write(ci.func);
            std::ptr::addr_of_mut!((*p).call_line).write(ci.call_line);
            std::ptr::addr_of_mut!((*p).frame).write(ci.frame);
            std::ptr::addr_of_mut!((*p).argc).write(ci.argc);
            std::ptr::addr_of_mut!((*p).nextra).write(ci.nextra);
            std::ptr::addr_of_mut!((*p).rare).write(ci.rare);
        }
        self.len += 1;
    }

    #[cold]
    #[inline(never)]
    fn push_grow(&mut self, ci: CallInfo) {
        let mut v = self.take_vec();
        v.push(ci);
        self.set_from(v);
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Option<CallInfo> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the entry at the old len - 1 was initialised and is no longer
        // counted, so it is moved out exactly once.
        Some(unsafe { self.base.add(self.len).read() })
    }
}

impl Default for CallStack {
    fn default() -> Self {
        CallStack::new()
    }
}

impl Drop for CallStack {
    fn drop(&mut self) {
        drop(self.take_vec());
    }
}

impl Deref for CallStack {
    type Target = [CallInfo];
    #[inline(always)]
    fn deref(&self) -> &[CallInfo] {
        // SAFETY: base[..len] are initialised entries owned by the stack (for
        // len == 0 base is a dangling-but-aligned Vec pointer, valid for empty slices).
        unsafe { std::slice::from_raw_parts(self.base, self.len) }
    }
}

impl DerefMut for CallStack {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [CallInfo] {
        // SAFETY: as in deref; `&mut self` makes the borrow exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.base, self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(func: u32) -> CallInfo {
        CallInfo {
            func,
            call_line: func * 10,
            frame: std::ptr::null_mut(),
            argc: 0,
            nextra: 0,
            rare: None,
        }
    }

    #[test]
    fn push_pop_and_growth_keep_entries_in_order() {
        let mut s = CallStack::new();
        let n = INITIAL_CAPACITY * 2 + 3;
        for i in 0..n as u32 {
            s.push(info(i));
        }
        assert_eq!(s.len(), n);
        assert!(s.cap >= n);
        assert!(s.iter().enumerate().all(|(i, ci)| ci.func == i as u32));
        assert_eq!(s.last().map(|c| c.call_line), Some((n as u32 - 1) * 10));
        for i in (0..n as u32).rev() {
            assert_eq!(s.pop().map(|c| c.func), Some(i));
        }
        assert!(s.pop().is_none());
        assert!(s.is_empty());
    }

    #[test]
    fn rare_parts_are_dropped_with_the_stack() {
        let mut s = CallStack::new();
        let mut ci = info(1);
        ci.rare_mut()
            .dyn_vars
            .push((b"x".to_vec(), Default::default()));
        s.push(ci);
        s.push(info(2));
        drop(s); // miri/asan would flag a leak or double free here
    }
}
