//! Blocks: bump allocators over one slice of the cache, each with its own lock.
//!
//! Why one lock per block (DESIGN.md 7): a baseline translation writing into `prof`
//! must not wait for an optimized one relocating into `hot`. The lock is held only
//! for the pointer bump (a few instructions), never while code is emitted or copied:
//! a translation allocates its final size first and then writes into its own span,
//! which nobody else can see until it is published.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::Mutex;

/// The five code blocks of the cache (HHVM's `code-cache.h`), in address order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockKind {
    /// Optimized code of the hottest functions, packed together for the i-cache.
    Hot,
    /// Optimized code once `hot` is full, and live (non-profiling) translations.
    Main,
    /// Profiling translations from the baseline tier; transient by design.
    Prof,
    /// Slow paths of optimized code, out of the way of the fast path.
    Cold,
    /// Code that almost never runs: deopt and exception exits, stubs.
    Frozen,
}

impl BlockKind {
    /// Every kind, in address order.
    pub const ALL: [BlockKind; 5] = [
        BlockKind::Hot,
        BlockKind::Main,
        BlockKind::Prof,
        BlockKind::Cold,
        BlockKind::Frozen,
    ];

    /// Index into per-kind arrays (address order).
    pub const fn index(self) -> usize {
        match self {
            BlockKind::Hot => 0,
            BlockKind::Main => 1,
            BlockKind::Prof => 2,
            BlockKind::Cold => 3,
            BlockKind::Frozen => 4,
        }
    }

    /// The lower-case name used by the `tc.*_size` options and in statistics.
    pub const fn name(self) -> &'static str {
        match self {
            BlockKind::Hot => "hot",
            BlockKind::Main => "main",
            BlockKind::Prof => "prof",
            BlockKind::Cold => "cold",
            BlockKind::Frozen => "frozen",
        }
    }
}

/// Usage of one block at one moment.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct BlockStats {
    /// Bytes handed out, alignment padding included.
    pub used: usize,
    /// Bytes the block holds in all.
    pub capacity: usize,
    /// Successful allocations.
    pub allocs: u64,
    /// Allocations refused because the block was full (the translation was abandoned
    /// and execution stayed in a lower tier).
    pub failed: u64,
}

impl BlockStats {
    /// Bytes still free (ignoring alignment padding a future request may need).
    pub fn available(&self) -> usize {
        self.capacity.saturating_sub(self.used)
    }
}

#[derive(Debug, Default)]
struct BumpState {
    /// Offset of the first free byte.
    used: usize,
    allocs: u64,
    failed: u64,
}

/// A bump allocator over `[base, base + capacity)` of the executable view. Offsets
/// are shared by both views, so alignment computed on the executable address holds
/// for the writable alias too when the alignment is at most the page size (both
/// views are page aligned).
#[derive(Debug)]
pub(crate) struct Bump {
    base: usize,
    capacity: usize,
    state: Mutex<BumpState>,
    /// Mirror of `state.used` for lock-free reads (`available`, view selection).
    used_hint: AtomicUsize,
}

impl Bump {
    pub(crate) fn new(base: usize, capacity: usize) -> Bump {
        Bump {
            base,
            capacity,
            state: Mutex::new(BumpState::default()),
            used_hint: AtomicUsize::new(0),
        }
    }

    /// Reserves `size` bytes aligned to `align` (a power of two); returns the offset
    /// from `base`. `None` when the block is full (counted) or `align` is not a power
    /// of two (not counted: that is a caller bug, not a full cache).
    pub(crate) fn alloc(&self, size: usize, align: usize) -> Option<usize> {
        if align == 0 || !align.is_power_of_two() {
            return None;
        }
        let mut st = self.state.lock();
        let fits = (self.base + st.used)
            .checked_add(align - 1)
            .map(|a| (a & !(align - 1)) - self.base)
            .and_then(|off| off.checked_add(size).map(|end| (off, end)))
            .filter(|&(_, end)| end <= self.capacity);
        match fits {
            Some((off, end)) => {
                st.used = end;
                st.allocs += 1;
                self.used_hint.store(end, Ordering::Relaxed);
                Some(off)
            }
            None => {
                st.failed += 1;
                None
            }
        }
    }

    pub(crate) fn stats(&self) -> BlockStats {
        let st = self.state.lock();
        BlockStats {
            used: st.used,
            capacity: self.capacity,
            allocs: st.allocs,
            failed: st.failed,
        }
    }

