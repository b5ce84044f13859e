//! PHP 8 string → number semantics ("Saner numeric strings" RFC), as pure functions.
//!
//! Modelled on `_is_numeric_string_ex`, `zendi_smart_strcmp`, `compare_longs_to_string`,
//! `compare_doubles_to_string`, `zend_dval_to_lval{,_cap}` and `increment_string` from
//! Zend/zend_operators.c (PHP 8.2). Every expected value in the tests came from `php -n`.
//!
//! Grammar accepted as numeric (whole string):
//! `WS* [+-]? (DIGITS ('.' DIGITS?)? | '.' DIGITS) ([eE] [+-]? DIGITS)? WS*`
//! where `WS` is one of `" \t\n\r\v\f"`. Hex (`0x1A`), octal (`0o17`), binary (`0b1`),
//! `1_000`, `inf`/`nan` are not numeric; `017` is decimal 17.

use std::cmp::Ordering;

/// A PHP number: the result of converting a numeric string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    /// The value as a float (`(float)` of an int is exact up to 2^53, rounded beyond).
    pub fn to_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

/// How much of a string is numeric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericKind {
    /// The whole string (leading and trailing whitespace allowed) is a number.
    Numeric,
    /// A numeric prefix followed by garbage (`"5 apples"`): arithmetic uses the prefix and
    /// PHP warns "A non-numeric value encountered".
    LeadingNumeric,
    /// No numeric prefix at all: arithmetic throws TypeError "Unsupported operand types"
    /// (for `+` etc. PHP 8 throws for non-numeric strings), `(int)` gives 0.
    NonNumeric,
}

/// PHP whitespace for numeric strings: `" \t\n\r\v\f"`.
#[inline]
fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Full result of scanning a numeric prefix.
#[derive(Debug, Clone, Copy)]
struct Scan {
    value: Number,
    /// Integer syntax that overflowed i64: +1 / -1 (the `oflow` of `_is_numeric_string_ex`).
    oflow: i8,
    /// Bytes consumed including leading whitespace, before trailing whitespace.
    end: usize,
    /// Non-whitespace bytes follow the number.
    garbage: bool,
}

/// Parse a float from ASCII pieces, always in a form Rust's parser accepts.
fn parse_float_parts(neg: bool, int_digits: &[u8], frac_digits: &[u8], exp: &[u8]) -> f64 {
    let mut t = String::with_capacity(int_digits.len() + frac_digits.len() + exp.len() + 6);
    if neg {
        t.push('-');
    }
    if int_digits.is_empty() {
        t.push('0');
    }
    t.extend(int_digits.iter().map(|&b| b as char));
    t.push('.');
    if frac_digits.is_empty() {
        t.push('0');
    }
    t.extend(frac_digits.iter().map(|&b| b as char));
    if !exp.is_empty() {
        t.push('e');
        t.extend(exp.iter().map(|&b| b as char));
    }
    t.parse::<f64>().unwrap_or(0.0)
}

fn count_digits(s: &[u8], from: usize) -> usize {
    s.get(from..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// Scan the longest numeric prefix (after leading whitespace). `None` when there is none.
fn scan(s: &[u8]) -> Option<Scan> {
    let mut p = s.iter().take_while(|&&c| is_ws(c)).count();
    let mut neg = false;
    match s.get(p) {
        Some(b'-') => {
            neg = true;
            p += 1;
        }
        Some(b'+') => p += 1,
        _ => {}
    }
    let int_start = p;
    let n_int = count_digits(s, p);
    p += n_int;
    let int_digits = &s[int_start..p];
    let mut frac_digits: &[u8] = &[];
    let mut is_float = false;
    if s.get(p) == Some(&b'.') {
        let n_frac = count_digits(s, p + 1);
        if n_int > 0 || n_frac > 0 {
            is_float = true;
            frac_digits = &s[p + 1..p + 1 + n_frac];
            p += 1 + n_frac;
        }
    }
    if n_int == 0 && !is_float {
        return None;
    }
    let mut exp: &[u8] = &[];
    if matches!(s.get(p), Some(b'e') | Some(b'E')) {
        let mut q = p + 1;
        if matches!(s.get(q), Some(b'+') | Some(b'-')) {
            q += 1;
        }
        let n_exp = count_digits(s, q);
        if n_exp > 0 {
            is_float = true;
            exp = &s[p + 1..q + n_exp];
            p = q + n_exp;
        }
    }
    let mut oflow = 0i8;
    let value = if is_float {
        Number::Float(parse_float_parts(neg, int_digits, frac_digits, exp))
    } else {
        // Integer syntax: accumulate the magnitude; overflow → float with oflow set.
        let mut mag: u64 = 0;
        let mut overflow = false;
        for &d in int_digits {
            match mag
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(d - b'0')))
            {
                Some(m) => mag = m,
                None => {
                    overflow = true;
                    break;
                }
            }
        }
        let limit = if neg { 1u64 << 63 } else { i64::MAX as u64 };
        if overflow || mag > limit {
            oflow = if neg { -1 } else { 1 };
            Number::Float(parse_float_parts(neg, int_digits, &[], &[]))
        } else if neg {
            Number::Int((mag as i64).wrapping_neg())
        } else {
            Number::Int(mag as i64)
        }
    };
    let rest = s.get(p..).unwrap_or(&[]);
    let garbage = rest.iter().any(|&c| !is_ws(c));
    Some(Scan {
        value,
        oflow,
        end: p,
        garbage,
    })
}

