//! Built-in functions: output — var_dump, print_r, var_export and the output-buffering
//! functions (ob_*), flush.
//!
//! The dumpers build their text in a `Vec<u8>` and write it with one `ctx.echo`, so
//! output buffering captures them and warnings (var_export's circular-reference
//! warning) come first, as in PHP.
//!
//! Objects: the VM has no object ids yet, so every object prints as `#1`; throwables
//! and closures print no properties (PHP shows their protected/private ones).

use super::{args, BuiltinDef};
use crate::runtime::array::KeyRef;
use crate::runtime::convert::to_str_quiet;
use crate::runtime::float_fmt::{format_float_export, format_float_repr};
use crate::runtime::str_cell::ByteSink;
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("var_dump", "value, ...values", var_dump),
    ("print_r", "value, return=", print_r),
    ("var_export", "value, return=", var_export),
    ("ob_start", "callback=, chunk_size=, flags=", ob_start),
    ("ob_get_clean", "", ob_get_clean),
    ("ob_get_contents", "", ob_get_contents),
    ("ob_end_clean", "", ob_end_clean),
    ("ob_end_flush", "", ob_end_flush),
    ("ob_get_flush", "", ob_get_flush),
    ("ob_clean", "", ob_clean),
    ("ob_flush", "", ob_flush),
    ("ob_get_level", "", ob_get_level),
    ("ob_get_length", "", ob_get_length),
    ("ob_implicit_flush", "enable=", ob_implicit_flush),
    ("ob_list_handlers", "", ob_list_handlers),
    ("flush", "", flush),
];

/// Nesting limit for the dumpers: cycles are caught by identity, this only keeps
/// absurdly deep (acyclic) structures from exhausting the native stack.
pub(crate) const MAX_DUMP_DEPTH: usize = 10_000;

fn spaces(buf: &mut Vec<u8>, n: usize) {
    buf.resize(buf.len() + n, b' ');
}

/// Whether an object prints its properties (plain objects do; throwables and closures
/// keep theirs hidden, see the module docs).
pub(crate) fn shows_props(v: &TypedValue) -> bool {
    let o = v.obj();
    o.closure.is_none() && !o.class.is_throwable()
}

// ---------------------------------------------------------------- var_dump

struct Dump {
    buf: Vec<u8>,
    /// Cells (arrays, objects) being printed: meeting one again is a cycle.
    stack: Vec<usize>,
}

impl Dump {
    fn value(&mut self, v: &TypedValue, indent: usize) {
        let is_ref = v.is_ref() && !v.is_lonely_ref();
        let v = v.deref();
        spaces(&mut self.buf, indent);
        let amp: &[u8] = if is_ref { b"&" } else { b"" };
        match v.tag() {
            tag::ARRAY | tag::OBJECT => {
                if self.stack.contains(&v.cell_ptr()) || self.stack.len() >= MAX_DUMP_DEPTH {
                    self.buf.extend_from_slice(b"*RECURSION*\n");
                    return;
                }
                self.buf.extend_from_slice(amp);
                self.stack.push(v.cell_ptr());
                let arr = if v.is_array() {
                    self.buf
                        .extend_from_slice(format!("array({}) {{\n", v.arr().len()).as_bytes());
                    Some(v.arr())
                } else {
                    let props = shows_props(v).then(|| &v.obj().props);
                    let n = props.map_or(0, |p| p.len());
                    let head = format!(
                        "object({})#{} ({}) {{\n",
                        v.obj().class_name(),
                        v.obj().handle,
                        n
                    );
                    self.buf.extend_from_slice(head.as_bytes());
                    props
                };
                let is_obj = v.is_object();
                for (k, e) in arr.into_iter().flat_map(|a| a.iter()) {
                    spaces(&mut self.buf, indent + 2);
                    match k {
                        KeyRef::Int(i) if is_obj => self
                            .buf
                            .extend_from_slice(format!("[\"{i}\"]=>\n").as_bytes()),
                        KeyRef::Int(i) => {
                            self.buf.extend_from_slice(format!("[{i}]=>\n").as_bytes())
                        }
                        KeyRef::Str(s) => {
                            self.buf.extend_from_slice(b"[\"");
                            self.buf.extend_from_slice(s);
                            self.buf.extend_from_slice(b"\"]=>\n");
                        }
                    }
                    self.value(e, indent + 2);
                }
                self.stack.pop();
                spaces(&mut self.buf, indent);
                self.buf.extend_from_slice(b"}\n");
            }
            _ => {
                self.buf.extend_from_slice(amp);
                scalar_dump(&mut self.buf, v);
            }
        }
    }
}

fn scalar_dump(buf: &mut Vec<u8>, v: &TypedValue) {
    match v.tag() {
        tag::BOOL => buf.extend_from_slice(if v.bool_val() {
            b"bool(true)\n"
        } else {
            b"bool(false)\n"
        }),
        tag::INT => buf.extend_from_slice(format!("int({})\n", v.int_val()).as_bytes()),
        tag::DOUBLE => buf.extend_from_slice(
            format!("float({})\n", format_float_repr(v.double_val())).as_bytes(),
        ),
        tag::STRING => {
            let s = v.str_bytes();
            buf.extend_from_slice(format!("string({}) \"", s.len()).as_bytes());
            buf.extend_from_slice(s);
            buf.extend_from_slice(b"\"\n");
        }
        _ => buf.extend_from_slice(b"NULL\n"),
    }
}

