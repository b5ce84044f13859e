//! Tests for sprintf.rs; every expected value was produced by `php -n` (PHP 8.2).
// The vectors use PHP programs' literals such as 3.14159 on purpose.
#![allow(clippy::approx_constant)]

use super::*;
use FmtArg::{Bool, Float, Int, Null, Str};

fn sp(f: &str, a: &[FmtArg]) -> String {
    match php_sprintf(f.as_bytes(), a) {
        Ok(v) => String::from_utf8_lossy(&v).into_owned(),
        Err(e) => format!("!! {e}"),
    }
}

const INF: f64 = f64::INFINITY;

// php -n s1.php:  foreach ($cases as [$f, $a]) echo json_encode(sprintf($f, ...$a));
#[rustfmt::skip]
fn cases() -> Vec<(&'static str, Vec<FmtArg<'static>>, &'static str)> {
    vec![
        ("%d", vec![Int(42)], "42"),
        ("%5d|%-5d|%05d", vec![Int(42), Int(42), Int(42)], "   42|42   |00042"),
        ("%+d %+d", vec![Int(5), Int(-5)], "+5 -5"),
        ("%+05d", vec![Int(-5)], "-0005"),
        ("%-05d", vec![Int(-5)], "-5   "),
        ("%'*10s", vec![Str(b"abc")], "*******abc"),
        ("%'*-10s|", vec![Str(b"abc")], "abc*******|"),
        ("%u", vec![Int(-1)], "18446744073709551615"),
        ("%u", vec![Int(3)], "3"),
        ("%b", vec![Int(5)], "101"),
        ("%b", vec![Int(-1)], "1111111111111111111111111111111111111111111111111111111111111111"),
        ("%o", vec![Int(-1)], "1777777777777777777777"),
        ("%x %X", vec![Int(255), Int(255)], "ff FF"),
        ("%x", vec![Int(-255)], "ffffffffffffff01"),
        ("%c", vec![Int(65)], "A"),
        ("%c", vec![Int(256 + 66)], "B"),
        ("%5c|", vec![Int(65)], "A|"),
        ("%e", vec![Int(10)], "1.000000e+1"),
        ("%e", vec![Int(0)], "0.000000e+0"),
        ("%.2e", vec![Float(12345.678)], "1.23e+4"),
        ("%E", vec![Float(-0.000123)], "-1.230000E-4"),
        ("%e", vec![Float(1e100)], "1.000000e+100"),
        ("%.0e", vec![Int(12345)], "1e+4"),
        ("%10.3e|", vec![Float(1.5)], "  1.500e+0|"),
        ("%f", vec![Float(1.5)], "1.500000"),
        ("%.2f", vec![Float(1.005)], "1.00"),
        ("%.0f", vec![Float(2.5)], "2"),
        ("%.0f", vec![Float(3.5)], "4"),
        ("%F", vec![Float(1234.5)], "1234.500000"),
        ("%010.3f", vec![Float(-3.14159)], "-00003.142"),
        ("%+.1f", vec![Float(2.25)], "+2.2"),
        ("%.1f", vec![Float(0.05)], "0.1"),
        ("%f", vec![Float(1e20)], "100000000000000000000.000000"),
        ("%.3f", vec![Float(-0.0)], "0.000"),
        ("%f", vec![Float(INF)], "INF"),
        ("%f", vec![Float(-INF)], "INF"),
        ("%f", vec![Float(f64::NAN)], "NaN"),
        ("%5.1f|", vec![Float(INF)], "INF|"),
        ("%d", vec![Float(INF)], "0"),
        ("%d", vec![Float(f64::NAN)], "0"),
        ("%d", vec![Float(1e20)], "7766279631452241920"),
        ("%e", vec![Float(INF)], "INF"),
        ("%g", vec![Float(INF)], "INF"),
        ("%+f", vec![Float(INF)], "INF"),
        ("%010f", vec![Float(-INF)], "-NF"),
        ("%g", vec![Float(0.00001234)], "1.234e-5"),
        ("%g", vec![Int(123456789)], "1.23457e+8"),
        ("%G", vec![Float(1e-10)], "1.0E-10"),
        ("%g", vec![Int(100000)], "100000"),
        ("%g", vec![Int(1000000)], "1.0e+6"),
        ("%.3g", vec![Float(3.14159)], "3.14"),
        ("%g", vec![Int(0)], "0"),
        ("%.0g", vec![Int(123)], "1.0e+2"),
        ("%g", vec![Float(1e15)], "1.0e+15"),
        ("%g", vec![Float(0.0001)], "0.0001"),
        ("%+g", vec![Float(1.5)], "+1.5"),
        ("%s", vec![Float(1.0)], "1"),
        ("%s", vec![Float(0.1 + 0.2)], "0.3"),
        ("%s", vec![Bool(true)], "1"),
        ("%s", vec![Bool(false)], ""),
        ("%s", vec![Null], ""),
        ("%d", vec![Str(b"12abc")], "12"),
        ("%d", vec![Str(b"abc")], "0"),
        ("%d", vec![Str(b" 1e3")], "1000"),
        ("%f", vec![Str(b"1.5abc")], "1.500000"),
        ("%d", vec![Float(3.99)], "3"),
        ("%d", vec![Float(-3.99)], "-3"),
        ("%d", vec![Bool(true)], "1"),
        ("%s", vec![Float(1e25)], "1.0E+25"),
        ("%.2s", vec![Str(b"abcdef")], "ab"),
        ("%5.2s|", vec![Str(b"abcdef")], "   ab|"),
        ("%-5.2s|", vec![Str(b"abcdef")], "ab   |"),
        ("%05s", vec![Str(b"ab")], "000ab"),
        ("%-05s|", vec![Str(b"ab")], "ab000|"),
        ("%2$s %1$s %2$s", vec![Str(b"a"), Str(b"b")], "b a b"),
        ("%1$05d", vec![Int(7)], "00007"),
        ("%%", vec![], "%"),
        ("%5%|", vec![], "!! ArgumentCountError: 3 arguments are required, 1 given"),
        ("%s %s %1$s", vec![Str(b"a"), Str(b"b")], "a b a"),
        ("% d", vec![Int(42)], "42"),
        ("% 5d|", vec![Int(42)], "   42|"),
        ("%-+5d|", vec![Int(42)], "+42  |"),
        ("%+s", vec![Str(b"x")], "x"),
        ("%+u", vec![Int(5)], "5"),
        ("%+x", vec![Int(5)], "5"),
        ("%+e", vec![Float(1.5)], "+1.500000e+0"),
        ("%+05.1f", vec![Float(1.25)], "+01.2"),
        ("%'010d", vec![Int(5)], "0000000005"),
        ("%-'x10d|", vec![Int(-5)], "-5xxxxxxxx|"),
        ("%0-5d|", vec![Int(42)], "42   |"),
        ("%.3d", vec![Int(5)], "5"),
        ("%.10f", vec![Float(0.1)], "0.1000000000"),
        ("%.60f", vec![Float(0.1)], "0.10000000000000000555111512312578270211815834045410156"),
        ("%5.60f", vec![Int(1)], "1.00000000000000000000000000000000000000000000000000000"),
        ("%s", vec![Float(-0.0)], "-0"),
        ("%.15g", vec![Float(0.1)], "0.1"),
        ("%.17g", vec![Float(0.1)], "0.10000000000000001"),
        ("%g", vec![Float(-0.0)], "-0"),
        ("%e", vec![Float(-0.0)], "0.000000e+0"),
        ("%F", vec![Float(-0.0)], "0.000000"),
        ("%.1e", vec![Float(9.96)], "1.0e+1"),
        ("%.2f", vec![Float(-0.001)], "-0.00"),
        ("%.60e", vec![Int(1)], "1.00000000000000000000000000000000000000000000000000000e+0"),
        ("%H", vec![Float(1e15)], "1.0E+15"),
        ("%h", vec![Float(1e-5)], "1.0e-5"),
        ("%.3h", vec![Float(1234.5)], "1.23e+3"),
        ("%x", vec![Str(b"ff")], "0"),
        ("%o", vec![Int(8)], "10"),
        ("%X", vec![Int(i64::MIN)], "8000000000000000"),
        ("%d", vec![Int(i64::MIN)], "-9223372036854775808"),
        ("%+d", vec![Int(0)], "+0"),
        ("%c", vec![Int(-1)], "\u{FFFD}"),
        ("%c", vec![Str(b"A")], "\0"),
        ("%c", vec![Float(65.9)], "A"),
        // php -n s2.php
        ("%d %d", vec![Int(1)], "!! ArgumentCountError: 3 arguments are required, 2 given"),
        ("%d %y", vec![], "!! ArgumentCountError: 3 arguments are required, 1 given"),
        ("%y", vec![Int(1)], "!! ValueError: Unknown format specifier \"y\""),
        ("%", vec![Int(1)], "!! ValueError: Missing format specifier at end of string"),
        ("abc%", vec![], "!! ArgumentCountError: 2 arguments are required, 1 given"),
        ("%5", vec![Int(1)], "!! ValueError: Missing format specifier at end of string"),
        ("%'", vec![Int(1)], "!! ValueError: Missing padding character"),
        ("%'x", vec![Int(1)], "!! ValueError: Missing format specifier at end of string"),
        ("%0$s", vec![Int(1)], "!! ValueError: Argument number specifier must be greater than zero and less than 2147483647"),
        ("%2147483647$s", vec![Int(1)], "!! ValueError: Argument number specifier must be greater than zero and less than 2147483647"),
        ("%2147483646$s", vec![Int(1)], "!! ArgumentCountError: 2147483647 arguments are required, 2 given"),
        ("%99999999999d", vec![Int(1)], "!! ValueError: Width must be greater than zero and less than 2147483647"),
        ("%.99999999999f", vec![Int(1)], "!! ValueError: Precision must be greater than zero and less than 2147483647"),
        ("%*d", vec![Int(5), Int(42)], "   42"),
        ("%-*d|", vec![Int(5), Int(42)], "42   |"),
        ("%*d", vec![Str(b"5"), Int(42)], "!! ValueError: Width must be an integer"),
        ("%*d", vec![Int(-1), Int(42)], "!! ValueError: Width must be greater than zero and less than 2147483647"),
        ("%.*f", vec![Int(2), Float(3.14159)], "3.14"),
        ("%.*f", vec![Int(-1), Float(3.14159)], "!! ValueError: Precision -1 is only supported for %g, %G, %h and %H"),
        ("%.*g", vec![Int(-1), Float(0.1 + 0.2)], "0.30000000000000004"),
        ("%.*g", vec![Int(-2), Float(1.0)], "!! ValueError: Precision must be between -1 and 2147483647"),
        ("%.*H", vec![Int(-1), Float(1e15)], "1000000000000000"),
        ("%1$*2$d|", vec![Int(42), Int(6)], "    42|"),
        ("%*1$d|", vec![Int(6)], "     6|"),
        ("%.3x", vec![Int(255)], ""),
        ("%-05x|", vec![Int(255)], "ff000|"),
        ("%5.1x|", vec![Int(255)], "     |"),
        ("%-08.2f|", vec![Float(1.5)], "1.500000|"),
        ("%-08.2e|", vec![Float(1.5)], "1.50e+00|"),
        ("%+010f", vec![Float(INF)], "+NF"),
        ("%+010f", vec![Float(f64::NAN)], "+aN"),
        ("%010f", vec![Float(f64::NAN)], "NaN"),
        ("%-10f|", vec![Float(-INF)], "INF|"),
        ("%ld", vec![Int(5)], "5"),
        ("%5%|", vec![Int(1)], "%|"),
        ("%1$s %s", vec![Str(b"a"), Str(b"b")], "a a"),
        ("%3$s", vec![Str(b"a")], "!! ArgumentCountError: 4 arguments are required, 2 given"),
        ("%*d", vec![Int(5)], "!! ArgumentCountError: 3 arguments are required, 2 given"),
        ("%s%s", vec![], "!! ArgumentCountError: 3 arguments are required, 1 given"),
        ("%u", vec![Int(-2)], "18446744073709551614"),
        ("%05u", vec![Int(-2)], "18446744073709551614"),
        ("%-05u|", vec![Int(5)], "5    |"),
        ("%+05d", vec![Int(5)], "+0005"),
        ("%x", vec![Float(1.9e19)], "7ad8f556c6c0000"),
        ("%.2e", vec![Float(9.999e9)], "1.00e+10"),
        ("%e", vec![Float(1e-300)], "1.000000e-300"),
        ("%.1f", vec![Float(0.25)], "0.2"),
        ("%.1f", vec![Float(0.35)], "0.3"),
        ("%.2f", vec![Float(1.455)], "1.46"),
        ("%5.1s|", vec![Str(b"")], "     |"),
        ("%1$", vec![Int(1)], "!! ValueError: Missing format specifier at end of string"),
        ("%-", vec![Int(1)], "!! ValueError: Missing format specifier at end of string"),
        ("%.", vec![Int(1)], "!! ValueError: Missing format specifier at end of string"),
        ("%  d", vec![Int(1)], "1"),
        ("%''5d", vec![Int(1)], "''''1"),
        ("%\0d", vec![Int(1)], "!! ValueError: Unknown format specifier \"\0\""),
        ("%D", vec![Int(1)], "!! ValueError: Unknown format specifier \"D\""),
        ("%+c", vec![Int(65)], "A"),
        // php -n -r 'echo json_encode(sprintf($f, $a, 98));'
        ("%010g", vec![Float(-1.5)], "-0000001.5"),
        ("%+010g", vec![Float(-0.0)], "-000000000"),
        ("%-010g|", vec![Float(-1.5)], "-1.5000000|"),
        ("%010.2e", vec![Float(-1.5)], "-001.50e+0"),
        ("%+010.2e", vec![Float(1.5)], "+001.50e+0"),
        ("%+-10d|", vec![Int(-3)], "-3        |"),
        ("%+'x10d|", vec![Int(3)], "xxxxxxxx+3|"),
        ("%+'0-10d|", vec![Int(3)], "+3        |"),
        ("%-010s|", vec![Str(b"ab")], "ab00000000|"),
        ("%.0s|", vec![Str(b"abc")], "|"),
        ("%.s|", vec![Str(b"abc")], "abc|"),
        ("%05.1f", vec![Float(9.96)], "010.0"),
        ("%5.3s|", vec![Float(1.23456)], "  1.2|"),
        ("%s", vec![Float(1e14)], "1.0E+14"),
        ("%d", vec![Str(b"9999999999999999999")], "9223372036854775807"),
        ("%.2f", vec![Str(b"abc")], "0.00"),
        ("%c%c", vec![Int(0x1F600), Int(98)], "\0b"),
    ]
}

