//! Built-in functions: basic string functions (length, padding, slicing, case,
//! trimming, splitting and joining, escaping). Searching/replacing/comparing lives in
//! `string_search.rs`, formatting in `string_format.rs`.

use std::borrow::Cow;

use super::string_map::{mapped, trim_bounds, StrMap, DEFAULT_TRIM_MASK};
use super::{args, BuiltinDef};
use crate::runtime::array::PhpArray;
use crate::runtime::convert::{self, to_str};
use crate::runtime::value::{tag, StrBuf, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("strlen", "string", strlen),
    ("str_repeat", "string, times", str_repeat),
    ("str_pad", "string, length, pad_string=, pad_type=", str_pad),
    ("substr", "string, offset, length=", substr),
    ("str_split", "string, length=", str_split),
    ("implode", "separator, array=", implode),
    ("join", "separator, array=", implode),
    ("explode", "separator, string, limit=", explode),
    ("trim", "string, characters=", trim),
    ("ltrim", "string, characters=", ltrim),
    ("rtrim", "string, characters=", rtrim),
    ("chop", "string, characters=", rtrim),
    ("strtolower", "string", strtolower),
    ("strtoupper", "string", strtoupper),
    ("ucfirst", "string", ucfirst),
    ("lcfirst", "string", lcfirst),
    ("ucwords", "string, separators=", ucwords),
    ("strrev", "string", strrev),
    ("ord", "character", ord),
    ("chr", "codepoint", chr),
];

pub(super) fn ret_str(b: Vec<u8>) -> VmResult<TypedValue> {
    Ok(TypedValue::string(b))
}

/// `bytes[start..end]` as a string value, where `bytes` is `arg`'s string form:
/// the whole of a string argument is the argument itself (shared, as PHP does).
pub(super) fn substring(arg: &TypedValue, bytes: &[u8], start: usize, end: usize) -> TypedValue {
    let arg = arg.deref();
    if start == 0 && end == bytes.len() && arg.is_string() {
        arg.clone()
    } else {
        TypedValue::str(&bytes[start..end])
    }
}

/// An optional `?int` parameter: `None` when not passed or null.
pub(super) fn nullable_int(ctx: &mut ExecCtx, a: &[TypedValue], i: usize) -> VmResult<Option<i64>> {
    match a.get(i) {
        None => Ok(None),
        Some(v) if v.deref().is_null() => Ok(None),
        Some(_) => args::int(ctx, a, i).map(Some),
    }
}

/// An optional `?string` parameter: `None` when not passed or null.
pub(super) fn nullable_str<'a>(
    ctx: &mut ExecCtx,
    a: &'a [TypedValue],
    i: usize,
) -> VmResult<Option<Cow<'a, [u8]>>> {
    match a.get(i) {
        None => Ok(None),
        Some(v) if v.deref().is_null() => Ok(None),
        Some(_) => args::str(ctx, a, i).map(Some),
    }
}

/// Checks that a string result of `len` bytes fits the memory limit (see
/// `runtime::memory_limit`).
pub(super) fn check_alloc(ctx: &mut ExecCtx, len: u128) -> VmResult<()> {
    crate::runtime::memory_limit::check_string_alloc(ctx, len)
}

fn strlen(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    Ok(TypedValue::int(s.len() as i64))
}

fn str_repeat(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let times = args::int(ctx, a, 1)?;
    if times < 0 {
        return Err(args::value_error(
            ctx,
            1,
            "must be greater than or equal to 0",
        ));
    }
    if s.is_empty() || times == 0 {
        return ret_str(Vec::new());
    }
    let total = s.len() as u128 * times as u128;
    if total + 32 > u64::MAX as u128 {
        return Err(ctx.fatal(format!(
            "Possible integer overflow in memory allocation ({} * {times} + 32)",
            s.len()
        )));
    }
    check_alloc(ctx, total)?;
    ret_str(s.repeat(times as usize))
}

