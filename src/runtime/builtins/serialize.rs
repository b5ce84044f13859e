//! Built-in functions: serialize, unserialize.
//!
//! The format and the error offsets follow PHP 8.2's var_unserializer: each value
//! parse starts at a cursor; a failure reports "Error at offset X of Y bytes" where X is
//! where the innermost failing parse left the cursor.
//!
//! References: `serialize` writes `R:n;` for a reference box met again (values are
//! numbered in order, as PHP does). `unserialize` restores `R:n;` as shared references
//! (a first pass finds which values are referenced). Objects: `stdClass` round-trips;
//! other classes are not supported yet (unserialize warns and returns false).
//! Throwables serialize without their (protected/private) properties.

use rustc_hash::{FxHashMap, FxHashSet};

use super::output::{shows_props, MAX_DUMP_DEPTH};
use super::{args, BuiltinDef};
use crate::runtime::array::{Key, KeyRef, PhpArray};
use crate::runtime::float_fmt::format_float_repr;
use crate::runtime::object::{find_class, PhpObject};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("serialize", "value", serialize),
    ("unserialize", "data, options=", unserialize),
];

// ---------------------------------------------------------------- serialize

struct Ser {
    buf: Vec<u8>,
    /// Values written so far (PHP's var numbering).
    n: i64,
    /// Reference boxes and objects already written → their number.
    seen: FxHashMap<usize, i64>,
    depth: usize,
}

fn put_str(buf: &mut Vec<u8>, s: &[u8]) {
    buf.extend_from_slice(format!("s:{}:\"", s.len()).as_bytes());
    buf.extend_from_slice(s);
    buf.extend_from_slice(b"\";");
}

fn put_key(buf: &mut Vec<u8>, k: KeyRef<'_>) {
    match k {
        KeyRef::Int(i) => buf.extend_from_slice(format!("i:{i};").as_bytes()),
        KeyRef::Str(s) => put_str(buf, s),
    }
}

/// `d:` payload: the round-trip repr (`0.1`, `1.0E+25`, `-0`, `INF`, `NAN`).
fn ser_float(f: f64) -> String {
    if f.is_nan() {
        "NAN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "INF" } else { "-INF" }.into()
    } else {
        format_float_repr(f)
    }
}

impl Ser {
    fn value(&mut self, ctx: &mut ExecCtx, v: &TypedValue) -> VmResult<()> {
        self.n += 1;
        let d = v.deref();
        // Reference boxes and objects are numbered so they can be written once.
        let ident = if d.is_object() {
            Some(d.cell_ptr())
        } else if v.is_ref() {
            Some(v.cell_ptr())
        } else {
            None
        };
        if let Some(id) = ident {
            if let Some(&first) = self.seen.get(&id) {
                if v.is_ref() {
                    self.n -= 1;
                    self.buf.extend_from_slice(format!("R:{first};").as_bytes());
                } else {
                    self.buf.extend_from_slice(format!("r:{first};").as_bytes());
                }
                return Ok(());
            }
            self.seen.insert(id, self.n);
        }
        match d.tag() {
            tag::BOOL => self
                .buf
                .extend_from_slice(if d.bool_val() { b"b:1;" } else { b"b:0;" }),
            tag::INT => self
                .buf
                .extend_from_slice(format!("i:{};", d.int_val()).as_bytes()),
            tag::DOUBLE => self
                .buf
                .extend_from_slice(format!("d:{};", ser_float(d.double_val())).as_bytes()),
            tag::STRING => put_str(&mut self.buf, d.str_bytes()),
            tag::ARRAY | tag::OBJECT => {
                if self.depth >= MAX_DUMP_DEPTH {
                    return Err(ctx.fatal("serialize(): nesting level too deep"));
                }
                let arr = if d.is_array() {
                    let a = d.arr();
                    self.buf
                        .extend_from_slice(format!("a:{}:{{", a.len()).as_bytes());
                    Some(a)
                } else {
                    let o = d.obj();
                    if o.closure.is_some() {
                        return Err(
                            ctx.throw("Exception", "Serialization of 'Closure' is not allowed")
                        );
                    }
                    let props = shows_props(d).then_some(&o.props);
                    let name = o.class_name();
                    let head = format!(
                        "O:{}:\"{}\":{}:{{",
                        name.len(),
                        name,
                        props.map_or(0, |p| p.len())
                    );
                    self.buf.extend_from_slice(head.as_bytes());
                    props
                };
                self.depth += 1;
                for (k, e) in arr.into_iter().flat_map(|a| a.iter()) {
                    if d.is_object() {
                        // property names are always strings
                        match k {
                            KeyRef::Int(i) => put_str(&mut self.buf, i.to_string().as_bytes()),
                            KeyRef::Str(s) => put_str(&mut self.buf, s),
                        }
                    } else {
                        put_key(&mut self.buf, k);
                    }
                    self.value(ctx, e)?;
                }
                self.depth -= 1;
                self.buf.push(b'}');
            }
            _ => self.buf.extend_from_slice(b"N;"),
        }
        Ok(())
    }
}

