//! Built-in functions: word counting and wrapping, HTML/backslash escaping, chunking
//! and hex conversion.

use std::borrow::Cow;

use super::string::{charmask, check_alloc, nullable_str, ret_str};
use super::{args, BuiltinDef};
use crate::runtime::array::PhpArray;
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    (
        "str_word_count",
        "string, format=, characters=",
        str_word_count,
    ),
    (
        "wordwrap",
        "string, width=, break=, cut_long_words=",
        wordwrap,
    ),
    ("nl2br", "string, use_xhtml=", nl2br),
    (
        "htmlspecialchars",
        "string, flags=, encoding=, double_encode=",
        htmlspecialchars,
    ),
    ("addslashes", "string", addslashes),
    ("stripslashes", "string", stripslashes),
    ("chunk_split", "string, length=, separator=", chunk_split),
    ("bin2hex", "string", bin2hex),
    ("hex2bin", "string", hex2bin),
];

fn str_word_count(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let format = args::opt_int(ctx, a, 1)?.unwrap_or(0);
    let chars = nullable_str(ctx, a, 2)?;
    if !(0..=2).contains(&format) {
        return Err(args::value_error(ctx, 1, "must be a valid format value"));
    }
    if s.is_empty() {
        return Ok(if format == 0 {
            TypedValue::int(0)
        } else {
            TypedValue::array(PhpArray::new())
        });
    }
    let mask = chars.as_ref().map(|c| charmask(ctx, c));
    let allowed = |c: u8| mask.as_ref().is_some_and(|m| m[c as usize]);
    let mut out = PhpArray::new();
    let mut count = 0i64;
    let mut p = 0usize;
    let mut e = s.len();
    if !s.is_empty() {
        if (s[0] == b'\'' && !allowed(b'\'')) || (s[0] == b'-' && !allowed(b'-')) {
            p += 1;
        }
        if s[e - 1] == b'-' && !allowed(b'-') {
            e -= 1;
        }
    }
    while p < e {
        let start = p;
        while p < e
            && (s[p].is_ascii_alphabetic() || allowed(s[p]) || s[p] == b'\'' || s[p] == b'-')
        {
            p += 1;
        }
        if p > start {
            let w = TypedValue::str(&s[start..p]);
            match format {
                1 => {
                    out.push(w);
                }
                2 => out.set_int(start as i64, w),
                _ => count += 1,
            }
        }
        p += 1;
    }
    if format == 0 {
        Ok(TypedValue::int(count))
    } else {
        Ok(TypedValue::array(out))
    }
}

fn wordwrap(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let text = args::str(ctx, a, 0)?;
    let width = args::opt_int(ctx, a, 1)?.unwrap_or(75);
    let brk = args::opt_str(ctx, a, 2)?.unwrap_or(Cow::Borrowed(b"\n"));
    let cut = args::opt_bool(ctx, a, 3)?.unwrap_or(false);
    if text.is_empty() {
        return ret_str(Vec::new());
    }
    if brk.is_empty() {
        return Err(args::value_error(ctx, 2, "cannot be empty"));
    }
    if width == 0 && cut {
        return Err(args::value_error(
            ctx,
            3,
            "cannot be true when argument #2 ($width) is 0",
        ));
    }
    let n = text.len();
    let over = |cur: usize, start: usize| (cur - start) as i64 >= width;
    if brk.len() == 1 && !cut {
        let b = brk[0];
        let mut out = text.to_vec();
        let (mut laststart, mut lastspace) = (0usize, 0usize);
        for cur in 0..n {
            if text[cur] == b {
                laststart = cur + 1;
                lastspace = cur + 1;
            } else if text[cur] == b' ' {
                if over(cur, laststart) {
                    out[cur] = b;
                    laststart = cur + 1;
                }
                lastspace = cur;
            } else if over(cur, laststart) && laststart != lastspace {
                out[lastspace] = b;
                laststart = lastspace + 1;
            }
        }
        return ret_str(out);
    }
    let mut out = Vec::with_capacity(n + n / 8);
    let (mut laststart, mut lastspace) = (0usize, 0usize);
    let mut cur = 0;
    while cur < n {
        if text[cur] == brk[0] && cur + brk.len() < n && text[cur..].starts_with(&brk) {
            out.extend_from_slice(&text[laststart..cur + brk.len()]);
            cur += brk.len() - 1;
            laststart = cur + 1;
            lastspace = cur + 1;
        } else if text[cur] == b' ' {
            if over(cur, laststart) {
                out.extend_from_slice(&text[laststart..cur]);
                out.extend_from_slice(&brk);
                laststart = cur + 1;
            }
            lastspace = cur;
        } else if over(cur, laststart) && cut && laststart >= lastspace {
            out.extend_from_slice(&text[laststart..cur]);
            out.extend_from_slice(&brk);
            laststart = cur;
            lastspace = cur;
        } else if over(cur, laststart) && laststart < lastspace {
            out.extend_from_slice(&text[laststart..lastspace]);
            out.extend_from_slice(&brk);
            laststart = lastspace + 1;
            lastspace = laststart;
        }
        cur += 1;
    }
    if laststart < n {
        out.extend_from_slice(&text[laststart..]);
    }
    ret_str(out)
}

