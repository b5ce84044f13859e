//! Built-in functions: random numbers (mt_rand family, random_int, shuffle,
//! str_shuffle, array_rand). Seeded output is bit-identical to PHP 8.2: the range
//! reduction, shuffle and key-picking algorithms below follow ext/random and
//! ext/standard exactly, drawing 32-bit outputs from the request's Mersenne Twister.

use std::io::Read;

use super::{args, BuiltinDef};
use crate::runtime::array::PhpArray;
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("mt_srand", "seed=, mode=", mt_srand),
    ("srand", "seed=, mode=", mt_srand),
    ("mt_rand", "min=, max=", mt_rand),
    ("rand", "min=, max=", rand),
    ("mt_getrandmax", "", getrandmax),
    ("getrandmax", "", getrandmax),
    ("random_int", "min, max", random_int),
    ("random_bytes", "length", random_bytes),
    ("lcg_value", "", lcg_value),
    ("shuffle", "&array", shuffle),
    ("str_shuffle", "string", str_shuffle),
    ("array_rand", "array, num=", array_rand),
];

/// Fills `buf` from the OS random source.
fn os_random(buf: &mut [u8]) {
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(buf)).is_ok();
    if !ok {
        // Fallback: hash the clock and an address through a SplitMix64 stream.
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
        let mut x = t ^ (buf.as_ptr() as u64).rotate_left(32);
        for b in buf.iter_mut() {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            *b = (z ^ (z >> 31)) as u8;
        }
    }
}

fn os_u64() -> u64 {
    let mut b = [0u8; 8];
    os_random(&mut b);
    u64::from_le_bytes(b)
}

/// The request's generator, seeded from the OS on first use as PHP does.
fn mt_next(ctx: &mut ExecCtx) -> u32 {
    if !ctx.mt_seeded {
        ctx.mt.seed(os_u64() as u32);
        ctx.mt_seeded = true;
    }
    ctx.mt.next_u32()
}

/// `rand_range32`: uniform in `0..=umax` by rejection.
fn range32(next: &mut dyn FnMut() -> u32, umax: u32) -> u32 {
    let mut result = next();
    if umax == u32::MAX {
        return result;
    }
    let umax = umax + 1;
    if umax & (umax - 1) == 0 {
        return result & (umax - 1);
    }
    let limit = u32::MAX - (u32::MAX % umax) - 1;
    while result > limit {
        result = next();
    }
    result % umax
}

/// `rand_range64`: two draws, the first one the low half.
fn range64(next: &mut dyn FnMut() -> u32, umax: u64) -> u64 {
    let mut draw = || {
        let lo = next() as u64;
        let hi = next() as u64;
        lo | (hi << 32)
    };
    let mut result = draw();
    if umax == u64::MAX {
        return result;
    }
    let umax = umax + 1;
    if umax & (umax - 1) == 0 {
        return result & (umax - 1);
    }
    let limit = u64::MAX - (u64::MAX % umax) - 1;
    while result > limit {
        result = draw();
    }
    result % umax
}

/// `php_random_range`: uniform in `min..=max` (min <= max).
pub(crate) fn range_with(next: &mut dyn FnMut() -> u32, min: i64, max: i64) -> i64 {
    let umax = (max as u64).wrapping_sub(min as u64);
    let r = if umax > u32::MAX as u64 { range64(next, umax) } else { range32(next, umax as u32) as u64 };
    r.wrapping_add(min as u64) as i64
}

/// `php_mt_rand_range` on the request's generator.
pub(crate) fn mt_range(ctx: &mut ExecCtx, min: i64, max: i64) -> i64 {
    let mut next = || mt_next(ctx);
    range_with(&mut next, min, max)
}

fn mt_srand(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let seed = match args::opt_int(ctx, a, 0)? {
        Some(s) => s as u32,
        None => os_u64() as u32,
    };
    // MT_RAND_PHP (1) selects PHP 5's flawed twist; the generator here implements
    // the correct MT19937 only, which is what every other mode value means.
    let _mode = args::opt_int(ctx, a, 1)?.unwrap_or(0);
    ctx.mt.seed(seed);
    ctx.mt_seeded = true;
    Ok(TypedValue::null())
}

