//! The process's global allocator: mimalloc, called for what it is asked.
//!
//! **Why not `mimalloc::MiMalloc`.** That adapter sends every request through
//! mimalloc's aligned entry points (`mi_malloc_aligned`, `mi_realloc_aligned`),
//! even for the 8-byte alignment of nearly every runtime allocation (string
//! cells, array storage). Their fast path adds an alignment test and falls back to
//! a generic search when the free block at hand is not aligned to the request; the
//! allocator was about a sixth of the string benchmarks' samples. Every mimalloc
//! block is aligned to at least 8 bytes, so requests with alignment up to 8 take
//! the plain entry points; larger alignments keep the aligned ones.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// What every block `mi_malloc` returns is aligned to (its smallest size class
/// is one machine word).
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

/// mimalloc with plain calls where the alignment allows them (see the module).
pub struct PhpAllocator;

// SAFETY: every method forwards to mimalloc with a request it documents as
// valid: a plain call only when `layout.align() <= PLAIN_ALIGN`, which mimalloc's
// blocks always satisfy, else the aligned call with the layout's alignment (a
// power of two, as `Layout` guarantees). Blocks from either family are freed by
// `mi_free` and resized by `mi_realloc`/`mi_realloc_aligned`, which accept both.
unsafe impl GlobalAlloc for PhpAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_malloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_zalloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see the impl; `ptr` came from this allocator.
        unsafe { libmimalloc_sys::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl; `ptr` came from this allocator with `layout`.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                libmimalloc_sys::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align())
                    .cast()
            }
        }
    }
}