fn nl2br(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let xhtml = args::opt_bool(ctx, a, 1)?.unwrap_or(true);
    let tag: &[u8] = if xhtml { b"<br />" } else { b"<br>" };
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == b'\r' || c == b'\n' {
            out.extend_from_slice(tag);
            out.push(c);
            if let Some(&d) = s.get(i + 1) {
                if (d == b'\r' || d == b'\n') && d != c {
                    out.push(d);
                    i += 1;
                }
            }
        } else {
            out.push(c);
        }
        i += 1;
    }
    ret_str(out)
}

/// Length of a valid UTF-8 sequence at `s[pos..]`, or `Err(n)`: invalid, skip n bytes
/// (PHP's `php_next_utf8_char` error recovery).
fn utf8_next(s: &[u8], pos: usize) -> Result<usize, usize> {
    let lead = |c: u8| c < 0x80 || (0xc2..=0xf4).contains(&c);
    let trail = |c: u8| (0x80..=0xbf).contains(&c);
    let avail = s.len() - pos;
    let c = s[pos];
    let at = |k: usize| s.get(pos + k).copied().unwrap_or(0);
    if c < 0x80 {
        Ok(1)
    } else if c < 0xc2 {
        Err(1)
    } else if c < 0xe0 {
        if avail < 2 {
            return Err(1);
        }
        if !trail(at(1)) {
            return Err(if lead(at(1)) { 1 } else { 2 });
        }
        Ok(2)
    } else if c < 0xf0 {
        if avail < 3 || !trail(at(1)) || !trail(at(2)) {
            if avail < 2 || lead(at(1)) {
                return Err(1);
            } else if avail < 3 || lead(at(2)) {
                return Err(2);
            }
            return Err(3);
        }
        let cp = ((c as u32 & 0x0f) << 12) | ((at(1) as u32 & 0x3f) << 6) | (at(2) as u32 & 0x3f);
        if cp < 0x800 || (0xd800..=0xdfff).contains(&cp) {
            return Err(3);
        }
        Ok(3)
    } else if c < 0xf5 {
        if avail < 4 || !trail(at(1)) || !trail(at(2)) || !trail(at(3)) {
            if avail < 2 || lead(at(1)) {
                return Err(1);
            } else if avail < 3 || lead(at(2)) {
                return Err(2);
            } else if avail < 4 || lead(at(3)) {
                return Err(3);
            }
            return Err(4);
        }
        let cp = ((c as u32 & 0x07) << 18)
            | ((at(1) as u32 & 0x3f) << 12)
            | ((at(2) as u32 & 0x3f) << 6)
            | (at(3) as u32 & 0x3f);
        if !(0x10000..=0x10ffff).contains(&cp) {
            return Err(4);
        }
        Ok(4)
    } else {
        Err(1)
    }
}

/// Length of an entity (`&name;`, `&#123;`, `&#x1F;`) starting at `s[pos]` == '&'.
fn entity_len(s: &[u8], pos: usize) -> Option<usize> {
    let rest = s.get(pos + 1..)?;
    let body_len = if rest.first() == Some(&b'#') {
        let (digits, start) = match rest.get(1) {
            Some(b'x') | Some(b'X') => (&rest[2..], 2),
            _ => (&rest[1..], 1),
        };
        let hex = start == 2;
        let n = digits
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if n == 0 {
            return None;
        }
        let txt = std::str::from_utf8(&digits[..n]).ok()?;
        let cp = u32::from_str_radix(txt, if hex { 16 } else { 10 }).ok()?;
        if cp > 0x10ffff {
            return None;
        }
        start + n
    } else {
        let n = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if n == 0 || !rest[0].is_ascii_alphabetic() {
            return None;
        }
        n
    };
    (rest.get(body_len) == Some(&b';')).then_some(body_len + 2)
}

