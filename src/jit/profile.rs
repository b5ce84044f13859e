//! ProfData: what profiling translations observe about a function, lock-free.
//!
//! Every field is an atomic array indexed by bytecode pc, allocated with the function,
//! so baseline code can bump a counter at a fixed address and the optimizing tier can
//! read a snapshot at any time without a lock (DESIGN.md decision 7).
//!
//! Baseline code increments block counters with a plain (unlocked) `inc` on these
//! atomics' memory: concurrent increments may lose counts, which a profile tolerates,
//! and a locked RMW on a shared line would cost more than the count is worth.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// `callees[pc]` after two different callees were seen at one call site.
pub const POLYMORPHIC: u32 = u32::MAX;

/// A pseudo-tag the deopt handler records at an op whose inline path left
/// optimized code for a value it does not handle: the next translation calls the
/// op's generic helper instead.
pub const SLOW_PATH_TAG: u8 = 31;

/// A pseudo-tag an element read or keyed write (`FetchDim`, `AssignDim`) records
/// when its inline path was left for its fast helper (`hop_packed_get`: a string
/// offset, a counted element or destination; `hop_packed_set`: a shared array to
/// copy, a counted value): baseline code records it there, and a deopt of the
/// optimized access records it the first time. Without it the optimized access has
/// no helper call that rejoins its inline path (anything unusual leaves optimized
/// code, so LLVM keeps what it knows across it); with it, the helper is called and
/// the path goes on.
pub const HELPER_PATH_TAG: u8 = 30;
pub const HELPER_PATH_BIT: u32 = 1 << HELPER_PATH_TAG;

pub struct ProfData {
    /// Calls of the function (all tiers).
    pub calls: AtomicU64,
    /// Entries into each basic block, counted by baseline code at the block's first
    /// op (jump targets, handler entries, pc 0); zero elsewhere.
    pub block_counts: Box<[AtomicU64]>,
    /// For type-sensitive ops: the set of operand tags (bit `1 << tag`) seen on the
    /// out-of-line path. An op with an inline int fast path whose set stays empty ran
    /// only int (or bool) operands.
    pub tags: Box<[AtomicU32]>,
    /// For element reads (`FetchDim`): the tags of the elements baseline code's
    /// inline path fetched (bit `1 << tag`), recorded before it decides whether
    /// it can take the element itself. An optimized read whose set holds only
    /// uncounted types guards the element to them (`spec::elem_tags`): the value
    /// it fetched then needs no reference count, and whatever keeps it can stay in
    /// a register.
    pub elem_tags: Box<[AtomicU32]>,
    /// For call sites: callee function index + 1, or `POLYMORPHIC`. `CallValue`
    /// sites record the function of the closure they called (anything else
    /// called there makes them polymorphic).
    pub callees: Box<[AtomicU32]>,
}

fn zeroed<T: Default>(n: usize) -> Box<[T]> {
    (0..n).map(|_| T::default()).collect()
}

impl ProfData {
    pub fn new(num_ops: usize) -> ProfData {
        ProfData {
            calls: AtomicU64::new(0),
            block_counts: zeroed(num_ops),
            tags: zeroed(num_ops),
            elem_tags: zeroed(num_ops),
            callees: zeroed(num_ops),
        }
    }

    pub fn record_tag(&self, pc: usize, tag: u8) {
        if let Some(t) = self.tags.get(pc) {
            let bit = 1u32 << (tag & 31);
            if t.load(Ordering::Relaxed) & bit == 0 {
                t.fetch_or(bit, Ordering::Relaxed);
            }
        }
    }

    pub fn record_callee(&self, pc: usize, func: u32) {
        if let Some(c) = self.callees.get(pc) {
            let id = func.saturating_add(1);
            match c.load(Ordering::Relaxed) {
                0 => c.store(id, Ordering::Relaxed),
                x if x == id || x == POLYMORPHIC => {}
                _ => c.store(POLYMORPHIC, Ordering::Relaxed),
            }
        }
    }

    /// Marks call site `pc` as calling more than one function (or something that
    /// is not a user function at all).
    pub fn record_polymorphic(&self, pc: usize) {
        if let Some(c) = self.callees.get(pc) {
            if c.load(Ordering::Relaxed) != POLYMORPHIC {
                c.store(POLYMORPHIC, Ordering::Relaxed);
            }
        }
    }

    /// The one user function call site `pc` has called, if it called exactly one.
    pub fn monomorphic_callee(&self, pc: usize) -> Option<u32> {
        match self.callees.get(pc)?.load(Ordering::Relaxed) {
            0 | POLYMORPHIC => None,
            id => Some(id - 1),
        }
    }

    /// Address of the callee word of call site `pc`, for baseline code (a static
    /// call stores its callee's id + 1, what `record_callee` would).
    pub fn callee_addr(&self, pc: usize) -> Option<usize> {
        self.callees.get(pc).map(|c| c.as_ptr() as usize)
    }

    /// Address of the block counter of `pc`, for baseline code.
    pub fn block_counter_addr(&self, pc: usize) -> Option<usize> {
        self.block_counts.get(pc).map(|c| c.as_ptr() as usize)
    }

    /// The element tags read `pc` has fetched (see [`ProfData::elem_tags`]).
    pub fn elem_tags(&self, pc: usize) -> u32 {
        self.elem_tags
            .get(pc)
            .map_or(0, |t| t.load(Ordering::Relaxed))
    }

    /// Address of read `pc`'s element tag set, for baseline code.
    pub fn elem_tag_set_addr(&self, pc: usize) -> Option<usize> {
        self.elem_tags.get(pc).map(|t| t.as_ptr() as usize)
    }

    /// Address of op `pc`'s tag set, for JIT code that records a bit in it with a
    /// `lock or` (as `record_tag` does).
    pub fn tag_set_addr(&self, pc: usize) -> Option<usize> {
        self.tags.get(pc).map(|t| t.as_ptr() as usize)
    }
}

/// Names of the tags in a tag set (for `--dump-profile`).
pub fn tag_names(set: u32) -> Vec<&'static str> {
    use crate::runtime::value::tag;
    let names = [
        (tag::UNINIT, "uninit"),
        (tag::NULL, "null"),
        (tag::BOOL, "bool"),
        (tag::INT, "int"),
        (tag::DOUBLE, "float"),
        (tag::STRING, "string"),
        (tag::ARRAY, "array"),
        (tag::OBJECT, "object"),
        (tag::REF, "ref"),
        (tag::INDIRECT, "indirect"),
        (HELPER_PATH_TAG, "helper-path"),
        (SLOW_PATH_TAG, "slow-path"),
    ];
    names
        .iter()
        .filter(|(t, _)| set & (1 << t) != 0)
        .map(|(_, n)| *n)
        .collect()
}
