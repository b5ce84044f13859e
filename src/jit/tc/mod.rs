//! The translation cache (TC): where every JIT tier puts its machine code.
//!
//! Modelled on HHVM's `CodeCache` (`hphp/runtime/vm/jit/code-cache.h`), written for
//! Rust. One reservation holds five code blocks — `hot`, `main`, `prof`, `cold`,
//! `frozen` ([`BlockKind`]) — plus a separate RW data block. Decisions (DESIGN.md 4–8):
//!
//! - **W^X by dual mapping.** The reservation is backed by ONE memfd mapped twice: an
//!   R-X view where code runs and an RW alias where emitters write. No address is ever
//!   writable and executable, and no `mprotect` flip is needed, so emitting on one
//!   thread never stalls code running on another.
//! - **rel32 reach.** The whole cache (code and data) is one span of at most 2 GiB, so
//!   every jump or call between translations and every RIP-relative load of
//!   translation data fits a rel32. The span is placed within ±2 GiB of this binary's
//!   `.text` when possible ([`CodeCache::near_text`]) so JIT code can call runtime
//!   helpers with a direct `call rel32` (use [`rel32`] to check each one; fall back to
//!   an absolute call when it returns `None`).
//! - **Per-block bump allocators with their own locks**, held only for the bump.
//!   Allocation never panics: a full block returns `None` and counts a failure
//!   ([`BlockStats::failed`]); the caller abandons the translation and execution
//!   continues in a lower tier (DESIGN.md 6 — "TC is full" must never crash).
//! - **Views** ([`CodeCache::view`]) decide which blocks one translation's main, cold
//!   and frozen parts go to, so no code ever changes global "current block" state.
//! - **Append-only.** Translations are never freed individually. Threads may still be
//!   running old code after a tier-up swapped the entry slot; the treadmill policy is
//!   "never free while the process lives", which is trivially safe and bounded by the
//!   block sizes. The mappings are released only when the [`CodeCache`] is dropped,
//!   which the VM does never (it lives in a process-wide static); `CodeSpan`s borrow
//!   the cache so safe code cannot write after the drop, and published entry addresses
//!   must not be called after it.
//! - **Publication** is one `Release` store of the entry address ([`EntrySlot`]);
//!   callers load with `Acquire`. See [`CodeSpan`] for the full memory-ordering
//!   contract.
//!
//! Linux x86-64 only (memfd, `/proc/self/maps`, x86 i-cache coherence).

mod block;
mod mapping;
pub mod split;
#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use block::{Block, BlockKind, BlockStats, CodeSpan, DataSpan, SpanOverflow};

use block::Bump;
use mapping::{align_up, page_size, Mapping};

/// Block sizes in bytes; the runtime options `tc.hot_size`, `tc.main_size`,
/// `tc.prof_size`, `tc.cold_size` and `tc.frozen_size` map to these fields one to one.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TcConfig {
    /// `tc.hot_size`: optimized code of the hottest functions.
    pub hot: usize,
    /// `tc.main_size`: optimized code once hot is full; live translations.
    pub main: usize,
    /// `tc.prof_size`: profiling translations (baseline tier).
    pub prof: usize,
    /// `tc.cold_size`: slow paths of optimized code.
    pub cold: usize,
    /// `tc.frozen_size`: rarely run code (exits, stubs, profiling slow paths).
    pub frozen: usize,
}

impl Default for TcConfig {
    /// The defaults of the `tc.*_size` options: 16M/32M/32M/16M/16M. Only touched pages
    /// use memory: the rest is address space.
    fn default() -> TcConfig {
        TcConfig {
            hot: 16 << 20,
            main: 32 << 20,
            prof: 32 << 20,
            cold: 16 << 20,
            frozen: 16 << 20,
        }
    }
}

impl TcConfig {
    /// The size of one block.
    pub fn size(&self, kind: BlockKind) -> usize {
        match kind {
            BlockKind::Hot => self.hot,
            BlockKind::Main => self.main,
            BlockKind::Prof => self.prof,
            BlockKind::Cold => self.cold,
            BlockKind::Frozen => self.frozen,
        }
    }

    /// Sum of the code block sizes (before alignment), `None` on overflow.
    pub fn code_total(&self) -> Option<usize> {
        BlockKind::ALL
            .iter()
            .try_fold(0usize, |acc, &k| acc.checked_add(self.size(k)))
    }