/// A charset name `htmlspecialchars` knows: `Some(true)` for UTF-8 (validated),
/// `Some(false)` for the others (bytes pass through), `None` when unsupported.
fn charset_kind(name: &[u8]) -> Option<bool> {
    const OTHERS: &[&str] = &[
        "iso-8859-1",
        "iso8859-1",
        "iso-8859-15",
        "iso8859-15",
        "iso-8859-5",
        "iso8859-5",
        "cp866",
        "866",
        "ibm866",
        "cp1251",
        "windows-1251",
        "win-1251",
        "1251",
        "cp1252",
        "windows-1252",
        "1252",
        "koi8-r",
        "koi8-ru",
        "koi8r",
        "big5",
        "950",
        "gb2312",
        "936",
        "big5-hkscs",
        "shift_jis",
        "sjis",
        "932",
        "sjis-win",
        "cp932",
        "euc-jp",
        "eucjp",
        "eucjp-win",
        "macroman",
    ];
    let lower = name.to_ascii_lowercase();
    if lower == b"utf-8" {
        return Some(true);
    }
    OTHERS
        .iter()
        .any(|o| o.as_bytes() == lower.as_slice())
        .then_some(false)
}

fn htmlspecialchars(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let flags = args::opt_int(ctx, a, 1)?.unwrap_or(3 | 8);
    let encoding = nullable_str(ctx, a, 2)?;
    let validate_utf8 = match encoding.as_deref() {
        None | Some(b"") => true,
        Some(e) => match charset_kind(e) {
            Some(utf8) => utf8,
            None => {
                let msg = format!(
                    "htmlspecialchars(): Charset \"{}\" is not supported, assuming UTF-8",
                    String::from_utf8_lossy(e)
                );
                ctx.warn(&msg);
                true
            }
        },
    };
    let double_encode = args::opt_bool(ctx, a, 3)?.unwrap_or(true);
    let (ent_ignore, ent_substitute) = (flags & 4 != 0, flags & 8 != 0);
    let doctype = flags & (16 | 32);
    let mut out = Vec::with_capacity(s.len() + s.len() / 8);
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c >= 0x80 && validate_utf8 {
            match utf8_next(&s, i) {
                Ok(n) => {
                    out.extend_from_slice(&s[i..i + n]);
                    i += n;
                }
                Err(n) => {
                    if ent_ignore {
                    } else if ent_substitute {
                        out.extend_from_slice("\u{fffd}".as_bytes());
                    } else {
                        return ret_str(Vec::new());
                    }
                    i += n;
                }
            }
            continue;
        }
        match c {
            b'&' => {
                if !double_encode {
                    if let Some(n) = entity_len(&s, i) {
                        out.extend_from_slice(&s[i..i + n]);
                        i += n;
                        continue;
                    }
                }
                out.extend_from_slice(b"&amp;");
            }
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'"' if flags & 2 != 0 => out.extend_from_slice(b"&quot;"),
            b'\'' if flags & 3 == 3 => {
                out.extend_from_slice(if doctype == 0 { b"&#039;" } else { b"&apos;" });
            }
            _ => out.push(c),
        }
        i += 1;
    }
    ret_str(out)
}

