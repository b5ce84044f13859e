//! String cells: header, length, capacity and the bytes in one allocation.
//!
//! Why one allocation: a `Vec<u8>` inside a boxed cell cost two allocations and two
//! frees per PHP string, and two dependent loads (cell, then buffer) to reach the
//! bytes. String-heavy programs spent a fifth of their time in malloc/free, and a
//! string-keyed hash lookup missed the cache once more per key compare than it must.
//! PHP's `zend_string` is laid out the same way for the same reasons.
//!
//! A cell is built through [`StrBuf`], a growable byte buffer whose allocation
//! already *is* the cell: finishing it into a `TypedValue` moves the pointer, never
//! the bytes. A unique string value can be turned back into a `StrBuf` for in-place
//! appends (`$s .= ...`) without copying either.

use std::alloc::{self, Layout};
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

use once_cell::sync::Lazy;

use super::value::{Header, STATIC_FLAG};

/// The cell header. The bytes follow at [`BYTES_OFFSET`]; `cap` of them are
/// allocated, the first `len` are the string.
#[repr(C)]
pub struct StrCell {
    pub hdr: Header,
    len: usize,
    cap: usize,
}

/// Where a cell's bytes start.
pub const BYTES_OFFSET: usize = std::mem::size_of::<StrCell>();
/// Where a cell's length (`usize`) is, for JIT code that reads it (the optimizing
/// tier's inline `strlen`).
pub const LEN_OFFSET: usize = std::mem::offset_of!(StrCell, len);
const _: () = assert!(BYTES_OFFSET == 24);
const _: () = assert!(std::mem::offset_of!(StrCell, hdr) == 0);

/// The smallest capacity a buffer grows to (avoids reallocating per pushed byte).
const MIN_GROWN_CAP: usize = 16;

impl StrCell {
    fn layout(cap: usize) -> Layout {
        match BYTES_OFFSET
            .checked_add(cap)
            .and_then(|size| Layout::from_size_align(size, 8).ok())
        {
            Some(l) => l,
            None => capacity_overflow(),
        }
    }

    /// A fresh cell with refcount 1, no flags, length 0.
    #[inline]
    fn alloc(cap: usize) -> NonNull<StrCell> {
        let layout = Self::layout(cap);
        // SAFETY: the layout has a non-zero size (at least the header).
        let raw = unsafe { alloc::alloc(layout) } as *mut StrCell;
        let Some(cell) = NonNull::new(raw) else {
            alloc::handle_alloc_error(layout)
        };
        // SAFETY: freshly allocated with room for the header.
        unsafe {
            cell.as_ptr().write(StrCell {
                hdr: Header::new(),
                len: 0,
                cap,
            })
        };
        cell
    }

    /// Frees a cell allocated by [`StrCell::alloc`] (possibly regrown).
    ///
    /// # Safety
    /// `cell` is live, owned by the caller, and never used again.
    pub(crate) unsafe fn free(cell: *mut StrCell) {
        // SAFETY: per the contract; `cap` is the capacity the cell was sized for.
        unsafe {
            let layout = Self::layout((*cell).cap);
            alloc::dealloc(cell as *mut u8, layout);
        }
    }

    /// The bytes of the live cell at `cell`.
    ///
    /// # Safety
    /// `cell` points at a live cell that outlives `'a` and is not mutated during it.
    #[inline(always)]
    pub(crate) unsafe fn bytes<'a>(cell: *const StrCell) -> &'a [u8] {
        // SAFETY: per the contract; the first `len` bytes after the header are
        // initialised.
        unsafe { std::slice::from_raw_parts((cell as *const u8).add(BYTES_OFFSET), (*cell).len) }
    }
}

#[cold]
#[inline(never)]
fn capacity_overflow() -> ! {
    panic!("string capacity overflow")
}

/// A growable byte buffer that finishes into a string value without copying.
/// It owns its cell exclusively (refcount 1, never static) until
/// [`StrBuf::into_cell`].
pub struct StrBuf {
    cell: NonNull<StrCell>,
}

impl StrBuf {
    pub fn new() -> StrBuf {
        Self::with_capacity(0)
    }
    #[inline]
    pub fn with_capacity(cap: usize) -> StrBuf {
        StrBuf {
            cell: StrCell::alloc(cap),
        }
    }
    #[inline]
    pub fn from_slice(s: &[u8]) -> StrBuf {
        let mut b = Self::with_capacity(s.len());
        b.extend_from_slice(s);
        b
    }

