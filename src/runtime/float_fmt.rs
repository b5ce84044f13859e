//! Float → string exactly like PHP 8.2 (`zend_gcvt` in main/snprintf.c / Zend/zend_strtod.c,
//! `smart_str_append_double` in Zend/zend_smart_str.c).
//!
//! Two PHP settings matter:
//! - `precision` (default 14): echo, print, string conversion/concatenation, print_r,
//!   `strval`, `settype`, string comparison of a float against a non-numeric string.
//!   Digits come from `zend_dtoa(mode 2, ndigit)`: correctly rounded (ties to even on exact
//!   binary ties), trailing zeros stripped.
//! - `serialize_precision` (default -1): var_dump, var_export, serialize, json_encode.
//!   `-1` means `zend_dtoa(mode 0)`: the shortest digits that round-trip, laid out as if
//!   `ndigit == 17`.
//!
//! Layout (`zend_gcvt`): with `decpt` the position of the decimal point relative to the
//! digits (value = 0.DIGITS × 10^decpt), exponential form is used when
//! `decpt < -3 || decpt > ndigit` (so 1e15 is "1.0E+15" at precision 14 but
//! "1000000000000000" in var_dump; 1e17 is "1.0E+17" in both). Exponential form always has
//! a fractional part ("1.0E+25") and an exponent without leading zeros ("1.0E-5").
//!
//! Digit generation uses Rust's float formatting, which is exact (`{:.N e}` is correctly
//! rounded with ties-to-even; `{:e}` is shortest round-trip), so no extra dependency.
//!
//! Which callers add ".0" to integral finite results: var_export (`1.0`, `-0.0`,
//! `1.0E+25` unchanged since it has a '.'), and json_encode only with
//! JSON_PRESERVE_ZERO_FRACTION. json_encode uses lowercase 'e' (`1.0e+25`) and fails on
//! INF/NAN ("Inf and NaN cannot be JSON encoded"). var_dump and serialize print the bare
//! repr (`float(1)`, `d:1;`, `d:-0;`, `d:INF;`).

/// Digits and decimal-point position as `zend_dtoa` returns them (no trailing zeros;
/// zero is `"0"` with `decpt == 1`). `ndigit < 0` selects shortest round-trip (mode 0).
fn dtoa_digits(abs: f64, ndigit: i32) -> (Vec<u8>, i32) {
    let s = if ndigit < 0 {
        return shortest_digits(abs);
    } else {
        // mode 2 with ndigit <= 0 behaves like ndigit 1; a double never needs more than
        // 767 significant digits, so capping bounds the work without changing the output.
        let nd = ndigit.clamp(1, 800) as usize;
        format!("{:.*e}", nd - 1, abs)
    };
    let (mant, exp) = match s.split_once('e') {
        Some(p) => p,
        None => (s.as_str(), "0"),
    };
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.iter().all(|&d| d == b'0') {
        return (b"0".to_vec(), 1);
    }
    (digits, exp + 1)
}

/// Mode 0 (shortest round-trip) digits. Rust's shortest formatting breaks a tie
/// between two equally close candidates of the same length differently from
/// `zend_dtoa`, which rounds the last digit half to even (1e15 + 0.3, exactly
/// ...000.25, is "1000000000000000.2" in PHP).
fn shortest_digits(abs: f64) -> (Vec<u8>, i32) {
    let (digits, decpt) = split_sci(&format!("{:e}", abs));
    if digits == b"0" {
        return (digits, decpt);
    }
    let n = digits.len();
    // A tie needs the unit of the last digit to be at most one ulp apart, which for
    // normal doubles means at least 16 digits.
    if n < 16 && abs >= f64::MIN_POSITIVE {
        return (digits, decpt);
    }
    // The exact decimal expansion (a double has at most 767 significant digits).
    let (exact, exact_decpt) = split_sci(&format!("{:.*e}", 799, abs));
    if exact_decpt != decpt || exact.len() <= n {
        return (digits, decpt);
    }
    let rest = &exact[n..];
    if rest[0] != b'5' || rest[1..].iter().any(|&d| d != b'0') {
        return (digits, decpt);
    }
    // A tie between exact[..n] and exact[..n] + 1: PHP takes the even one.
    let low = exact[..n].to_vec();
    let mut high = low.clone();
    let mut i = n;
    loop {
        if i == 0 {
            return (digits, decpt);
        }
        i -= 1;
        if high[i] == b'9' {
            high[i] = b'0';
        } else {
            high[i] += 1;
            break;
        }
    }
    let even = if low[n - 1] % 2 == 0 { low } else { high };
    if even == digits {
        return (digits, decpt);
    }
    let text = format!("0.{}e{}", String::from_utf8_lossy(&even), decpt);
    if text.parse::<f64>().ok() != Some(abs) {
        return (digits, decpt);
    }
    let mut even = even;
    while even.len() > 1 && even.last() == Some(&b'0') {
        even.pop();
    }
    (even, decpt)
}