    /// The data block size used by [`CodeCache::new`]: 1/16 of the code, at least
    /// 64 KiB and at most 64 MiB. Translation data (constants, counters, jump tables)
    /// is small next to its code.
    pub fn default_data_size(&self) -> usize {
        (self.code_total().unwrap_or(0) / 16).clamp(64 << 10, 64 << 20)
    }
}

/// Why a [`CodeCache`] could not be created. The VM then runs with the JIT off.
#[derive(Debug)]
pub enum TcError {
    /// The sizes sum to zero, overflow, or exceed the 2 GiB rel32 span.
    BadSize(String),
    /// memfd_create / ftruncate / mmap failed.
    Os(std::io::Error),
}

impl fmt::Display for TcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TcError::BadSize(s) => write!(f, "translation cache: {s}"),
            TcError::Os(e) => write!(f, "translation cache: cannot map memory: {e}"),
        }
    }
}

impl std::error::Error for TcError {}

/// Alignment of each block's start inside the reservation (a cache line), so a
/// block never shares a line with the previous one.
const BLOCK_ALIGN: usize = 64;

/// A `hot` block with less than this free is treated as full by
/// [`ViewKind::Optimized`] (HHVM's `kMinTranslationBytes`): a new optimized
/// translation would most likely not fit, and main has room.
pub const HOT_MIN_AVAILABLE: usize = 4096;

/// Which tier a translation comes from; picks its blocks (see [`CodeCache::view`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// Baseline profiling translations: main=prof, cold=frozen, frozen=frozen.
    /// Profiling code is transient, so its slow paths go straight to frozen.
    Profiling,
    /// Optimized translations: hot/cold/frozen, or main/cold/frozen once hot is full.
    Optimized,
    /// Live (non-profiling, non-optimized) translations: main/cold/frozen.
    Live,
}

/// The blocks one translation writes into: its `main`, `cold` and `frozen` parts.
///
/// Why views (HHVM's `CodeCache::View`): the blocks a translation uses depend on its
/// tier, and choosing them per translation — instead of switching global "current
/// block" state — is what lets several threads translate at once.
#[derive(Copy, Clone, Debug)]
pub struct View<'a> {
    cache: &'a CodeCache,
    main: BlockKind,
    cold: BlockKind,
    frozen: BlockKind,
}

impl<'a> View<'a> {
    /// Block of the translation's fast path.
    pub fn main(&self) -> &'a Block {
        self.cache.block(self.main)
    }
    /// Block of the translation's slow paths.
    pub fn cold(&self) -> &'a Block {
        self.cache.block(self.cold)
    }
    /// Block of the translation's rarely run code.
    pub fn frozen(&self) -> &'a Block {
        self.cache.block(self.frozen)
    }
    /// The kinds `(main, cold, frozen)` this view maps to.
    pub fn kinds(&self) -> (BlockKind, BlockKind, BlockKind) {
        (self.main, self.cold, self.frozen)
    }
    /// Allocates the fast-path part. `None` when full (counted); never panics.
    pub fn alloc_main(&self, size: usize, align: usize) -> Option<CodeSpan<'a>> {
        self.main().alloc(size, align)
    }
    /// Allocates the slow-path part.
    pub fn alloc_cold(&self, size: usize, align: usize) -> Option<CodeSpan<'a>> {
        self.cold().alloc(size, align)
    }
    /// Allocates the rarely-run part.
    pub fn alloc_frozen(&self, size: usize, align: usize) -> Option<CodeSpan<'a>> {
        self.frozen().alloc(size, align)
    }
    /// Allocates the data for this translation (the shared RW data block).
    pub fn alloc_data(&self, size: usize, align: usize) -> Option<DataSpan<'a>> {
        self.cache.alloc_data(size, align)
    }
    /// The cache this view allocates from.
    pub fn cache(&self) -> &'a CodeCache {
        self.cache
    }
}

/// Usage of the whole cache at one moment.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TcStats {
    /// Per code block, indexed by [`BlockKind::index`] (address order).
    pub blocks: [BlockStats; 5],
    /// The RW data block.
    pub data: BlockStats,
    /// Whether the cache is within rel32 reach of this binary's `.text`.
    pub near_text: bool,
}

impl TcStats {
    /// Counters of one code block.
    pub fn block(&self, kind: BlockKind) -> BlockStats {
        self.blocks[kind.index()]
    }
    /// Allocations refused for lack of space, over all blocks (data included).
    pub fn total_failed(&self) -> u64 {
        self.blocks.iter().map(|b| b.failed).sum::<u64>() + self.data.failed
    }
}