fn two_args(ctx: &mut ExecCtx, a: &[TypedValue], name: &str) -> VmResult<Option<(i64, i64)>> {
    match a.len() {
        0 => Ok(None),
        1 => Err(ctx.throw("ArgumentCountError", format!("{name}() expects exactly 2 arguments, 1 given"))),
        _ => Ok(Some((args::int(ctx, a, 0)?, args::int(ctx, a, 1)?))),
    }
}

fn mt_rand(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let Some((min, max)) = two_args(ctx, a, "mt_rand")? else {
        return Ok(TypedValue::int((mt_next(ctx) >> 1) as i64));
    };
    if max < min {
        return Err(args::value_error(ctx, 1, "must be greater than or equal to argument #1 ($min)"));
    }
    Ok(TypedValue::int(mt_range(ctx, min, max)))
}

fn rand(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let Some((min, max)) = two_args(ctx, a, "rand")? else {
        return Ok(TypedValue::int((mt_next(ctx) >> 1) as i64));
    };
    if min > max {
        return Ok(TypedValue::int(mt_range(ctx, max, min)));
    }
    Ok(TypedValue::int(mt_range(ctx, min, max)))
}

fn getrandmax(_ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::int(2147483647))
}

fn random_int(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let min = args::int(ctx, a, 0)?;
    let max = args::int(ctx, a, 1)?;
    if min > max {
        return Err(args::value_error(ctx, 0, "must be less than or equal to argument #2 ($max)"));
    }
    let mut next = || {
        let mut b = [0u8; 4];
        os_random(&mut b);
        u32::from_le_bytes(b)
    };
    Ok(TypedValue::int(range_with(&mut next, min, max)))
}

fn random_bytes(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let n = args::int(ctx, a, 0)?;
    if n < 1 {
        return Err(args::value_error(ctx, 0, "must be greater than 0"));
    }
    let Ok(n) = usize::try_from(n) else {
        return Err(args::value_error(ctx, 0, "must be greater than 0"));
    };
    if n > 1 << 31 {
        return Err(ctx.fatal(format!("Possible integer overflow in memory allocation ({n} + 32)")));
    }
    let mut buf = vec![0u8; n];
    os_random(&mut buf);
    Ok(TypedValue::string(buf))
}

fn lcg_value(_ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    // A value in (0, 1); PHP's combined LCG is seeded unpredictably, so any uniform
    // source is indistinguishable.
    let r = (os_u64() >> 11) as f64 / (1u64 << 53) as f64;
    Ok(TypedValue::double(if r == 0.0 { f64::MIN_POSITIVE } else { r }))
}

/// `php_array_data_shuffle` / `php_string_shuffle`: Fisher–Yates from the end.
fn shuffle_slice<T>(next: &mut dyn FnMut(i64, i64) -> i64, v: &mut [T]) {
    let mut left = v.len();
    if left < 2 {
        return;
    }
    left -= 1;
    while left > 0 {
        let j = next(0, left as i64) as usize;
        if j != left && j < v.len() {
            v.swap(left, j);
        }
        left -= 1;
    }
}

fn shuffle(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array_mut(ctx, a, 0)?;
    let mut vals: Vec<TypedValue> = std::mem::take(arr).into_entries().into_iter().map(|(_, v)| v).collect();
    let mut next = |lo, hi| mt_range(ctx, lo, hi);
    shuffle_slice(&mut next, &mut vals);
    let out = PhpArray::from_values(vals);
    if let Some(slot) = a.first_mut() {
        *slot.deref_mut() = TypedValue::array(out);
    }
    Ok(TypedValue::bool(true))
}

fn str_shuffle(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let mut s = args::str(ctx, a, 0)?.into_owned();
    let mut next = |lo, hi| mt_range(ctx, lo, hi);
    shuffle_slice(&mut next, &mut s);
    Ok(TypedValue::string(s))
}

/// `php_array_pick_keys` for a hole-free table: the positions of the picked keys.
fn pick_positions(next: &mut dyn FnMut(i64, i64) -> i64, avail: usize, req: usize) -> Vec<usize> {
    let (negative, count) = if req > avail >> 1 { (true, avail - req) } else { (false, req) };
    let mut set = vec![false; avail];
    let mut i = count;
    while i > 0 {
        let r = next(0, avail as i64 - 1) as usize;
        if let Some(slot) = set.get_mut(r) {
            if !*slot {
                *slot = true;
                i -= 1;
            }
        }
    }
    set.iter().enumerate().filter(|(_, &b)| b ^ negative).map(|(p, _)| p).collect()
}