    pub(crate) fn available(&self) -> usize {
        self.capacity
            .saturating_sub(self.used_hint.load(Ordering::Relaxed))
    }

    pub(crate) fn base(&self) -> usize {
        self.base
    }

    pub(crate) fn capacity(&self) -> usize {
        self.capacity
    }
}

/// One code block: a slice of the cache with its own allocator and lock.
#[derive(Debug)]
pub struct Block {
    kind: BlockKind,
    bump: Bump,
    /// Executable address minus writable address of the same byte (wrapping).
    rw_delta: usize,
}

impl Block {
    pub(crate) fn new(kind: BlockKind, rx_base: usize, rw_base: usize, capacity: usize) -> Block {
        Block {
            kind,
            bump: Bump::new(rx_base, capacity),
            rw_delta: rw_base.wrapping_sub(rx_base),
        }
    }

    /// Which block this is.
    pub fn kind(&self) -> BlockKind {
        self.kind
    }

    /// Allocates `size` bytes of code aligned to `align` (a power of two, on the
    /// executable address). Never panics: `None` when the block is full — the caller
    /// abandons the translation and the function keeps running in a lower tier.
    pub fn alloc(&self, size: usize, align: usize) -> Option<CodeSpan<'_>> {
        let off = self.bump.alloc(size, align)?;
        let rx = self.bump.base() + off;
        Some(CodeSpan {
            rx: rx as *const u8,
            rw: rx.wrapping_add(self.rw_delta) as *mut u8,
            len: size,
            _cache: PhantomData,
        })
    }

    /// A snapshot of this block's counters.
    pub fn stats(&self) -> BlockStats {
        self.bump.stats()
    }

    /// Free bytes right now (racy by nature: another thread may allocate next).
    pub fn available(&self) -> usize {
        self.bump.available()
    }

    /// Executable address of the first byte of the block.
    pub fn rx_base(&self) -> usize {
        self.bump.base()
    }

    /// Bytes the block holds.
    pub fn capacity(&self) -> usize {
        self.bump.capacity()
    }

    /// Whether `addr` (executable view) lies inside this block.
    pub fn contains(&self, addr: usize) -> bool {
        addr >= self.rx_base() && addr - self.rx_base() < self.capacity()
    }
}

/// A freshly allocated piece of code: the same bytes seen at two addresses.
///
/// `rw` is where the emitter writes; `rx` is where the code will run and the address
/// every displacement must be computed against (assemble with the final address =
/// [`CodeSpan::rx_addr`]). The span borrows the [`CodeCache`](super::CodeCache), so it
/// cannot outlive the mappings.
///
/// A span is `Send` but neither `Sync` nor `Clone`: exactly one thread writes a given
/// span, which is what makes [`CodeSpan::write`] sound through `&self`. Distinct spans
/// never overlap (the bump allocator hands out each byte once), so threads writing
/// different spans never race.
///
/// Publication contract (memory ordering): write the whole translation first, then
/// make it reachable with ONE atomic `Release` store of its `rx_addr` (the function's
/// entry slot, see [`EntrySlot`](super::EntrySlot)); a caller loads the slot with
/// `Acquire` and calls through the loaded address. Release/Acquire orders the writes
/// through the RW alias before the call. On x86-64 the RX and RW views map the same
/// physical pages and instruction fetch is coherent with data stores to physical
/// memory (caches are physically tagged and snooped), so no cache flush is needed;
/// and because code that was never executed cannot be stale in another core's
/// pipeline, reaching it through a branch after the Acquire load needs no serialising
/// instruction (`cpuid`) — this is the cross-modifying-code pattern every x86 JIT
/// (HHVM, HotSpot, V8) relies on. Patching code that may already be running is a
/// different contract: see DESIGN.md's note on 8-byte-aligned atomic `jmp` patches.
#[derive(Debug)]
pub struct CodeSpan<'a> {
    // Private: `write` trusts these, so safe code must not be able to change them.
    /// Executable address of the first byte.
    rx: *const u8,
    /// Writable alias of the first byte.
    rw: *mut u8,
    /// Length in bytes.
    len: usize,
    _cache: PhantomData<&'a super::CodeCache>,
}

