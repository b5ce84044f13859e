//! The one memfd behind the translation cache and its two views.
//!
//! Layout of the reservation (addresses grow to the right):
//!
//! ```text
//!   rx_base                                  rx_base + code_len         + data_len
//!   | hot | main | prof | cold | frozen |pad | data (RW, never executable) |
//!   `---------- memfd [0, code_len) R-X --'   `-- memfd [code_len, ..) RW-'
//!
//!   rw_base: memfd [0, code_len) mapped RW elsewhere — the emitter's alias.
//! ```
//!
//! Why one memfd mapped twice: the code must be executable at one address and writable
//! at another (never both at one address, DESIGN.md 6), and both views must show the
//! same bytes at once without copying or `mprotect` flips — so both map the same
//! physical pages. The data block sits right after the code in the same reservation,
//! so RIP-relative (PC32) references from code to its constants fit, but it is mapped
//! RW and never executable.
//!
//! Why near `.text`: JIT code calls runtime helpers by address. If every helper is
//! within ±2 GiB of every TC byte, those calls are direct `call rel32` instead of
//! `movabs r11, imm64; call r11`. We read `/proc/self/maps` for free gaps closest to
//! the executable segment holding our own code and try them with
//! `MAP_FIXED_NOREPLACE` (the kernel refuses rather than clobbering a mapping that
//! appeared since we read the file). When nothing fits we map anywhere and report
//! `near_text = false`; later tiers must then call helpers through absolute
//! addresses. This never fails the cache.

use std::ffi::CStr;
use std::io;

/// Linux page size assumed for rounding; `sysconf` is asked at run time and this is
/// the fallback.
const FALLBACK_PAGE: usize = 4096;

/// Largest distance a rel32 displacement can cover (in either direction, rounded
/// down so `to - from` for any pair inside the span fits an `i32`).
pub(crate) const REL32_SPAN: u64 = i32::MAX as u64;

/// Preferred alignment of the reservation start (lets huge pages be used later and
/// keeps block starts predictable); falls back to page alignment when a gap is tight.
const PREFERRED_ALIGN: usize = 2 << 20;

/// How many placements to try before mapping anywhere. Each failed try is one
/// syscall returning `EEXIST`.
const MAX_TRIES: usize = 64;

/// The system page size.
pub(crate) fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions; it only reads a system constant.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 && (p as usize).is_power_of_two() {
        p as usize
    } else {
        FALLBACK_PAGE
    }
}

pub(crate) fn align_up(x: usize, align: usize) -> Option<usize> {
    debug_assert!(align.is_power_of_two());
    x.checked_add(align - 1).map(|v| v & !(align - 1))
}

fn align_down(x: usize, align: usize) -> usize {
    x & !(align - 1)
}

/// The mapped memory. Owns the three mappings; unmaps them on drop.
#[derive(Debug)]
pub(crate) struct Mapping {
    /// Start of the executable view of the code (also start of the whole reservation).
    pub rx_base: usize,
    /// Start of the writable alias of the code.
    pub rw_base: usize,
    /// Bytes of code (a multiple of the page size).
    pub code_len: usize,
    /// Start of the RW data block (= `rx_base + code_len`).
    pub data_base: usize,
    /// Bytes of data (a multiple of the page size).
    pub data_len: usize,
    /// Whether every byte of the reservation is within rel32 reach of every byte of
    /// the executable segment that holds this crate's code.
    pub near_text: bool,
    /// The executable segment the placement aimed at, `[start, end)`, if found.
    pub text: Option<(usize, usize)>,
}

/// An address inside this binary's `.text`, used to find the segment to stay near.
#[inline(never)]
pub(crate) extern "C" fn text_anchor() -> usize {
    text_anchor as *const () as usize
}

/// Closes the memfd when the constructor returns (the mappings keep the memory alive).
struct Fd(libc::c_int);

impl Drop for Fd {
    fn drop(&mut self) {
        // SAFETY: self.0 is a file descriptor this struct opened and owns; nobody else
        // closes it.
        unsafe {
            libc::close(self.0);
        }
    }
}

/// Unmaps a region on drop unless disarmed; keeps the constructor leak-free on error.
struct Unmap {
    addr: usize,
    len: usize,
}

impl Unmap {
    fn disarm(self) {
        std::mem::forget(self);
    }
}

impl Drop for Unmap {
    fn drop(&mut self) {
        // SAFETY: [addr, addr+len) is a mapping this constructor created and nothing
        // else refers to yet (the constructor failed before handing it out).
        unsafe {
            libc::munmap(self.addr as *mut libc::c_void, self.len);
        }
    }
}

