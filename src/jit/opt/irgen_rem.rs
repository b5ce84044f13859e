//! `x % d` and `x / d` for a constant int divisor without a division instruction.
//!
//! Why here and not in LLVM: LLVM turns a division by a constant into a multiply by
//! a "magic" reciprocal in its SelectionDAG combiner, but O1/O2 select instructions
//! with FastISel (`codegen.rs`), which emits a 64-bit `idiv` — 20 to 90 cycles, the
//! whole cost of a loop like nested_loops' `($a + $b + $c) % 7`. The lowering
//! writes the multiply itself (Hacker's Delight, 10-1 and 10-2 for signed
//! division): the quotient truncated toward zero is a shift with a sign fix-up for a
//! power of two, else a high multiply, shifts and a sign correction; the remainder
//! is `x - q·|d|`. PHP's `%` is C's: the result takes the dividend's sign and the
//! divisor's sign does not matter, so `x % -7` is `x % 7`. PHP's int `/` is the
//! quotient when exact, else the float quotient.

use super::*;

/// The magic multiplier and shift for signed division by `d` (3 ≤ d < 2^63, not a
/// power of two): `q = ((mulhs(x, m) [+ x when m < 0]) >> s) + sign bit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct SignedMagic {
    pub multiplier: i64,
    pub shift: u32,
}

/// Hacker's Delight figure 10-1, for 64 bits and a positive divisor.
pub(super) fn signed_magic(d: u64) -> SignedMagic {
    debug_assert!((3..1 << 63).contains(&d) && !d.is_power_of_two());
    const TWO63: u64 = 1 << 63;
    let anc = TWO63 - 1 - TWO63 % d; // |nc|: the largest n with n % d == d - 1
    let mut p = 63u32;
    let (mut q1, mut r1) = (TWO63 / anc, TWO63 % anc);
    let (mut q2, mut r2) = (TWO63 / d, TWO63 % d);
    loop {
        p += 1;
        q1 = q1.wrapping_mul(2);
        r1 = r1.wrapping_mul(2);
        if r1 >= anc {
            q1 = q1.wrapping_add(1);
            r1 -= anc;
        }
        q2 = q2.wrapping_mul(2);
        r2 = r2.wrapping_mul(2);
        if r2 >= d {
            q2 = q2.wrapping_add(1);
            r2 -= d;
        }
        let delta = d - r2;
        if !(q1 < delta || (q1 == delta && r1 == 0)) {
            break;
        }
    }
    SignedMagic {
        multiplier: q2.wrapping_add(1) as i64,
        shift: p - 64,
    }
}

/// `|d|` when the lowering divides by constant `d` without a division instruction
/// (|d| ≥ 2; not `i64::MIN`, whose magnitude is no i64).
fn divisor_magnitude(d: i64) -> Option<u64> {
    d.checked_abs().map(|a| a as u64).filter(|a| *a >= 2)
}

/// `x / ad` truncated toward zero, by the same steps as the IR
/// [`Lower::quot_by_magnitude`] writes (for the unit tests).
#[cfg(test)]
fn quot_like_lowering(x: i64, ad: u64) -> i64 {
    if ad.is_power_of_two() {
        let k = ad.trailing_zeros();
        let bias = ((x >> 63) as u64 >> (64 - k)) as i64;
        return x.wrapping_add(bias) >> k;
    }
    let m = signed_magic(ad);
    let mut h = ((x as i128 * m.multiplier as i128) >> 64) as i64;
    if m.multiplier < 0 {
        h = h.wrapping_add(x);
    }
    let t = h >> m.shift;
    t.wrapping_add((t as u64 >> 63) as i64)
}

