//! Built-in functions: json — json_encode, json_decode, json_last_error(_msg).
//!
//! Own encoder and parser (no serde), following PHP 8.2's ext/json: the error codes and
//! messages, the UTF-8 validation (and what JSON_INVALID_UTF8_* skip or substitute), the
//! depth rules, partial output and JSON_THROW_ON_ERROR (which leaves the global error
//! state untouched).
//!
//! Decoding into objects (stdClass) is not supported yet: it stops with a clear fatal
//! error unless arrays were asked for.

use super::output::{shows_props, MAX_DUMP_DEPTH};
use super::{args, BuiltinDef};
use crate::runtime::array::{Key, KeyRef, PhpArray};
use crate::runtime::float_fmt::format_float_json;
use crate::runtime::numeric::{parse_numeric, Number, NumericKind};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("json_encode", "value, flags=, depth=", json_encode),
    (
        "json_decode",
        "json, associative=, depth=, flags=",
        json_decode,
    ),
    ("json_last_error", "", json_last_error),
    ("json_last_error_msg", "", json_last_error_msg),
];

pub const HEX_TAG: i64 = 1;
pub const HEX_AMP: i64 = 2;
pub const HEX_APOS: i64 = 4;
pub const HEX_QUOT: i64 = 8;
pub const FORCE_OBJECT: i64 = 16;
pub const NUMERIC_CHECK: i64 = 32;
pub const UNESCAPED_SLASHES: i64 = 64;
pub const PRETTY_PRINT: i64 = 128;
pub const UNESCAPED_UNICODE: i64 = 256;
pub const PARTIAL_OUTPUT_ON_ERROR: i64 = 512;
pub const PRESERVE_ZERO_FRACTION: i64 = 1024;
pub const UNESCAPED_LINE_TERMINATORS: i64 = 2048;
pub const OBJECT_AS_ARRAY: i64 = 1;
pub const BIGINT_AS_STRING: i64 = 2;
pub const INVALID_UTF8_IGNORE: i64 = 1_048_576;
pub const INVALID_UTF8_SUBSTITUTE: i64 = 2_097_152;
pub const THROW_ON_ERROR: i64 = 4_194_304;

pub const ERR_NONE: i64 = 0;
pub const ERR_DEPTH: i64 = 1;
pub const ERR_STATE_MISMATCH: i64 = 2;
pub const ERR_CTRL_CHAR: i64 = 3;
pub const ERR_SYNTAX: i64 = 4;
pub const ERR_UTF8: i64 = 5;
pub const ERR_RECURSION: i64 = 6;
pub const ERR_INF_OR_NAN: i64 = 7;
pub const ERR_UNSUPPORTED_TYPE: i64 = 8;
pub const ERR_UTF16: i64 = 10;

/// `json_last_error_msg()` texts.
pub fn error_msg(code: i64) -> &'static str {
    match code {
        0 => "No error",
        1 => "Maximum stack depth exceeded",
        2 => "State mismatch (invalid or malformed JSON)",
        3 => "Control character error, possibly incorrectly encoded",
        4 => "Syntax error",
        5 => "Malformed UTF-8 characters, possibly incorrectly encoded",
        6 => "Recursion detected",
        7 => "Inf and NaN cannot be JSON encoded",
        8 => "Type is not supported",
        9 => "The decoded property name is invalid",
        10 => "Single unpaired UTF-16 surrogate in unicode escape",
        _ => "Unknown error",
    }
}