#[test]
fn sprintf_matches_php() {
    for (f, a, want) in cases() {
        assert_eq!(sp(f, &a), want, "sprintf({f:?}, {a:?})");
    }
}

#[test]
fn vsprintf_errors_and_notices() {
    // php -n -r 'vsprintf("%d %d", [1]);' → ValueError: The arguments array must contain 2 items, 1 given
    let e = php_vsprintf(b"%d %d", &[Int(1)]).unwrap_err();
    assert_eq!(e.class, PhpErrorClass::ValueError);
    assert_eq!(
        e.message,
        "The arguments array must contain 2 items, 1 given"
    );
    let e = php_vsprintf(b"%3$s", &[Str(b"a")]).unwrap_err();
    assert_eq!(
        e.message,
        "The arguments array must contain 3 items, 1 given"
    );
    let e = php_vsprintf(b"%s", &[]).unwrap_err();
    assert_eq!(
        e.message,
        "The arguments array must contain 1 items, 0 given"
    );
    // Notice: sprintf(): Requested precision of 60 digits was truncated to PHP maximum of 53 digits
    let mut notes = Vec::new();
    let r = php_sprintf_ex(b"%.60f", &[Float(0.1)], ArgsMode::Variadic, &mut |n| {
        notes.push(n)
    });
    assert!(r.is_ok());
    assert_eq!(
        notes,
        ["Requested precision of 60 digits was truncated to PHP maximum of 53 digits"]
    );
    // %c of -1 is byte 0xFF
    assert_eq!(php_sprintf(b"%c", &[Int(-1)]).ok(), Some(vec![0xFF]));
}