    /// Adopts a cell.
    ///
    /// # Safety
    /// `cell` is live, has refcount 1, is not static, and its one owner gives it up.
    pub(crate) unsafe fn from_cell(cell: NonNull<StrCell>) -> StrBuf {
        StrBuf { cell }
    }
    /// Gives up the cell (refcount 1) to a new owner.
    pub(crate) fn into_cell(self) -> NonNull<StrCell> {
        let cell = self.cell;
        std::mem::forget(self);
        cell
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        // SAFETY: the cell is live and owned by self.
        unsafe { (*self.cell.as_ptr()).len }
    }
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    #[inline(always)]
    pub fn capacity(&self) -> usize {
        // SAFETY: as in len.
        unsafe { (*self.cell.as_ptr()).cap }
    }
    #[inline(always)]
    fn data(&self) -> *mut u8 {
        // SAFETY: the bytes start BYTES_OFFSET into the cell's allocation.
        unsafe { (self.cell.as_ptr() as *mut u8).add(BYTES_OFFSET) }
    }

    /// Makes room for `additional` more bytes, at least doubling when it regrows.
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        let need = match self.len().checked_add(additional) {
            Some(n) => n,
            None => capacity_overflow(),
        };
        if need > self.capacity() {
            self.grow(need);
        }
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self, need: usize) {
        let cap = need
            .max(self.capacity().saturating_mul(2))
            .max(MIN_GROWN_CAP);
        let old = StrCell::layout(self.capacity());
        let new = StrCell::layout(cap);
        // SAFETY: the cell was allocated with layout `old`; the new size is non-zero
        // and fits isize (Layout checked it). realloc keeps the header and bytes.
        let raw = unsafe { alloc::realloc(self.cell.as_ptr() as *mut u8, old, new.size()) };
        let Some(cell) = NonNull::new(raw as *mut StrCell) else {
            alloc::handle_alloc_error(new)
        };
        self.cell = cell;
        // SAFETY: live cell owned by self.
        unsafe { (*cell.as_ptr()).cap = cap };
    }

    /// Sets the length.
    ///
    /// # Safety
    /// `len <= capacity` and the first `len` bytes are initialised.
    #[inline(always)]
    unsafe fn set_len(&mut self, len: usize) {
        // SAFETY: live cell owned by self; the caller upholds the rest.
        unsafe { (*self.cell.as_ptr()).len = len };
    }

    #[inline]
    pub fn push(&mut self, b: u8) {
        self.reserve(1);
        let len = self.len();
        // SAFETY: reserve made room for one more byte.
        unsafe {
            self.data().add(len).write(b);
            self.set_len(len + 1);
        }
    }
    #[inline]
    pub fn extend_from_slice(&mut self, s: &[u8]) {
        self.reserve(s.len());
        let len = self.len();
        // SAFETY: reserve made room; `s` cannot alias our cell because self is
        // borrowed mutably and the cell is owned exclusively.
        unsafe {
            copy_bytes(s, self.data().add(len));
            self.set_len(len + s.len());
        }
    }
    /// Grows to `n` bytes filling with `fill`, or shortens to `n`.
    pub fn resize(&mut self, n: usize, fill: u8) {
        let len = self.len();
        if n > len {
            self.reserve(n - len);
            // SAFETY: reserve made room for n bytes.
            unsafe { self.data().add(len).write_bytes(fill, n - len) };
        }
        // SAFETY: either shortening, or the bytes up to n were just written.
        unsafe { self.set_len(n) };
    }
    pub fn truncate(&mut self, n: usize) {
        if n < self.len() {
            // SAFETY: shortening keeps the prefix initialised.
            unsafe { self.set_len(n) };
        }
    }
    pub fn clear(&mut self) {
        self.truncate(0)
    }
}

impl Default for StrBuf {
    fn default() -> Self {
        StrBuf::new()
    }
}

impl Deref for StrBuf {
    type Target = [u8];
    #[inline(always)]
    fn deref(&self) -> &[u8] {
        // SAFETY: the first len bytes are initialised and owned by self.
        unsafe { std::slice::from_raw_parts(self.data(), self.len()) }
    }
}