/// Classify `s` and return the value of its numeric prefix (PHP `is_numeric_string` with
/// errors allowed). Trailing whitespace keeps a string `Numeric` (PHP 8).
pub fn parse_numeric(s: &[u8]) -> (Option<Number>, NumericKind) {
    match scan(s) {
        None => (None, NumericKind::NonNumeric),
        Some(sc) if sc.garbage => (Some(sc.value), NumericKind::LeadingNumeric),
        Some(sc) => (Some(sc.value), NumericKind::Numeric),
    }
}

/// Length in bytes of the numeric prefix including leading whitespace (0 when none).
pub fn numeric_prefix_len(s: &[u8]) -> usize {
    scan(s).map_or(0, |sc| sc.end)
}

/// PHP's `is_numeric()` for strings: the whole string is a decimal number, surrounding
/// whitespace allowed.
pub fn is_numeric(s: &[u8]) -> bool {
    matches!(parse_numeric(s).1, NumericKind::Numeric)
}

/// PHP `(int)"..."`: numeric prefix; integer-looking text beyond i64 and float text are
/// converted with [`float_to_int_cap`] (saturating, non-finite → 0); no prefix → 0.
pub fn str_to_int(s: &[u8]) -> i64 {
    match scan(s).map(|sc| sc.value) {
        None => 0,
        Some(Number::Int(i)) => i,
        Some(Number::Float(f)) => float_to_int_cap(f),
    }
}

/// PHP `(float)"..."`: strtod of the numeric prefix (keeps `-0` as `-0.0`); none → 0.0.
pub fn str_to_float(s: &[u8]) -> f64 {
    match scan(s) {
        None => 0.0,
        Some(Scan {
            value: Number::Float(f),
            ..
        }) => f,
        Some(Scan {
            value: Number::Int(i),
            ..
        }) => {
            // "-0" is Int(0) as a number but strtod gives -0.0.
            if i == 0 && s.iter().find(|&&c| !is_ws(c)) == Some(&b'-') {
                -0.0
            } else {
                i as f64
            }
        }
    }
}

const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;
const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;

/// `ZEND_DOUBLE_FITS_LONG`: -2^63 <= f < 2^63.
#[inline]
fn fits_long(f: f64) -> bool {
    (-TWO_POW_63..TWO_POW_63).contains(&f)
}

/// PHP 8 (64-bit) `(int)$float` (`zend_dval_to_lval`): NaN/±INF → 0; out-of-range finite
/// values wrap modulo 2^64 (so `(int)1e20 == 7766279631452241920`, `(int)2^63 == PHP_INT_MIN`).
pub fn float_to_int(f: f64) -> i64 {
    if !f.is_finite() {
        return 0;
    }
    if fits_long(f) {
        return f as i64;
    }
    // zend_dval_to_lval_slow: fmod into (-2^64, 2^64), then into [-2^63, 2^63].
    let mut dmod = f % TWO_POW_64;
    if dmod < 0.0 {
        if dmod < -TWO_POW_63 {
            dmod += TWO_POW_64;
        }
    } else if dmod > TWO_POW_63 {
        dmod -= TWO_POW_64;
    }
    if dmod >= TWO_POW_63 {
        // C's (zend_long)2^63 on x86-64 yields the "integer indefinite" value INT64_MIN.
        i64::MIN
    } else {
        dmod as i64
    }
}