// SAFETY: a CodeSpan is a unique handle on bytes no other span covers; moving it to
// another thread moves the only writer. It is not Sync (raw pointers keep the auto
// trait off) so two threads can never write through one span at once.
unsafe impl Send for CodeSpan<'_> {}

/// The span was too short for the bytes written into it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SpanOverflow {
    /// Offset the write started at.
    pub offset: usize,
    /// Bytes the caller tried to write.
    pub len: usize,
    /// Length of the span.
    pub span_len: usize,
}

impl std::fmt::Display for SpanOverflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "write of {} bytes at offset {} overflows a {}-byte code span",
            self.len, self.offset, self.span_len
        )
    }
}

impl std::error::Error for SpanOverflow {}

impl CodeSpan<'_> {
    /// Executable address of the first byte: the value to publish and call.
    pub fn rx_addr(&self) -> usize {
        self.rx as usize
    }

    /// Writable address of the first byte.
    pub fn rw_addr(&self) -> usize {
        self.rw as usize
    }

    /// Executable pointer to the first byte.
    pub fn rx(&self) -> *const u8 {
        self.rx
    }

    /// Writable pointer to the first byte (writing through it is `unsafe`; prefer
    /// [`CodeSpan::write_at`]).
    pub fn rw(&self) -> *mut u8 {
        self.rw
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Copies `bytes` to the start of the span through the writable view. Writes
    /// nothing and returns an error if they do not fit.
    pub fn write(&self, bytes: &[u8]) -> Result<(), SpanOverflow> {
        self.write_at(0, bytes)
    }

    /// Copies `bytes` to `offset` within the span through the writable view (for
    /// patching displacements after relocation). Writes nothing if out of range.
    pub fn write_at(&self, offset: usize, bytes: &[u8]) -> Result<(), SpanOverflow> {
        let err = SpanOverflow {
            offset,
            len: bytes.len(),
            span_len: self.len,
        };
        let end = offset.checked_add(bytes.len()).ok_or(err)?;
        if end > self.len {
            return Err(err);
        }
        // SAFETY: [rw+offset, rw+end) lies inside this span's writable alias (checked
        // above), which stays mapped while 'a lives (the span borrows the cache); no
        // other span overlaps it and this span is !Sync, so no other thread writes it
        // now; `bytes` is a Rust slice and cannot overlap the RW mapping's bytes
        // unless the caller borrowed them from this very span — which no safe API
        // hands out.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.rw.add(offset), bytes.len());
        }
        Ok(())
    }

    /// Executable address of byte `offset` of the span (for branch targets).
    pub fn rx_at(&self, offset: usize) -> Option<usize> {
        (offset <= self.len).then(|| self.rx_addr() + offset)
    }
}

/// A piece of the RW data block: translation-owned constants, counters, jump tables.
/// Never executable. Same ownership rules as [`CodeSpan`]: borrowed from the cache,
/// one writer, `Send` but not `Sync`.
#[derive(Debug)]
pub struct DataSpan<'a> {
    // Private for the same reason as CodeSpan's fields.
    /// First byte (readable and writable; this is also the address code refers to).
    ptr: *mut u8,
    /// Length in bytes.
    len: usize,
    _cache: PhantomData<&'a super::CodeCache>,
}

// SAFETY: like CodeSpan — a unique handle on bytes no other span covers.
unsafe impl Send for DataSpan<'_> {}

impl DataSpan<'_> {
    pub(crate) fn new(ptr: *mut u8, len: usize) -> Self {
        DataSpan {
            ptr,
            len,
            _cache: PhantomData,
        }
    }

    /// Pointer to the first byte.
    pub fn ptr(&self) -> *mut u8 {
        self.ptr
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Address of the first byte.
    pub fn addr(&self) -> usize {
        self.ptr as usize
    }

    /// Copies `bytes` to `offset` within the span. Writes nothing if out of range.
    pub fn write_at(&self, offset: usize, bytes: &[u8]) -> Result<(), SpanOverflow> {
        let err = SpanOverflow {
            offset,
            len: bytes.len(),
            span_len: self.len,
        };
        let end = offset.checked_add(bytes.len()).ok_or(err)?;
        if end > self.len {
            return Err(err);
        }
        // SAFETY: [ptr+offset, ptr+end) is inside this span (checked), mapped while 'a
        // lives, written by no other span; see CodeSpan::write_at.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.ptr.add(offset), bytes.len());
        }
        Ok(())
    }
}
