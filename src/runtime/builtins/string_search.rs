//! Built-in functions: string searching, replacing and comparing.

use std::borrow::Cow;

use super::string::{find_from, nullable_int, ret_str};
use super::{args, BuiltinDef};
use crate::runtime::array::{KeyRef, PhpArray};
use crate::runtime::convert::{to_int, to_str, to_str_quiet};
use crate::runtime::value::{tag, StrBuf, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("strpos", "haystack, needle, offset=", strpos),
    ("stripos", "haystack, needle, offset=", stripos),
    ("strrpos", "haystack, needle, offset=", strrpos),
    ("strripos", "haystack, needle, offset=", strripos),
    ("strstr", "haystack, needle, before_needle=", strstr),
    ("stristr", "haystack, needle, before_needle=", stristr),
    ("strrchr", "haystack, needle", strrchr),
    ("str_contains", "haystack, needle", str_contains),
    ("str_starts_with", "haystack, needle", str_starts_with),
    ("str_ends_with", "haystack, needle", str_ends_with),
    (
        "substr_count",
        "haystack, needle, offset=, length=",
        substr_count,
    ),
    (
        "str_replace",
        "search, replace, subject, &count=",
        str_replace,
    ),
    (
        "str_ireplace",
        "search, replace, subject, &count=",
        str_ireplace,
    ),
    ("strtr", "string, from, to=", strtr),
    (
        "substr_replace",
        "string, replace, offset, length=",
        substr_replace,
    ),
];

fn lower(s: &[u8]) -> Vec<u8> {
    s.to_ascii_lowercase()
}

fn rfind(hay: &[u8], needle: &[u8], lo: usize, hi: usize) -> Option<usize> {
    // Last occurrence of needle fully inside hay[lo..hi].
    if hi > hay.len() || lo > hi || hi - lo < needle.len() {
        return None;
    }
    let mut i = hi - needle.len();
    loop {
        if &hay[i..i + needle.len()] == needle {
            return Some(i);
        }
        if i == lo {
            return None;
        }
        i -= 1;
    }
}

fn offset_error(ctx: &mut ExecCtx) -> crate::vm::ctx::Fault {
    args::value_error(ctx, 2, "must be contained in argument #1 ($haystack)")
}

fn do_strpos(ctx: &mut ExecCtx, a: &[TypedValue], ci: bool) -> VmResult<TypedValue> {
    let hay = args::str(ctx, a, 0)?;
    let needle = args::str(ctx, a, 1)?;
    let mut off = args::opt_int(ctx, a, 2)?.unwrap_or(0);
    let len = hay.len() as i64;
    if off < 0 {
        off += len;
    }
    if off < 0 || off > len {
        return Err(offset_error(ctx));
    }
    let found = if ci {
        find_from(&lower(&hay), &lower(&needle), off as usize)
    } else {
        find_from(&hay, &needle, off as usize)
    };
    Ok(found.map_or(TypedValue::bool(false), |p| TypedValue::int(p as i64)))
}

fn do_strrpos(ctx: &mut ExecCtx, a: &[TypedValue], ci: bool) -> VmResult<TypedValue> {
    let hay = args::str(ctx, a, 0)?;
    let needle = args::str(ctx, a, 1)?;
    let off = args::opt_int(ctx, a, 2)?.unwrap_or(0);
    let len = hay.len();
    let (lo, hi) = if off >= 0 {
        if off as u64 > len as u64 {
            return Err(offset_error(ctx));
        }
        (off as usize, len)
    } else {
        if off == i64::MIN || off.unsigned_abs() > len as u64 {
            return Err(offset_error(ctx));
        }
        let back = off.unsigned_abs() as usize;
        let e = if back < needle.len() {
            len.saturating_sub(needle.len())
        } else {
            len - back
        };
        (0, (e + needle.len()).min(len))
    };
    let found = if ci {
        rfind(&lower(&hay), &lower(&needle), lo, hi)
    } else {
        rfind(&hay, &needle, lo, hi)
    };
    Ok(found.map_or(TypedValue::bool(false), |p| TypedValue::int(p as i64)))
}