/// `serialize($v)`.
pub fn serialize_to(ctx: &mut ExecCtx, v: &TypedValue) -> VmResult<Vec<u8>> {
    let mut s = Ser {
        buf: Vec::new(),
        n: 0,
        seen: FxHashMap::default(),
        depth: 0,
    };
    s.value(ctx, v.deref())?;
    Ok(s.buf)
}

fn serialize(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    serialize_to(ctx, &a[0]).map(TypedValue::string)
}

// ---------------------------------------------------------------- unserialize

/// A diagnostic to print once parsing is over: (is_warning, message).
type Diag = (bool, String);

struct Unser<'a> {
    s: &'a [u8],
    /// Values in PHP's numbering (1-based; index 0 unused). Referenced ones hold a
    /// `REF` box shared by every place that refers to them.
    vars: Vec<TypedValue>,
    /// Numbers that some `R:n;` refers to (found by a first pass).
    targets: FxHashSet<usize>,
    found_targets: FxHashSet<usize>,
    depth: i64,
    max_depth: i64,
    diags: Vec<Diag>,
}

fn digits_at(s: &[u8], mut i: usize) -> usize {
    let start = i;
    while s.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i - start
}

impl Unser<'_> {
    fn at(&self, i: usize) -> Option<u8> {
        self.s.get(i).copied()
    }

    /// An unsigned decimal (re2c `uiv`) at `i`: (value saturated, end).
    fn uiv(&self, i: usize) -> Option<(usize, usize)> {
        let n = digits_at(self.s, i);
        if n == 0 {
            return None;
        }
        let v = self.s[i..i + n].iter().fold(0usize, |a, &d| {
            a.saturating_mul(10).saturating_add((d - b'0') as usize)
        });
        Some((v, i + n))
    }

    /// `i:` payload: `[+-]?[0-9]+` followed by `;`. Returns (value, index after `;`).
    fn int_token(&mut self, start: usize) -> Option<(i64, usize)> {
        let mut i = start;
        let neg = self.at(i) == Some(b'-');
        if matches!(self.at(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = digits_at(self.s, i);
        if n == 0 || self.at(i + n) != Some(b';') {
            return None;
        }
        let mut v: i64 = 0;
        let mut overflow = false;
        for &d in &self.s[i..i + n] {
            let d = (d - b'0') as i64;
            match v.checked_mul(10).and_then(|x| {
                if neg {
                    x.checked_sub(d)
                } else {
                    x.checked_add(d)
                }
            }) {
                Some(x) => v = x,
                None => {
                    overflow = true;
                    break;
                }
            }
        }
        if overflow {
            self.diags
                .push((true, "unserialize(): Numerical result out of range".into()));
            v = if neg { i64::MIN } else { i64::MAX };
        }
        Some((v, i + n + 1))
    }

    /// `d:` payload up to `;` (iv | nv | nvexp | NAN | -?INF).
    fn float_token(&self, start: usize) -> Option<(f64, usize)> {
        for (word, v) in [
            (&b"NAN;"[..], f64::NAN),
            (b"INF;", f64::INFINITY),
            (b"-INF;", f64::NEG_INFINITY),
        ] {
            if self.s[start..].starts_with(word) {
                return Some((v, start + word.len()));
            }
        }
        let mut i = start;
        if matches!(self.at(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let int_digits = digits_at(self.s, i);
        i += int_digits;
        let mut frac_digits = 0;
        if self.at(i) == Some(b'.') {
            frac_digits = digits_at(self.s, i + 1);
            i += 1 + frac_digits;
        }
        if int_digits + frac_digits == 0 {
            return None;
        }
        if let Some(b'e' | b'E') = self.at(i) {
            let mut j = i + 1;
            if matches!(self.at(j), Some(b'+' | b'-')) {
                j += 1;
            }
            let e = digits_at(self.s, j);
            if e == 0 {
                return None;
            }
            i = j + e;
        }
        if self.at(i) != Some(b';') {
            return None;
        }
        let text = std::str::from_utf8(&self.s[start..i]).ok()?;
        let text = text.strip_prefix('+').unwrap_or(text);
        // Rust does not accept "5." or ".5" forms with exponent quirks; normalise.
        let norm = normalise_float(text);
        Some((norm.parse::<f64>().unwrap_or(0.0), i + 1))
    }

    /// Parses one value at `*p`. `slot`: the var number this value gets (None for keys).
    fn value(&mut self, p: &mut usize, is_key: bool) -> Option<TypedValue> {
        let start = *p;
        let c0 = self.at(start)?;
        let numbered = !is_key && c0 != b'R';
        let my_num = if numbered {
            self.vars.push(TypedValue::null());
            Some(self.vars.len() - 1)
        } else {
            None
        };
        if c0 == b'}' {
            self.diags.push((
                false,
                "unserialize(): Unexpected end of serialized data".into(),
            ));
            return None;
        }
        if self.at(start + 1) != Some(b':') {
            if (c0, self.at(start + 1)) == (b'N', Some(b';')) {
                *p = start + 2;
                return Some(TypedValue::null());
            }
            return None;
        }
        let body = start + 2;
        let v = match c0 {
            b'b' => match (self.at(body), self.at(body + 1)) {
                (Some(d @ (b'0' | b'1')), Some(b';')) => {
                    *p = body + 2;
                    TypedValue::bool(d == b'1')
                }
                _ => return None,
            },
            b'i' => {
                let (v, end) = self.int_token(body)?;
                *p = end;
                TypedValue::int(v)
            }
            b'd' => {
                let (v, end) = self.float_token(body)?;
                *p = end;
                TypedValue::double(v)
            }
            b's' | b'S' => {
                let (len, end) = self.uiv(body)?;
                if self.at(end) != Some(b':') || self.at(end + 1) != Some(b'"') {
                    return None;
                }
                let data = end + 2;
                if self.s.len() - data < len {
                    *p = body;
                    return None;
                }
                let close = data + len;
                if self.at(close) != Some(b'"') {
                    *p = close;
                    return None;
                }
                if self.at(close + 1) != Some(b';') {
                    *p = close + 1;
                    return None;
                }
                *p = close + 2;
                TypedValue::str(&self.s[data..close])
            }
            b'R' | b'r' => {
                let (id, end) = self.uiv(body)?;
                if self.at(end) != Some(b';') {
                    return None;
                }
                *p = end + 1;
                if is_key || id == 0 {
                    return None;
                }
                let target = self.vars.get(id)?;
                if c0 == b'r' {
                    let v = target.copy_value();
                    if !v.is_object() {
                        return None;
                    }
                    v
                } else {
                    self.found_targets.insert(id);
                    if target.is_ref() {
                        target.clone()
                    } else {
                        // first pass: the target is not boxed yet; any value will do
                        target.copy_value()
                    }
                }
            }
            b'a' => return self.array(p, body, is_key, my_num),
            b'O' => return self.object(p, body, is_key, my_num),
            b'C' | b'E' => {
                let (len, end) = self.uiv(body)?;
                if self.at(end) != Some(b':') || self.at(end + 1) != Some(b'"') {
                    return None;
                }
                let name = self
                    .s
                    .get(end + 2..(end + 2).saturating_add(len))
                    .unwrap_or_default();
                let name = String::from_utf8_lossy(name).into_owned();
                self.unsupported(&name);
                return None;
            }
            _ => return None,
        };
        if let Some(n) = my_num {
            self.store(n, &v)
        } else {
            Some(v)
        }
    }

    /// Records var `n`: referenced vars become a shared REF box.
    fn store(&mut self, n: usize, v: &TypedValue) -> Option<TypedValue> {
        if self.targets.contains(&n) && !v.is_ref() {
            let r = TypedValue::new_ref(v.clone());
            self.vars[n] = r.clone();
            Some(r)
        } else {
            self.vars[n] = v.clone();
            Some(v.clone())
        }
    }

    fn unsupported(&mut self, class: &str) {
        self.diags.push((
            true,
            format!("unserialize(): Objects are not supported yet (class '{class}')"),
        ));
    }

    /// `len:"name":` at `i` (just after `O:`): (name, index after the colon). On
    /// failure `*p` is left where PHP reports the error.
    fn class_name(&self, p: &mut usize, i: usize) -> Option<(String, usize)> {
        let (len, end) = self.uiv(i)?;
        if self.at(end) != Some(b':') || self.at(end + 1) != Some(b'"') {
            return None;
        }
        let data = end + 2;
        if len == 0 || self.s.len() - data < len {
            *p = i;
            return None;
        }
        let close = data + len;
        if self.at(close) != Some(b'"') {
            *p = close;
            return None;
        }
        if self.at(close + 1) != Some(b':') {
            *p = close + 1;
            return None;
        }
        Some((
            String::from_utf8_lossy(&self.s[data..close]).into_owned(),
            close + 2,
        ))
    }

    /// `a:n:{...}` after the `a:`.
    fn array(
        &mut self,
        p: &mut usize,
        body: usize,
        is_key: bool,
        my_num: Option<usize>,
    ) -> Option<TypedValue> {
        let (count, end) = self.uiv(body)?;
        if self.at(end) != Some(b':') || self.at(end + 1) != Some(b'{') {
            return None;
        }
        *p = end + 2;
        if is_key || count > (self.s.len() - *p) / 2 {
            return None;
        }
        let slot = self.open_container(my_num, TypedValue::array(PhpArray::new()));
        self.members(p, count, &slot, false)?;
        self.close_container(p, my_num, slot)
    }

    /// `O:len:"class":n:{...}` after the `O:` (stdClass only).
    fn object(
        &mut self,
        p: &mut usize,
        body: usize,
        is_key: bool,
        my_num: Option<usize>,
    ) -> Option<TypedValue> {
        let (name, after) = self.class_name(p, body)?;
        let valid = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'\\' || c >= 0x80;
        if !name.bytes().all(valid) {
            return None;
        }
        if !name.eq_ignore_ascii_case("stdClass") {
            self.unsupported(&name);
            return None;
        }
        // The property count: PHP's parse_iv2 (sign, digits), then ":{".
        let mut q = after;
        let neg = self.at(q) == Some(b'-');
        if matches!(self.at(q), Some(b'+' | b'-')) {
            q += 1;
        }
        let n = digits_at(self.s, q);
        let count = self.s[q..q + n].iter().fold(0usize, |a, &d| {
            a.saturating_mul(10).saturating_add((d - b'0') as usize)
        });
        *p = q + n;
        if (neg && count > 0) || count > self.s.len().saturating_sub(*p + 2) / 2 {
            return None;
        }
        if self.at(*p) != Some(b':') {
            return None;
        }
        *p += 1;
        if self.at(*p) != Some(b'{') {
            return None;
        }
        *p += 1;
        if is_key {
            return None;
        }
        let class = find_class("stdClass")?;
        let slot = self.open_container(my_num, TypedValue::object(PhpObject::new(class)));
        self.members(p, count, &slot, true)?;
        self.close_container(p, my_num, slot)
    }

    /// A container under construction lives in a REF box (so `R:n;` inside it can
    /// refer to it); the box is registered as var `my_num` when it is a target.
    fn open_container(&mut self, my_num: Option<usize>, empty: TypedValue) -> TypedValue {
        let slot = TypedValue::new_ref(empty);
        if let Some(n) = my_num {
            if self.targets.contains(&n) {
                self.vars[n] = slot.clone();
            }
        }
        slot
    }

    fn close_container(
        &mut self,
        p: &mut usize,
        my_num: Option<usize>,
        slot: TypedValue,
    ) -> Option<TypedValue> {
        if self.at(*p) != Some(b'}') {
            return None;
        }
        *p += 1;
        match my_num {
            Some(n) if self.targets.contains(&n) => Some(slot),
            Some(n) => {
                let v = slot.copy_value();
                self.vars[n] = v.clone();
                Some(v)
            }
            None => Some(slot.copy_value()),
        }
    }

    fn members(
        &mut self,
        p: &mut usize,
        count: usize,
        slot: &TypedValue,
        is_obj: bool,
    ) -> Option<()> {
        if self.depth >= self.max_depth && self.max_depth > 0 {
            self.diags.push((
                true,
                format!(
                    "unserialize(): Maximum depth of {} exceeded. The depth limit can be changed using the max_depth unserialize() option or the unserialize_max_depth ini setting",
                    self.max_depth
                ),
            ));
            return None;
        }
        if self.depth as usize >= MAX_DUMP_DEPTH {
            return None;
        }
        self.depth += 1;
        let r = self.members_inner(p, count, slot, is_obj);
        self.depth -= 1;
        r
    }

    fn members_inner(
        &mut self,
        p: &mut usize,
        count: usize,
        slot: &TypedValue,
        is_obj: bool,
    ) -> Option<()> {
        for left in (0..count).rev() {
            let key = self.value(p, true)?;
            let key = match key.tag() {
                tag::INT => Key::Int(key.int_val()),
                tag::STRING => match KeyRef::from_bytes(key.str_bytes()) {
                    KeyRef::Int(i) => Key::Int(i),
                    KeyRef::Str(_) => Key::Str(key),
                },
                _ => return None,
            };
            let v = self.value(p, false)?;
            let mut holder = slot.clone();
            let target = holder.deref_mut();
            if is_obj {
                target.obj_mut().props.set_key(key, v);
            } else {
                target.arr_mut().set_key(key, v);
            }
            if left > 0 && !matches!(self.s.get(p.wrapping_sub(1)), Some(b';' | b'}')) {
                *p -= 1;
                return None;
            }
        }
        Some(())
    }
}

/// "5." and ".5" are valid PHP float spellings; make them valid for Rust's parser.
fn normalise_float(t: &str) -> String {
    let (sign, rest) = match t.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", t),
    };
    let (mant, exp) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let mant = if mant.starts_with('.') {
        format!("0{mant}")
    } else {
        mant.to_string()
    };
    let mant = if mant.ends_with('.') {
        format!("{mant}0")
    } else {
        mant
    };
    format!("{sign}{mant}{exp}")
}

/// Result of one parse: the value, or the failure offset (None: failed without an
/// offset notice, e.g. unsupported objects).
fn run(
    s: &[u8],
    targets: FxHashSet<usize>,
    max_depth: i64,
) -> (Option<TypedValue>, usize, Vec<Diag>, FxHashSet<usize>) {
    let mut u = Unser {
        s,
        vars: vec![TypedValue::null()],
        targets,
        found_targets: FxHashSet::default(),
        depth: 0,
        max_depth,
        diags: Vec::new(),
    };
    let mut p = 0;
    let v = u.value(&mut p, false);
    // Break the table's hold on the values (and any cycles through it).
    u.vars.clear();
    (v.map(|v| v.copy_value()), p, u.diags, u.found_targets)
}

fn unserialize(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let data = args::str(ctx, a, 0)?.into_owned();
    let mut max_depth = 4096;
    if let Some(opts) = a.get(1).map(|v| v.deref()) {
        if !opts.is_array() {
            return Err(args::type_error(ctx, 1, "array", opts));
        }
        if let Some(d) = opts.arr().get_str(b"max_depth") {
            let d = d.deref();
            if !d.is_int() {
                let msg = format!(
                    "unserialize(): \"max_depth\" option must be of type int, {} given",
                    d.debug_type()
                );
                return Err(ctx.type_error(msg));
            }
            if d.int_val() < 0 {
                return Err(ctx.value_error(
                    "unserialize(): \"max_depth\" option must be greater than or equal to 0",
                ));
            }
            max_depth = d.int_val();
        }
    }
    if data.is_empty() {
        return Ok(TypedValue::bool(false));
    }
    let (mut v, mut p, mut diags, found) = run(&data, FxHashSet::default(), max_depth);
    if v.is_some() && !found.is_empty() {
        (v, p, diags, _) = run(&data, found, max_depth);
    }
    let unsupported = diags.iter().any(|(_, m)| m.contains("not supported yet"));
    for (warning, msg) in diags {
        if warning {
            ctx.warn(&msg);
        } else {
            ctx.notice(&msg);
        }
    }
    match v {
        Some(v) => Ok(v),
        None => {
            if !unsupported {
                ctx.notice(&format!(
                    "unserialize(): Error at offset {} of {} bytes",
                    p,
                    data.len()
                ));
            }
            Ok(TypedValue::bool(false))
        }
    }
}

#[cfg(test)]
#[path = "serialize_tests.rs"]
mod tests;
