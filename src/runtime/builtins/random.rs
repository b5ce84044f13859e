//! Built-in functions: random numbers (mt_rand family, random_int, shuffle,
//! str_shuffle, array_rand). Seeded output is bit-identical to PHP 8.2: the range
//! reduction, shuffle and key-picking algorithms below follow ext/random and
//! ext/standard exactly, drawing 32-bit outputs from the request's Mersenne Twister.

use std::io::Read;

use super::{args, BuiltinDef};
use crate::runtime::array::PhpArray;
use crate::runtime::mt_rand::{MtMode, MtRand};
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("mt_srand", "seed=, mode=", mt_srand),
    ("srand", "seed=, mode=", mt_srand),
    ("mt_rand", "min=, max=, ...extra", mt_rand),
    ("rand", "min=, max=, ...extra", rand),
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
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(buf))
        .is_ok();
    if !ok {
        // Fallback: hash the clock and an address through a SplitMix64 stream.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
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
fn mt(ctx: &mut ExecCtx) -> &mut MtRand {
    seeded(&mut ctx.mt, &mut ctx.mt_seeded)
}

/// `mt`, for callers holding the two fields apart (optimized code's `mt_rand`).
fn seeded<'a>(mt: &'a mut MtRand, is_seeded: &mut bool) -> &'a mut MtRand {
    if !*is_seeded {
        mt.seed(os_u64() as u32);
        *is_seeded = true;
    }
    mt
}

/// `mt_rand($min, $max)` for `min <= max` (the one case that cannot throw), from
/// the request's generator `mt`, seeded first if `is_seeded` says it is not yet.
pub(crate) fn mt_rand_in(mt: &mut MtRand, is_seeded: &mut bool, min: i64, max: i64) -> i64 {
    debug_assert!(min <= max);
    seeded(mt, is_seeded).rand_common(min, max)
}

/// Uniform in `min..=max` (min <= max) from 32-bit draws: `php_random_range`'s
/// rejection sampling (random_int's CSPRNG path uses the same reduction).
fn range_with(next: &mut dyn FnMut() -> u32, min: i64, max: i64) -> i64 {
    let umax = (max as u64).wrapping_sub(min as u64);
    let r = if umax > u32::MAX as u64 {
        let mut draw = || (next() as u64) | ((next() as u64) << 32);
        let mut result = draw();
        if umax == u64::MAX {
            result
        } else {
            let m = umax + 1;
            if m & (m - 1) == 0 {
                result & (m - 1)
            } else {
                let limit = u64::MAX - (u64::MAX % m) - 1;
                while result > limit {
                    result = draw();
                }
                result % m
            }
        }
    } else {
        let umax = umax as u32;
        let mut result = next();
        if umax == u32::MAX {
            result as u64
        } else {
            let m = umax + 1;
            if m & (m - 1) == 0 {
                (result & (m - 1)) as u64
            } else {
                let limit = u32::MAX - (u32::MAX % m) - 1;
                while result > limit {
                    result = next();
                }
                (result % m) as u64
            }
        }
    };
    r.wrapping_add(min as u64) as i64
}

fn mt_srand(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let seed = match args::opt_int(ctx, a, 0)? {
        Some(s) => s as u32,
        None => os_u64() as u32,
    };
    // MT_RAND_PHP (1) selects PHP 5's flawed twist; any other value is MT19937.
    let mode = match args::opt_int(ctx, a, 1)?.unwrap_or(0) {
        1 => MtMode::Php,
        _ => MtMode::Mt19937,
    };
    ctx.mt.seed_with_mode(seed, mode);
    ctx.mt_seeded = true;
    Ok(TypedValue::null())
}

fn two_args(ctx: &mut ExecCtx, a: &[TypedValue], name: &str) -> VmResult<Option<(i64, i64)>> {
    match a.len() {
        0 => Ok(None),
        2 => Ok(Some((args::int(ctx, a, 0)?, args::int(ctx, a, 1)?))),
        n => Err(ctx.throw(
            "ArgumentCountError",
            format!("{name}() expects exactly 2 arguments, {n} given"),
        )),
    }
}