/// `zend_dval_to_lval_cap`, used for numeric *strings* (`(int)"1e30"`): NaN/±INF → 0,
/// out of range saturates to PHP_INT_MAX / PHP_INT_MIN.
pub fn float_to_int_cap(f: f64) -> i64 {
    if !f.is_finite() {
        0
    } else if !fits_long(f) {
        if f > 0.0 {
            i64::MAX
        } else {
            i64::MIN
        }
    } else {
        f as i64
    }
}

/// PHP's `$s++` on a non-numeric string (`increment_string`): "perl-style" carry over
/// runs of `a-z`, `A-Z`, `0-9` from the right; a non-alphanumeric byte stops the carry
/// (so "a-z" → "a-a"); an overflowing carry prepends '1', 'A' or 'a' according to the kind
/// of the leftmost processed character ("Zz" → "AAa"); "" → "1".
///
/// Numeric strings are converted to numbers before `++`, so the caller must check
/// [`is_numeric`] first. PHP 8.2 has no string decrement: `$s--` on a non-numeric string
/// leaves it unchanged, except `""--` which gives `int(-1)`.
pub fn str_increment(s: &[u8]) -> Vec<u8> {
    #[derive(Clone, Copy)]
    enum Last {
        Num,
        Upper,
        Lower,
    }
    if s.is_empty() {
        return b"1".to_vec();
    }
    let mut out = s.to_vec();
    let mut last = Last::Num;
    let mut carry = false;
    for pos in (0..out.len()).rev() {
        let ch = out[pos];
        let (lo, hi, kind) = match ch {
            b'a'..=b'z' => (b'a', b'z', Last::Lower),
            b'A'..=b'Z' => (b'A', b'Z', Last::Upper),
            b'0'..=b'9' => (b'0', b'9', Last::Num),
            _ => {
                carry = false;
                break;
            }
        };
        last = kind;
        if ch == hi {
            out[pos] = lo;
            carry = true;
        } else {
            out[pos] = ch + 1;
            carry = false;
            break;
        }
    }
    if carry {
        let first = match last {
            Last::Num => b'1',
            Last::Upper => b'A',
            Last::Lower => b'a',
        };
        out.insert(0, first);
    }
    out
}

#[inline]
fn ord_of(c: i32) -> Ordering {
    c.cmp(&0)
}

/// `ZEND_THREEWAY_COMPARE` for doubles: NaN compares as Greater.
#[inline]
fn threeway(a: f64, b: f64) -> Ordering {
    if a == b {
        Ordering::Equal
    } else if a < b {
        Ordering::Less
    } else {
        Ordering::Greater
    }
}

/// Loose comparison (`<=>`, `==`) of two strings when both are numeric (`zendi_smart_strcmp`):
/// `Some(order)` compares them as numbers; `None` means "compare bytes" (caller does
/// `a.cmp(b)`), which PHP also does when both overflow i64 to the same float or both are the
/// same infinity. An integer string vs an overflowed integer string orders by the overflow side.
pub fn compare_numeric_strings(a: &[u8], b: &[u8]) -> Option<Ordering> {
    let sa = scan(a).filter(|s| !s.garbage)?;
    let sb = scan(b).filter(|s| !s.garbage)?;
    match (sa.value, sb.value) {
        (Number::Int(x), Number::Int(y)) => Some(x.cmp(&y)),
        (va, vb) => {
            let (fa, fb) = (va.to_f64(), vb.to_f64());
            if sa.oflow != 0 && sa.oflow == sb.oflow && fa - fb == 0.0 {
                return None;
            }
            match (va, vb) {
                (Number::Int(_), _) if sb.oflow != 0 => Some(ord_of(-i32::from(sb.oflow))),
                (_, Number::Int(_)) if sa.oflow != 0 => Some(ord_of(i32::from(sa.oflow))),
                (Number::Float(x), Number::Float(y)) if x == y && !x.is_finite() => None,
                _ => Some(threeway(fa, fb)),
            }
        }
    }
}

/// Full PHP 8 loose comparison of two strings: numeric compare when both are numeric,
/// otherwise byte-wise (`zend_binary_strcmp`).
pub fn loose_cmp_str_str(a: &[u8], b: &[u8]) -> Ordering {
    compare_numeric_strings(a, b).unwrap_or_else(|| a.cmp(b))
}