/// Decodes one UTF-8 character at `s[pos..]` the way PHP's `php_next_utf8_char` does:
/// `Ok((code point, length))`, or `Err(bytes to skip)` for an invalid sequence.
pub(crate) fn next_utf8(s: &[u8], pos: usize) -> Result<(u32, usize), usize> {
    let lead = |c: u8| c < 0x80 || (0xC2..=0xF4).contains(&c);
    let trail = |c: u8| (0x80..=0xBF).contains(&c);
    let at = |i: usize| s.get(pos + i).copied();
    let Some(c) = at(0) else { return Err(1) };
    let avail = s.len() - pos;
    if c < 0x80 {
        return Ok((c as u32, 1));
    }
    if c < 0xC2 {
        return Err(1);
    }
    // How many bytes a broken sequence of `n` bytes swallows.
    let fail = |n: usize| -> usize {
        for i in 1..n {
            match at(i) {
                Some(b) if !lead(b) => {}
                _ => return i,
            }
        }
        n
    };
    let trails_ok = |n: usize| avail >= n && (1..n).all(|i| at(i).is_some_and(trail));
    let cont = |i: usize| (at(i).unwrap_or(0) & 0x3F) as u32;
    if c < 0xE0 {
        if !trails_ok(2) {
            return Err(fail(2));
        }
        Ok((((c as u32 & 0x1F) << 6) | cont(1), 2))
    } else if c < 0xF0 {
        if !trails_ok(3) {
            return Err(fail(3));
        }
        let cp = ((c as u32 & 0x0F) << 12) | (cont(1) << 6) | cont(2);
        if cp < 0x800 || (0xD800..=0xDFFF).contains(&cp) {
            return Err(3);
        }
        Ok((cp, 3))
    } else if c < 0xF5 {
        if !trails_ok(4) {
            return Err(fail(4));
        }
        let cp = ((c as u32 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
        if !(0x10000..=0x10FFFF).contains(&cp) {
            return Err(4);
        }
        Ok((cp, 4))
    } else {
        Err(1)
    }
}

// ---------------------------------------------------------------- encoding

pub struct Encoder {
    pub buf: Vec<u8>,
    flags: i64,
    max_depth: i64,
    depth: i64,
    pub error: i64,
    stack: Vec<usize>,
}

fn push_u_escape(buf: &mut Vec<u8>, u: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf.extend_from_slice(b"\\u");
    for sh in [12, 8, 4, 0] {
        buf.push(HEX[((u >> sh) & 0xF) as usize]);
    }
}

impl Encoder {
    pub fn new(flags: i64, max_depth: i64) -> Encoder {
        Encoder {
            buf: Vec::new(),
            flags,
            max_depth,
            depth: 0,
            error: ERR_NONE,
            stack: Vec::new(),
        }
    }
    fn has(&self, f: i64) -> bool {
        self.flags & f != 0
    }
    fn pretty_nl(&mut self) {
        if self.has(PRETTY_PRINT) {
            self.buf.push(b'\n');
        }
    }
    fn pretty_indent(&mut self) {
        if self.has(PRETTY_PRINT) {
            let n = self.depth.max(0) as usize * 4;
            self.buf.resize(self.buf.len() + n, b' ');
        }
    }

    fn double(&mut self, f: f64) {
        match format_float_json(f, self.has(PRESERVE_ZERO_FRACTION)) {
            Some(s) => self.buf.extend_from_slice(s.as_bytes()),
            None => {
                self.error = ERR_INF_OR_NAN;
                self.buf.push(b'0');
            }
        }
    }

    /// Encodes a value; `false` means "stop" (an error without partial output).
    pub fn value(&mut self, v: &TypedValue) -> bool {
        let v = v.deref();
        match v.tag() {
            tag::BOOL => self
                .buf
                .extend_from_slice(if v.bool_val() { b"true" } else { b"false" }),
            tag::INT => self
                .buf
                .extend_from_slice(v.int_val().to_string().as_bytes()),
            tag::DOUBLE => self.double(v.double_val()),
            tag::STRING => return self.string(v.str_bytes(), self.flags),
            tag::ARRAY | tag::OBJECT => return self.container(v),
            _ => self.buf.extend_from_slice(b"null"),
        }
        true
    }

    fn string(&mut self, s: &[u8], flags: i64) -> bool {
        if s.is_empty() {
            self.buf.extend_from_slice(b"\"\"");
            return true;
        }
        if flags & NUMERIC_CHECK != 0 {
            if let (Some(n), NumericKind::Numeric) = parse_numeric(s) {
                match n {
                    Number::Int(i) => self.buf.extend_from_slice(i.to_string().as_bytes()),
                    Number::Float(f) => self.double(f),
                }
                return true;
            }
        }
        let has = |f: i64| flags & f != 0;
        let checkpoint = self.buf.len();
        self.buf.push(b'"');
        let mut pos = 0;
        while pos < s.len() {
            let c = s[pos];
            if c >= 0x80 {
                match next_utf8(s, pos) {
                    Ok((cp, len)) => {
                        let line_term =
                            (cp == 0x2028 || cp == 0x2029) && !has(UNESCAPED_LINE_TERMINATORS);
                        if has(UNESCAPED_UNICODE) && !line_term {
                            self.buf.extend_from_slice(&s[pos..pos + len]);
                        } else if cp >= 0x10000 {
                            let u = cp - 0x10000;
                            push_u_escape(&mut self.buf, 0xD800 | (u >> 10));
                            push_u_escape(&mut self.buf, 0xDC00 | (u & 0x3FF));
                        } else {
                            push_u_escape(&mut self.buf, cp);
                        }
                        pos += len;
                    }
                    Err(skip) => {
                        pos += skip;
                        if has(INVALID_UTF8_IGNORE) {
                        } else if has(INVALID_UTF8_SUBSTITUTE) {
                            if has(UNESCAPED_UNICODE) {
                                self.buf.extend_from_slice("\u{FFFD}".as_bytes());
                            } else {
                                self.buf.extend_from_slice(b"\\ufffd");
                            }
                        } else {
                            self.error = ERR_UTF8;
                            self.buf.truncate(checkpoint);
                            self.buf.extend_from_slice(b"null");
                            return has(PARTIAL_OUTPUT_ON_ERROR);
                        }
                    }
                }
                continue;
            }
            pos += 1;
            let esc: &[u8] = match c {
                b'"' if has(HEX_QUOT) => b"\\u0022",
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'/' if has(UNESCAPED_SLASHES) => b"/",
                b'/' => b"\\/",
                0x08 => b"\\b",
                0x0C => b"\\f",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                b'<' if has(HEX_TAG) => b"\\u003C",
                b'>' if has(HEX_TAG) => b"\\u003E",
                b'&' if has(HEX_AMP) => b"\\u0026",
                b'\'' if has(HEX_APOS) => b"\\u0027",
                c if c < 0x20 => {
                    push_u_escape(&mut self.buf, c as u32);
                    continue;
                }
                _ => {
                    self.buf.push(c);
                    continue;
                }
            };
            self.buf.extend_from_slice(esc);
        }
        self.buf.push(b'"');
        true
    }

    fn container(&mut self, v: &TypedValue) -> bool {
        let (arr, as_list) = if v.is_array() {
            let a = v.arr();
            (Some(a), !self.has(FORCE_OBJECT) && a.is_list())
        } else {
            (shows_props(v).then(|| &v.obj().props), false)
        };
        if self.stack.contains(&v.cell_ptr()) {
            self.error = ERR_RECURSION;
            self.buf.extend_from_slice(b"null");
            return self.has(PARTIAL_OUTPUT_ON_ERROR);
        }
        if self.stack.len() >= MAX_DUMP_DEPTH {
            self.error = ERR_DEPTH;
            self.buf.extend_from_slice(b"null");
            return self.has(PARTIAL_OUTPUT_ON_ERROR);
        }
        self.stack.push(v.cell_ptr());
        self.buf.push(if as_list { b'[' } else { b'{' });
        self.depth += 1;
        let mut need_comma = false;
        for (k, e) in arr.into_iter().flat_map(|a| a.iter()) {
            if need_comma {
                self.buf.push(b',');
            }
            need_comma = true;
            self.pretty_nl();
            self.pretty_indent();
            if !as_list {
                match k {
                    KeyRef::Int(i) => self.buf.extend_from_slice(format!("\"{i}\"").as_bytes()),
                    KeyRef::Str(s) => {
                        let at = self.buf.len();
                        if !self.string(s, self.flags & !NUMERIC_CHECK)
                            || self.buf[at..] == *b"null"
                        {
                            // partial output: an unencodable key becomes ""
                            self.buf.truncate(at);
                            self.buf.extend_from_slice(b"\"\"");
                            if !self.has(PARTIAL_OUTPUT_ON_ERROR) {
                                self.stack.pop();
                                return false;
                            }
                        }
                    }
                }
                self.buf.push(b':');
                if self.has(PRETTY_PRINT) {
                    self.buf.push(b' ');
                }
            }
            if !self.value(e) && !self.has(PARTIAL_OUTPUT_ON_ERROR) {
                self.stack.pop();
                return false;
            }
        }
        self.stack.pop();
        if self.depth > self.max_depth {
            self.error = ERR_DEPTH;
            if !self.has(PARTIAL_OUTPUT_ON_ERROR) {
                return false;
            }
        }
        self.depth -= 1;
        if need_comma {
            self.pretty_nl();
            self.pretty_indent();
        }
        self.buf.push(if as_list { b']' } else { b'}' });
        true
    }
}

fn json_exception(ctx: &mut ExecCtx, code: i64) -> crate::vm::ctx::Fault {
    crate::vm::ctx::Fault::Throw(ctx.new_exception("JsonException", error_msg(code), code))
}

fn json_encode(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let flags = args::opt_int(ctx, a, 1)?.unwrap_or(0);
    // PHP stores the depth in a C int: larger values wrap (and then fail).
    let depth = args::opt_int(ctx, a, 2)?.unwrap_or(512) as i32 as i64;
    let mut enc = Encoder::new(flags, depth);
    enc.value(&a[0]);
    let partial = flags & PARTIAL_OUTPUT_ON_ERROR != 0;
    if flags & THROW_ON_ERROR == 0 || partial {
        ctx.json_error = enc.error;
        if enc.error != ERR_NONE && !partial {
            return Ok(TypedValue::bool(false));
        }
    } else if enc.error != ERR_NONE {
        return Err(json_exception(ctx, enc.error));
    }
    Ok(TypedValue::string(enc.buf))
}

// ---------------------------------------------------------------- decoding

pub struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    depth: i64,
    max_depth: i64,
    flags: i64,
    pub saw_object: bool,
}

type PResult<T> = Result<T, i64>;

impl<'a> Parser<'a> {
    pub fn new(s: &'a [u8], max_depth: i64, flags: i64) -> Parser<'a> {
        Parser {
            s,
            pos: 0,
            depth: 0,
            max_depth,
            flags,
            saw_object: false,
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The error for an unexpected byte outside strings.
    fn bad_byte(&self) -> i64 {
        match self.s.get(self.pos) {
            Some(&c) if c < 0x20 => ERR_CTRL_CHAR,
            Some(&c) if c >= 0x80 => ERR_UTF8,
            _ => ERR_SYNTAX,
        }
    }

    /// The whole document: one value, then only whitespace.
    pub fn document(&mut self) -> PResult<TypedValue> {
        let v = self.value()?;
        self.skip_ws();
        if self.pos < self.s.len() {
            // lex the trailing token for its own error (a control character...)
            if self.s[self.pos] == b'"' {
                self.string()?;
            }
            return Err(self.bad_byte());
        }
        Ok(v)
    }

    fn value(&mut self) -> PResult<TypedValue> {
        self.skip_ws();
        let Some(&c) = self.s.get(self.pos) else {
            return Err(ERR_SYNTAX);
        };
        match c {
            b'[' | b'{' => self.container(c == b'{'),
            b'"' => self.string().map(TypedValue::string),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.literal(b"true", TypedValue::bool(true)),
            b'f' => self.literal(b"false", TypedValue::bool(false)),
            b'n' => self.literal(b"null", TypedValue::null()),
            _ => Err(self.bad_byte()),
        }
    }

    fn literal(&mut self, word: &[u8], v: TypedValue) -> PResult<TypedValue> {
        if self.s[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(ERR_SYNTAX)
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.s.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> PResult<TypedValue> {
        let start = self.pos;
        if self.s[self.pos] == b'-' {
            self.pos += 1;
        }
        match self.s.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(ERR_SYNTAX),
        }
        let mut is_float = false;
        if self.s.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(ERR_SYNTAX);
            }
            is_float = true;
        }
        if let Some(b'e' | b'E') = self.s.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.s.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(ERR_SYNTAX);
            }
            is_float = true;
        }
        // The token is ASCII by construction.
        let text = std::str::from_utf8(&self.s[start..self.pos]).unwrap_or("0");
        if !is_float {
            if let Ok(i) = text.parse::<i64>() {
                return Ok(TypedValue::int(i));
            }
            if self.flags & BIGINT_AS_STRING != 0 {
                return Ok(TypedValue::str(text.as_bytes()));
            }
        }
        Ok(TypedValue::double(text.parse::<f64>().unwrap_or(0.0)))
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let h = self.s.get(at..at + 4)?;
        let t = std::str::from_utf8(h).ok()?;
        if !t.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(t, 16).ok()
    }

    /// A string token (at its opening quote); returns the decoded bytes.
    fn string(&mut self) -> PResult<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let Some(&c) = self.s.get(self.pos) else {
                return Err(ERR_CTRL_CHAR);
            };
            match c {
                b'"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                0..=0x1F => return Err(ERR_CTRL_CHAR),
                b'\\' => {
                    let e = self.s.get(self.pos + 1).copied();
                    self.pos += 2;
                    let ch = match e {
                        Some(b'"') => b'"',
                        Some(b'\\') => b'\\',
                        Some(b'/') => b'/',
                        Some(b'b') => 0x08,
                        Some(b'f') => 0x0C,
                        Some(b'n') => b'\n',
                        Some(b'r') => b'\r',
                        Some(b't') => b'\t',
                        Some(b'u') => {
                            let cp = self.unicode_escape()?;
                            let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
                            let mut tmp = [0u8; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut tmp).as_bytes());
                            continue;
                        }
                        _ => return Err(ERR_SYNTAX),
                    };
                    out.push(ch);
                }
                0x80.. => match next_utf8(self.s, self.pos) {
                    Ok((_, len)) => {
                        out.extend_from_slice(&self.s[self.pos..self.pos + len]);
                        self.pos += len;
                    }
                    Err(_) => return Err(ERR_UTF8),
                },
                _ => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    /// After `\u` (pos at the hex digits): one code point, pairing surrogates.
    fn unicode_escape(&mut self) -> PResult<u32> {
        let hi = self.hex4(self.pos).ok_or(ERR_SYNTAX)?;
        self.pos += 4;
        if (0xD800..=0xDBFF).contains(&hi) {
            if self.s.get(self.pos..self.pos + 2) == Some(b"\\u") {
                if let Some(lo) = self.hex4(self.pos + 2) {
                    if (0xDC00..=0xDFFF).contains(&lo) {
                        self.pos += 6;
                        return Ok(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
                    }
                }
            }
            return Err(ERR_UTF16);
        }
        if (0xDC00..=0xDFFF).contains(&hi) {
            return Err(ERR_UTF16);
        }
        Ok(hi)
    }

    fn container(&mut self, is_obj: bool) -> PResult<TypedValue> {
        self.pos += 1;
        self.depth += 1;
        if self.depth >= self.max_depth || self.depth as usize > MAX_DUMP_DEPTH {
            return Err(ERR_DEPTH);
        }
        if is_obj {
            self.saw_object = true;
        }
        let close = if is_obj { b'}' } else { b']' };
        let mut arr = PhpArray::new();
        let other = if is_obj { b']' } else { b'}' };
        self.skip_ws();
        match self.s.get(self.pos) {
            Some(&c) if c == close => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(TypedValue::array(arr));
            }
            Some(&c) if c == other => return Err(ERR_STATE_MISMATCH),
            _ => {}
        }
        loop {
            if is_obj {
                self.skip_ws();
                match self.s.get(self.pos) {
                    Some(b'"') => {}
                    _ => return Err(self.bad_byte()),
                }
                let key = self.string()?;
                self.skip_ws();
                match self.s.get(self.pos) {
                    Some(b':') => self.pos += 1,
                    _ => return Err(self.bad_byte()),
                }
                let v = self.value()?;
                let k = match KeyRef::from_bytes(&key) {
                    KeyRef::Int(i) => Key::Int(i),
                    KeyRef::Str(_) => Key::Str(TypedValue::string(key)),
                };
                arr.set_key(k, v);
            } else {
                let v = self.value()?;
                arr.push(v);
            }
            self.skip_ws();
            match self.s.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(&c) if c == close => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(TypedValue::array(arr));
                }
                Some(&c) if c == other => return Err(ERR_STATE_MISMATCH),
                Some(b'"') => {
                    self.string()?;
                    return Err(ERR_SYNTAX);
                }
                _ => return Err(self.bad_byte()),
            }
        }
    }
}

