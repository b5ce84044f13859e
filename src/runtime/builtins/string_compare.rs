//! Built-in functions: string comparison (binary, case-insensitive, natural order)
//! and similarity measures.

use super::{args, BuiltinDef};
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("strcmp", "string1, string2", strcmp),
    ("strcasecmp", "string1, string2", strcasecmp),
    ("strncmp", "string1, string2, length", strncmp),
    ("strncasecmp", "string1, string2, length", strncasecmp),
    ("strnatcmp", "string1, string2", strnatcmp),
    ("strnatcasecmp", "string1, string2", strnatcasecmp),
    ("similar_text", "string1, string2, &percent=", similar_text),
    (
        "levenshtein",
        "string1, string2, insertion_cost=, replacement_cost=, deletion_cost=",
        levenshtein,
    ),
];

fn three_way(a: usize, b: usize) -> i64 {
    (a > b) as i64 - (a < b) as i64
}

/// `zend_binary_strcmp`-style comparison of the first `n` bytes, returning the byte
/// difference or the length comparison.
fn bin_cmp(a: &[u8], b: &[u8], n: usize, ci: bool) -> i64 {
    let m = a.len().min(b.len()).min(n);
    for k in 0..m {
        let (x, y) = if ci {
            (a[k].to_ascii_lowercase(), b[k].to_ascii_lowercase())
        } else {
            (a[k], b[k])
        };
        if x != y {
            return x as i64 - y as i64;
        }
    }
    three_way(a.len().min(n), b.len().min(n))
}

fn strcmp(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::str(ctx, a, 0)?;
    let y = args::str(ctx, a, 1)?;
    Ok(TypedValue::int(bin_cmp(&x, &y, usize::MAX, false)))
}
fn strcasecmp(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::str(ctx, a, 0)?;
    let y = args::str(ctx, a, 1)?;
    Ok(TypedValue::int(bin_cmp(&x, &y, usize::MAX, true)))
}
fn do_strncmp(ctx: &mut ExecCtx, a: &[TypedValue], ci: bool) -> VmResult<TypedValue> {
    let x = args::str(ctx, a, 0)?;
    let y = args::str(ctx, a, 1)?;
    let n = args::int(ctx, a, 2)?;
    if n < 0 {
        return Err(args::value_error(
            ctx,
            2,
            "must be greater than or equal to 0",
        ));
    }
    Ok(TypedValue::int(bin_cmp(
        &x,
        &y,
        usize::try_from(n).unwrap_or(usize::MAX),
        ci,
    )))
}
fn strncmp(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_strncmp(ctx, a, false)
}
fn strncasecmp(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_strncmp(ctx, a, true)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// PHP's `strnatcmp_ex`: natural-order comparison (-1, 0, 1).
pub fn natcmp(a: &[u8], b: &[u8], ci: bool) -> i64 {
    if a.is_empty() || b.is_empty() {
        return three_way(a.len(), b.len());
    }
    let at = |s: &[u8], i: usize| s.get(i).copied().unwrap_or(0);
    let (mut ai, mut bi) = (0usize, 0usize);
    let mut leading = true;
    loop {
        let mut ca = at(a, ai);
        let mut cb = at(b, bi);
        while leading && ca == b'0' && ai + 1 < a.len() && a[ai + 1].is_ascii_digit() {
            ai += 1;
            ca = a[ai];
        }
        while leading && cb == b'0' && bi + 1 < b.len() && b[bi + 1].is_ascii_digit() {
            bi += 1;
            cb = b[bi];
        }
        leading = false;
        while is_space(ca) {
            ai += 1;
            ca = at(a, ai);
        }
        while is_space(cb) {
            bi += 1;
            cb = at(b, bi);
        }
        if ca.is_ascii_digit() && cb.is_ascii_digit() {
            let fractional = ca == b'0' || cb == b'0';
            let digit = |s: &[u8], i: usize| i < s.len() && s[i].is_ascii_digit();
            let mut bias = 0i64;
            let result = loop {
                match (digit(a, ai), digit(b, bi)) {
                    (false, false) => break bias,
                    (false, true) => break -1,
                    (true, false) => break 1,
                    _ => {
                        let (x, y) = (a[ai], b[bi]);
                        if fractional {
                            if x != y {
                                break if x < y { -1 } else { 1 };
                            }
                        } else if bias == 0 && x != y {
                            bias = if x < y { -1 } else { 1 };
                        }
                    }
                }
                ai += 1;
                bi += 1;
            };
            if result != 0 {
                return result;
            } else if ai >= a.len() && bi >= b.len() {
                return 0;
            } else if ai >= a.len() {
                return -1;
            } else if bi >= b.len() {
                return 1;
            }
            ca = a[ai];
            cb = b[bi];
        }
        if ci {
            ca = ca.to_ascii_uppercase();
            cb = cb.to_ascii_uppercase();
        }
        if ca != cb {
            return if ca < cb { -1 } else { 1 };
        }
        ai += 1;
        bi += 1;
        if ai >= a.len() && bi >= b.len() {
            return 0;
        } else if ai >= a.len() {
            return -1;
        } else if bi >= b.len() {
            return 1;
        }
    }
}

fn strnatcmp(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::str(ctx, a, 0)?;
    let y = args::str(ctx, a, 1)?;
    Ok(TypedValue::int(natcmp(&x, &y, false)))
}
fn strnatcasecmp(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::str(ctx, a, 0)?;
    let y = args::str(ctx, a, 1)?;
    Ok(TypedValue::int(natcmp(&x, &y, true)))
}

fn similar(a: &[u8], b: &[u8]) -> usize {
    let (mut max, mut p1, mut p2) = (0usize, 0usize, 0usize);
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut l = 0;
            while i + l < a.len() && j + l < b.len() && a[i + l] == b[j + l] {
                l += 1;
            }
            if l > max {
                max = l;
                p1 = i;
                p2 = j;
            }
        }
    }
    if max == 0 {
        return 0;
    }
    let mut sum = max;
    if p1 > 0 && p2 > 0 {
        sum += similar(&a[..p1], &b[..p2]);
    }
    if p1 + max < a.len() && p2 + max < b.len() {
        sum += similar(&a[p1 + max..], &b[p2 + max..]);
    }
    sum
}