impl DerefMut for StrBuf {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in deref, and self is borrowed mutably.
        unsafe { std::slice::from_raw_parts_mut(self.data(), self.len()) }
    }
}

impl Drop for StrBuf {
    fn drop(&mut self) {
        // SAFETY: self owns the cell exclusively and is going away.
        unsafe { StrCell::free(self.cell.as_ptr()) }
    }
}

impl std::io::Write for StrBuf {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl std::fmt::Debug for StrBuf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(self))
    }
}

/// The 256 one-byte strings, static (immortal, shared by every thread, never
/// written): `$s[$i]`, `chr()` and one-byte pieces allocate nothing, as in PHP.
static SINGLE_BYTES: Lazy<[usize; 256]> = Lazy::new(|| {
    std::array::from_fn(|b| {
        let mut buf = StrBuf::with_capacity(1);
        buf.push(b as u8);
        let cell = buf.into_cell();
        // SAFETY: a fresh cell owned by us alone, not yet shared.
        unsafe { (*cell.as_ptr()).hdr.flags |= STATIC_FLAG };
        cell.as_ptr() as usize
    })
});

/// The static cell of the one-byte string `b` (see [`SINGLE_BYTES`]).
#[inline]
pub(crate) fn single_byte_cell(b: u8) -> *mut StrCell {
    SINGLE_BYTES[b as usize] as *mut StrCell
}

/// A byte sink the string conversions append to: a plain `Vec` for scratch work,
/// a [`StrBuf`] when the result becomes a PHP string.
pub trait ByteSink {
    fn put(&mut self, s: &[u8]);
    /// An int's decimal digits (PHP's int-to-string).
    fn put_int(&mut self, v: i64) {
        self.put(itoa::Buffer::new().format(v).as_bytes());
    }
}

impl ByteSink for Vec<u8> {
    #[inline(always)]
    fn put(&mut self, s: &[u8]) {
        self.extend_from_slice(s)
    }
}

impl ByteSink for StrBuf {
    #[inline(always)]
    fn put(&mut self, s: &[u8]) {
        self.extend_from_slice(s)
    }
    #[inline]
    fn put_int(&mut self, v: i64) {
        self.push_int(v)
    }
}

/// "00" to "99", for writing two digits per step.
static DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

impl StrBuf {
    /// Appends `v`'s decimal digits, written straight into the buffer. Not through
    /// a stack buffer and a copy: reading back digits just stored two bytes at a
    /// time stalls on store forwarding (where half the samples of the optimized
    /// tier's concatenation helper landed in `benches/php/hash_table.php`; about
    /// 2% of a loop of `"key_" . $i . "_" . ($i % 97)`).
    pub fn push_int(&mut self, v: i64) {
        let mut n = v.unsigned_abs();
        let digits = n.checked_ilog10().map_or(1, |l| l as usize + 1);
        let total = digits + usize::from(v < 0);
        self.reserve(total);
        let len = self.len();
        // SAFETY: reserve made room for `total` more bytes, all written below:
        // the digits from the end back, the sign (if any) first.
        unsafe {
            let start = self.data().add(len);
            let mut end = start.add(total);
            while n >= 100 {
                let pair = (n % 100) as usize * 2;
                n /= 100;
                end = end.sub(2);
                std::ptr::copy_nonoverlapping(DIGIT_PAIRS.as_ptr().add(pair), end, 2);
            }
            if n >= 10 {
                end = end.sub(2);
                std::ptr::copy_nonoverlapping(DIGIT_PAIRS.as_ptr().add(n as usize * 2), end, 2);
            } else {
                end = end.sub(1);
                *end = b'0' + n as u8;
            }
            if v < 0 {
                *start = b'-';
            }
            self.set_len(len + total);
        }
    }
}

