//! Built-in functions: time and date (time, microtime, hrtime, date, mktime ...).
//! Only the UTC time zone is supported (php -n's default); `date()` formats with
//! `runtime::date_fmt`.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use once_cell::sync::Lazy;

use super::{args, BuiltinDef};
use crate::runtime::array::PhpArray;
use crate::runtime::date_fmt::days_in_month;
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("time", "", time),
    ("microtime", "as_float=", microtime),
    ("hrtime", "as_number=", hrtime),
    ("gettimeofday", "as_float=", gettimeofday),
    ("date", "format, timestamp=", date),
    ("gmdate", "format, timestamp=", date),
    (
        "mktime",
        "hour, minute=, second=, month=, day=, year=",
        mktime,
    ),
    (
        "gmmktime",
        "hour, minute=, second=, month=, day=, year=",
        mktime,
    ),
    ("checkdate", "month, day, year", checkdate),
    (
        "date_default_timezone_set",
        "timezoneId",
        date_default_timezone_set,
    ),
    ("date_default_timezone_get", "", date_default_timezone_get),
];

/// (seconds, microseconds) since the epoch.
fn now() -> (i64, i64) {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, d.subsec_micros() as i64),
        Err(e) => {
            let d = e.duration();
            let us = d.as_micros() as i64;
            ((-us).div_euclid(1_000_000), (-us).rem_euclid(1_000_000))
        }
    }
}

fn time(_ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::int(now().0))
}

fn microtime(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let (s, us) = now();
    if args::opt_bool(ctx, a, 0)?.unwrap_or(false) {
        return Ok(TypedValue::double(s as f64 + us as f64 / 1e6));
    }
    Ok(TypedValue::string(
        format!("{:.8} {}", us as f64 / 1e6, s).into_bytes(),
    ))
}

static MONO_BASE: Lazy<Instant> = Lazy::new(Instant::now);

fn hrtime(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    // Offset so values look like a monotonic clock that has been running a while.
    let ns = MONO_BASE.elapsed().as_nanos() as u64 + 1_000_000_000_000;
    if args::opt_bool(ctx, a, 0)?.unwrap_or(false) {
        return Ok(TypedValue::int(ns as i64));
    }
    let arr = PhpArray::from_values(vec![
        TypedValue::int((ns / 1_000_000_000) as i64),
        TypedValue::int((ns % 1_000_000_000) as i64),
    ]);
    Ok(TypedValue::array(arr))
}

fn gettimeofday(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let (s, us) = now();
    if args::opt_bool(ctx, a, 0)?.unwrap_or(false) {
        return Ok(TypedValue::double(s as f64 + us as f64 / 1e6));
    }
    let mut arr = PhpArray::new();
    arr.set_str(b"sec", TypedValue::int(s));
    arr.set_str(b"usec", TypedValue::int(us));
    arr.set_str(b"minuteswest", TypedValue::int(0));
    arr.set_str(b"dsttime", TypedValue::int(0));
    Ok(TypedValue::array(arr))
}

// ---- calendar arithmetic (proleptic Gregorian, UTC) ----

/// Days since 1970-01-01 of a civil date (month 1..=12).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Civil date (year, month, day) of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// An optional nullable int parameter (`?int $x = null`): `None` when absent or null.
fn opt_nullable_int(ctx: &mut ExecCtx, a: &[TypedValue], i: usize) -> VmResult<Option<i64>> {
    match a.get(i) {
        Some(v) if !v.deref().is_null() => args::int(ctx, a, i).map(Some),
        _ => Ok(None),
    }
}

fn date(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let fmt = args::str(ctx, a, 0)?.into_owned();
    let ts = opt_nullable_int(ctx, a, 1)?.unwrap_or_else(|| now().0);
    Ok(TypedValue::string(
        crate::runtime::date_fmt::format_date_in(&fmt, ts, ctx.timezone.as_deref()),
    ))
}

/// `mktime` in UTC: out-of-range parts carry over; two-digit years map
/// 0–69 → 2000–2069 and 70–100 → 1970–2000.
pub fn make_time(h: i64, mi: i64, s: i64, mon: i64, d: i64, y: i64) -> i64 {
    let y = match y {
        0..=69 => y + 2000,
        70..=100 => y + 1900,
        _ => y,
    };
    let m0 = mon.saturating_sub(1);
    let y = y.saturating_add(m0.div_euclid(12));
    let m = m0.rem_euclid(12) + 1;
    let days = days_from_civil(y, m, 1).saturating_add(d.saturating_sub(1));
    days.saturating_mul(86400)
        .saturating_add(h.saturating_mul(3600))
        .saturating_add(mi.saturating_mul(60))
        .saturating_add(s)
}