fn str_pad(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let length = args::int(ctx, a, 1)?;
    let pad = args::opt_str(ctx, a, 2)?.unwrap_or(Cow::Borrowed(b" "));
    let pad_type = args::opt_int(ctx, a, 3)?.unwrap_or(1);
    if length < 0 || (length as u64) <= s.len() as u64 {
        return ret_str(s.into_owned());
    }
    if pad.is_empty() {
        return Err(args::value_error(ctx, 2, "must be a non-empty string"));
    }
    if !(0..=2).contains(&pad_type) {
        return Err(args::value_error(
            ctx,
            3,
            "must be STR_PAD_LEFT, STR_PAD_RIGHT, or STR_PAD_BOTH",
        ));
    }
    check_alloc(ctx, length as u128)?;
    let num_pad = length as usize - s.len();
    let (left, right) = match pad_type {
        0 => (num_pad, 0),
        1 => (0, num_pad),
        _ => (num_pad / 2, num_pad - num_pad / 2),
    };
    let mut out = Vec::with_capacity(length as usize);
    out.extend(pad.iter().cycle().take(left));
    out.extend_from_slice(&s);
    out.extend(pad.iter().cycle().take(right));
    ret_str(out)
}

/// PHP's substr offset/length resolution: the byte range, or `None` for "".
pub(super) fn substr_range(len: usize, offset: i64, length: Option<i64>) -> Option<(usize, usize)> {
    let len = len as i64;
    let mut f = offset;
    if f > len {
        return None;
    }
    if f < 0 {
        f = (len + f).max(0);
    }
    let l = match length {
        None => len - f,
        Some(l) if l < 0 => {
            let l = (len - f) + l;
            if l < 0 {
                return None;
            }
            l
        }
        Some(l) => l.min(len - f),
    };
    Some((f as usize, (f + l) as usize))
}

fn substr(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let offset = args::int(ctx, a, 1)?;
    let length = nullable_int(ctx, a, 2)?;
    Ok(substr_bytes(&a[0], &s, offset, length))
}

/// `substr` of a string value (shared with optimized code's inline call).
pub fn substr_of(s: &TypedValue, offset: i64, length: Option<i64>) -> TypedValue {
    substr_bytes(s, s.str_bytes(), offset, length)
}

/// `substr` of `bytes`, the string form of argument `arg` (returned itself for
/// the whole string).
fn substr_bytes(arg: &TypedValue, bytes: &[u8], offset: i64, length: Option<i64>) -> TypedValue {
    match substr_range(bytes.len(), offset, length) {
        Some((x, y)) if x <= y && y <= bytes.len() => substring(arg, bytes, x, y),
        _ => TypedValue::str(b""),
    }
}

fn str_split(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let n = args::opt_int(ctx, a, 1)?.unwrap_or(1);
    if n < 1 {
        return Err(args::value_error(ctx, 1, "must be greater than 0"));
    }
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    let parts = s.chunks(n).map(TypedValue::str).collect();
    Ok(TypedValue::array(PhpArray::from_values(parts)))
}

/// Joins array elements with PHP's string conversion of each (floats at precision
/// 14, arrays as "Array" with a warning, objects via `__toString`).
pub(super) fn join_values(ctx: &mut ExecCtx, sep: &[u8], arr: &PhpArray) -> VmResult<StrBuf> {
    if let Some(out) = join_packed_strings(ctx, sep, arr) {
        return out;
    }
    // Sized up front (one allocation for the usual all-strings case).
    // (The separator goes between elements: n - 1 times, as PHP counts it.)
    let size: usize = arr
        .iter()
        .map(|(_, v)| convert::str_len_hint(v))
        .sum::<usize>()
        + sep.len() * arr.len().saturating_sub(1);
    check_alloc(ctx, size as u128)?;
    let mut out = StrBuf::with_capacity(size);
    for (i, (_, v)) in arr.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        let d = v.deref();
        match d.tag() {
            tag::STRING => out.extend_from_slice(d.str_bytes()),
            _ => out.extend_from_slice(&to_str(ctx, d)?),
        }
    }
    Ok(out)
}