impl fmt::Display for TcStats {
    /// One line per block: `name used/capacity allocs failed` (for `jit.stats`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for k in BlockKind::ALL {
            let b = self.block(k);
            writeln!(
                f,
                "tc.{:<7} {:>10}/{:<10} allocs={} failed={}",
                k.name(),
                b.used,
                b.capacity,
                b.allocs,
                b.failed
            )?;
        }
        let d = self.data;
        writeln!(
            f,
            "tc.{:<7} {:>10}/{:<10} allocs={} failed={}",
            "data", d.used, d.capacity, d.allocs, d.failed
        )?;
        write!(f, "tc.near_text {}", self.near_text)
    }
}

/// The translation cache. Create one per process (see the module docs) and share it
/// by reference; every method takes `&self` and is thread-safe.
pub struct CodeCache {
    map: Mapping,
    blocks: [Block; 5],
    data: Bump,
    config: TcConfig,
}

impl fmt::Debug for CodeCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CodeCache")
            .field("rx_base", &format_args!("{:#x}", self.map.rx_base))
            .field("rw_base", &format_args!("{:#x}", self.map.rw_base))
            .field("code_len", &self.map.code_len)
            .field("data_len", &self.map.data_len)
            .field("near_text", &self.map.near_text)
            .field("config", &self.config)
            .finish()
    }
}

impl CodeCache {
    /// Maps a cache with the given block sizes and the default data size
    /// ([`TcConfig::default_data_size`]).
    pub fn new(config: TcConfig) -> Result<CodeCache, TcError> {
        CodeCache::with_data_size(config, config.default_data_size())
    }

    /// Maps a cache with the given block sizes and `data` bytes of RW data.
    ///
    /// Errors when the sizes are all zero or the reservation (code + data, rounded
    /// to pages) exceeds 2 GiB, or when the OS refuses the mappings.
    pub fn with_data_size(config: TcConfig, data: usize) -> Result<CodeCache, TcError> {
        let page = page_size();
        let bad = |m: &str| TcError::BadSize(m.to_string());
        // Lay the blocks out in address order, each starting on a cache line.
        let mut offsets = [0usize; 5];
        let mut end = 0usize;
        for k in BlockKind::ALL {
            let start = align_up(end, BLOCK_ALIGN).ok_or_else(|| bad("sizes overflow"))?;
            offsets[k.index()] = start;
            end = start
                .checked_add(config.size(k))
                .ok_or_else(|| bad("sizes overflow"))?;
        }
        if end == 0 {
            return Err(bad("every block has size 0"));
        }
        let code_len = align_up(end, page).ok_or_else(|| bad("sizes overflow"))?;
        let data_len = align_up(data, page).ok_or_else(|| bad("data size overflows"))?;
        let total = code_len
            .checked_add(data_len)
            .ok_or_else(|| bad("sizes overflow"))?;
        if total as u64 > mapping::REL32_SPAN {
            return Err(TcError::BadSize(format!(
                "{total} bytes exceed the 2 GiB a rel32 jump can span (tc.*_size sum too large)"
            )));
        }
        let map = Mapping::new(code_len, data_len).map_err(TcError::Os)?;
        let mk = |k: BlockKind| {
            let off = offsets[k.index()];
            Block::new(k, map.rx_base + off, map.rw_base + off, config.size(k))
        };
        let blocks = BlockKind::ALL.map(mk);
        let data = Bump::new(map.data_base, data_len);
        Ok(CodeCache {
            map,
            blocks,
            data,
            config,
        })
    }

    /// One block by kind (its own name: `block(Main)` is always the real main block).
    pub fn block(&self, kind: BlockKind) -> &Block {
        &self.blocks[kind.index()]
    }