fn mktime(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let t = now().0;
    let t = t + ctx.timezone.as_deref().map_or(0, |z| z.at(t).offset as i64);
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let (cy, cm, cd) = civil_from_days(days);
    let h = args::int(ctx, a, 0)?;
    let mi = opt_nullable_int(ctx, a, 1)?.unwrap_or(secs / 60 % 60);
    let s = opt_nullable_int(ctx, a, 2)?.unwrap_or(secs % 60);
    let mon = opt_nullable_int(ctx, a, 3)?.unwrap_or(cm);
    let d = opt_nullable_int(ctx, a, 4)?.unwrap_or(cd);
    let y = opt_nullable_int(ctx, a, 5)?.unwrap_or(cy);
    // Keep the arithmetic in a range where the civil conversion cannot overflow.
    let y = y.clamp(-1_000_000_000_000, 1_000_000_000_000);
    let mon = mon.clamp(-1_000_000_000_000, 1_000_000_000_000);
    let d = d.clamp(-1_000_000_000_000_000, 1_000_000_000_000_000);
    let local = make_time(h, mi, s, mon, d, y);
    Ok(TypedValue::int(match ctx.timezone.as_deref() {
        Some(z) => z.local_to_utc(local),
        None => local,
    }))
}

fn checkdate(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let m = args::int(ctx, a, 0)?;
    let d = args::int(ctx, a, 1)?;
    let y = args::int(ctx, a, 2)?;
    let ok = (1..=32767).contains(&y)
        && (1..=12).contains(&m)
        && d >= 1
        && d <= days_in_month(y, m as u32) as i64;
    Ok(TypedValue::bool(ok))
}

fn date_default_timezone_set(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let tz = args::str(ctx, a, 0)?.into_owned();
    if tz.eq_ignore_ascii_case(b"UTC") {
        ctx.timezone = None;
        return Ok(TypedValue::bool(true));
    }
    let name = String::from_utf8_lossy(&tz).into_owned();
    match crate::runtime::tz::Zone::load(&name) {
        Some(z) => {
            ctx.timezone = Some(Box::new(z));
            Ok(TypedValue::bool(true))
        }
        None => {
            ctx.notice(&format!(
                "date_default_timezone_set(): Timezone ID '{name}' is invalid"
            ));
            Ok(TypedValue::bool(false))
        }
    }
}