impl Lower<'_> {
    /// The IR for `x / ad` truncated toward zero (C's and PHP's `intdiv`), for
    /// `ad` from [`divisor_magnitude`].
    fn quot_by_magnitude(&mut self, x: &str, ad: u64) -> String {
        if ad.is_power_of_two() {
            // Round negative dividends toward zero before shifting.
            let k = ad.trailing_zeros();
            let (sign, bias, biased, q) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
            self.line(&format!("{sign} = ashr i64 {x}, 63"));
            self.line(&format!("{bias} = lshr i64 {sign}, {}", 64 - k));
            self.line(&format!("{biased} = add i64 {x}, {bias}"));
            self.line(&format!("{q} = ashr i64 {biased}, {k}"));
            return q;
        }
        let m = signed_magic(ad);
        let (wide, prod, high, h) = (self.tmp(), self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{wide} = sext i64 {x} to i128"));
        self.line(&format!("{prod} = mul i128 {wide}, {}", m.multiplier));
        self.line(&format!("{high} = ashr i128 {prod}, 64"));
        self.line(&format!("{h} = trunc i128 {high} to i64"));
        let h = if m.multiplier < 0 {
            let h2 = self.tmp();
            self.line(&format!("{h2} = add i64 {h}, {x}"));
            h2
        } else {
            h
        };
        let (t, sign, q) = (self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{t} = ashr i64 {h}, {}", m.shift));
        self.line(&format!("{sign} = lshr i64 {t}, 63"));
        self.line(&format!("{q} = add i64 {t}, {sign}"));
        q
    }

    /// `r = x % d` for constant `d` as IR without `srem`; false (nothing written)
    /// for the divisors the caller keeps its checked `srem` for (0, ±1, `i64::MIN`).
    pub(super) fn rem_by_const(&mut self, r: &str, x: &str, d: i64) -> bool {
        let Some(ad) = divisor_magnitude(d) else {
            return false;
        };
        let q = self.quot_by_magnitude(x, ad);
        let qd = self.tmp();
        self.line(&format!("{qd} = mul i64 {q}, {ad}"));
        self.line(&format!("{r} = sub i64 {x}, {qd}"));
        true
    }

    /// `x / d` for constant `d` (PHP's int division: an int when exact, else the
    /// float quotient) as (tag, payload) without `sdiv`/`srem`; `None` for the
    /// divisors the caller keeps its checked division for.
    pub(super) fn div_by_const(&mut self, x: &str, d: i64) -> Option<(String, String)> {
        let ad = divisor_magnitude(d)?;
        let q = self.quot_by_magnitude(x, ad);
        let (qd, exact) = (self.tmp(), self.tmp());
        self.line(&format!("{qd} = mul i64 {q}, {ad}"));
        self.line(&format!("{exact} = icmp eq i64 {qd}, {x}"));
        let q = if d < 0 {
            let neg = self.tmp();
            self.line(&format!("{neg} = sub i64 0, {q}"));
            neg
        } else {
            q
        };
        let (fx, fq, bits, t, v) = (self.tmp(), self.tmp(), self.tmp(), self.tmp(), self.tmp());
        self.line(&format!("{fx} = sitofp i64 {x} to double"));
        self.line(&format!(
            "{fq} = fdiv double {fx}, {}",
            f64_literal((d as f64).to_bits())
        ));
        self.line(&format!("{bits} = bitcast double {fq} to i64"));
        self.line(&format!(
            "{t} = select i1 {exact}, i8 {}, i8 {}",
            tag::INT,
            tag::DOUBLE
        ));
        self.line(&format!("{v} = select i1 {exact}, i64 {q}, i64 {bits}"));
        Some((t, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published magic numbers (Hacker's Delight, table 10-2, 64-bit column).
    #[test]
    fn magic_numbers_match_the_table() {
        assert_eq!(
            signed_magic(3),
            SignedMagic {
                multiplier: 0x5555555555555556,
                shift: 0
            }
        );
        assert_eq!(
            signed_magic(5),
            SignedMagic {
                multiplier: 0x6666666666666667,
                shift: 1
            }
        );
        assert_eq!(
            signed_magic(7),
            SignedMagic {
                multiplier: 0x4924924924924925,
                shift: 1
            }
        );
    }

    /// The lowering's quotient and remainder against Rust's (C's) for every divisor
    /// it takes: `%` is `x - q·|d|`, `/` is `±q` when that is exact.
    fn check(x: i64, d: i64) {
        if let Some(ad) = divisor_magnitude(d) {
            let q = quot_like_lowering(x, ad);
            assert_eq!(q, x.wrapping_div(ad as i64), "{x} / {ad}");
            let r = x.wrapping_sub(q.wrapping_mul(ad as i64));
            assert_eq!(r, x.wrapping_rem(d), "{x} % {d}");
            let signed = if d < 0 { q.wrapping_neg() } else { q };
            assert_eq!(signed, x.wrapping_div(d), "{x} / {d}");
        }
    }

    const EDGES: [i64; 12] = [
        0,
        1,
        -1,
        2,
        -2,
        6,
        -7,
        i64::MAX,
        i64::MIN,
        i64::MIN + 1,
        i64::MAX - 1,
        1 << 62,
    ];

    #[test]
    fn edge_dividends_and_divisors() {
        let divisors = [
            2,
            3,
            -3,
            4,
            7,
            -7,
            10,
            12,
            100,
            641,
            1 << 40,
            1_000_000_007,
            i64::MAX,
            -i64::MAX,
            (1 << 62) + 1,
        ];
        for d in divisors {
            for x in EDGES {
                check(x, d);
            }
            for x in -1000..1000 {
                check(x, d);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_dividend_any_divisor(x: i64, d: i64) {
            check(x, d);
        }

        #[test]
        fn small_divisors(x: i64, d in 2i64..5000) {
            check(x, d);
            check(x, -d);
        }
    }
}
