//! Built-in functions: md5, sha1, crc32 (algorithms implemented here).

use super::string::ret_str;
use super::{args, BuiltinDef};
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("md5", "string, binary=", md5),
    ("sha1", "string, binary=", sha1),
    ("crc32", "string", crc32),
];

fn hex(d: &[u8]) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    d.iter()
        .flat_map(|&c| [HEX[(c >> 4) as usize], HEX[(c & 15) as usize]])
        .collect()
}

/// Pads a message MD-style: 0x80, zeros, then the bit length (little or big endian).
fn md_pad(msg: &[u8], big_endian: bool) -> Vec<u8> {
    let mut m = msg.to_vec();
    let bits = (msg.len() as u64).wrapping_mul(8);
    m.push(0x80);
    while m.len() % 64 != 56 {
        m.push(0);
    }
    m.extend_from_slice(&if big_endian {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    });
    m
}

pub fn md5_digest(msg: &[u8]) -> [u8; 16] {
    const S: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    let k: [u32; 64] =
        std::array::from_fn(|i| ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32);
    let (mut a0, mut b0, mut c0, mut d0) =
        (0x67452301u32, 0xefcdab89u32, 0x98badcfeu32, 0x10325476u32);
    for chunk in md_pad(msg, false).chunks_exact(64) {
        let m: [u32; 16] = std::array::from_fn(|i| {
            u32::from_le_bytes([
                chunk[4 * i],
                chunk[4 * i + 1],
                chunk[4 * i + 2],
                chunk[4 * i + 3],
            ])
        });
        let (mut a, mut b, mut c, mut d) = (a0, b0, c0, d0);
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(S[i]));
        }
        a0 = a0.wrapping_add(a);
        b0 = b0.wrapping_add(b);
        c0 = c0.wrapping_add(c);
        d0 = d0.wrapping_add(d);
    }
    let mut out = [0u8; 16];
    for (i, w) in [a0, b0, c0, d0].iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
    }
    out
}

pub fn sha1_digest(msg: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    for chunk in md_pad(msg, true).chunks_exact(64) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([
                chunk[4 * i],
                chunk[4 * i + 1],
                chunk[4 * i + 2],
                chunk[4 * i + 3],
            ]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5A827999),
                1 => (b ^ c ^ d, 0x6ED9EBA1),
                2 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6u32),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, w) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&w.to_be_bytes());
    }
    out
}

pub fn crc32_of(msg: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in msg {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn md5(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let raw = args::opt_bool(ctx, a, 1)?.unwrap_or(false);
    let d = md5_digest(&s);
    ret_str(if raw { d.to_vec() } else { hex(&d) })
}
fn sha1(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let raw = args::opt_bool(ctx, a, 1)?.unwrap_or(false);
    let d = sha1_digest(&s);
    ret_str(if raw { d.to_vec() } else { hex(&d) })
}
fn crc32(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    Ok(TypedValue::int(crc32_of(&s) as i64))
}

#[cfg(test)]
mod tests {
    use super::super::string::tests::{run, s};

    #[test]
    fn hashes() {
        // Expected values from php -n.
        assert_eq!(
            run("md5", vec![s("")]),
            "\"d41d8cd98f00b204e9800998ecf8427e\""
        );
        assert_eq!(
            run("md5", vec![s("hello")]),
            "\"5d41402abc4b2a76b9719d911017c592\""
        );
        let long = "a".repeat(1000);
        assert_eq!(
            run("md5", vec![s(&long)]),
            "\"cabe45dcc9ae5b66ba86600cca6b8ba8\""
        );
        assert_eq!(
            run("sha1", vec![s("")]),
            "\"da39a3ee5e6b4b0d3255bfef95601890afd80709\""
        );
        assert_eq!(
            run("sha1", vec![s("hello")]),
            "\"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\""
        );
        assert_eq!(
            run("sha1", vec![s(&long)]),
            "\"291e9a6c66994949b57ba5e650361e98fc36b1ba\""
        );
        assert_eq!(
            run(
                "crc32",
                vec![s("The quick brown fox jumped over the lazy dog.")]
            ),
            "2191738434"
        );
        assert_eq!(run("crc32", vec![s("")]), "0");
        let mut ctx = crate::vm::ctx::ExecCtx::for_tests();
        let raw = super::super::string::tests::call(
            &mut ctx,
            "md5",
            vec![s("abc"), crate::runtime::value::TypedValue::bool(true)],
        );
        assert_eq!(
            raw.map(|v| super::hex(v.str_bytes())),
            Ok(b"900150983cd24fb0d6963f7d28e17f72".to_vec())
        );
    }
}