/// [`join_values`] of a packed array of strings (the usual `implode`): the
/// elements read as a slice, twice (lengths, then bytes), with no conversion to
/// consider; `None` for any other array.
fn join_packed_strings(ctx: &mut ExecCtx, sep: &[u8], arr: &PhpArray) -> Option<VmResult<StrBuf>> {
    let elems = arr.packed()?;
    let mut size = sep.len() * elems.len().saturating_sub(1);
    for v in elems {
        if !v.is_string() {
            return None;
        }
        size += v.str_bytes().len();
    }
    if let Err(e) = check_alloc(ctx, size as u128) {
        return Some(Err(e));
    }
    let mut out = StrBuf::with_capacity(size);
    if let Some((first, rest)) = elems.split_first() {
        out.extend_from_slice(first.str_bytes());
        for v in rest {
            out.extend_from_slice(sep);
            out.extend_from_slice(v.str_bytes());
        }
    }
    Some(Ok(out))
}

fn implode(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let first = a[0].deref().clone();
    let second = a.get(1).map(|v| v.deref().clone()).filter(|v| !v.is_null());
    let name = args::fname(ctx);
    match second {
        None => {
            if !first.is_array() {
                if first.is_string()
                    || first.is_null()
                    || first.is_int()
                    || first.is_double()
                    || first.is_bool()
                {
                    if first.is_null() {
                        ctx.deprecated(&format!(
                            "{name}(): Passing null to parameter #1 ($separator) of type array|string is deprecated"
                        ));
                    }
                    return Err(ctx.type_error(format!(
                        "{name}(): Argument #1 ($array) must be of type array, string given"
                    )));
                }
                return Err(ctx.type_error(format!(
                    "{name}(): Argument #1 ($separator) must be of type array|string, {} given",
                    first.debug_type()
                )));
            }
            let out = join_values(ctx, b"", first.arr())?;
            Ok(TypedValue::from_buf(out))
        }
        Some(arr) => {
            if !arr.is_array() {
                return Err(ctx.type_error(format!(
                    "{name}(): Argument #2 ($array) must be of type ?array, {} given",
                    arr.debug_type()
                )));
            }
            let sep = match first.tag() {
                tag::ARRAY => {
                    return Err(ctx.type_error(format!(
                        "{name}(): Argument #1 ($separator) must be of type string, array given"
                    )))
                }
                tag::OBJECT => {
                    return Err(ctx.type_error(format!(
                        "{name}(): Argument #1 ($separator) must be of type array|string, {} given",
                        first.debug_type()
                    )))
                }
                tag::NULL | tag::UNINIT => {
                    ctx.deprecated(&format!(
                        "{name}(): Passing null to parameter #1 ($separator) of type array|string is deprecated"
                    ));
                    Vec::new()
                }
                _ => crate::runtime::convert::to_str_quiet(&first).into_owned(),
            };
            let out = join_values(ctx, &sep, arr.arr())?;
            Ok(TypedValue::from_buf(out))
        }
    }
}

/// The first occurrence of `needle` in `hay` at or after byte `from` (PHP's
/// `zend_memnstr`): candidates by their first byte, sixteen bytes at a time
/// (`byte_scan`), each checked at its last byte before the rest is compared.
pub fn find_from(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let Some((&first, _)) = needle.split_first() else {
        return Some(from);
    };
    let last_start = hay.len().checked_sub(needle.len())?;
    if from > last_start {
        return None;
    }
    let n = needle.len();
    let mut found = None;
    super::byte_scan::each_byte(&hay[from..=last_start], first, |i| {
        let p = from + i;
        let hit = n == 1
            || (hay[p + n - 1] == needle[n - 1] && hay[p + 1..p + n - 1] == needle[1..n - 1]);
        if hit {
            found = Some(p);
        }
        !hit
    });
    found
}

