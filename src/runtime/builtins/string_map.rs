//! String functions of one string that cannot fail: ASCII case mapping and
//! trimming by the default character set. The built-ins (`string.rs`) and the
//! optimizing tier's inline calls of them (`jit/opt/intrinsic.rs`) share these, so
//! both print the same bytes and share the argument in the same cases.

use super::string::substring;
use crate::runtime::value::{StrBuf, TypedValue};

/// Which map [`mapped`] applies; the discriminants are what optimized code passes
/// to `hop_opt_str_map`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum StrMap {
    Upper = 0,
    Lower = 1,
    /// `trim`, `ltrim`, `rtrim` with the default characters (" \n\r\t\v\0").
    Trim = 2,
    Ltrim = 3,
    Rtrim = 4,
}

impl StrMap {
    /// The map with discriminant `n`.
    pub fn from_u8(n: u8) -> Option<StrMap> {
        [
            StrMap::Upper,
            StrMap::Lower,
            StrMap::Trim,
            StrMap::Ltrim,
            StrMap::Rtrim,
        ]
        .into_iter()
        .find(|m| *m as u8 == n)
    }
}

/// What `trim()` strips by default: " \n\r\t\v\0".
pub(super) static DEFAULT_TRIM_MASK: [bool; 256] = {
    let mut m = [false; 256];
    let chars = b" \n\r\t\x0b\0";
    let mut i = 0;
    while i < chars.len() {
        m[chars[i] as usize] = true;
        i += 1;
    }
    m
};

/// The bounds of `s` with the bytes in `mask` stripped from the start (`mode`
/// bit 0) and from the end (bit 1).
pub(super) fn trim_bounds(s: &[u8], mask: &[bool; 256], mode: u8) -> (usize, usize) {
    let mut start = 0;
    let mut end = s.len();
    if mode & 1 != 0 {
        while start < end && mask[s[start] as usize] {
            start += 1;
        }
    }
    if mode & 2 != 0 {
        while end > start && mask[s[end - 1] as usize] {
            end -= 1;
        }
    }
    (start, end)
}

/// `map` applied to `bytes`, the string form of `arg`: `arg` itself (one more
/// owner) when nothing changes and it is a string, as PHP returns it.
pub fn mapped(arg: &TypedValue, bytes: &[u8], map: StrMap) -> TypedValue {
    let (start, end) = match map {
        StrMap::Upper | StrMap::Lower => {
            // The letters that change: 'a'..='z' for upper case, 'A'..='Z' for lower.
            let from = if map == StrMap::Upper { b'a' } else { b'A' };
            if !any_in_case_range(bytes, from) {
                return substring(arg, bytes, 0, bytes.len());
            }
            let mut out = StrBuf::from_slice(bytes);
            flip_case_range(&mut out, from);
            return TypedValue::from_buf(out);
        }
        StrMap::Trim => trim_bounds(bytes, &DEFAULT_TRIM_MASK, 3),
        StrMap::Ltrim => trim_bounds(bytes, &DEFAULT_TRIM_MASK, 1),
        StrMap::Rtrim => trim_bounds(bytes, &DEFAULT_TRIM_MASK, 2),
    };
    substring(arg, bytes, start, end)
}

/// The 16-byte lanes of `v` that hold one of the 26 letters from `from` (`b'a'`
/// or `b'A'`), as all-ones bytes: one signed compare, the bytes shifted so that the
/// letters are the 26 smallest signed values.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn letters16(v: std::arch::x86_64::__m128i, from: u8) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::{_mm_add_epi8, _mm_cmplt_epi8, _mm_set1_epi8};
    // SAFETY: SSE2 is part of x86-64; these only compute on registers.
    unsafe {
        let shifted = _mm_add_epi8(v, _mm_set1_epi8(128u8.wrapping_sub(from) as i8));
        _mm_cmplt_epi8(shifted, _mm_set1_epi8((-128i16 + 26) as i8))
    }
}

/// Whether `s` holds any of the 26 letters from `from`, sixteen bytes per step.
fn any_in_case_range(s: &[u8], from: u8) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_movemask_epi8};
        let mut chunks = s.chunks_exact(16);
        for chunk in &mut chunks {
            // SAFETY: SSE2 is part of x86-64; `chunk` is 16 readable bytes, and the
            // unaligned load has no alignment requirement.
            let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) };
            // SAFETY: SSE2 is part of x86-64.
            if unsafe { _mm_movemask_epi8(letters16(v, from)) } != 0 {
                return true;
            }
        }
        chunks.remainder().iter().any(|c| c.wrapping_sub(from) < 26)
    }
    #[cfg(not(target_arch = "x86_64"))]
    s.iter().any(|c| c.wrapping_sub(from) < 26)
}