/// The text `var_dump($v)` prints.
pub fn var_dump_to(v: &TypedValue) -> Vec<u8> {
    let mut d = Dump {
        buf: Vec::new(),
        stack: Vec::new(),
    };
    d.value(v.deref(), 0);
    d.buf
}

fn var_dump(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    for v in a.iter() {
        let text = var_dump_to(v);
        ctx.echo(&text);
    }
    Ok(TypedValue::null())
}

// ---------------------------------------------------------------- print_r

fn print_r_into(buf: &mut Vec<u8>, stack: &mut Vec<usize>, v: &TypedValue, indent: usize) {
    let v = v.deref();
    let props = match v.tag() {
        tag::ARRAY => {
            buf.extend_from_slice(b"Array\n");
            Some(v.arr())
        }
        tag::OBJECT => {
            buf.extend_from_slice(v.obj().class_name().as_bytes());
            buf.extend_from_slice(b" Object\n");
            shows_props(v).then(|| &v.obj().props)
        }
        _ => {
            buf.extend_from_slice(&to_str_quiet(v));
            return;
        }
    };
    if stack.contains(&v.cell_ptr()) || stack.len() >= MAX_DUMP_DEPTH {
        buf.extend_from_slice(b" *RECURSION*");
        return;
    }
    stack.push(v.cell_ptr());
    spaces(buf, indent);
    buf.extend_from_slice(b"(\n");
    for (k, e) in props.into_iter().flat_map(|a| a.iter()) {
        spaces(buf, indent + 4);
        buf.push(b'[');
        match k {
            KeyRef::Int(i) => buf.extend_from_slice(i.to_string().as_bytes()),
            KeyRef::Str(s) => buf.extend_from_slice(s),
        }
        buf.extend_from_slice(b"] => ");
        print_r_into(buf, stack, e, indent + 8);
        buf.push(b'\n');
    }
    stack.pop();
    spaces(buf, indent);
    buf.extend_from_slice(b")\n");
}

/// The text `print_r($v, true)` returns.
pub fn print_r_to(v: &TypedValue) -> Vec<u8> {
    let mut buf = Vec::new();
    print_r_into(&mut buf, &mut Vec::new(), v, 0);
    buf
}

fn print_r(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let ret = args::opt_bool(ctx, a, 1)?.unwrap_or(false);
    let text = print_r_to(&a[0]);
    if ret {
        Ok(TypedValue::string(text))
    } else {
        ctx.echo(&text);
        Ok(TypedValue::bool(true))
    }
}

// ---------------------------------------------------------------- var_export

/// A PHP single-quoted literal: `'` and `\` escaped, NUL bytes as `' . "\0" . '`.
fn export_str(buf: &mut Vec<u8>, s: &[u8]) {
    buf.push(b'\'');
    for &c in s {
        match c {
            b'\'' | b'\\' => buf.extend_from_slice(&[b'\\', c]),
            0 => buf.extend_from_slice(b"' . \"\\0\" . '"),
            _ => buf.push(c),
        }
    }
    buf.push(b'\'');
}

struct Export<'a> {
    ctx: &'a mut ExecCtx,
    buf: Vec<u8>,
    stack: Vec<usize>,
}

impl Export<'_> {
    fn value(&mut self, v: &TypedValue, level: usize) {
        let v = v.deref();
        let buf = &mut self.buf;
        match v.tag() {
            tag::BOOL => buf.extend_from_slice(if v.bool_val() { b"true" } else { b"false" }),
            tag::INT if v.int_val() == i64::MIN => buf.extend_from_slice(b"-9223372036854775807-1"),
            tag::INT => buf.put_int(v.int_val()),
            tag::DOUBLE => buf.extend_from_slice(format_float_export(v.double_val()).as_bytes()),
            tag::STRING => export_str(buf, v.str_bytes()),
            tag::ARRAY | tag::OBJECT => self.container(v, level),
            _ => buf.extend_from_slice(b"NULL"),
        }
    }

    fn container(&mut self, v: &TypedValue, level: usize) {
        if self.stack.contains(&v.cell_ptr()) || self.stack.len() >= MAX_DUMP_DEPTH {
            self.ctx
                .warn("var_export does not handle circular references");
            self.buf.extend_from_slice(b"NULL");
            return;
        }
        if level > 1 {
            self.buf.push(b'\n');
            spaces(&mut self.buf, level - 1);
        }
        self.stack.push(v.cell_ptr());
        let (entries, elem_indent, close): (
            Option<&crate::runtime::array::PhpArray>,
            usize,
            &[u8],
        ) = if v.is_array() {
            self.buf.extend_from_slice(b"array (\n");
            (Some(v.arr()), level + 1, b")")
        } else if v.obj().class_name() == "stdClass" {
            self.buf.extend_from_slice(b"(object) array(\n");
            (Some(&v.obj().props), level + 2, b")")
        } else {
            self.buf.extend_from_slice(
                format!("\\{}::__set_state(array(\n", v.obj().class_name()).as_bytes(),
            );
            (shows_props(v).then(|| &v.obj().props), level + 2, b"))")
        };
        for (k, e) in entries.into_iter().flat_map(|a| a.iter()) {
            spaces(&mut self.buf, elem_indent);
            match k {
                KeyRef::Int(i) => self.buf.extend_from_slice(i.to_string().as_bytes()),
                KeyRef::Str(s) => export_str(&mut self.buf, s),
            }
            self.buf.extend_from_slice(b" => ");
            self.value(e, level + 2);
            self.buf.extend_from_slice(b",\n");
        }
        self.stack.pop();
        if level > 1 {
            spaces(&mut self.buf, level - 1);
        }
        self.buf.extend_from_slice(close);
    }
}