/// `s` copied to `dst`. PHP strings are mostly built from short pieces (words,
/// digits, separators); a `memcpy` call for each cost more than the copy. Up to 16
/// bytes go as two possibly overlapping loads and stores of the widest size that
/// fits, longer ones through `copy_nonoverlapping`.
///
/// # Safety
/// `dst` is valid for `s.len()` bytes of writes and does not overlap `s`.
#[inline(always)]
unsafe fn copy_bytes(s: &[u8], dst: *mut u8) {
    let n = s.len();
    let src = s.as_ptr();
    // SAFETY (every arm): each read lies within `s` and each write within the `n`
    // bytes at `dst` (both ends of a pair are at most `n` bytes apart), per the
    // contract; `read_unaligned`/`write_unaligned` allow any alignment.
    unsafe {
        match n {
            0 => {}
            1 => *dst = *src,
            2..=3 => {
                let a = src.cast::<u16>().read_unaligned();
                let b = src.add(n - 2).cast::<u16>().read_unaligned();
                dst.cast::<u16>().write_unaligned(a);
                dst.add(n - 2).cast::<u16>().write_unaligned(b);
            }
            4..=7 => {
                let a = src.cast::<u32>().read_unaligned();
                let b = src.add(n - 4).cast::<u32>().read_unaligned();
                dst.cast::<u32>().write_unaligned(a);
                dst.add(n - 4).cast::<u32>().write_unaligned(b);
            }
            8..=16 => {
                let a = src.cast::<u64>().read_unaligned();
                let b = src.add(n - 8).cast::<u64>().read_unaligned();
                dst.cast::<u64>().write_unaligned(a);
                dst.add(n - 8).cast::<u64>().write_unaligned(b);
            }
            _ => std::ptr::copy_nonoverlapping(src, dst, n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `push_int` writes what `itoa` (and PHP) write, at every digit count, both
    /// signs and the extremes, after a prefix.
    #[test]
    fn ints_print_their_decimal_digits() {
        let mut vals = vec![
            0i64,
            1,
            -1,
            9,
            10,
            99,
            100,
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
        ];
        let mut p = 1i64;
        for _ in 0..18 {
            p *= 10;
            vals.extend([p - 1, p, p + 1, -(p - 1), -p, -(p + 1)]);
        }
        for v in vals {
            let mut b = StrBuf::from_slice(b"x");
            b.push_int(v);
            let s = crate::runtime::value::TypedValue::from_buf(b);
            assert_eq!(s.str_bytes(), format!("x{v}").as_bytes(), "{v}");
        }
    }

    /// Every piece length around `copy_bytes`'s size classes, appended after
    /// every odd and even prefix: the bytes come out as they went in.
    #[test]
    fn short_copies_keep_every_byte() {
        let source: Vec<u8> = (0..64u8).map(|i| i.wrapping_mul(37) ^ 0x5a).collect();
        for prefix in 0..5 {
            for n in 0..40 {
                let mut b = StrBuf::new();
                b.extend_from_slice(&source[..prefix]);
                b.extend_from_slice(&source[7..7 + n]);
                let mut want = source[..prefix].to_vec();
                want.extend_from_slice(&source[7..7 + n]);
                assert_eq!(&b[..], &want[..], "prefix {prefix}, piece {n}");
            }
        }
    }

    #[test]
    fn grows_keeps_bytes_and_truncates() {
        let mut b = StrBuf::new();
        assert!(b.is_empty());
        for i in 0..1000u32 {
            b.push((i % 251) as u8);
        }
        assert_eq!(b.len(), 1000);
        assert!(b.capacity() >= 1000);
        assert!(b.iter().enumerate().all(|(i, &x)| x == (i % 251) as u8));
        b.extend_from_slice(b"tail");
        assert_eq!(&b[1000..], b"tail");
        b.resize(1010, b'-');
        assert_eq!(&b[1000..], b"tail------");
        b.truncate(3);
        assert_eq!(&b[..], &[0, 1, 2]);
        b[1] = 9;
        assert_eq!(&b[..], &[0, 9, 2]);
        b.clear();
        assert!(b.is_empty());
    }

    #[test]
    fn round_trips_through_a_cell() {
        let b = StrBuf::from_slice(b"hello");
        let cell = b.into_cell();
        // SAFETY: we own the only handle to the cell.
        assert_eq!(unsafe { StrCell::bytes(cell.as_ptr()) }, b"hello");
        // SAFETY: the cell has refcount 1 and no other owner.
        let mut again = unsafe { StrBuf::from_cell(cell) };
        again.extend_from_slice(b", world");
        assert_eq!(&again[..], b"hello, world");
    }

    #[test]
    fn writes_formatted_text() {
        use std::io::Write;
        let mut b = StrBuf::with_capacity(2);
        let n = 12;
        write!(b, "{n}-{}", ["a", "b"].concat()).unwrap();
        assert_eq!(&b[..], b"12-ab");
    }
}