/// Switches the case of every one of the 26 letters from `from` in `s` (ASCII
/// letters differ in bit 5 alone), sixteen bytes per step.
fn flip_case_range(s: &mut [u8], from: u8) {
    let mut chunks = s.chunks_exact_mut(16);
    #[cfg(target_arch = "x86_64")]
    for chunk in &mut chunks {
        use std::arch::x86_64::{
            __m128i, _mm_and_si128, _mm_loadu_si128, _mm_set1_epi8, _mm_storeu_si128, _mm_xor_si128,
        };
        // SAFETY: SSE2 is part of x86-64; `chunk` is 16 readable and writable bytes,
        // and unaligned loads and stores have no alignment requirement.
        unsafe {
            let p = chunk.as_mut_ptr().cast::<__m128i>();
            let v = _mm_loadu_si128(p);
            let bit5 = _mm_and_si128(letters16(v, from), _mm_set1_epi8(0x20));
            _mm_storeu_si128(p, _mm_xor_si128(v, bit5));
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    for chunk in &mut chunks {
        flip_bytes(chunk, from);
    }
    flip_bytes(chunks.into_remainder(), from);
}

/// [`flip_case_range`] a byte at a time.
fn flip_bytes(s: &mut [u8], from: u8) {
    for c in s {
        if c.wrapping_sub(from) < 26 {
            *c ^= 0x20;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(s: &str, map: StrMap) -> String {
        let v = TypedValue::str(s.as_bytes());
        let r = mapped(&v, s.as_bytes(), map);
        String::from_utf8_lossy(r.str_bytes()).into_owned()
    }

    #[test]
    fn maps_match_php() {
        assert_eq!(apply("Hello, World é1", StrMap::Upper), "HELLO, WORLD é1");
        assert_eq!(apply("Hello, World É1", StrMap::Lower), "hello, world É1");
        assert_eq!(apply(" \t\n\r\x0b\0ab c\0 ", StrMap::Trim), "ab c");
        assert_eq!(apply("  ab  ", StrMap::Ltrim), "ab  ");
        assert_eq!(apply("  ab  ", StrMap::Rtrim), "  ab");
        assert_eq!(apply("   ", StrMap::Trim), "");
        assert_eq!(apply("", StrMap::Upper), "");
    }

    #[test]
    fn unchanged_strings_are_shared() {
        let v = TypedValue::string(b"ABC 1".to_vec());
        let r = mapped(&v, v.str_bytes(), StrMap::Upper);
        assert_eq!(r.data, v.data, "the argument itself, one more owner");
        let t = mapped(&v, v.str_bytes(), StrMap::Trim);
        assert_eq!(t.data, v.data);
        let l = mapped(&v, v.str_bytes(), StrMap::Lower);
        assert_ne!(l.data, v.data);
    }

    /// Every byte value at every position of strings around the 16-byte steps:
    /// the same bytes as the standard library's ASCII case mapping.
    #[test]
    fn case_maps_agree_with_std() {
        for len in [0usize, 1, 15, 16, 17, 31, 32, 33, 47, 64, 300] {
            for start in (0u16..256).step_by(37) {
                let s: Vec<u8> = (0..len)
                    .map(|i| ((start as usize + i * 7) % 256) as u8)
                    .collect();
                for (map, std_map) in [
                    (
                        StrMap::Upper,
                        <[u8]>::to_ascii_uppercase as fn(&[u8]) -> Vec<u8>,
                    ),
                    (StrMap::Lower, <[u8]>::to_ascii_lowercase),
                ] {
                    let v = TypedValue::string(s.clone());
                    let r = mapped(&v, &s, map);
                    assert_eq!(r.str_bytes(), std_map(&s).as_slice(), "{map:?} {s:?}");
                }
            }
        }
    }

    #[test]
    fn discriminants_round_trip() {
        for n in 0..=4 {
            assert_eq!(StrMap::from_u8(n).map(|m| m as u8), Some(n));
        }
        assert_eq!(StrMap::from_u8(5), None);
    }
}