fn strpos(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_strpos(ctx, a, false)
}
fn stripos(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_strpos(ctx, a, true)
}
fn strrpos(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_strrpos(ctx, a, false)
}
fn strripos(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_strrpos(ctx, a, true)
}

fn do_strstr(ctx: &mut ExecCtx, a: &[TypedValue], ci: bool) -> VmResult<TypedValue> {
    let hay = args::str(ctx, a, 0)?;
    let needle = args::str(ctx, a, 1)?;
    let before = args::opt_bool(ctx, a, 2)?.unwrap_or(false);
    let found = if ci {
        find_from(&lower(&hay), &lower(&needle), 0)
    } else {
        find_from(&hay, &needle, 0)
    };
    match found {
        None => Ok(TypedValue::bool(false)),
        Some(p) if before => ret_str(hay[..p].to_vec()),
        Some(p) => ret_str(hay[p..].to_vec()),
    }
}
fn strstr(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_strstr(ctx, a, false)
}
fn stristr(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_strstr(ctx, a, true)
}
fn strrchr(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let hay = args::str(ctx, a, 0)?;
    let needle = args::str(ctx, a, 1)?;
    let c = needle.first().copied().unwrap_or(0);
    match hay.iter().rposition(|&x| x == c) {
        Some(p) => ret_str(hay[p..].to_vec()),
        None => Ok(TypedValue::bool(false)),
    }
}

fn str_contains(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let hay = args::str(ctx, a, 0)?;
    let needle = args::str(ctx, a, 1)?;
    Ok(TypedValue::bool(find_from(&hay, &needle, 0).is_some()))
}
fn str_starts_with(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let hay = args::str(ctx, a, 0)?;
    let needle = args::str(ctx, a, 1)?;
    Ok(TypedValue::bool(hay.starts_with(&needle)))
}
fn str_ends_with(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let hay = args::str(ctx, a, 0)?;
    let needle = args::str(ctx, a, 1)?;
    Ok(TypedValue::bool(hay.ends_with(&needle)))
}

fn substr_count(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let hay = args::str(ctx, a, 0)?;
    let needle = args::str(ctx, a, 1)?;
    let mut off = args::opt_int(ctx, a, 2)?.unwrap_or(0);
    let length = nullable_int(ctx, a, 3)?;
    if needle.is_empty() {
        return Err(args::value_error(ctx, 1, "cannot be empty"));
    }
    let len = hay.len() as i64;
    if off < 0 {
        off = off.saturating_add(len);
    }
    if off < 0 || off > len {
        return Err(offset_error(ctx));
    }
    let mut end = len;
    if let Some(mut l) = length {
        if l < 0 {
            l = l.saturating_add(len - off);
        }
        if l < 0 || l > len - off {
            return Err(args::value_error(
                ctx,
                3,
                "must be contained in argument #1 ($haystack)",
            ));
        }
        end = off + l;
    }
    let region = &hay[off as usize..end as usize];
    let mut count = 0;
    let mut pos = 0;
    while let Some(p) = find_from(region, &needle, pos) {
        count += 1;
        pos = p + needle.len();
    }
    Ok(TypedValue::int(count))
}

/// [`replace_all`] of one byte by another (`str_replace('A', '4', $s)`): the hits
/// found sixteen bytes at a time (`byte_scan`) and patched into one copy of the
/// subject (a search per hit cost about a hundred instructions for each short gap
/// between hits).
fn replace_byte(subject: &[u8], from: u8, to: u8, count: &mut i64) -> Option<StrBuf> {
    let mut out: Option<StrBuf> = None;
    super::byte_scan::each_byte(subject, from, |i| {
        out.get_or_insert_with(|| StrBuf::from_slice(subject))[i] = to;
        *count += 1;
        true
    });
    out
}