fn explode(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let sep = args::str(ctx, a, 0)?;
    let s = args::str(ctx, a, 1)?;
    let limit = args::opt_int(ctx, a, 2)?.unwrap_or(i64::MAX);
    if sep.is_empty() {
        return Err(args::value_error(ctx, 0, "cannot be empty"));
    }
    if s.is_empty() {
        let mut out = PhpArray::new();
        if limit >= 0 {
            out.push(TypedValue::str(b""));
        }
        return Ok(TypedValue::array(out));
    }
    let max_parts: u64 = if limit > 0 {
        limit as u64
    } else if limit == 0 {
        1
    } else {
        u64::MAX
    };
    // The pieces go straight into the array's storage, sized up front for the
    // usual one-byte separator (a count of its occurrences), whose hits one scan
    // visits (`byte_scan`).
    if let [b] = sep.as_ref() {
        let count = super::byte_scan::count_byte(&s, *b) + 1;
        let mut pieces: Vec<TypedValue> = Vec::with_capacity(count.min(max_parts as usize));
        let mut pos = 0;
        super::byte_scan::each_byte(&s, *b, |p| {
            if (pieces.len() as u64) + 1 >= max_parts {
                return false;
            }
            pieces.push(TypedValue::str(&s[pos..p]));
            pos = p + 1;
            true
        });
        pieces.push(TypedValue::str(&s[pos..]));
        return Ok(explode_result(pieces, limit));
    }
    let mut pieces: Vec<TypedValue> = Vec::with_capacity(8.min(max_parts as usize));
    let mut pos = 0;
    while (pieces.len() as u64) + 1 < max_parts {
        match find_from(&s, &sep, pos) {
            Some(p) => {
                pieces.push(TypedValue::str(&s[pos..p]));
                pos = p + sep.len();
            }
            None => break,
        }
    }
    pieces.push(TypedValue::str(&s[pos..]));
    Ok(explode_result(pieces, limit))
}

/// `explode`'s array of `pieces`, less the last `-limit` of them for a negative
/// limit.
fn explode_result(mut pieces: Vec<TypedValue>, limit: i64) -> TypedValue {
    if limit < 0 {
        let drop = limit.unsigned_abs().min(pieces.len() as u64) as usize;
        pieces.truncate(pieces.len() - drop);
    }
    TypedValue::array(PhpArray::from_values(pieces))
}

/// PHP's `php_charmask`: a character list with `a..z` ranges, warning on bad ranges.
pub(super) fn charmask(ctx: &mut ExecCtx, input: &[u8]) -> [bool; 256] {
    let name = args::fname(ctx);
    let mut mask = [false; 256];
    let end = input.len();
    let mut i = 0;
    while i < end {
        let c = input[i];
        if i + 3 < end && input[i + 1] == b'.' && input[i + 2] == b'.' && input[i + 3] >= c {
            for m in c..=input[i + 3] {
                mask[m as usize] = true;
            }
            i += 4;
            continue;
        } else if i + 1 < end && input[i] == b'.' && input[i + 1] == b'.' {
            let msg = if i == 0 {
                "Invalid '..'-range, no character to the left of '..'"
            } else if i + 2 >= end {
                "Invalid '..'-range, no character to the right of '..'"
            } else if input[i - 1] > input[i + 2] {
                "Invalid '..'-range, '..'-range needs to be incrementing"
            } else {
                "Invalid '..'-range"
            };
            ctx.warn(&format!("{name}(): {msg}"));
        } else {
            mask[c as usize] = true;
        }
        i += 1;
    }
    mask
}

fn do_trim(ctx: &mut ExecCtx, a: &[TypedValue], mode: u8) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let given;
    let mask = match args::opt_str(ctx, a, 1)? {
        Some(chars) => {
            given = charmask(ctx, &chars);
            &given
        }
        None => &DEFAULT_TRIM_MASK,
    };
    let (start, end) = trim_bounds(&s, mask, mode);
    Ok(substring(&a[0], &s, start, end))
}

fn trim(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_trim(ctx, a, 3)
}
fn ltrim(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_trim(ctx, a, 1)
}
fn rtrim(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_trim(ctx, a, 2)
}