fn date_default_timezone_get(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let name = ctx.timezone.as_ref().map_or("UTC", |z| z.name.as_str());
    Ok(TypedValue::str(name.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::date_fmt::format_date;

    const ALL: &str =
        "d D j l N S w z W F m M n t L o Y y a A B g G h H i s u v e I O P p T Z c r U";

    #[test]
    fn date_all_formats_match_php() {
        let cases: &[(i64, &str)] = &[
            (0, "01 Thu 1 Thursday 4 st 4 0 01 January 01 Jan 1 31 0 1970 1970 70 am AM 041 12 0 12 00 00 00 000000 000 UTC 0 +0000 +00:00 Z UTC 0 1970-01-01T00:00:00+00:00 Thu, 01 Jan 1970 00:00:00 +0000 0"),
            (1700000000, "14 Tue 14 Tuesday 2 th 2 317 46 November 11 Nov 11 30 0 2023 2023 23 pm PM 967 10 22 10 22 13 20 000000 000 UTC 0 +0000 +00:00 Z UTC 0 2023-11-14T22:13:20+00:00 Tue, 14 Nov 2023 22:13:20 +0000 1700000000"),
            (951782400, "29 Tue 29 Tuesday 2 th 2 59 09 February 02 Feb 2 29 1 2000 2000 00 am AM 041 12 0 12 00 00 00 000000 000 UTC 0 +0000 +00:00 Z UTC 0 2000-02-29T00:00:00+00:00 Tue, 29 Feb 2000 00:00:00 +0000 951782400"),
            (-1, "31 Wed 31 Wednesday 3 st 3 364 01 December 12 Dec 12 31 0 1970 1969 69 pm PM 041 11 23 11 23 59 59 000000 000 UTC 0 +0000 +00:00 Z UTC 0 1969-12-31T23:59:59+00:00 Wed, 31 Dec 1969 23:59:59 +0000 -1"),
            (1234567890, "13 Fri 13 Friday 5 th 5 43 07 February 02 Feb 2 28 0 2009 2009 09 pm PM 021 11 23 11 23 31 30 000000 000 UTC 0 +0000 +00:00 Z UTC 0 2009-02-13T23:31:30+00:00 Fri, 13 Feb 2009 23:31:30 +0000 1234567890"),
            (1609459200, "01 Fri 1 Friday 5 st 5 0 53 January 01 Jan 1 31 0 2020 2021 21 am AM 041 12 0 12 00 00 00 000000 000 UTC 0 +0000 +00:00 Z UTC 0 2021-01-01T00:00:00+00:00 Fri, 01 Jan 2021 00:00:00 +0000 1609459200"),
            (1262304000, "01 Fri 1 Friday 5 st 5 0 53 January 01 Jan 1 31 0 2009 2010 10 am AM 041 12 0 12 00 00 00 000000 000 UTC 0 +0000 +00:00 Z UTC 0 2010-01-01T00:00:00+00:00 Fri, 01 Jan 2010 00:00:00 +0000 1262304000"),
            (-2207520000, "18 Thu 18 Thursday 4 th 4 17 03 January 01 Jan 1 31 0 1900 1900 00 am AM 041 12 0 12 00 00 00 000000 000 UTC 0 +0000 +00:00 Z UTC 0 1900-01-18T00:00:00+00:00 Thu, 18 Jan 1900 00:00:00 +0000 -2207520000"),
            (4102444800, "01 Fri 1 Friday 5 st 5 0 53 January 01 Jan 1 31 0 2099 2100 00 am AM 041 12 0 12 00 00 00 000000 000 UTC 0 +0000 +00:00 Z UTC 0 2100-01-01T00:00:00+00:00 Fri, 01 Jan 2100 00:00:00 +0000 4102444800"),
        ];
        for (ts, want) in cases {
            assert_eq!(
                String::from_utf8(format_date(ALL.as_bytes(), *ts)).unwrap(),
                *want,
                "ts {ts}"
            );
        }
        assert_eq!(
            format_date(b"\\Y\\-m \\\\ jS \\t", 86400 * 2),
            b"Y-01 \\ 3rd t"
        );
        let s: Vec<u8> = [10, 20, 21, 22]
            .iter()
            .flat_map(|n| format_date(b"jS", 86400 * n))
            .collect();
        assert_eq!(s, b"11th21st22nd23rd");
        assert_eq!(format_date(b"Y\\", 0), b"1970\0");
        assert_eq!(
            format_date(b"Y|y|c|r", -62198755200),
            b"-0001|-1|-001-01-01T00:00:00+00:00|Fri, 01 Jan -001 00:00:00 +0000"
        );
        assert_eq!(format_date(b"Y-m-d", i64::MAX), b"292277026596-12-04");
    }

    #[test]
    fn mktime_matches_php() {
        assert_eq!(make_time(0, 0, 0, 1, 1, 2000), 946684800);
        assert_eq!(make_time(12, 30, 0, 13, 1, 2020), 1609504200);
        assert_eq!(make_time(0, 0, 0, 2, 30, 2021), 1614643200);
        assert_eq!(make_time(0, 0, 0, 0, 0, 2000), 943920000);
        assert_eq!(make_time(1, 2, 3, 4, 5, 70), 8125323);
        assert_eq!(make_time(1, 2, 3, 4, 5, 69), 3132349323);
        assert_eq!(make_time(1, 2, 3, 4, 5, 100), 954896523);
        assert_eq!(make_time(1, 2, 3, 4, 5, 101), -58971797877);
        assert_eq!(make_time(0, 0, 0, 1, 1, -5), -62324985600);
    }

    #[test]
    fn checkdate_and_timezone() {
        let mut ctx = ExecCtx::for_tests();
        let i = TypedValue::int;
        ctx.cur_builtin = super::super::registry::lookup("checkdate").unwrap();
        assert!(!checkdate(&mut ctx, &mut [i(2), i(29), i(2001)])
            .unwrap()
            .bool_val());
        assert!(checkdate(&mut ctx, &mut [i(2), i(29), i(2000)])
            .unwrap()
            .bool_val());
        assert!(!checkdate(&mut ctx, &mut [i(13), i(1), i(2000)])
            .unwrap()
            .bool_val());
        ctx.cur_builtin = super::super::registry::lookup("date_default_timezone_set").unwrap();
        assert!(
            date_default_timezone_set(&mut ctx, &mut [TypedValue::str(b"utc")])
                .unwrap()
                .bool_val()
        );
        assert!(
            date_default_timezone_set(&mut ctx, &mut [TypedValue::str(b"Europe/Paris")])
                .is_ok_and(|v| v.bool_val())
                || !std::path::Path::new("/usr/share/zoneinfo").is_dir()
        );
        ctx.out.start_buffer();
        let r = date_default_timezone_set(&mut ctx, &mut [TypedValue::str(b"Foo/Bar")]);
        let out = ctx.out.pop_buffer().unwrap();
        if std::path::Path::new("/usr/share/zoneinfo").is_dir() {
            assert!(!r.unwrap().bool_val());
            assert_eq!(out, b"\nNotice: date_default_timezone_set(): Timezone ID 'Foo/Bar' is invalid in test.php on line 0\n");
        }
        let m = microtime(&mut ctx, &mut []).unwrap();
        let s = String::from_utf8(m.str_bytes().to_vec()).unwrap();
        assert!(s.starts_with("0.") && s.as_bytes()[10] == b' ', "{s}");
    }
}