/// Digits (trailing zeros stripped) and decimal-point position of Rust's `{:e}` text.
fn split_sci(s: &str) -> (Vec<u8>, i32) {
    let (mant, exp) = match s.split_once('e') {
        Some(p) => p,
        None => (s, "0"),
    };
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.iter().all(|&d| d == b'0') {
        return (b"0".to_vec(), 1);
    }
    (digits, exp + 1)
}

/// `zend_gcvt(value, ndigit, '.', exp_char)`: `ndigit < 0` means serialize_precision -1
/// (shortest round-trip, layout threshold 17). INF/NAN are truncated to `ndigit` chars like
/// PHP's `snprintf(buf, ndigit + 1, ...)` (precision=2 echoes INF as "IN").
pub fn zend_gcvt(value: f64, ndigit: i32, exp_char: u8) -> String {
    let (mode0, ndigit) = if ndigit < 0 {
        (true, 17)
    } else {
        (false, ndigit.max(1))
    };
    if !value.is_finite() {
        let s = if value.is_nan() {
            "NAN"
        } else if value < 0.0 {
            "-INF"
        } else {
            "INF"
        };
        return s.chars().take(ndigit as usize).collect();
    }
    let (digits, decpt) = dtoa_digits(value.abs(), if mode0 { -1 } else { ndigit });
    let mut out = String::with_capacity(digits.len() + 8);
    if value.is_sign_negative() {
        out.push('-');
    }
    let dig = |i: usize| digits.get(i).map(|&b| b as char);
    if if decpt < 0 {
        decpt < -3
    } else {
        decpt > ndigit
    } {
        // Exponential: d.ddd E±x
        let e = decpt - 1;
        out.push(digits[0] as char);
        out.push('.');
        if digits.len() == 1 {
            out.push('0');
        } else {
            out.extend(digits[1..].iter().map(|&b| b as char));
        }
        out.push(exp_char as char);
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&e.unsigned_abs().to_string());
    } else if decpt < 0 {
        out.push_str("0.");
        for _ in decpt..0 {
            out.push('0');
        }
        out.extend(digits.iter().map(|&b| b as char));
    } else {
        let d = decpt as usize;
        for i in 0..d {
            out.push(dig(i).unwrap_or('0'));
        }
        if digits.len() > d {
            if d == 0 {
                out.push('0');
            }
            out.push('.');
            out.extend(digits[d..].iter().map(|&b| b as char));
        }
    }
    out
}

/// Float → string under the `precision` ini setting (echo, string conversion, print_r use
/// 14). Precision 0 behaves as 1, like `smart_str_append_double`.
pub fn format_float_precision(f: f64, precision: usize) -> String {
    zend_gcvt(f, precision.min(i32::MAX as usize) as i32, b'E')
}

/// Float → string for a `precision`/`serialize_precision` ini value as PHP stores it:
/// -1 = shortest round-trip, 0 = 1 digit, n = n significant digits.
pub fn format_float_ini(f: f64, precision: i64) -> String {
    if precision < 0 {
        zend_gcvt(f, -1, b'E')
    } else {
        zend_gcvt(f, precision.min(i32::MAX as i64) as i32, b'E')
    }
}

/// serialize_precision = -1: shortest round-trip repr (var_dump, serialize, debug_zval_dump):
/// 0.1+0.2 → "0.30000000000000004", 1.0 → "1", 1e17 → "1.0E+17".
pub fn format_float_repr(f: f64) -> String {
    zend_gcvt(f, -1, b'E')
}