/// Replaces every occurrence of `search` in `subject`, counting replacements.
/// `subject` with every occurrence of `search` replaced, or `None` when there is
/// none, so callers keep the string they have instead of copying it.
fn replace_all(
    subject: &[u8],
    search: &[u8],
    repl: &[u8],
    ci: bool,
    count: &mut i64,
) -> Option<StrBuf> {
    if let ([from], [to], false) = (search, repl, ci) {
        return replace_byte(subject, *from, *to, count);
    }
    let lowered;
    let (hay, needle): (&[u8], Cow<[u8]>) = if ci {
        lowered = lower(subject);
        (&lowered, Cow::Owned(lower(search)))
    } else {
        (subject, Cow::Borrowed(search))
    };
    let mut hit = find_from(hay, &needle, 0)?;
    if repl.len() == needle.len() {
        // Same length (`'A'` → `'4'`): one copy of the subject, patched in place,
        // instead of a copy per piece between the hits.
        let mut out = StrBuf::from_slice(subject);
        loop {
            out[hit..hit + repl.len()].copy_from_slice(repl);
            *count += 1;
            match find_from(hay, &needle, hit + needle.len()) {
                Some(next) => hit = next,
                None => return Some(out),
            }
        }
    }
    let mut out = StrBuf::with_capacity(subject.len() + repl.len().saturating_sub(needle.len()));
    let mut pos = 0;
    loop {
        out.extend_from_slice(&subject[pos..hit]);
        out.extend_from_slice(repl);
        pos = hit + needle.len();
        *count += 1;
        match find_from(hay, &needle, pos) {
            Some(next) => hit = next,
            None => break,
        }
    }
    out.extend_from_slice(&subject[pos..]);
    Some(out)
}

/// `array|string` argument as a value: null deprecates (→ ""), objects are a TypeError.
fn array_or_string(ctx: &mut ExecCtx, a: &[TypedValue], i: usize) -> VmResult<TypedValue> {
    let v = a[i].deref();
    match v.tag() {
        tag::ARRAY | tag::STRING => Ok(v.clone()),
        tag::NULL | tag::UNINIT => {
            let msg = format!(
                "{}(): Passing null to parameter #{} (${}) of type array|string is deprecated",
                args::fname(ctx),
                i + 1,
                super::registry::get(ctx.cur_builtin).param_name(i)
            );
            ctx.deprecated(&msg);
            Ok(TypedValue::str(b""))
        }
        tag::OBJECT => Err(args::type_error(ctx, i, "array|string", v)),
        _ => Ok(TypedValue::string(to_str_quiet(v).into_owned())),
    }
}

fn replace_in_subject(
    ctx: &mut ExecCtx,
    search: &TypedValue,
    replace: &TypedValue,
    subject: &TypedValue,
    ci: bool,
    count: &mut i64,
) -> VmResult<TypedValue> {
    let subject_bytes = to_str(ctx, subject)?;
    // None while nothing was replaced: the result is then the subject itself.
    let mut cur: Option<StrBuf> = None;
    if subject_bytes.is_empty() {
        // Nothing to search.
    } else if search.is_array() {
        let mut repl_vals = replace.is_array().then(|| replace.arr().iter());
        for (_, sv) in search.arr().iter() {
            let s = to_str(ctx, sv)?;
            let r: Cow<[u8]> = match &mut repl_vals {
                Some(vals) => match vals.next() {
                    Some((_, v)) => to_str(ctx, v)?,
                    None => Cow::Borrowed(b""),
                },
                None => Cow::Borrowed(replace.str_bytes()),
            };
            if s.is_empty() {
                continue;
            }
            let src: &[u8] = cur.as_deref().unwrap_or(&subject_bytes);
            if let Some(out) = replace_all(src, &s, &r, ci, count) {
                let emptied = out.is_empty();
                cur = Some(out);
                if emptied {
                    break;
                }
            }
        }
    } else if !search.str_bytes().is_empty() {
        cur = replace_all(
            &subject_bytes,
            search.str_bytes(),
            replace.str_bytes(),
            ci,
            count,
        );
    }
    Ok(match cur {
        Some(out) => TypedValue::from_buf(out),
        None if subject.deref().is_string() => subject.deref().clone(),
        None => TypedValue::str(&subject_bytes),
    })
}