fn array_rand(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let n = args::array(ctx, a, 0)?.len();
    let num = args::opt_int(ctx, a, 1)?.unwrap_or(1);
    if n == 0 {
        return Err(args::value_error(ctx, 0, "cannot be empty"));
    }
    if num == 1 {
        let r = mt_range(ctx, 0, n as i64 - 1) as usize;
        let key = a[0].deref().arr().iter().nth(r).map(|(k, _)| k.to_owned_key().to_value());
        return Ok(key.unwrap_or_default());
    }
    if num <= 0 || num as u64 > n as u64 {
        return Err(args::value_error(ctx, 1, "must be between 1 and the number of elements in argument #1 ($array)"));
    }
    let mut next = |lo, hi| mt_range(ctx, lo, hi);
    let picks = pick_positions(&mut next, n, num as usize);
    let arr = a[0].deref().arr();
    let mut out = PhpArray::with_capacity(picks.len());
    let mut want = picks.iter().peekable();
    for (pos, (k, _)) in arr.iter().enumerate() {
        if want.peek() == Some(&&pos) {
            out.push(k.to_owned_key().to_value());
            want.next();
        }
    }
    Ok(TypedValue::array(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reference MT19937 (PHP's variant of the seeding) to check the algorithms
    /// above against php's seeded output independently of `ctx.mt`.
    struct RefMt {
        s: [u32; 624],
        i: usize,
    }
    impl RefMt {
        fn new(seed: u32) -> RefMt {
            let mut s = [0u32; 624];
            s[0] = seed;
            for i in 1..624 {
                s[i] = 1812433253u32.wrapping_mul(s[i - 1] ^ (s[i - 1] >> 30)).wrapping_add(i as u32);
            }
            let mut m = RefMt { s, i: 624 };
            m.reload();
            m.i = 0;
            m
        }
        fn reload(&mut self) {
            let tw = |m: u32, u: u32, v: u32| m ^ (((u & 0x8000_0000) | (v & 0x7fff_ffff)) >> 1) ^ ((0u32.wrapping_sub(v & 1)) & 0x9908_b0df);
            for k in 0..624 {
                let m = self.s[(k + 397) % 624];
                self.s[k] = tw(m, self.s[k], self.s[(k + 1) % 624]);
            }
        }
        fn next(&mut self) -> u32 {
            if self.i >= 624 {
                self.reload();
                self.i = 0;
            }
            let mut y = self.s[self.i];
            self.i += 1;
            y ^= y >> 11;
            y ^= (y << 7) & 0x9d2c_5680;
            y ^= (y << 15) & 0xefc6_0000;
            y ^ (y >> 18)
        }
    }

    #[test]
    fn seeded_ranges_match_php() {
        // mt_srand(42); echo mt_rand(), mt_rand(1,100), mt_rand(0, PHP_INT_MAX),
        // mt_rand(-5, 5), rand(10, 1), rand(), mt_rand(PHP_INT_MIN, PHP_INT_MAX)
        let mut mt = RefMt::new(42);
        let mut next = || mt.next();
        assert_eq!(next() >> 1, 804318771);
        assert_eq!(range_with(&mut next, 1, 100), 68);
        assert_eq!(range_with(&mut next, 0, i64::MAX), 3383774586484163420);
        assert_eq!(range_with(&mut next, -5, 5), -3);
        assert_eq!(range_with(&mut next, 1, 10), 6);
        assert_eq!(next() >> 1, 1285609310);
        assert_eq!(range_with(&mut next, i64::MIN, i64::MAX), -6345336138826568684);
        // srand(5); rand(), rand(1, 6)
        let mut mt = RefMt::new(5);
        let mut next = || mt.next();
        assert_eq!(next() >> 1, 476726705);
        assert_eq!(range_with(&mut next, 1, 6), 1);
    }

    #[test]
    fn seeded_shuffles_match_php() {
        let mut mt = RefMt::new(42);
        let mut next = |lo, hi| {
            let mut n = || mt.next();
            range_with(&mut n, lo, hi)
        };
        let mut v: Vec<i64> = (1..=10).collect();
        shuffle_slice(&mut next, &mut v);
        assert_eq!(v, [2, 4, 10, 8, 7, 1, 9, 5, 6, 3]);

        let mut mt = RefMt::new(42);
        let mut next = |lo, hi| {
            let mut n = || mt.next();
            range_with(&mut n, lo, hi)
        };
        let mut s = b"abcdefgh".to_vec();
        shuffle_slice(&mut next, &mut s);
        assert_eq!(s, b"badhfecg");

        let mut mt = RefMt::new(1);
        let mut next = |lo, hi| {
            let mut n = || mt.next();
            range_with(&mut n, lo, hi)
        };
        let mut v = vec![1, 2, 3];
        shuffle_slice(&mut next, &mut v);
        assert_eq!(v, [1, 3, 2]);
    }

    #[test]
    fn seeded_array_rand_matches_php() {
        // mt_srand(42); array_rand([1,2,3,4,5]) → 2; array_rand([a..d], 2) → a, d
        let mut mt = RefMt::new(42);
        let mut next = |lo, hi| {
            let mut n = || mt.next();
            range_with(&mut n, lo, hi)
        };
        assert_eq!(next(0, 4), 2);
        assert_eq!(pick_positions(&mut next, 4, 2), [0, 3]);
        assert_eq!(pick_positions(&mut next, 3, 3), [0, 1, 2]);
        // mt_srand(7); array_rand(range(1,100), 10) and (…, 95)
        let mut mt = RefMt::new(7);
        let mut next = |lo, hi| {
            let mut n = || mt.next();
            range_with(&mut n, lo, hi)
        };
        assert_eq!(pick_positions(&mut next, 100, 10), [15, 21, 47, 61, 79, 83, 86, 87, 88, 92]);
        let mut mt = RefMt::new(7);
        let mut next = |lo, hi| {
            let mut n = || mt.next();
            range_with(&mut n, lo, hi)
        };
        let missing: Vec<usize> = {
            let p = pick_positions(&mut next, 100, 95);
            (0..100).filter(|i| !p.contains(i)).collect()
        };
        assert_eq!(missing, [15, 21, 83, 86, 92]);
    }

    fn call(f: super::super::BuiltinFn, name: &str, args: &mut [TypedValue]) -> Result<TypedValue, String> {
        let mut ctx = ExecCtx::for_tests();
        ctx.cur_builtin = super::super::registry::lookup(name).unwrap();
        f(&mut ctx, args).map_err(|e| match e {
            crate::vm::ctx::Fault::Throw(v) => {
                let o = v.obj();
                format!("{}: {}", o.class_name(), String::from_utf8_lossy(o.prop("message").unwrap().str_bytes()))
            }
            other => format!("{other:?}"),
        })
    }

    #[test]
    fn errors() {
        let i = TypedValue::int;
        assert_eq!(call(mt_rand, "mt_rand", &mut [i(1)]).unwrap_err(), "ArgumentCountError: mt_rand() expects exactly 2 arguments, 1 given");
        assert_eq!(
            call(mt_rand, "mt_rand", &mut [i(5), i(1)]).unwrap_err(),
            "ValueError: mt_rand(): Argument #2 ($max) must be greater than or equal to argument #1 ($min)"
        );
        assert_eq!(
            call(random_int, "random_int", &mut [i(5), i(1)]).unwrap_err(),
            "ValueError: random_int(): Argument #1 ($min) must be less than or equal to argument #2 ($max)"
        );
        let empty = TypedValue::array(PhpArray::new());
        assert_eq!(call(array_rand, "array_rand", &mut [empty]).unwrap_err(), "ValueError: array_rand(): Argument #1 ($array) cannot be empty");
        let one = TypedValue::array(PhpArray::from_values(vec![i(1)]));
        assert_eq!(
            call(array_rand, "array_rand", &mut [one, i(2)]).unwrap_err(),
            "ValueError: array_rand(): Argument #2 ($num) must be between 1 and the number of elements in argument #1 ($array)"
        );
        assert_eq!(call(random_int, "random_int", &mut [i(3), i(3)]).unwrap().int_val(), 3);
        for _ in 0..100 {
            let r = call(random_int, "random_int", &mut [i(-3), i(4)]).unwrap().int_val();
            assert!((-3..=4).contains(&r));
        }
        let r = call(rand, "rand", &mut [i(10), i(1)]).unwrap().int_val();
        assert!((1..=10).contains(&r));
    }
}