/// var_export: repr plus ".0" when finite and there is no '.', 'e' or 'E' (1.0 → "1.0",
/// -0.0 → "-0.0", 1e25 → "1.0E+25", INF → "INF").
pub fn format_float_export(f: f64) -> String {
    let mut s = format_float_repr(f);
    if f.is_finite() && !s.contains(['.', 'e', 'E']) {
        s.push_str(".0");
    }
    s
}

/// json_encode: lowercase exponent ("1.0e+25"), ".0" only with JSON_PRESERVE_ZERO_FRACTION;
/// `None` for INF/NAN (json_encode fails: "Inf and NaN cannot be JSON encoded").
pub fn format_float_json(f: f64, preserve_zero_fraction: bool) -> Option<String> {
    if !f.is_finite() {
        return None;
    }
    let mut s = zend_gcvt(f, -1, b'e');
    if preserve_zero_fraction && !s.contains('.') {
        s.push_str(".0");
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_ties_round_half_even() {
        assert_eq!(format_float_repr(1e15 + 0.3), "1000000000000000.2");
        assert_eq!(format_float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(format_float_repr(1.5), "1.5");
    }

    #[test]
    fn precision_14_matches_php_echo() {
        // php -n -r 'foreach([0.1+0.2, 1e15, 123456789012345678.0, 1e14, 100000.0, -0.0, 1.5e-7,
        //   0.0001, 0.00001, INF, -INF, NAN, 1e15-1, 99999999999999.9, 999999999999999.9, 0.1, 1/3,
        //   -1/3, 2/3, 1e-10, 123456789.12345678, 0.5, 1.0, 0.0, 1e100, 5e-324] as $f) echo $f, "\n";'
        let v: &[(f64, &str)] = &[
            (0.1 + 0.2, "0.3"),
            (1e15, "1.0E+15"),
            (123456789012345678.0, "1.2345678901235E+17"),
            (1e14, "1.0E+14"),
            (100000.0, "100000"),
            (-0.0, "-0"),
            (1.5e-7, "1.5E-7"),
            (0.0001, "0.0001"),
            (0.00001, "1.0E-5"),
            (f64::INFINITY, "INF"),
            (f64::NEG_INFINITY, "-INF"),
            (f64::NAN, "NAN"),
            (1e15 - 1.0, "1.0E+15"),
            (99999999999999.9, "1.0E+14"),
            (999999999999999.9, "1.0E+15"),
            (0.1, "0.1"),
            (1.0 / 3.0, "0.33333333333333"),
            (-1.0 / 3.0, "-0.33333333333333"),
            (2.0 / 3.0, "0.66666666666667"),
            (1e-10, "1.0E-10"),
            (123456789.12345678, "123456789.12346"),
            (0.5, "0.5"),
            (1.0, "1"),
            (0.0, "0"),
            (1e100, "1.0E+100"),
            (5e-324, "4.9406564584125E-324"),
        ];
        for &(f, s) in v {
            assert_eq!(format_float_precision(f, 14), s, "echo {f:e}");
        }
    }

    #[test]
    fn other_precisions_match_php() {
        // php -n -d precision=2 -r 'echo INF," ",-INF," ",NAN," ",1234.5," ",0.5;'  → IN -I NA 1.2E+3 0.5
        assert_eq!(format_float_precision(f64::INFINITY, 2), "IN");
        assert_eq!(format_float_precision(f64::NEG_INFINITY, 2), "-I");
        assert_eq!(format_float_precision(f64::NAN, 2), "NA");
        assert_eq!(format_float_precision(1234.5, 2), "1.2E+3");
        // php -n -d precision=0 -r 'echo 1234.5," ",INF;'  → 1.0E+3 I
        assert_eq!(format_float_precision(1234.5, 0), "1.0E+3");
        assert_eq!(format_float_precision(f64::INFINITY, 0), "I");
        // php -n -d precision=17 -r 'echo 0.1," ",1e15," ",1e17," ",1e18;'
        assert_eq!(format_float_precision(0.1, 17), "0.10000000000000001");
        assert_eq!(format_float_precision(1e15, 17), "1000000000000000");
        assert_eq!(format_float_precision(1e17, 17), "1.0E+17");
        // php -n -d precision=50 -r 'echo 0.1;'
        assert_eq!(
            format_float_precision(0.1, 50),
            "0.1000000000000000055511151231257827021181583404541"
        );
        // php -n -d precision=1 -r 'echo 2.5," ",3.5," ",0.25," ",1.5," ",0.35;'  (ties to even)
        let got: Vec<String> = [2.5, 3.5, 0.25, 1.5, 0.35]
            .iter()
            .map(|&f| format_float_precision(f, 1))
            .collect();
        assert_eq!(got, ["2", "4", "0.2", "2", "0.3"]);
        assert_eq!(format_float_ini(0.1 + 0.2, -1), "0.30000000000000004");
    }

    #[test]
    fn repr_matches_php_var_dump() {
        // php -n -r 'var_dump(1e15, 1e16, 1e17, 1e18, 123456789012345680.0, 0.0001, 0.00001,
        //   999999999999999.0, 9999999999999998.0, 1.5e15, 123456789012345.6, 1234567890123456.7, -0.0,
        //   0.1+0.2, 1e100, 2.5e-5, 1e22, 1e21, 5e-324, 1.7976931348623157e308);'
        let v: &[(f64, &str)] = &[
            (1e15, "1000000000000000"),
            (1e16, "10000000000000000"),
            (1e17, "1.0E+17"),
            (1e18, "1.0E+18"),
            (123456789012345680.0, "1.2345678901234568E+17"),
            (0.0001, "0.0001"),
            (0.00001, "1.0E-5"),
            (999999999999999.0, "999999999999999"),
            (9999999999999998.0, "9999999999999998"),
            (1.5e15, "1500000000000000"),
            (123456789012345.6, "123456789012345.6"),
            (1234567890123456.7, "1234567890123456.8"),
            (-0.0, "-0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e100, "1.0E+100"),
            (2.5e-5, "2.5E-5"),
            (1e22, "1.0E+22"),
            (1e21, "1.0E+21"),
            (5e-324, "5.0E-324"),
            (1.7976931348623157e308, "1.7976931348623157E+308"),
            (1.0, "1"),
            (f64::INFINITY, "INF"),
            (f64::NEG_INFINITY, "-INF"),
            (f64::NAN, "NAN"),
        ];
        for &(f, s) in v {
            assert_eq!(format_float_repr(f), s, "var_dump {f:e}");
        }
    }

    #[test]
    fn export_and_json_match_php() {
        // php -n -r 'var_export(1.0); var_export(1e25); var_export(-0.0); var_export(0.1);
        //   var_export(1e15); var_export(INF); var_export(NAN);'
        let v: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (1e25, "1.0E+25"),
            (-0.0, "-0.0"),
            (0.1, "0.1"),
            (1e15, "1000000000000000.0"),
            (f64::INFINITY, "INF"),
            (f64::NAN, "NAN"),
        ];
        for &(f, s) in v {
            assert_eq!(format_float_export(f), s);
        }
        // php -n -r 'echo json_encode([1.0, 1e25, -0.0, 0.1, 1e15, 1e17, 2.5e-5, 100.0, 0.30000000000000004]);'
        // → [1,1.0e+25,-0,0.1,1000000000000000,1.0e+17,2.5e-5,100,0.30000000000000004]
        let got: Vec<String> = [1.0, 1e25, -0.0, 0.1, 1e15, 1e17, 2.5e-5, 100.0, 0.1 + 0.2]
            .iter()
            .map(|&f| format_float_json(f, false).unwrap_or_default())
            .collect();
        assert_eq!(
            got.join(","),
            "1,1.0e+25,-0,0.1,1000000000000000,1.0e+17,2.5e-5,100,0.30000000000000004"
        );
        // php -n -r 'echo json_encode([1.0, 1e25], JSON_PRESERVE_ZERO_FRACTION);'  → [1.0,1.0e+25]
        assert_eq!(format_float_json(1.0, true).as_deref(), Some("1.0"));
        assert_eq!(format_float_json(1e25, true).as_deref(), Some("1.0e+25"));
        assert_eq!(format_float_json(f64::INFINITY, false), None);
    }
}