fn do_str_replace(ctx: &mut ExecCtx, a: &mut [TypedValue], ci: bool) -> VmResult<TypedValue> {
    let search = array_or_string(ctx, a, 0)?;
    let replace = array_or_string(ctx, a, 1)?;
    let subject = array_or_string(ctx, a, 2)?;
    if search.is_string() && replace.is_array() {
        let msg = format!(
            "{}(): Argument #2 ($replace) must be of type string when argument #1 ($search) is a string",
            args::fname(ctx)
        );
        return Err(ctx.type_error(msg));
    }
    let mut count = 0i64;
    let result = if subject.is_array() {
        let mut out = PhpArray::new();
        for (k, v) in subject.arr().iter() {
            let r = replace_in_subject(ctx, &search, &replace, v, ci, &mut count)?;
            out.set(k, r);
        }
        TypedValue::array(out)
    } else {
        replace_in_subject(ctx, &search, &replace, &subject, ci, &mut count)?
    };
    if a.len() > 3 {
        args::set_ref(a, 3, TypedValue::int(count));
    }
    Ok(result)
}

fn str_replace(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_str_replace(ctx, a, false)
}
fn str_ireplace(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    do_str_replace(ctx, a, true)
}

fn strtr(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?.into_owned();
    let to_given = a.get(2).is_some_and(|v| !v.deref().is_null());
    if to_given {
        if a[1].deref().is_array() {
            let v = a[1].deref().clone();
            return Err(args::type_error(ctx, 1, "string", &v));
        }
        let from = args::str(ctx, a, 1)?.into_owned();
        let to = args::str(ctx, a, 2)?;
        let n = from.len().min(to.len());
        let mut map: [u8; 256] = std::array::from_fn(|i| i as u8);
        for k in 0..n {
            map[from[k] as usize] = to[k];
        }
        return ret_str(s.iter().map(|&c| map[c as usize]).collect());
    }
    let from = a[1].deref().clone();
    if !from.is_array() {
        if from.is_object() {
            return Err(args::type_error(ctx, 1, "array|string", &from));
        }
        return Err(args::type_error(ctx, 1, "array", &from));
    }
    let pats = from.arr();
    if s.is_empty() || pats.is_empty() {
        return ret_str(s);
    }
    let key_bytes = |k: KeyRef<'_>| -> Vec<u8> {
        match k {
            KeyRef::Int(n) => n.to_string().into_bytes(),
            KeyRef::Str(b) => b.to_vec(),
        }
    };
    if pats.len() == 1 {
        let Some((k, v)) = pats.first() else {
            return ret_str(s);
        };
        let key = key_bytes(k);
        if key.is_empty() {
            ctx.warn("strtr(): Ignoring replacement of empty string");
            return ret_str(s);
        }
        let r = to_str(ctx, v)?.into_owned();
        let mut n = 0;
        return match replace_all(&s, &key, &r, false, &mut n) {
            Some(out) => Ok(TypedValue::from_buf(out)),
            None => ret_str(s),
        };
    }
    let mut map: rustc_hash::FxHashMap<Vec<u8>, &TypedValue> = rustc_hash::FxHashMap::default();
    let (mut minlen, mut maxlen) = (usize::MAX, 0usize);
    for (k, v) in pats.iter() {
        let key = key_bytes(k);
        if key.is_empty() {
            ctx.warn("strtr(): Ignoring replacement of empty string");
            continue;
        }
        minlen = minlen.min(key.len());
        maxlen = maxlen.max(key.len());
        map.insert(key, v);
    }
    if map.is_empty() {
        return ret_str(s);
    }
    let mut out = Vec::with_capacity(s.len());
    let mut pos = 0;
    'outer: while pos < s.len() {
        let avail = s.len() - pos;
        if avail >= minlen {
            let mut l = maxlen.min(avail);
            while l >= minlen {
                if let Some(v) = map.get(&s[pos..pos + l]) {
                    let r = to_str(ctx, v)?;
                    out.extend_from_slice(&r);
                    pos += l;
                    continue 'outer;
                }
                l -= 1;
            }
        }
        out.push(s[pos]);
        pos += 1;
    }
    ret_str(out)
}