    /// Allocates code directly in one block. `None` when full (counted).
    pub fn alloc(&self, kind: BlockKind, size: usize, align: usize) -> Option<CodeSpan<'_>> {
        self.block(kind).alloc(size, align)
    }

    /// Allocates RW, never-executable data (constants, counters) for a translation.
    /// `None` when the data block is full (counted).
    pub fn alloc_data(&self, size: usize, align: usize) -> Option<DataSpan<'_>> {
        let off = self.data.alloc(size, align)?;
        Some(DataSpan::new((self.data.base() + off) as *mut u8, size))
    }

    /// The blocks a translation of the given kind writes to:
    /// - `Profiling` → prof / frozen / frozen,
    /// - `Optimized` → hot / cold / frozen, or main / cold / frozen once hot has less
    ///   than [`HOT_MIN_AVAILABLE`] bytes free (or has size 0),
    /// - `Live` → main / cold / frozen.
    ///
    /// A translation that does not fit in hot despite the check may retry with
    /// `view(ViewKind::Live)` (main); if that fails too it is abandoned.
    pub fn view(&self, kind: ViewKind) -> View<'_> {
        use BlockKind::*;
        let (main, cold, frozen) = match kind {
            ViewKind::Profiling => (Prof, Frozen, Frozen),
            ViewKind::Optimized if self.block(Hot).available() >= HOT_MIN_AVAILABLE => {
                (Hot, Cold, Frozen)
            }
            ViewKind::Optimized | ViewKind::Live => (Main, Cold, Frozen),
        };
        View {
            cache: self,
            main,
            cold,
            frozen,
        }
    }

    /// A snapshot of every block's counters (each block is read under its own lock;
    /// the snapshot as a whole is not atomic across blocks).
    pub fn stats(&self) -> TcStats {
        TcStats {
            blocks: BlockKind::ALL.map(|k| self.block(k).stats()),
            data: self.data.stats(),
            near_text: self.map.near_text,
        }
    }

    /// Whether the whole cache is within rel32 reach of this binary's `.text`, so
    /// direct `call rel32` to runtime helpers work (still check each with [`rel32`]:
    /// helpers in shared libraries may be far away).
    pub fn near_text(&self) -> bool {
        self.map.near_text
    }

    /// The executable segment the placement aimed at, `[start, end)`, when known.
    pub fn text_range(&self) -> Option<(usize, usize)> {
        self.map.text
    }

    /// The config the cache was created with.
    pub fn config(&self) -> TcConfig {
        self.config
    }

    /// Executable code range `[start, end)` (every block).
    pub fn code_range(&self) -> (usize, usize) {
        (self.map.rx_base, self.map.rx_base + self.map.code_len)
    }

    /// Writable alias range of the code `[start, end)`.
    pub fn rw_range(&self) -> (usize, usize) {
        (self.map.rw_base, self.map.rw_base + self.map.code_len)
    }

    /// Data block range `[start, end)`.
    pub fn data_range(&self) -> (usize, usize) {
        (self.map.data_base, self.map.data_base + self.map.data_len)
    }

    /// Whether `addr` is executable code of this cache (for unwinders, profilers and
    /// "is this return address JIT code?" checks).
    pub fn contains_code(&self, addr: usize) -> bool {
        let (a, b) = self.code_range();
        addr >= a && addr < b
    }

    /// The writable alias of an executable address of this cache, for patching code
    /// after it was allocated (e.g. smashable jumps). `None` outside the cache.
    pub fn rw_for_rx(&self, addr: usize) -> Option<*mut u8> {
        self.contains_code(addr)
            .then(|| (addr - self.map.rx_base + self.map.rw_base) as *mut u8)
    }
}

// CodeCache is Send + Sync by construction: Mapping holds only addresses (usize), the
// blocks hold a parking_lot Mutex and atomics. No unsafe impl is needed.

/// Displacement of a rel32 branch/call/RIP-relative operand: `to - from`, where
/// `from` is the executable address of the byte right after the instruction (what
/// the CPU adds the displacement to). `None` when it does not fit an `i32` — the
/// caller must then use an absolute (`movabs` + indirect) form.
pub fn rel32(from_rx_after_insn: usize, to: usize) -> Option<i32> {
    i32::try_from(to as i128 - from_rx_after_insn as i128).ok()
}

/// A function's entry slot: the one atomic word every tier calls through
/// (DESIGN.md 4). Tier-up is one `Release` store; callers `Acquire`-load.
///
/// The Release store orders every write of the translation (through the RW view)
/// and every metadata commit before it; the Acquire load on the calling thread makes
/// them visible before the call. See [`CodeSpan`] for why no i-cache flush or
/// serialising instruction is needed on x86-64. The VM may keep its own
/// `AtomicPtr` instead; this type only fixes the orderings in one place.
#[derive(Debug, Default)]
pub struct EntrySlot(AtomicUsize);

impl EntrySlot {
    /// An empty slot (0 = "no translation: interpret").
    pub const fn new() -> EntrySlot {
        EntrySlot(AtomicUsize::new(0))
    }

    /// Publishes `rx_addr` (a [`CodeSpan::rx_addr`] whose code is fully written).
    pub fn publish(&self, rx_addr: usize) {
        self.0.store(rx_addr, Ordering::Release);
    }

    /// The current entry, 0 if none.
    pub fn load(&self) -> usize {
        self.0.load(Ordering::Acquire)
    }
}