fn parse_repr(s: &str) -> f64 {
    match s {
        "INF" => f64::INFINITY,
        "-INF" => f64::NEG_INFINITY,
        "NAN" => f64::NAN,
        _ => s.parse().unwrap_or(f64::NAN),
    }
}

#[test]
fn round_matches_php() {
    // php -n -r 'var_dump(round(2.5), round(-2.5), round(1.955, 2), round(5.045, 2), round(5.055, 2),
    //   round(1234567.891, -3), round(0.285, 2));'
    assert_eq!(php_round(2.5, 0), 3.0);
    assert_eq!(php_round(-2.5, 0), -3.0);
    assert_eq!(php_round(1.955, 2), 1.96);
    assert_eq!(php_round(5.045, 2), 5.05);
    assert_eq!(php_round(5.055, 2), 5.06);
    assert_eq!(php_round(1234567.891, -3), 1235000.0);
    assert_eq!(php_round(0.285, 2), 0.29);
    assert_eq!(php_round(0.49999999999999994, 0), 1.0);
    assert_eq!(php_round(1e-300, 305), 0.0);
    assert!(php_round(-0.4, 0).is_sign_negative());
    // php -n r.php > testdata/round_vectors.txt: "value places mode round(value, places, mode)"
    let data = include_str!("testdata/round_vectors.txt");
    let mut n = 0;
    for line in data.lines() {
        let parts: Vec<&str> = line.split(' ').collect();
        let [v, p, m, want] = parts[..] else {
            panic!("bad line {line}")
        };
        let (v, p, m, want) = (
            parse_repr(v),
            p.parse::<i64>().unwrap(),
            m.parse::<i64>().unwrap(),
            parse_repr(want),
        );
        let got = php_round_mode(v, p, RoundMode::from_php(m));
        assert!(
            got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
            "round({v:?}, {p}, {m}) = {got:?}, php says {want:?}"
        );
        n += 1;
    }
    assert!(n > 2000);
}