fn addslashes(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let mut out = Vec::with_capacity(s.len());
    for &c in s.iter() {
        match c {
            0 => out.extend_from_slice(b"\\0"),
            b'\'' | b'"' | b'\\' => {
                out.push(b'\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    ret_str(out)
}

fn stripslashes(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'\\' {
            i += 1;
            if let Some(&c) = s.get(i) {
                out.push(if c == b'0' { 0 } else { c });
            }
        } else {
            out.push(s[i]);
        }
        i += 1;
    }
    ret_str(out)
}

fn chunk_split(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    let n = args::opt_int(ctx, a, 1)?.unwrap_or(76);
    let sep = args::opt_str(ctx, a, 2)?.unwrap_or(Cow::Borrowed(b"\r\n"));
    if n < 1 {
        return Err(args::value_error(ctx, 1, "must be greater than 0"));
    }
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    if n > s.len() {
        let mut out = s.into_owned();
        out.extend_from_slice(&sep);
        return ret_str(out);
    }
    let chunks = s.len().div_ceil(n);
    check_alloc(ctx, s.len() as u128 + chunks as u128 * sep.len() as u128)?;
    let mut out = Vec::with_capacity(s.len() + chunks * sep.len());
    for ch in s.chunks(n) {
        out.extend_from_slice(ch);
        out.extend_from_slice(&sep);
    }
    ret_str(out)
}

fn bin2hex(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(s.len() * 2);
    for &c in s.iter() {
        out.push(HEX[(c >> 4) as usize]);
        out.push(HEX[(c & 15) as usize]);
    }
    ret_str(out)
}

fn hex2bin(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::str(ctx, a, 0)?;
    if s.len() % 2 != 0 {
        ctx.warn("hex2bin(): Hexadecimal input string must have an even length");
        return Ok(TypedValue::bool(false));
    }
    let val = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(s.len() / 2);
    for pair in s.chunks(2) {
        match (val(pair[0]), pair.get(1).and_then(|&c| val(c))) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                ctx.warn("hex2bin(): Input string must be hexadecimal string");
                return Ok(TypedValue::bool(false));
            }
        }
    }
    ret_str(out)
}

#[cfg(test)]
mod tests {
    use super::super::string::tests::{i, run, s};
    use super::*;

    #[test]
    fn words_and_wrap() {
        assert_eq!(run("str_word_count", vec![s("")]), "0");
        assert_eq!(
            run("str_word_count", vec![s("Hello fri3nd, you're looking good today!"), i(2)]),
            "[0=>\"Hello\", 6=>\"fri\", 10=>\"nd\", 14=>\"you're\", 21=>\"looking\", 29=>\"good\", 34=>\"today\"]"
        );
        assert_eq!(
            run("str_word_count", vec![s("-ab- 'cd' e-f-"), i(1)]),
            "[0=>\"ab-\", 1=>\"'cd'\", 2=>\"e-f\"]"
        );
        assert_eq!(run("wordwrap", vec![s("a b c"), i(-1)]), "\"a\\nb\\nc\"");
        assert_eq!(
            run(
                "wordwrap",
                vec![
                    s("The quick brown fox"),
                    i(10),
                    s("<br>\n"),
                    TypedValue::bool(true)
                ]
            ),
            "\"The quick<br>\\nbrown fox\""
        );
        assert_eq!(
            run(
                "wordwrap",
                vec![
                    s("A very long woooooooooooord."),
                    i(8),
                    s("\n"),
                    TypedValue::bool(true)
                ]
            ),
            "\"A very\\nlong\\nwooooooo\\nooooord.\""
        );
        assert_eq!(
            run(
                "wordwrap",
                vec![
                    s("A very long woooooooooooord. and something"),
                    i(8),
                    s("\n"),
                    TypedValue::bool(false)
                ]
            ),
            "\"A very\\nlong\\nwoooooooooooord.\\nand\\nsomething\""
        );
    }

    #[test]
    fn escaping() {
        assert_eq!(
            run("nl2br", vec![s("a\r\nb\n\rc\nd\re")]),
            "\"a<br />\\r\\nb<br />\\n\\rc<br />\\nd<br />\\re\""
        );
        assert_eq!(
            run("addslashes", vec![s("a'b\"c\\d\0e")]),
            "\"a\\\\'b\\\\\\\"c\\\\\\\\d\\\\0e\""
        );
        assert_eq!(
            run("stripslashes", vec![s("a\\'b\\\\c\\0d\\")]),
            "\"a'b\\\\c\\0d\""
        );
        assert_eq!(
            run("htmlspecialchars", vec![s("<a href='x'>T&amp;\"</a>")]),
            "\"&lt;a href=&#039;x&#039;&gt;T&amp;amp;&quot;&lt;/a&gt;\""
        );
        assert_eq!(
            run(
                "htmlspecialchars",
                vec![
                    s("'&amp;&#12;&bogus"),
                    i(3),
                    TypedValue::null(),
                    TypedValue::bool(false)
                ]
            ),
            "\"&#039;&amp;&#12;&amp;bogus\""
        );
        assert_eq!(
            run("htmlspecialchars", vec![TypedValue::str(b"a\xffb")]),
            "\"a\u{fffd}b\""
        );
        assert_eq!(
            run("htmlspecialchars", vec![TypedValue::str(b"a\xffb"), i(3)]),
            "\"\""
        );
        assert_eq!(
            run("chunk_split", vec![s("abcde"), i(2), s("|")]),
            "\"ab|cd|e|\""
        );
        assert_eq!(run("chunk_split", vec![s("ab"), i(5)]), "\"ab\\r\\n\"");
        assert_eq!(run("bin2hex", vec![s("ab\n")]), "\"61620a\"");
        assert_eq!(run("hex2bin", vec![s("6162")]), "\"ab\"");
        assert_eq!(
            run("hex2bin", vec![s("abc")]),
            "Warning: hex2bin(): Hexadecimal input string must have an even length\nfalse"
        );
        assert_eq!(
            run("hex2bin", vec![s("zz")]),
            "Warning: hex2bin(): Input string must be hexadecimal string\nfalse"
        );
    }
}
