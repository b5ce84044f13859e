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
            let upper = map == StrMap::Upper;
            let changes = |b: &u8| {
                if upper {
                    b.is_ascii_lowercase()
                } else {
                    b.is_ascii_uppercase()
                }
            };
            if !bytes.iter().any(changes) {
                return substring(arg, bytes, 0, bytes.len());
            }
            let mut out = StrBuf::from_slice(bytes);
            if upper {
                out.make_ascii_uppercase();
            } else {
                out.make_ascii_lowercase();
            }
            return TypedValue::from_buf(out);
        }
        StrMap::Trim => trim_bounds(bytes, &DEFAULT_TRIM_MASK, 3),
        StrMap::Ltrim => trim_bounds(bytes, &DEFAULT_TRIM_MASK, 1),
        StrMap::Rtrim => trim_bounds(bytes, &DEFAULT_TRIM_MASK, 2),
    };
    substring(arg, bytes, start, end)
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

    #[test]
    fn discriminants_round_trip() {
        for n in 0..=4 {
            assert_eq!(StrMap::from_u8(n).map(|m| m as u8), Some(n));
        }
        assert_eq!(StrMap::from_u8(5), None);
    }
}