fn strtolower(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    Ok(mapped(&a[0], &s, StrMap::Lower))
}
fn strtoupper(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    Ok(mapped(&a[0], &s, StrMap::Upper))
}
fn ucfirst(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let mut s = args::str(ctx, a, 0)?.into_owned();
    if let Some(c) = s.first_mut() {
        c.make_ascii_uppercase();
    }
    ret_str(s)
}
fn lcfirst(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let mut s = args::str(ctx, a, 0)?.into_owned();
    if let Some(c) = s.first_mut() {
        c.make_ascii_lowercase();
    }
    ret_str(s)
}
fn ucwords(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let mut s = args::str(ctx, a, 0)?.into_owned();
    let delims = args::opt_str(ctx, a, 1)?.unwrap_or(Cow::Borrowed(b" \t\r\n\x0c\x0b"));
    if s.is_empty() {
        return ret_str(s);
    }
    let mask = charmask(ctx, &delims);
    let mut prev_delim = true;
    for c in s.iter_mut() {
        if prev_delim {
            c.make_ascii_uppercase();
        }
        prev_delim = mask[*c as usize];
    }
    ret_str(s)
}
fn strrev(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let mut s = args::str(ctx, a, 0)?.into_owned();
    s.reverse();
    ret_str(s)
}
fn ord(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    Ok(TypedValue::int(s.first().copied().unwrap_or(0) as i64))
}
fn chr(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let c = args::int(ctx, a, 0)?;
    ret_str(vec![c.rem_euclid(256) as u8])
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::runtime::builtins::registry;
    use crate::vm::ctx::Fault;

    /// Calls a built-in by name; a thrown exception becomes `Err("Class: message")`.
    pub fn call(
        ctx: &mut ExecCtx,
        name: &str,
        mut a: Vec<TypedValue>,
    ) -> Result<TypedValue, String> {
        let id = registry::lookup(name).expect("registered");
        ctx.cur_builtin = id;
        match (registry::get(id).f)(ctx, &mut a) {
            Ok(v) => Ok(v),
            Err(Fault::Throw(e)) => {
                let o = e.obj();
                let msg = o
                    .prop("message")
                    .map(|m| String::from_utf8_lossy(m.str_bytes()).into_owned());
                Err(format!("{}: {}", o.class_name(), msg.unwrap_or_default()))
            }
            Err(Fault::Fatal { msg, .. }) => Err(format!("Fatal: {msg}")),
            Err(Fault::Exit(c)) => Err(format!("exit {c}")),
        }
    }
    pub fn s(b: &str) -> TypedValue {
        TypedValue::str(b.as_bytes())
    }
    pub fn i(n: i64) -> TypedValue {
        TypedValue::int(n)
    }
    /// A compact rendering: strings quoted, arrays as `[k=>v, ...]`.
    pub fn show(v: &TypedValue) -> String {
        let v = v.deref();
        match v.tag() {
            tag::STRING => format!("{:?}", String::from_utf8_lossy(v.str_bytes())),
            tag::ARRAY => {
                let items: Vec<String> = v
                    .arr()
                    .iter()
                    .map(|(k, x)| match k {
                        crate::runtime::array::KeyRef::Int(n) => format!("{n}=>{}", show(x)),
                        crate::runtime::array::KeyRef::Str(b) => {
                            format!("{:?}=>{}", String::from_utf8_lossy(b), show(x))
                        }
                    })
                    .collect();
                format!("[{}]", items.join(", "))
            }
            _ => format!("{v:?}"),
        }
    }
    /// Runs a call, returning output (warnings) + result rendering.
    pub fn run(name: &str, a: Vec<TypedValue>) -> String {
        let mut ctx = ExecCtx::for_tests();
        ctx.out.start_buffer();
        let r = call(&mut ctx, name, a);
        let out = ctx.out.pop_buffer().unwrap_or_default();
        let out = String::from_utf8_lossy(&out).replace(" in test.php on line 0", "");
        let r = match r {
            Ok(v) => show(&v),
            Err(e) => e,
        };
        format!("{}{}", out.trim_start(), r)
    }

    #[test]
    fn basics() {
        assert_eq!(run("strlen", vec![s("héllo")]), "6");
        assert_eq!(run("str_repeat", vec![s("ab"), i(3)]), "\"ababab\"");
        assert_eq!(
            run("str_repeat", vec![s("x"), i(-1)]),
            "ValueError: str_repeat(): Argument #2 ($times) must be greater than or equal to 0"
        );
        assert_eq!(
            run("str_repeat", vec![s("ab"), i(100000000)]),
            "Fatal: Allowed memory size of 134217728 bytes exhausted (tried to allocate 200003584 bytes)"
        );
        assert_eq!(
            run("str_repeat", vec![s("ab"), i(i64::MAX)]),
            "Fatal: Possible integer overflow in memory allocation (2 * 9223372036854775807 + 32)"
        );
        assert_eq!(
            run("str_repeat", vec![s("a"), i(i64::MAX)]),
            "Fatal: Allowed memory size of 134217728 bytes exhausted (tried to allocate 9223372036854779904 bytes)"
        );
        assert_eq!(
            run("str_repeat", vec![s("a"), i(130000000)]).len(),
            130000002
        );
        assert_eq!(
            run("str_pad", vec![s("a"), i(i64::MAX)]),
            "Fatal: Allowed memory size of 134217728 bytes exhausted (tried to allocate 9223372036854779904 bytes)"
        );
        assert_eq!(run("str_pad", vec![s("5"), i(3), s("0"), i(0)]), "\"005\"");
        assert_eq!(
            run("str_pad", vec![s("ab"), i(7), s("xy"), i(2)]),
            "\"xyabxyx\""
        );
        assert_eq!(run("str_pad", vec![s("xxxxxx"), i(5), s("")]), "\"xxxxxx\"");
        assert_eq!(
            run("str_pad", vec![s("x"), i(5), s("")]),
            "ValueError: str_pad(): Argument #3 ($pad_string) must be a non-empty string"
        );
        assert_eq!(
            run("str_pad", vec![s("x"), i(5), s("ab"), i(7)]),
            "ValueError: str_pad(): Argument #4 ($pad_type) must be STR_PAD_LEFT, STR_PAD_RIGHT, or STR_PAD_BOTH"
        );
        assert_eq!(run("ord", vec![s("")]), "0");
        assert_eq!(run("ord", vec![s("A")]), "65");
        assert_eq!(run("chr", vec![i(-1)]), run("chr", vec![i(255)]));
        assert_eq!(run("chr", vec![i(321)]), "\"A\"");
        assert_eq!(run("chr", vec![i(-200)]), "\"8\"");
        assert_eq!(run("strrev", vec![s("abc")]), "\"cba\"");
    }

    #[test]
    fn substr_cases() {
        let t = |st: &str, o: i64, l: Option<i64>| {
            let mut a = vec![s(st), i(o)];
            if let Some(l) = l {
                a.push(i(l));
            }
            run("substr", a)
        };
        assert_eq!(t("abcdef", 1, None), "\"bcdef\"");
        assert_eq!(t("abcdef", -2, None), "\"ef\"");
        assert_eq!(t("abcdef", -10, Some(2)), "\"ab\"");
        assert_eq!(t("abcdef", 10, None), "\"\"");
        assert_eq!(t("abcdef", 6, None), "\"\"");
        assert_eq!(t("abcdef", 1, Some(-2)), "\"bcd\"");
        assert_eq!(t("abcdef", 4, Some(-3)), "\"\"");
        assert_eq!(t("abcdef", -3, Some(-1)), "\"de\"");
        assert_eq!(t("abcdef", 2, Some(100)), "\"cdef\"");
        assert_eq!(t("abc", i64::MIN, Some(i64::MIN)), "\"\"");
        assert_eq!(t("abc", i64::MAX, Some(i64::MAX)), "\"\"");
        assert_eq!(
            run("substr", vec![s("abc"), i(1), TypedValue::null()]),
            "\"bc\""
        );
    }

    #[test]
    fn split_join() {
        assert_eq!(
            run("str_split", vec![s("abcde"), i(2)]),
            "[0=>\"ab\", 1=>\"cd\", 2=>\"e\"]"
        );
        assert_eq!(run("str_split", vec![s("")]), "[]");
        assert_eq!(
            run("str_split", vec![s("x"), i(0)]),
            "ValueError: str_split(): Argument #2 ($length) must be greater than 0"
        );
        let e = |sep: &str, st: &str, l: Option<i64>| {
            let mut a = vec![s(sep), s(st)];
            if let Some(l) = l {
                a.push(i(l));
            }
            run("explode", a)
        };
        assert_eq!(e(",", "a,b,c", None), "[0=>\"a\", 1=>\"b\", 2=>\"c\"]");
        assert_eq!(e(",", "a,b,c", Some(2)), "[0=>\"a\", 1=>\"b,c\"]");
        assert_eq!(e(",", "a,b,c", Some(0)), "[0=>\"a,b,c\"]");
        assert_eq!(e(",", "a,b,c", Some(-1)), "[0=>\"a\", 1=>\"b\"]");
        assert_eq!(e(",", "a,b,c", Some(-5)), "[]");
        assert_eq!(e(",", "abc", Some(-1)), "[]");
        assert_eq!(e(",", "", Some(-1)), "[]");
        assert_eq!(e(",", "", None), "[0=>\"\"]");
        assert_eq!(e(", ", "a, b, ", None), "[0=>\"a\", 1=>\"b\", 2=>\"\"]");
        assert_eq!(
            e("", "abc", None),
            "ValueError: explode(): Argument #1 ($separator) cannot be empty"
        );

        let arr = |v: Vec<TypedValue>| TypedValue::array(PhpArray::from_values(v));
        assert_eq!(
            run(
                "implode",
                vec![s(", "), arr(vec![s("a"), i(1), TypedValue::bool(true)])]
            ),
            "\"a, 1, 1\""
        );
        assert_eq!(
            run(
                "implode",
                vec![arr(vec![s("a"), TypedValue::null(), arr(vec![])])]
            ),
            "Warning: Array to string conversion\n\"aArray\""
        );
        assert_eq!(
            run("implode", vec![arr(vec![s("a")]), s(", ")]),
            "TypeError: implode(): Argument #2 ($array) must be of type ?array, string given"
        );
        assert_eq!(
            run("implode", vec![s("x")]),
            "TypeError: implode(): Argument #1 ($array) must be of type array, string given"
        );
        assert_eq!(run("implode", vec![i(1), arr(vec![i(1), i(2)])]), "\"112\"");
        let d = TypedValue::double;
        assert_eq!(
            run(
                "implode",
                vec![
                    s(","),
                    arr(vec![
                        d(0.1 + 0.2),
                        d(1e100),
                        d(-0.0),
                        d(1e15),
                        d(123456789012345678.0)
                    ])
                ]
            ),
            "\"0.3,1.0E+100,-0,1.0E+15,1.2345678901235E+17\""
        );
        assert_eq!(
            run("implode", vec![TypedValue::null(), arr(vec![i(1), i(2)])]),
            "Deprecated: implode(): Passing null to parameter #1 ($separator) of type array|string is deprecated\n\"12\""
        );
        assert_eq!(
            run("implode", vec![TypedValue::null()]),
            "Deprecated: implode(): Passing null to parameter #1 ($separator) of type array|string is deprecated\nTypeError: implode(): Argument #1 ($array) must be of type array, string given"
        );
        assert_eq!(
            run("join", vec![arr(vec![i(1)]), arr(vec![])]),
            "TypeError: join(): Argument #1 ($separator) must be of type string, array given"
        );
    }

    #[test]
    fn trims_and_case() {
        assert_eq!(run("trim", vec![s(" \t\nab\0\x0b ")]), "\"ab\"");
        assert_eq!(run("trim", vec![s("abcxa"), s("a..c")]), "\"x\"");
        assert_eq!(run("ltrim", vec![s("xxay"), s("x")]), "\"ay\"");
        assert_eq!(run("rtrim", vec![s("1.500"), s("0")]), "\"1.5\"");
        assert_eq!(
            run("trim", vec![s("..abc.."), s("..z")]),
            "Warning: trim(): Invalid '..'-range, no character to the left of '..'\n\"abc\""
        );
        assert_eq!(
            run("trim", vec![s("abc"), s("z..a")]),
            "Warning: trim(): Invalid '..'-range, '..'-range needs to be incrementing\n\"bc\""
        );
        assert_eq!(
            run("trim", vec![s("abc"), s("a..")]),
            "Warning: trim(): Invalid '..'-range, no character to the right of '..'\n\"bc\""
        );
        assert_eq!(
            run("trim", vec![s("abc"), s("a..b..c")]),
            "Warning: trim(): Invalid '..'-range\n\"\""
        );
        assert_eq!(run("strtoupper", vec![s("abcé")]), "\"ABCé\"");
        assert_eq!(run("ucfirst", vec![s("hello")]), "\"Hello\"");
        assert_eq!(run("lcfirst", vec![s("HELLO")]), "\"hELLO\"");
        assert_eq!(
            run("ucwords", vec![s("hello_world-foo bar"), s("_-")]),
            "\"Hello_World-Foo bar\""
        );
        assert_eq!(
            run("ucwords", vec![s("hello\x0bworld  x")]),
            "\"Hello\\u{b}World  X\""
        );
    }
}