/// The next value of an array used positionally (substr_replace's parallel arrays).
fn nth(vals: &[TypedValue], idx: &mut usize) -> Option<TypedValue> {
    let v = vals.get(*idx).cloned();
    if v.is_some() {
        *idx += 1;
    }
    v
}

fn splice(orig: &[u8], f: usize, l: usize, repl: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(orig.len() - l + repl.len());
    out.extend_from_slice(&orig[..f]);
    out.extend_from_slice(repl);
    out.extend_from_slice(&orig[f + l..]);
    out
}

fn clamp_from(f: i64, len: usize) -> usize {
    let len = len as i64;
    if f < 0 {
        (len + f).max(0) as usize
    } else {
        f.min(len) as usize
    }
}

fn clamp_len(l: i64, f: usize, len: usize) -> usize {
    let rem = (len - f) as i64;
    let l = if l < 0 { (rem + l).max(0) } else { l };
    l.min(rem) as usize
}

fn substr_replace(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let string = array_or_string(ctx, a, 0)?;
    let replace = array_or_string(ctx, a, 1)?;
    let offset = a[2].deref().clone();
    let length = a.get(3).map(|v| v.deref().clone()).filter(|v| !v.is_null());
    let name = args::fname(ctx);
    let off_int = if offset.is_array() {
        None
    } else {
        Some(args::int(ctx, a, 2)?)
    };
    let len_int = match &length {
        Some(l) if !l.is_array() => Some(args::int(ctx, a, 3)?),
        _ => None,
    };
    if string.is_string() {
        if offset.is_array() {
            return Err(ctx.type_error(format!(
                "{name}(): Argument #3 ($offset) cannot be an array when working on a single string"
            )));
        }
        if length.as_ref().is_some_and(|l| l.is_array()) {
            return Err(ctx.type_error(format!(
                "{name}(): Argument #4 ($length) cannot be an array when working on a single string"
            )));
        }
        let s = string.str_bytes();
        let f = clamp_from(off_int.unwrap_or(0), s.len());
        let l = clamp_len(len_int.unwrap_or(s.len() as i64), f, s.len());
        let repl = if replace.is_array() {
            match replace.arr().first() {
                Some((_, v)) => to_str(ctx, v)?.into_owned(),
                None => Vec::new(),
            }
        } else {
            replace.str_bytes().to_vec()
        };
        return ret_str(splice(s, f, l, &repl));
    }
    let from_vals = offset.is_array().then(|| offset.arr().values());
    let len_vals = length
        .as_ref()
        .filter(|l| l.is_array())
        .map(|l| l.arr().values());
    let repl_vals = replace.is_array().then(|| replace.arr().values());
    let (mut fi, mut li, mut ri) = (0, 0, 0);
    let mut out = PhpArray::new();
    for (k, v) in string.arr().iter() {
        let orig = to_str(ctx, v)?.into_owned();
        let f = match &from_vals {
            Some(vals) => nth(vals, &mut fi).map_or(0, |x| clamp_from(to_int(&x), orig.len())),
            None => clamp_from(off_int.unwrap_or(0), orig.len()),
        };
        let l = match (&len_vals, len_int) {
            (Some(vals), _) => nth(vals, &mut li).map_or(orig.len() as i64, |x| to_int(&x)),
            (None, Some(l)) => l,
            (None, None) => orig.len() as i64,
        };
        let l = clamp_len(l, f, orig.len());
        let r = match &repl_vals {
            Some(vals) => match nth(vals, &mut ri) {
                Some(x) => to_str(ctx, &x)?.into_owned(),
                None => Vec::new(),
            },
            None => replace.str_bytes().to_vec(),
        };
        out.set(k, TypedValue::string(splice(&orig, f, l, &r)));
    }
    Ok(TypedValue::array(out))
}