fn memfd() -> io::Result<Fd> {
    let name: &CStr = c"hopjit-tc";
    // MFD_EXEC: on kernels with `vm.memfd_noexec=1` a memfd without it cannot be
    // mapped executable. Older kernels reject the unknown flag with EINVAL; retry
    // without it there.
    const MFD_EXEC: libc::c_uint = 0x0010;
    // SAFETY: name is a valid NUL-terminated C string; flags are plain bits.
    let fd = unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC | MFD_EXEC) };
    if fd >= 0 {
        return Ok(Fd(fd));
    }
    // SAFETY: as above.
    let fd = unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC) };
    if fd >= 0 {
        Ok(Fd(fd))
    } else {
        Err(io::Error::last_os_error())
    }
}

/// `[start, end)` of a piece of the address space.
type AddrRange = (usize, usize);

/// The executable segment of `/proc/self/maps` that contains `addr`, plus every
/// free gap between mappings (`[start, end)` pairs, sorted).
fn read_maps(addr: usize) -> Option<(AddrRange, Vec<AddrRange>)> {
    let text = std::fs::read_to_string("/proc/self/maps").ok()?;
    let mut ranges = Vec::new();
    let mut seg = None;
    for line in text.lines() {
        let mut it = line.split_whitespace();
        let range = it.next()?;
        let perms = it.next().unwrap_or("");
        let (a, b) = range.split_once('-')?;
        let a = usize::from_str_radix(a, 16).ok()?;
        let b = usize::from_str_radix(b, 16).ok()?;
        if a <= addr && addr < b && perms.contains('x') {
            seg = Some((a, b));
        }
        ranges.push((a, b));
    }
    ranges.sort_unstable();
    let mut gaps = Vec::new();
    // Stay clear of the lowest megabyte (mmap_min_addr, NULL-pointer guard) and
    // below the 47-bit user-space limit.
    let mut prev_end: usize = 1 << 20;
    for &(a, b) in &ranges {
        if a > prev_end {
            gaps.push((prev_end, a));
        }
        prev_end = prev_end.max(b);
    }
    let top: usize = 1 << 47;
    if prev_end < top {
        gaps.push((prev_end, top));
    }
    Some((seg?, gaps))
}

/// Candidate start addresses for a reservation of `len` bytes, nearest to the text
/// segment first, every one of them keeping the reservation within rel32 reach of the
/// whole segment.
pub(crate) fn candidates(
    text: (usize, usize),
    gaps: &[(usize, usize)],
    len: usize,
    page: usize,
) -> Vec<usize> {
    let (t0, t1) = text;
    let reach = REL32_SPAN as usize;
    // Reservation [s, s+len) must satisfy: s + len - t0 <= reach and t1 - s <= reach.
    let lo = t1.saturating_sub(reach);
    let hi_end = t0.saturating_add(reach); // max s + len
    let mut out: Vec<(usize, usize)> = Vec::new(); // (distance, start)
    for &(g0, g1) in gaps {
        // Keep one guard page on both sides: neighbouring mappings (the heap, the
        // binary) must not touch the cache.
        let g0 = g0.saturating_add(page);
        let g1 = g1.saturating_sub(page);
        let a = g0.max(lo);
        let b = g1.min(hi_end);
        if b <= a || b - a < len {
            continue;
        }
        // Below the text: at the top of the gap, as close to the text as possible.
        // Above the text: halfway into the reachable part of the gap, so that a
        // heap growing up from just past the binary (brk) keeps room to grow.
        let place = |align: usize| -> Option<usize> {
            let s = if g1 <= t0 {
                align_down(b - len, align)
            } else {
                align_down(a + (b - a - len) / 2, align)
            };
            (s >= a && s + len <= b).then_some(s)
        };
        if let Some(s) = place(PREFERRED_ALIGN).or_else(|| place(page)) {
            let dist = if s + len <= t0 {
                t0 - (s + len)
            } else {
                s.saturating_sub(t1)
            };
            out.push((dist, s));
        }
    }
    out.sort_unstable();
    out.into_iter().map(|(_, s)| s).take(MAX_TRIES).collect()
}

/// Fallback candidates when `/proc/self/maps` cannot be read: step away from the
/// anchor in both directions, 64 MiB at a time, while staying within reach.
pub(crate) fn stepping_candidates(anchor: usize, len: usize) -> Vec<usize> {
    let step: usize = 64 << 20;
    // Assume the text segment is smaller than 256 MiB around the anchor.
    let reach = (REL32_SPAN as usize).saturating_sub(256 << 20);
    let mut out = Vec::new();
    let base = align_down(anchor, PREFERRED_ALIGN);
    for i in 1..=(MAX_TRIES / 2) {
        let d = step * i;
        if let Some(s) = base.checked_sub(d + len) {
            if anchor - s <= reach && s >= (1 << 20) {
                out.push(align_down(s, PREFERRED_ALIGN));
            }
        }
        let s = base + d;
        if s + len - anchor <= reach {
            out.push(s);
        }
    }
    out
}