#[test]
fn number_format_matches_php() {
    // php -n -r 'echo number_format(1234.5), "|", number_format(1234.5678, 2), ...;'
    let nf = |f: f64, d: i64, dp: &str, ts: &str| {
        String::from_utf8_lossy(&number_format(f, d, dp.as_bytes(), ts.as_bytes())).into_owned()
    };
    assert_eq!(nf(1234.5, 0, ".", ","), "1,235");
    assert_eq!(nf(1234.5678, 2, ".", ","), "1,234.57");
    assert_eq!(nf(-1234.567, 2, ",", "."), "-1.234,57");
    assert_eq!(nf(-0.001, 2, ".", ","), "0.00");
    assert_eq!(nf(-0.5, 0, ".", ","), "-1");
    assert_eq!(nf(-0.4, 0, ".", ","), "0");
    assert_eq!(nf(1234.5, -2, ".", ","), "1,235");
    assert_eq!(nf(0.5, 0, ".", ","), "1");
    assert_eq!(nf(1e15, 2, ".", ","), "1,000,000,000,000,000.00");
    assert_eq!(
        nf(1e80, 0, ".", ","),
        "100,000,000,000,000,000,026,609,864,708,367,276,537,402,401,181,200,809,098,131,977,453,489,758,916,313,088"
    );
    assert_eq!(nf(INF, 0, ".", ","), "inf");
    assert_eq!(nf(-INF, 0, ".", ","), "inf");
    assert_eq!(nf(f64::NAN, 2, ".", ","), "nan");
    assert_eq!(nf(1234567.891, 2, "", ""), "123456789");
    assert_eq!(nf(1234567.891, 2, "<dp>", "<ts>"), "1<ts>234<ts>567<dp>89");
    assert_eq!(nf(123.0, 3, "", " "), "123000");
    assert_eq!(nf(1.005, 2, ".", ","), "1.01");
    assert_eq!(nf(999.999, 2, ".", ","), "1,000.00");
    assert_eq!(nf(-1234567.0, 0, ".", " "), "-1 234 567");
    assert_eq!(nf(0.129, 2, ".", ""), "0.13");
    assert_eq!(nf(1.5, 60, ".", ","), format!("1.5{}", "0".repeat(59)));
    assert_eq!(
        nf(0.1, 60, ".", ","),
        "0.100000000000000005551115123125782702118158340454101562500000"
    );
}