#[cfg(test)]
mod tests {
    use super::super::string::tests::{i, run, s};
    use super::*;

    fn arr(v: Vec<TypedValue>) -> TypedValue {
        TypedValue::array(PhpArray::from_values(v))
    }

    #[test]
    fn positions() {
        assert_eq!(run("strpos", vec![s("hello"), s("l")]), "2");
        assert_eq!(run("strpos", vec![s("hello"), s("l"), i(-2)]), "3");
        assert_eq!(run("strpos", vec![s("hello"), s("z")]), "false");
        assert_eq!(run("strpos", vec![s("hello"), s(""), i(5)]), "5");
        assert_eq!(
            run("strpos", vec![s("hello"), s(""), i(6)]),
            "ValueError: strpos(): Argument #3 ($offset) must be contained in argument #1 ($haystack)"
        );
        assert_eq!(
            run("stripos", vec![s("hello"), s("l"), i(-6)]),
            "ValueError: stripos(): Argument #3 ($offset) must be contained in argument #1 ($haystack)"
        );
        assert_eq!(run("stripos", vec![s("HeLLo"), s("lo")]), "3");
        assert_eq!(run("strrpos", vec![s("hello world"), s("o"), i(-5)]), "4");
        assert_eq!(run("strrpos", vec![s("hello world"), s("o"), i(-4)]), "7");
        assert_eq!(run("strrpos", vec![s("hello"), s("lo"), i(-1)]), "3");
        assert_eq!(run("strrpos", vec![s("hello"), s(""), i(-1)]), "4");
        assert_eq!(run("strrpos", vec![s("hello"), s(""), i(2)]), "5");
        assert_eq!(
            run("strrpos", vec![s("hello"), s("l"), i(6)]),
            "ValueError: strrpos(): Argument #3 ($offset) must be contained in argument #1 ($haystack)"
        );
        assert_eq!(run("strripos", vec![s("HELLO"), s("l")]), "3");
        assert_eq!(run("strstr", vec![s("user@host"), s("@")]), "\"@host\"");
        assert_eq!(
            run(
                "strstr",
                vec![s("user@host"), s("@"), TypedValue::bool(true)]
            ),
            "\"user\""
        );
        assert_eq!(run("strrchr", vec![s("a/b/c"), s("/x")]), "\"/c\"");
        assert_eq!(run("str_contains", vec![s("abc"), s("")]), "true");
        assert_eq!(run("str_starts_with", vec![s("abc"), s("ab")]), "true");
        assert_eq!(run("str_ends_with", vec![s("abc"), s("bc")]), "true");
        assert_eq!(run("substr_count", vec![s("aaa"), s("aa")]), "1");
        assert_eq!(
            run("substr_count", vec![s("hello hello"), s("ll"), i(-5)]),
            "1"
        );
        assert_eq!(
            run("substr_count", vec![s("aaa"), s("a"), i(1), i(-5)]),
            "ValueError: substr_count(): Argument #4 ($length) must be contained in argument #1 ($haystack)"
        );
        assert_eq!(
            run("substr_count", vec![s("aaa"), s("")]),
            "ValueError: substr_count(): Argument #2 ($needle) cannot be empty"
        );
    }