fn json_decode(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let text = args::str(ctx, a, 0)?.into_owned();
    let assoc = match a.get(1).map(|v| v.deref()) {
        Some(v) if !v.is_null() => Some(args::bool(ctx, a, 1)?),
        _ => None,
    };
    let depth = args::opt_int(ctx, a, 2)?.unwrap_or(512);
    let mut flags = args::opt_int(ctx, a, 3)?.unwrap_or(0);
    if depth <= 0 {
        return Err(args::value_error(ctx, 2, "must be greater than 0"));
    }
    if depth > i32::MAX as i64 {
        return Err(args::value_error(ctx, 2, "must be less than 2147483647"));
    }
    match assoc {
        Some(true) => flags |= OBJECT_AS_ARRAY,
        Some(false) => flags &= !OBJECT_AS_ARRAY,
        None => {}
    }
    let throw = flags & THROW_ON_ERROR != 0;
    if !throw {
        ctx.json_error = ERR_NONE;
    }
    let result = if text.is_empty() {
        Err(ERR_SYNTAX)
    } else {
        let mut p = Parser::new(&text, depth, flags);
        p.document().map(|v| (v, p.saw_object))
    };
    match result {
        Ok((v, saw_object)) => {
            if saw_object && flags & OBJECT_AS_ARRAY == 0 {
                return Err(ctx.fatal(
                    "json_decode() into objects (stdClass) is not supported yet; pass true as the second argument",
                ));
            }
            Ok(v)
        }
        Err(code) if throw => Err(json_exception(ctx, code)),
        Err(code) => {
            ctx.json_error = code;
            Ok(TypedValue::null())
        }
    }
}

fn json_last_error(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::int(ctx.json_error))
}

fn json_last_error_msg(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::str(error_msg(ctx.json_error).as_bytes()))
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