/// Reserves `len` bytes of address space (no access) at `hint` exactly, or fails.
fn reserve_at(hint: usize, len: usize) -> Option<usize> {
    // SAFETY: MAP_FIXED_NOREPLACE never replaces an existing mapping, so this cannot
    // clobber memory anyone uses; an anonymous PROT_NONE mapping has no other effect.
    let p = unsafe {
        libc::mmap(
            hint as *mut libc::c_void,
            len,
            libc::PROT_NONE,
            libc::MAP_PRIVATE
                | libc::MAP_ANONYMOUS
                | libc::MAP_NORESERVE
                | libc::MAP_FIXED_NOREPLACE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return None;
    }
    if p as usize != hint {
        // Kernels before 4.17 ignore MAP_FIXED_NOREPLACE and treat the address as a
        // hint: the mapping landed elsewhere. Give it back and try the next one.
        // SAFETY: p..p+len is the mapping just created and not shared with anyone.
        unsafe {
            libc::munmap(p, len);
        }
        return None;
    }
    Some(hint)
}

/// Reserves `len` bytes anywhere.
fn reserve_anywhere(len: usize) -> io::Result<usize> {
    // SAFETY: a fresh anonymous PROT_NONE mapping at a kernel-chosen address touches no
    // existing memory.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        Err(io::Error::last_os_error())
    } else {
        Ok(p as usize)
    }
}

/// Whether `[s, s+len)` is within rel32 reach of every byte of `text`.
pub(crate) fn within_reach(s: usize, len: usize, text: (usize, usize)) -> bool {
    let (t0, t1) = text;
    let far_hi = (s + len).max(t1) as u64;
    let far_lo = s.min(t0) as u64;
    far_hi - far_lo <= REL32_SPAN
}

impl Mapping {
    /// Maps `code_len + data_len` bytes (each already rounded to pages by the caller).
    pub(crate) fn new(code_len: usize, data_len: usize) -> io::Result<Mapping> {
        let total = code_len
            .checked_add(data_len)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "TC size overflows"))?;
        let page = page_size();
        let fd = memfd()?;
        // SAFETY: fd is a valid memfd we own; ftruncate only sets its size.
        if unsafe { libc::ftruncate(fd.0, total as libc::off_t) } != 0 {
            return Err(io::Error::last_os_error());
        }

        // 1. Reserve address space, near our own .text when possible.
        let anchor = text_anchor();
        let maps = read_maps(anchor);
        let text = maps.as_ref().map(|(t, _)| *t);
        let tries = match &maps {
            Some((t, gaps)) => candidates(*t, gaps, total, page),
            None => stepping_candidates(anchor, total),
        };
        let mut base = None;
        for s in tries {
            if let Some(b) = reserve_at(s, total) {
                base = Some(b);
                break;
            }
        }
        let base = match base {
            Some(b) => b,
            None => reserve_anywhere(total)?,
        };
        let reservation = Unmap {
            addr: base,
            len: total,
        };
        let near_text = match text {
            Some(t) => within_reach(base, total, t),
            None => {
                let reach = (REL32_SPAN as usize).saturating_sub(256 << 20) as u64;
                let far = (base + total).max(anchor) as u64 - base.min(anchor) as u64;
                far <= reach
            }
        };

        // 2. Replace the reservation with the memfd: code R-X, data RW.
        // SAFETY: [base, base+code_len) lies inside our own reservation (MAP_FIXED only
        // replaces memory this constructor owns); fd covers offsets [0, total).
        let rx = unsafe {
            libc::mmap(
                base as *mut libc::c_void,
                code_len,
                libc::PROT_READ | libc::PROT_EXEC,
                libc::MAP_SHARED | libc::MAP_FIXED,
                fd.0,
                0,
            )
        };
        if rx == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        if data_len > 0 {
            // SAFETY: [base+code_len, base+total) is the rest of our reservation; the
            // file offset code_len is page aligned and within the file.
            let d = unsafe {
                libc::mmap(
                    (base + code_len) as *mut libc::c_void,
                    data_len,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_SHARED | libc::MAP_FIXED,
                    fd.0,
                    code_len as libc::off_t,
                )
            };
            if d == libc::MAP_FAILED {
                return Err(io::Error::last_os_error());
            }
        }

        // 3. The writable alias of the code, anywhere.
        // SAFETY: a new shared mapping at a kernel-chosen address; touches nothing else.
        let rw = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                code_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd.0,
                0,
            )
        };
        if rw == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        reservation.disarm();
        drop(fd); // the mappings keep the pages alive
        Ok(Mapping {
            rx_base: base,
            rw_base: rw as usize,
            code_len,
            data_base: base + code_len,
            data_len,
            near_text,
            text,
        })
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: both regions were mapped by Mapping::new and are owned by self; the
        // CodeCache that owns self outlives every CodeSpan/DataSpan (they borrow it),
        // so no safe reference into them survives this point.
        unsafe {
            libc::munmap(
                self.rx_base as *mut libc::c_void,
                self.code_len + self.data_len,
            );
            libc::munmap(self.rw_base as *mut libc::c_void, self.code_len);
        }
    }
}