    #[test]
    fn replacing() {
        assert_eq!(
            run("str_replace", vec![s("a"), arr(vec![s("x")]), s("abc")]),
            "TypeError: str_replace(): Argument #2 ($replace) must be of type string when argument #1 ($search) is a string"
        );
        let mut ctx = ExecCtx::for_tests();
        let cnt = TypedValue::new_ref(TypedValue::null());
        let r = super::super::string::tests::call(
            &mut ctx,
            "str_replace",
            vec![
                arr(vec![s("a"), s("b")]),
                arr(vec![s("b"), s("c")]),
                s("ab"),
                cnt.clone(),
            ],
        )
        .unwrap();
        assert_eq!(r.str_bytes(), b"cc");
        assert_eq!(cnt.deref().int_val(), 3);
        let mut subj = PhpArray::new();
        subj.set_str(b"k", s("aA"));
        subj.set_int(5, arr(vec![i(1)]));
        subj.set_int(7, TypedValue::double(1.5));
        subj.set_int(8, TypedValue::null());
        assert_eq!(
            run("str_replace", vec![arr(vec![s("a"), arr(vec![i(1)])]), s("x"), TypedValue::array(subj)]),
            "Warning: Array to string conversion\n\nWarning: Array to string conversion\n\nWarning: Array to string conversion\n\nWarning: Array to string conversion\n[\"k\"=>\"xA\", 5=>\"Arrxy\", 7=>\"1.5\", 8=>\"\"]"
        );
        assert_eq!(
            run("str_ireplace", vec![s("A"), s("x"), s("aAbA")]),
            "\"xxbx\""
        );
        assert_eq!(
            run("str_replace", vec![TypedValue::null(), s("x"), s("abc")]),
            "Deprecated: str_replace(): Passing null to parameter #1 ($search) of type array|string is deprecated\n\"abc\""
        );
        assert_eq!(run("str_replace", vec![s(""), s("x"), s("abc")]), "\"abc\"");

        assert_eq!(
            run("substr_replace", vec![s("Hello"), s("J"), i(0), i(1)]),
            "\"Jello\""
        );
        assert_eq!(
            run("substr_replace", vec![s("Hello"), s("J"), i(-2)]),
            "\"HelJ\""
        );
        assert_eq!(
            run("substr_replace", vec![s("Hello"), s("X"), i(10), i(-10)]),
            "\"HelloX\""
        );
        assert_eq!(
            run(
                "substr_replace",
                vec![
                    arr(vec![s("Hello"), s("World")]),
                    arr(vec![s("J"), s("K")]),
                    arr(vec![i(0), i(1)]),
                    arr(vec![i(1), i(2)])
                ]
            ),
            "[0=>\"Jello\", 1=>\"WKld\"]"
        );
        assert_eq!(
            run(
                "substr_replace",
                vec![
                    arr(vec![s("Hello"), s("World")]),
                    s("X"),
                    i(1),
                    arr(vec![i(0)])
                ]
            ),
            "[0=>\"HXello\", 1=>\"WX\"]"
        );
        assert_eq!(
            run("substr_replace", vec![s("Hello"), s("X"), arr(vec![i(1)])]),
            "TypeError: substr_replace(): Argument #3 ($offset) cannot be an array when working on a single string"
        );
    }

    #[test]
    fn translating() {
        let mut m = PhpArray::new();
        m.set_str(b"Hi", s("Hello"));
        m.set_str(b"Hello", s("Hi"));
        m.set_int(1, s("one"));
        assert_eq!(
            run(
                "strtr",
                vec![s("Hi all, I said Hello 1"), TypedValue::array(m)]
            ),
            "\"Hello all, I said Hi one\""
        );
        assert_eq!(
            run("strtr", vec![s("abcabc"), s("abc"), s("xy")]),
            "\"xycxyc\""
        );
        assert_eq!(
            run("strtr", vec![s("abc"), arr(vec![]), s("x")]),
            "TypeError: strtr(): Argument #2 ($from) must be of type string, array given"
        );
        assert_eq!(
            run("strtr", vec![s("abc"), s("ab")]),
            "TypeError: strtr(): Argument #2 ($from) must be of type array, string given"
        );
        let mut m = PhpArray::new();
        m.set_str(b"", s("x"));
        m.set_str(b"a", arr(vec![i(1)]));
        assert_eq!(
            run("strtr", vec![s("abc"), TypedValue::array(m)]),
            "Warning: strtr(): Ignoring replacement of empty string\n\nWarning: Array to string conversion\n\"Arraybc\""
        );
    }
}