/// The text `var_export($v, true)` returns (warnings go to `ctx`).
pub fn var_export_to(ctx: &mut ExecCtx, v: &TypedValue) -> Vec<u8> {
    let mut e = Export {
        ctx,
        buf: Vec::new(),
        stack: Vec::new(),
    };
    e.value(v, 1);
    e.buf
}

fn var_export(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let ret = args::opt_bool(ctx, a, 1)?.unwrap_or(false);
    let text = var_export_to(ctx, &a[0]);
    if ret {
        Ok(TypedValue::string(text))
    } else {
        ctx.echo(&text);
        Ok(TypedValue::null())
    }
}

// ---------------------------------------------------------------- output buffering

fn ob_start(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    if a.first().is_some_and(|c| !c.deref().is_null()) {
        return Err(ctx.fatal("ob_start() with an output callback is not supported yet"));
    }
    if a.len() > 1 {
        args::int(ctx, a, 1)?;
    }
    if a.len() > 2 {
        args::int(ctx, a, 2)?;
    }
    ctx.out.start_buffer();
    Ok(TypedValue::bool(true))
}

fn no_buffer(ctx: &mut ExecCtx, what: &str) -> TypedValue {
    let msg = format!("{}(): {}", args::fname(ctx), what);
    ctx.notice(&msg);
    TypedValue::bool(false)
}

const NO_DELETE: &str = "Failed to delete buffer. No buffer to delete";
const NO_DELETE_FLUSH: &str = "Failed to delete and flush buffer. No buffer to delete or flush";
const NO_FLUSH: &str = "Failed to flush buffer. No buffer to flush";

fn ob_get_clean(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(ctx
        .out
        .pop_buffer()
        .map_or(TypedValue::bool(false), TypedValue::string))
}

fn ob_get_contents(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(ctx
        .out
        .contents()
        .map_or(TypedValue::bool(false), TypedValue::str))
}

fn ob_end_clean(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    match ctx.out.pop_buffer() {
        Some(_) => Ok(TypedValue::bool(true)),
        None => Ok(no_buffer(ctx, NO_DELETE)),
    }
}

fn ob_end_flush(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    match ctx.out.pop_buffer() {
        Some(b) => {
            ctx.echo(&b);
            Ok(TypedValue::bool(true))
        }
        None => Ok(no_buffer(ctx, NO_DELETE_FLUSH)),
    }
}

fn ob_get_flush(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    match ctx.out.pop_buffer() {
        Some(b) => {
            ctx.echo(&b);
            Ok(TypedValue::string(b))
        }
        None => Ok(no_buffer(ctx, NO_DELETE_FLUSH)),
    }
}

fn ob_clean(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    if ctx.out.clean_buffer() {
        Ok(TypedValue::bool(true))
    } else {
        Ok(no_buffer(ctx, NO_DELETE))
    }
}

fn ob_flush(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    match ctx.out.pop_buffer() {
        Some(b) => {
            ctx.echo(&b);
            ctx.out.start_buffer();
            Ok(TypedValue::bool(true))
        }
        None => Ok(no_buffer(ctx, NO_FLUSH)),
    }
}

fn ob_get_level(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::int(ctx.out.level() as i64))
}

fn ob_get_length(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(ctx
        .out
        .contents()
        .map_or(TypedValue::bool(false), |b| TypedValue::int(b.len() as i64)))
}

fn ob_implicit_flush(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::opt_bool(ctx, a, 0)?;
    Ok(TypedValue::null())
}

fn ob_list_handlers(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let names = (0..ctx.out.level())
        .map(|_| TypedValue::str(b"default output handler"))
        .collect();
    Ok(TypedValue::array(
        crate::runtime::array::PhpArray::from_values(names),
    ))
}

/// PHP's `flush()` pushes what reached stdout to the OS; user buffers stay buffered.
fn flush(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    ctx.out.flush_stdout();
    Ok(TypedValue::null())
}

#[cfg(test)]
#[path = "output_tests.rs"]
pub(crate) mod tests;
