//! Where a packed array's elements are, for code that reads and appends to them
//! without Rust: the optimizing tier's inline element access (`jit/opt/irgen_dim.rs`).
//!
//! An array value points at an `ArrCell` (`Header`, then the `PhpArray`), whose
//! representation is a `repr(C, u8)` enum: a tag byte, then for packed arrays a
//! `Vec<TypedValue>`. The cell and the enum have defined layouts; a `Vec`'s three
//! words do not, so their offsets are found by looking at a real `Vec` once. Should
//! that ever not work out (a `Vec` that is not pointer, length and capacity),
//! [`packed_layout`] returns `None` and JIT code keeps calling the Rust fast paths.

use std::sync::OnceLock;

use super::array::{PhpArray, NEXT_FREE_OFFSET, REPR_OFFSET};
use super::value::{ArrCell, TypedValue};

/// Byte offsets from the start of an `ArrCell`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackedLayout {
    /// The representation's tag byte.
    pub repr_tag: usize,
    /// Its value for a packed array.
    pub packed_tag: u8,
    /// The element buffer pointer (`*mut TypedValue`) of a packed array.
    pub elems: usize,
    /// Its element count (`usize`).
    pub len: usize,
    /// Its element capacity (`usize`).
    pub cap: usize,
    /// The key the next append uses (`i64`, PHP's nNextFreeElement): an append
    /// in place needs it to equal the length.
    pub next_free: usize,
    /// The whole cell's size: every array value points at this many readable bytes.
    pub cell_size: usize,
}

/// The layout, or `None` when inline element access is not possible.
pub fn packed_layout() -> Option<PackedLayout> {
    static LAYOUT: OnceLock<Option<PackedLayout>> = OnceLock::new();
    *LAYOUT.get_or_init(probe)
}

fn probe() -> Option<PackedLayout> {
    let repr_tag = std::mem::offset_of!(ArrCell, arr) + REPR_OFFSET;
    let mut packed = PhpArray::with_capacity(5);
    for i in 0..3 {
        packed.push(TypedValue::int(i));
    }
    let mut hash = PhpArray::new();
    hash.set_str(b"k", TypedValue::int(1));
    let (pv, hv) = (TypedValue::array(packed), TypedValue::array(hash));
    let cell = pv.data as usize;
    // SAFETY: both values hold live ArrCells; repr_tag is within the cell (the
    // offset of a field of it).
    let (packed_tag, hash_tag) = unsafe {
        (
            *((cell + repr_tag) as *const u8),
            *((hv.data as usize + repr_tag) as *const u8),
        )
    };
    let elems = pv.arr().packed()?;
    let vec_at = elems as *const Vec<TypedValue> as usize;
    if packed_tag == hash_tag || vec_at < cell || std::mem::size_of::<Vec<TypedValue>>() != 24 {
        return None;
    }
    // SAFETY: `vec_at` is a live Vec of three words (its size checked above).
    let words: [usize; 3] = std::array::from_fn(|i| unsafe { *((vec_at + i * 8) as *const usize) });
    let find = |want: usize| {
        let hits: Vec<usize> = (0..3).filter(|&i| words[i] == want).collect();
        (hits.len() == 1).then(|| vec_at - cell + hits[0] * 8)
    };
    Some(PackedLayout {
        repr_tag,
        packed_tag,
        elems: find(elems.as_ptr() as usize)?,
        len: find(elems.len())?,
        cap: find(elems.capacity())?,
        next_free: std::mem::offset_of!(ArrCell, arr) + NEXT_FREE_OFFSET,
        cell_size: std::mem::size_of::<ArrCell>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The layout found reads real arrays right: a packed array's elements and
    /// length, and a hash array's tag differing.
    #[test]
    fn layout_reads_packed_arrays() {
        let l = packed_layout().expect("Vec is pointer, length, capacity");
        let mut a = PhpArray::new();
        for i in 0..10 {
            a.push(TypedValue::int(i * 7));
        }
        let v = TypedValue::array(a);
        let cell = v.data as usize;
        // SAFETY: the offsets are within a live ArrCell of a packed array.
        unsafe {
            assert_eq!(*((cell + l.repr_tag) as *const u8), l.packed_tag);
            assert_eq!(*((cell + l.len) as *const usize), 10);
            assert!(*((cell + l.cap) as *const usize) >= 10);
            assert_eq!(*((cell + l.next_free) as *const i64), 10);
            let elems = *((cell + l.elems) as *const *const TypedValue);
            assert_eq!((*elems.add(4)).int_val(), 28);
        }
        let mut h = PhpArray::new();
        h.set_str(b"x", TypedValue::int(1));
        let hv = TypedValue::array(h);
        // SAFETY: as above, a hash array's cell.
        assert_ne!(
            unsafe { *((hv.data as usize + l.repr_tag) as *const u8) },
            l.packed_tag
        );
    }
}