fn mt_rand(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let Some((min, max)) = two_args(ctx, a, "mt_rand")? else {
        return Ok(TypedValue::int(mt(ctx).mt_rand()));
    };
    if max < min {
        return Err(args::value_error(
            ctx,
            1,
            "must be greater than or equal to argument #1 ($min)",
        ));
    }
    Ok(TypedValue::int(mt(ctx).rand_common(min, max)))
}

fn rand(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let Some((min, max)) = two_args(ctx, a, "rand")? else {
        return Ok(TypedValue::int(mt(ctx).mt_rand()));
    };
    // rand() accepts swapped bounds.
    Ok(TypedValue::int(mt(ctx).rand(min, max)))
}

fn getrandmax(_ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::int(2147483647))
}

fn random_int(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let min = args::int(ctx, a, 0)?;
    let max = args::int(ctx, a, 1)?;
    if min > max {
        return Err(args::value_error(
            ctx,
            0,
            "must be less than or equal to argument #2 ($max)",
        ));
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
    let Ok(n) = usize::try_from(n) else {
        return Err(args::value_error(ctx, 0, "must be greater than 0"));
    };
    if n == 0 {
        return Err(args::value_error(ctx, 0, "must be greater than 0"));
    }
    if n > 1 << 31 {
        return Err(ctx.fatal(format!(
            "Possible integer overflow in memory allocation ({n} + 32)"
        )));
    }
    let mut buf = vec![0u8; n];
    os_random(&mut buf);
    Ok(TypedValue::string(buf))
}

fn lcg_value(_ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    // A value in (0, 1); PHP's combined LCG is seeded unpredictably, so any uniform
    // source is indistinguishable.
    let r = (os_u64() >> 11) as f64 / (1u64 << 53) as f64;
    Ok(TypedValue::double(if r == 0.0 {
        f64::MIN_POSITIVE
    } else {
        r
    }))
}

fn shuffle(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array_mut(ctx, a, 0)?;
    let mut vals: Vec<TypedValue> = std::mem::take(arr)
        .into_entries()
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    mt(ctx).shuffle(&mut vals);
    args::set_ref(a, 0, TypedValue::array(PhpArray::from_values(vals)));
    Ok(TypedValue::bool(true))
}

fn str_shuffle(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?.into_owned();
    Ok(TypedValue::string(mt(ctx).str_shuffle(&s)))
}

/// Which of the array's storage positions hold an element (PHP's buckets up to
/// nNumUsed: deletions leave holes, trailing ones are trimmed as PHP does).
fn live_buckets(arr: &PhpArray) -> Vec<bool> {
    let mut live = Vec::with_capacity(arr.len());
    let mut pos = 0;
    while let Some((p, _, _)) = arr.entry_from(pos) {
        live.resize(p, false);
        live.push(true);
        pos = p + 1;
    }
    live
}

fn array_rand(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let n = args::array(ctx, a, 0)?.len();
    let num = args::opt_int(ctx, a, 1)?.unwrap_or(1);
    if n == 0 {
        return Err(args::value_error(ctx, 0, "cannot be empty"));
    }
    if num != 1 && (num <= 0 || num as u64 > n as u64) {
        return Err(args::value_error(
            ctx,
            1,
            "must be between 1 and the number of elements in argument #1 ($array)",
        ));
    }
    let picks = if num == 1 {
        // One key: PHP samples buckets, so holes left by deletions matter.
        let live = live_buckets(args::array(ctx, a, 0)?);
        mt(ctx).array_rand_one_sparse(&live).into_iter().collect()
    } else {
        mt(ctx).array_rand(n, num as usize).unwrap_or_default()
    };
    let arr = a[0].deref().arr();
    let mut keys = Vec::with_capacity(picks.len());
    let mut want = picks.iter().peekable();
    for (pos, (k, _)) in arr.iter().enumerate() {
        if want.peek() == Some(&&pos) {
            keys.push(k.to_owned_key().to_value());
            want.next();
        }
    }
    if num == 1 {
        return Ok(keys.pop().unwrap_or_default());
    }
    Ok(TypedValue::array(PhpArray::from_values(keys)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::array::Key;

    fn run(
        ctx: &mut ExecCtx,
        f: super::super::BuiltinFn,
        name: &str,
        args: &mut [TypedValue],
    ) -> Result<TypedValue, String> {
        ctx.cur_builtin = super::super::registry::lookup(name).unwrap();
        f(ctx, args).map_err(|e| match e {
            crate::vm::ctx::Fault::Throw(v) => {
                let o = v.obj();
                format!(
                    "{}: {}",
                    o.class_name(),
                    String::from_utf8_lossy(o.prop("message").unwrap().str_bytes())
                )
            }
            other => format!("{other:?}"),
        })
    }
    fn i(n: i64) -> TypedValue {
        TypedValue::int(n)
    }
    fn seeded(seed: i64) -> ExecCtx {
        let mut ctx = ExecCtx::for_tests();
        run(&mut ctx, mt_srand, "mt_srand", &mut [i(seed)]).unwrap();
        ctx
    }
    fn ints(v: &TypedValue) -> Vec<i64> {
        v.deref().arr().iter().map(|(_, x)| x.int_val()).collect()
    }

    #[test]
    fn seeded_ranges_match_php() {
        // mt_srand(42); mt_rand(), mt_rand(1,100), mt_rand(0, PHP_INT_MAX), mt_rand(-5, 5),
        // rand(10, 1), rand(), mt_rand(PHP_INT_MIN, PHP_INT_MAX)
        let mut ctx = seeded(42);
        let mut r = |f: super::super::BuiltinFn, n: &str, a: &mut [TypedValue]| {
            run(&mut ctx, f, n, a).unwrap().int_val()
        };
        assert_eq!(r(mt_rand, "mt_rand", &mut []), 804318771);
        assert_eq!(r(mt_rand, "mt_rand", &mut [i(1), i(100)]), 68);
        assert_eq!(
            r(mt_rand, "mt_rand", &mut [i(0), i(i64::MAX)]),
            3383774586484163420
        );
        assert_eq!(r(mt_rand, "mt_rand", &mut [i(-5), i(5)]), -3);
        assert_eq!(r(rand, "rand", &mut [i(10), i(1)]), 6);
        assert_eq!(r(rand, "rand", &mut []), 1285609310);
        assert_eq!(
            r(mt_rand, "mt_rand", &mut [i(i64::MIN), i(i64::MAX)]),
            -6345336138826568684
        );
        // srand(5); rand(), rand(1, 6)
        let mut ctx = ExecCtx::for_tests();
        run(&mut ctx, mt_srand, "srand", &mut [i(5)]).unwrap();
        assert_eq!(
            run(&mut ctx, rand, "rand", &mut []).unwrap().int_val(),
            476726705
        );
        assert_eq!(
            run(&mut ctx, rand, "rand", &mut [i(1), i(6)])
                .unwrap()
                .int_val(),
            1
        );
        // mt_srand(3, MT_RAND_PHP); mt_rand(), mt_rand(1, 100)
        let mut ctx = ExecCtx::for_tests();
        run(&mut ctx, mt_srand, "mt_srand", &mut [i(3), i(1)]).unwrap();
        assert_eq!(
            run(&mut ctx, mt_rand, "mt_rand", &mut [])
                .unwrap()
                .int_val(),
            969637571
        );
        assert_eq!(
            run(&mut ctx, mt_rand, "mt_rand", &mut [i(1), i(100)])
                .unwrap()
                .int_val(),
            93
        );
    }

    #[test]
    fn seeded_shuffles_match_php() {
        let mut ctx = seeded(42);
        let arr = TypedValue::new_ref(TypedValue::array(PhpArray::from_values(
            (1..=10).map(i).collect(),
        )));
        let mut a = [arr];
        assert!(run(&mut ctx, shuffle, "shuffle", &mut a)
            .unwrap()
            .bool_val());
        assert_eq!(ints(&a[0]), [2, 4, 10, 8, 7, 1, 9, 5, 6, 3]);

        let mut ctx = seeded(42);
        let r = run(
            &mut ctx,
            str_shuffle,
            "str_shuffle",
            &mut [TypedValue::str(b"abcdefgh")],
        )
        .unwrap();
        assert_eq!(r.str_bytes(), b"badhfecg");

        // mt_srand(1); $b = ['x'=>1, 'y'=>2, 5=>3]; shuffle($b) → [1, 3, 2] (a list)
        let mut ctx = seeded(1);
        let h = PhpArray::from_entries([
            (Key::str(b"x"), i(1)),
            (Key::str(b"y"), i(2)),
            (Key::Int(5), i(3)),
        ]);
        let mut a = [TypedValue::new_ref(TypedValue::array(h))];
        run(&mut ctx, shuffle, "shuffle", &mut a).unwrap();
        assert_eq!(ints(&a[0]), [1, 3, 2]);
        assert!(a[0].deref().arr().is_list());
    }

    #[test]
    fn seeded_array_rand_matches_php() {
        // mt_srand(42); array_rand([1,2,3,4,5]) → 2; array_rand(['a'..'d'], 2) → [a, d];
        // array_rand([1,2,3], 3) → [0, 1, 2]
        let mut ctx = seeded(42);
        let five = TypedValue::array(PhpArray::from_values((1..=5).map(i).collect()));
        assert_eq!(
            run(&mut ctx, array_rand, "array_rand", &mut [five])
                .unwrap()
                .int_val(),
            2
        );
        let h = PhpArray::from_entries(
            [b"a", b"b", b"c", b"d"]
                .iter()
                .enumerate()
                .map(|(n, k)| (Key::str(*k), i(n as i64))),
        );
        let r = run(
            &mut ctx,
            array_rand,
            "array_rand",
            &mut [TypedValue::array(h), i(2)],
        )
        .unwrap();
        let keys: Vec<Vec<u8>> = r
            .arr()
            .iter()
            .map(|(_, v)| v.str_bytes().to_vec())
            .collect();
        assert_eq!(keys, [b"a".to_vec(), b"d".to_vec()]);
        let three = TypedValue::array(PhpArray::from_values((1..=3).map(i).collect()));
        assert_eq!(
            ints(&run(&mut ctx, array_rand, "array_rand", &mut [three, i(3)]).unwrap()),
            [0, 1, 2]
        );
        // mt_srand(7); array_rand(range(1, 100), 10) and (…, 95)
        let hundred = TypedValue::array(PhpArray::from_values((1..=100).map(i).collect()));
        let mut ctx = seeded(7);
        let r = run(
            &mut ctx,
            array_rand,
            "array_rand",
            &mut [hundred.clone(), i(10)],
        )
        .unwrap();
        assert_eq!(ints(&r), [15, 21, 47, 61, 79, 83, 86, 87, 88, 92]);
        let mut ctx = seeded(7);
        let r = ints(&run(&mut ctx, array_rand, "array_rand", &mut [hundred, i(95)]).unwrap());
        let missing: Vec<i64> = (0..100).filter(|k| !r.contains(k)).collect();
        assert_eq!(missing, [15, 21, 83, 86, 92]);
    }

    #[test]
    fn array_rand_with_holes_matches_php() {
        // $a = range(0, 9); unset($a[3]); mt_srand(1); 8 × array_rand($a) → 5 9 4 8 1 1 9 2
        // $h = [a..d]; unset($h['b']); mt_srand(3); → c a d a a a d c
        let mut arr = PhpArray::from_values((0..10).map(i).collect());
        arr.remove(crate::runtime::array::KeyRef::Int(3));
        let arr = TypedValue::array(arr);
        let mut ctx = seeded(1);
        let got: Vec<i64> = (0..8)
            .map(|_| {
                run(&mut ctx, array_rand, "array_rand", &mut [arr.clone()])
                    .unwrap()
                    .int_val()
            })
            .collect();
        assert_eq!(got, [5, 9, 4, 8, 1, 1, 9, 2]);
        let mut h = PhpArray::from_entries(
            [b"a", b"b", b"c", b"d"]
                .iter()
                .map(|k| (Key::str(*k), i(1))),
        );
        h.remove(crate::runtime::array::KeyRef::Str(b"b"));
        let h = TypedValue::array(h);
        let mut ctx = seeded(3);
        let got: Vec<Vec<u8>> = (0..8)
            .map(|_| {
                run(&mut ctx, array_rand, "array_rand", &mut [h.clone()])
                    .unwrap()
                    .str_bytes()
                    .to_vec()
            })
            .collect();
        let want: Vec<Vec<u8>> = "c a d a a a d c"
            .split(' ')
            .map(|x| x.as_bytes().to_vec())
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn unseeded_use_seeds_from_os() {
        let mut ctx = ExecCtx::for_tests();
        assert!(!ctx.mt_seeded);
        let r = run(&mut ctx, mt_rand, "mt_rand", &mut [i(1), i(6)])
            .unwrap()
            .int_val();
        assert!((1..=6).contains(&r));
        assert!(ctx.mt_seeded);
    }

    #[test]
    fn errors() {
        let mut ctx = ExecCtx::for_tests();
        let mut err = |f: super::super::BuiltinFn, n: &str, a: &mut [TypedValue]| {
            run(&mut ctx, f, n, a).unwrap_err()
        };
        assert_eq!(
            err(mt_rand, "mt_rand", &mut [i(1)]),
            "ArgumentCountError: mt_rand() expects exactly 2 arguments, 1 given"
        );
        assert_eq!(
            err(rand, "rand", &mut [i(1)]),
            "ArgumentCountError: rand() expects exactly 2 arguments, 1 given"
        );
        assert_eq!(
            err(mt_rand, "mt_rand", &mut [i(1), i(2), i(3)]),
            "ArgumentCountError: mt_rand() expects exactly 2 arguments, 3 given"
        );
        assert_eq!(
            err(mt_rand, "mt_rand", &mut [i(5), i(1)]),
            "ValueError: mt_rand(): Argument #2 ($max) must be greater than or equal to argument #1 ($min)"
        );
        assert_eq!(
            err(random_int, "random_int", &mut [i(5), i(1)]),
            "ValueError: random_int(): Argument #1 ($min) must be less than or equal to argument #2 ($max)"
        );
        let empty = TypedValue::array(PhpArray::new());
        assert_eq!(
            err(array_rand, "array_rand", &mut [empty]),
            "ValueError: array_rand(): Argument #1 ($array) cannot be empty"
        );
        for num in [0, 2, -1] {
            let one = TypedValue::array(PhpArray::from_values(vec![i(1)]));
            assert_eq!(
                err(array_rand, "array_rand", &mut [one, i(num)]),
                "ValueError: array_rand(): Argument #2 ($num) must be between 1 and the number of elements in argument #1 ($array)"
            );
        }
        let mut ctx = ExecCtx::for_tests();
        assert_eq!(
            run(&mut ctx, random_int, "random_int", &mut [i(3), i(3)])
                .unwrap()
                .int_val(),
            3
        );
        for _ in 0..100 {
            let r = run(&mut ctx, random_int, "random_int", &mut [i(-3), i(4)])
                .unwrap()
                .int_val();
            assert!((-3..=4).contains(&r));
        }
        let r = run(
            &mut ctx,
            random_int,
            "random_int",
            &mut [i(i64::MIN), i(i64::MAX)],
        );
        assert!(r.is_ok());
        let l = run(&mut ctx, lcg_value, "lcg_value", &mut [])
            .unwrap()
            .double_val();
        assert!(l > 0.0 && l < 1.0);
        assert_eq!(
            run(&mut ctx, random_bytes, "random_bytes", &mut [i(7)])
                .unwrap()
                .str_bytes()
                .len(),
            7
        );
    }
}