fn similar_text(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::str(ctx, a, 0)?.into_owned();
    let y = args::str(ctx, a, 1)?.into_owned();
    let sim = similar(&x, &y);
    if a.len() > 2 {
        let total = x.len() + y.len();
        let pct = if total == 0 {
            0.0
        } else {
            sim as f64 * 2.0 * 100.0 / total as f64
        };
        args::set_ref(a, 2, TypedValue::double(pct));
    }
    Ok(TypedValue::int(sim as i64))
}

fn levenshtein(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let x = args::str(ctx, a, 0)?;
    let y = args::str(ctx, a, 1)?;
    let ins = args::opt_int(ctx, a, 2)?.unwrap_or(1);
    let rep = args::opt_int(ctx, a, 3)?.unwrap_or(1);
    let del = args::opt_int(ctx, a, 4)?.unwrap_or(1);
    if x.is_empty() {
        return Ok(TypedValue::int((y.len() as i64).wrapping_mul(ins)));
    }
    if y.is_empty() {
        return Ok(TypedValue::int((x.len() as i64).wrapping_mul(del)));
    }
    let mut p1: Vec<i64> = (0..=y.len() as i64).map(|k| k.wrapping_mul(ins)).collect();
    let mut p2 = vec![0i64; y.len() + 1];
    for (i1, &c1) in x.iter().enumerate() {
        p2[0] = p1[0].wrapping_add(del);
        for (i2, &c2) in y.iter().enumerate() {
            let mut c0 = p1[i2].wrapping_add(if c1 == c2 { 0 } else { rep });
            let c1v = p1[i2 + 1].wrapping_add(del);
            if c1v < c0 {
                c0 = c1v;
            }
            let c2v = p2[i2].wrapping_add(ins);
            if c2v < c0 {
                c0 = c2v;
            }
            p2[i2 + 1] = c0;
        }
        let _ = i1;
        std::mem::swap(&mut p1, &mut p2);
    }
    Ok(TypedValue::int(p1[y.len()]))
}

#[cfg(test)]
mod tests {
    use super::super::string::tests::{i, run, s};
    use super::*;

    #[test]
    fn comparing() {
        let c = |f: &str, x: &str, y: &str| run(f, vec![s(x), s(y)]);
        assert_eq!(c("strcmp", "a", "abc"), "-1");
        assert_eq!(c("strcmp", "abcd", "a"), "1");
        assert_eq!(c("strcmp", "a", "c"), "-2");
        assert_eq!(c("strcmp", "", "abc"), "-1");
        assert_eq!(run("strcmp", vec![TypedValue::str(b"\xff"), s("a")]), "158");
        assert_eq!(c("strcasecmp", "HELLO", "hellz"), "-11");
        assert_eq!(run("strncasecmp", vec![s("ab"), s("AC"), i(5)]), "-1");
        assert_eq!(run("strncmp", vec![s("abc"), s("abd"), i(2)]), "0");
        assert_eq!(
            run("strncmp", vec![s("a"), s("b"), i(-1)]),
            "ValueError: strncmp(): Argument #3 ($length) must be greater than or equal to 0"
        );
        assert_eq!(c("strnatcmp", "x2", "x10"), "-1");
        assert_eq!(c("strnatcmp", "a10", "a9"), "1");
        assert_eq!(c("strnatcmp", "img12", "img12"), "0");
        assert_eq!(c("strnatcmp", "0.5", "0.25"), "-1");
        assert_eq!(c("strnatcmp", "x01", "x1"), "-1");
        assert_eq!(c("strnatcmp", "1.010", "1.01"), "1");
        assert_eq!(c("strnatcmp", "  a", "a"), "0");
        assert_eq!(c("strnatcmp", "007", "7"), "0");
        assert_eq!(c("strnatcmp", "a 1", "a  1"), "0");
        assert_eq!(c("strnatcasecmp", "A", "b"), "-1");
        assert_eq!(c("strnatcmp", "", "a"), "-1");
        assert_eq!(c("levenshtein", "kitten", "sitting"), "3");
        assert_eq!(
            run("levenshtein", vec![s("a"), s("b"), i(2), i(3), i(4)]),
            "3"
        );
        assert_eq!(c("levenshtein", "", "abc"), "3");
        let mut ctx = ExecCtx::for_tests();
        let p = TypedValue::new_ref(TypedValue::null());
        let r = super::super::string::tests::call(
            &mut ctx,
            "similar_text",
            vec![s("World"), s("Word"), p.clone()],
        )
        .unwrap();
        assert_eq!(r.int_val(), 4);
        assert_eq!(p.deref().double_val(), 88.88888888888889);
    }
}