/// Numeric value of `s` when the *whole* string is numeric (`is_numeric_string`, no errors).
pub fn numeric_value(s: &[u8]) -> Option<Number> {
    scan(s).filter(|sc| !sc.garbage).map(|sc| sc.value)
}

/// PHP 8 `$int <=> $string` (`compare_longs_to_string`): a numeric string compares as a
/// number; otherwise the int is converted to its decimal string and the bytes are compared
/// (so `0 == "a"` is false, `0 < "a"`, `10 < "9z"`).
pub fn loose_cmp_int_str(i: i64, s: &[u8]) -> Ordering {
    match numeric_value(s) {
        Some(Number::Int(j)) => i.cmp(&j),
        Some(Number::Float(f)) => threeway(i as f64, f),
        None => i.to_string().as_bytes().cmp(s),
    }
}

/// `$string <=> $int`: the mirror of [`loose_cmp_int_str`].
pub fn loose_cmp_str_int(s: &[u8], i: i64) -> Ordering {
    loose_cmp_int_str(i, s).reverse()
}

/// PHP 8 `$float <=> $string` (`compare_doubles_to_string`): NaN is Greater than any string
/// (in both operand orders!); numeric strings compare as numbers; otherwise the float is
/// formatted with precision 14 (`INF`, `-INF`, `1.0E+100`, ...) and compared as bytes.
pub fn loose_cmp_float_str(f: f64, s: &[u8]) -> Ordering {
    if f.is_nan() {
        return Ordering::Greater;
    }
    match numeric_value(s) {
        Some(n) => threeway(f, n.to_f64()),
        None => crate::runtime::float_fmt::format_float_precision(f, 14)
            .as_bytes()
            .cmp(s),
    }
}

