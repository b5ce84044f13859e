//! Finding every occurrence of one byte in a string, sixteen bytes per step.
//!
//! **Why.** `explode(' ', $s)` and its kin look for one separator byte many times
//! in short strings. A scan per piece (`iter().position`) runs a compare and a
//! branch per byte, and a counting pass before it another loop of the same; glibc's
//! `memchr` per piece costs more in calls than it saves on gaps of a few bytes.
//! Here one SSE2 compare finds all the hits in sixteen bytes as a bit mask, and the
//! caller visits the set bits.

/// Calls `hit` with the index of every `b` in `s`, in increasing order, until it
/// returns `false`.
#[inline]
pub fn each_byte(s: &[u8], b: u8, mut hit: impl FnMut(usize) -> bool) {
    let mut chunks = s.chunks_exact(16);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut mask = mask16(chunk, b);
        while mask != 0 {
            if !hit(base + mask.trailing_zeros() as usize) {
                return;
            }
            mask &= mask - 1;
        }
        base += 16;
    }
    for (i, &c) in chunks.remainder().iter().enumerate() {
        if c == b && !hit(base + i) {
            return;
        }
    }
}

/// How many times `b` occurs in `s`.
#[inline]
pub fn count_byte(s: &[u8], b: u8) -> usize {
    let mut chunks = s.chunks_exact(16);
    let mut n = 0;
    for chunk in &mut chunks {
        n += mask16(chunk, b).count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&c| c == b).count()
}

/// Bit `i` set where `chunk[i] == b` (`chunk` is 16 bytes).
#[inline(always)]
fn mask16(chunk: &[u8], b: u8) -> u32 {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        };
        debug_assert_eq!(chunk.len(), 16);
        // SAFETY: SSE2 is part of x86-64; `chunk` is 16 readable bytes (an exact
        // chunk), and the unaligned load has no alignment requirement.
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8))) as u32
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        chunk
            .iter()
            .enumerate()
            .fold(0, |m, (i, &c)| m | u32::from(c == b) << i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length around the 16-byte steps, hits at every position class:
    /// the same answers as a plain scan.
    #[test]
    fn agrees_with_a_plain_scan() {
        for len in 0..70 {
            let s: Vec<u8> = (0..len)
                .map(|i| {
                    if i % 3 == 0 || i % 7 == 5 {
                        b' '
                    } else {
                        b'a' + (i % 26) as u8
                    }
                })
                .collect();
            let want: Vec<usize> = (0..len).filter(|&i| s[i] == b' ').collect();
            let mut got = Vec::new();
            each_byte(&s, b' ', |i| {
                got.push(i);
                true
            });
            assert_eq!(got, want, "len {len}");
            assert_eq!(count_byte(&s, b' '), want.len(), "len {len}");
            let mut first_two = Vec::new();
            each_byte(&s, b' ', |i| {
                first_two.push(i);
                first_two.len() < 2
            });
            assert_eq!(first_two, want.iter().copied().take(2).collect::<Vec<_>>());
        }
        assert_eq!(count_byte(&[0xff; 40], 0xff), 40);
    }
}