/// `$string <=> $float`: the mirror of [`loose_cmp_float_str`], except that NaN still
/// makes the result Greater (PHP: `"1" <=> NAN` is 1).
pub fn loose_cmp_str_float(s: &[u8], f: f64) -> Ordering {
    if f.is_nan() {
        return Ordering::Greater;
    }
    loose_cmp_float_str(f, s).reverse()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ordering::*;

    // php -n n1.php: foreach $s: (int)$s, (float)$s, is_numeric($s), $s + 0 (warning/TypeError)
    // kind: N = Numeric, L = LeadingNumeric (warning), X = NonNumeric (TypeError)
    #[rustfmt::skip]
    const VECTORS: &[(&str, i64, f64, char)] = &[
        ("1e30", i64::MAX, 1e30, 'N'),
        ("9999999999999999999", i64::MAX, 1e19, 'N'),
        (" 12abc", 12, 12.0, 'L'),
        ("abc", 0, 0.0, 'X'),
        ("-0x1A", 0, -0.0, 'L'),
        ("0x1A", 0, 0.0, 'L'),
        ("1e3", 1000, 1000.0, 'N'),
        (" 1.5 ", 1, 1.5, 'N'),
        ("1.5 x", 1, 1.5, 'L'),
        ("  -.5e1", -5, -5.0, 'N'),
        ("1.", 1, 1.0, 'N'),
        (".", 0, 0.0, 'X'),
        ("-", 0, 0.0, 'X'),
        ("+5", 5, 5.0, 'N'),
        ("\x0b5", 5, 5.0, 'N'),
        ("5\x0b", 5, 5.0, 'N'),
        ("\x0c5", 5, 5.0, 'N'),
        ("5\x0c", 5, 5.0, 'N'),
        ("\n\r\t 5 \n", 5, 5.0, 'N'),
        ("1e", 1, 1.0, 'L'),
        ("1e+", 1, 1.0, 'L'),
        ("1e-2x", 0, 0.01, 'L'),
        ("9223372036854775807", i64::MAX, 9.223372036854776E+18, 'N'),
        ("9223372036854775808", i64::MAX, 9.223372036854776E+18, 'N'),
        ("-9223372036854775808", i64::MIN, -9.223372036854776E+18, 'N'),
        ("-9223372036854775809", i64::MIN, -9.223372036854776E+18, 'N'),
        ("0b101", 0, 0.0, 'L'),
        ("0o17", 0, 0.0, 'L'),
        ("017", 17, 17.0, 'N'),
        ("1_000", 1, 1.0, 'L'),
        ("", 0, 0.0, 'X'),
        ("  ", 0, 0.0, 'X'),
        (" 5 5", 5, 5.0, 'L'),
        ("-1e1000", 0, f64::NEG_INFINITY, 'N'),
        ("1e1000", 0, f64::INFINITY, 'N'),
        ("nan", 0, 0.0, 'X'),
        ("inf", 0, 0.0, 'X'),
        ("1e-400", 0, 0.0, 'N'),
        ("00012", 12, 12.0, 'N'),
        ("-0", 0, -0.0, 'N'),
        ("+.5", 0, 0.5, 'N'),
        ("+.e1", 0, 0.0, 'X'),
        ("4.9E-324", 0, 5.0E-324, 'N'),
        ("1.8e308", 0, f64::INFINITY, 'N'),
        ("-9.2233720368547758E18", i64::MIN, -9.223372036854776E+18, 'N'),
        ("9.2233720368547758E18", i64::MAX, 9.223372036854776E+18, 'N'),
        ("1e19", i64::MAX, 1e19, 'N'),
        ("-1e19", i64::MIN, -1e19, 'N'),
        ("1.9e19", i64::MAX, 1.9e19, 'N'),
        ("12abc34", 12, 12.0, 'L'),
        (" \t", 0, 0.0, 'X'),
    ];

    #[test]
    fn string_conversions_match_php() {
        for &(s, i, f, k) in VECTORS {
            let b = s.as_bytes();
            assert_eq!(str_to_int(b), i, "(int){s:?}");
            let got = str_to_float(b);
            assert_eq!(got.to_bits(), f.to_bits(), "(float){s:?} got {got}");
            let kind = match k {
                'N' => NumericKind::Numeric,
                'L' => NumericKind::LeadingNumeric,
                _ => NumericKind::NonNumeric,
            };
            assert_eq!(parse_numeric(b).1, kind, "kind {s:?}");
            assert_eq!(is_numeric(b), k == 'N', "is_numeric {s:?}");
        }
    }

    #[test]
    fn int_vs_float_results() {
        // php: var_dump("9223372036854775807"+0, "9223372036854775808"+0, "-9223372036854775808"+0, "1e3"+0, "-0"+0)
        assert_eq!(
            parse_numeric(b"9223372036854775807").0,
            Some(Number::Int(i64::MAX))
        );
        assert_eq!(
            parse_numeric(b"9223372036854775808").0,
            Some(Number::Float(9.223372036854776E18))
        );
        assert_eq!(
            parse_numeric(b"-9223372036854775808").0,
            Some(Number::Int(i64::MIN))
        );
        assert_eq!(parse_numeric(b"1e3").0, Some(Number::Float(1000.0)));
        assert_eq!(parse_numeric(b"-0").0, Some(Number::Int(0)));
        assert_eq!(
            parse_numeric(b"5 apples"),
            (Some(Number::Int(5)), NumericKind::LeadingNumeric)
        );
        assert_eq!(
            parse_numeric(b"000000000000000000000000012").0,
            Some(Number::Int(12))
        );
        assert_eq!(numeric_prefix_len(b" 12abc"), 3);
        assert_eq!(numeric_prefix_len(b"1e+x"), 1);
    }

    #[test]
    fn float_to_int_matches_php() {
        // php -n -r 'var_dump((int)1e20, (int)-1e20, (int)NAN, (int)INF, (int)-INF, (int)9.2233720368547758E18,
        //   (int)-9.2233720368547758E18, (int)1.8446744073709552E19, (int)2e19, (int)-2.5, (int)1e300,
        //   (int)1.5e19, (int)-1.5e19, (int)12345678901234567890.0);'
        let v: &[(f64, i64)] = &[
            (1e20, 7766279631452241920),
            (-1e20, -7766279631452241920),
            (f64::NAN, 0),
            (f64::INFINITY, 0),
            (f64::NEG_INFINITY, 0),
            (9.223_372_036_854_776E18, i64::MIN),
            (-9.223_372_036_854_776E18, i64::MIN),
            (1.8446744073709552E19, 0),
            (2e19, 1553255926290448384),
            (-2.5, -2),
            (1e300, 0),
            (1.5e19, -3446744073709551616),
            (-1.5e19, 3446744073709551616),
            (12345678901234567890.0, -6101065172474984448),
        ];
        for &(f, i) in v {
            assert_eq!(float_to_int(f), i, "(int){f}");
        }
    }

    #[test]
    fn string_compare_matches_php() {
        // php -n -r 'foreach($pairs as [$a,$b]) echo $a<=>$b;'
        let v: &[(&str, &str, Ordering)] = &[
            ("9223372036854775808", "9223372036854775809", Less),
            ("9223372036854775807", "9223372036854775808", Less),
            ("1e1000", "2e1000", Less),
            ("1e1000", "5", Greater),
            ("abc", "abd", Less),
            ("1e3", "1000", Equal),
            (" 1", "1 ", Equal),
            ("1", "01", Equal),
            ("10", "9", Greater),
            ("10", "9a", Less),
            ("-9223372036854775809", "-9223372036854775808", Less),
            ("0.1", "0.10", Equal),
            ("1e1000", "-1e1000", Greater),
            ("-1e1000", "-2e1000", Less),
            ("100000000000000000000", "1e20", Equal),
        ];
        for &(a, b, o) in v {
            assert_eq!(
                loose_cmp_str_str(a.as_bytes(), b.as_bytes()),
                o,
                "{a:?} <=> {b:?}"
            );
        }
        assert_eq!(compare_numeric_strings(b"abc", b"1"), None);
    }

    #[test]
    fn int_string_compare_matches_php() {
        // php -n -r 'echo $i<=>$s, " ", $s<=>$i;'
        let v: &[(i64, &str, Ordering)] = &[
            (0, "a", Less),
            (0, "", Greater),
            (5, "5 apples", Less),
            (10, "9z", Less),
            (1, "1e0", Equal),
            (1, "1.0 ", Equal),
            (-1, "-", Greater),
            (123, "123abc", Less),
            (i64::MAX, "9223372036854775808", Equal),
            (42, " 42", Equal),
            (42, "42 ", Equal),
            (0, "0x0", Less),
        ];
        for &(i, s, o) in v {
            assert_eq!(loose_cmp_int_str(i, s.as_bytes()), o, "{i} <=> {s:?}");
            assert_eq!(
                loose_cmp_str_int(s.as_bytes(), i),
                o.reverse(),
                "{s:?} <=> {i}"
            );
        }
    }

    #[test]
    fn float_string_compare_matches_php() {
        // php -n -r 'echo $f<=>$s, " ", $s<=>$f;'  (NaN: 1 in both orders)
        let v: &[(f64, &str, Ordering, Ordering)] = &[
            (f64::NAN, "1", Greater, Greater),
            (f64::NAN, "NAN", Greater, Greater),
            (f64::NAN, "abc", Greater, Greater),
            (f64::INFINITY, "INF", Equal, Equal),
            (f64::INFINITY, "1e1000", Equal, Equal),
            (f64::NEG_INFINITY, "-INF", Equal, Equal),
            (f64::INFINITY, "zzz", Less, Greater),
            (1.5, "1.5", Equal, Equal),
            (1.5, "1.5x", Less, Greater),
            (0.1 + 0.2, "0.3", Greater, Less),
            (0.1 + 0.2, "0.3a", Less, Greater),
            (-0.0, "-0", Equal, Equal),
            (-0.0, "-0x", Less, Greater),
            (1e100, "1.0E+100", Equal, Equal),
            (1e100, "1.0E+100 ", Equal, Equal),
            (f64::INFINITY, "INFx", Less, Greater),
        ];
        for &(f, s, o1, o2) in v {
            assert_eq!(loose_cmp_float_str(f, s.as_bytes()), o1, "{f} <=> {s:?}");
            assert_eq!(loose_cmp_str_float(s.as_bytes(), f), o2, "{s:?} <=> {f}");
        }
    }

    #[test]
    fn increment_matches_php() {
        // php -n -r '$s="a-z";$s++;echo $s;' etc.
        let v: &[(&str, &str)] = &[
            ("a", "b"),
            ("z", "aa"),
            ("Az", "Ba"),
            ("a9", "b0"),
            ("Zz", "AAa"),
            ("", "1"),
            ("a-z", "a-a"),
            ("zz99", "aaa00"),
            ("9z", "10a"),
            ("-", "-"),
            ("zZ9", "aaA0"),
        ];
        for &(a, b) in v {
            assert_eq!(str_increment(a.as_bytes()), b.as_bytes(), "{a:?}++");
        }
    }
}
