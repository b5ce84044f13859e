//! Built-in objects: `new` for built-in classes, methods of Throwables and closures,
//! and the text of uncaught exceptions (`Exception::__toString`, traces).

use super::ctx::{ExecCtx, VmResult};
use super::interp_call::call_value;
use crate::runtime::convert::{float_to_string, to_int, to_str, to_str_quiet};
use crate::runtime::object::{find_class, PhpObject};
use crate::runtime::value::{tag, TypedValue};

/// One argument as stack traces print it (`'abc'`, `'a very long str...'`, `NULL`,
/// `Array`, `Object(Exception)`).
pub fn format_arg(v: &TypedValue) -> String {
    let v = v.deref();
    match v.tag() {
        tag::UNINIT | tag::NULL => "NULL".into(),
        tag::BOOL => if v.bool_val() { "true" } else { "false" }.into(),
        tag::INT => v.int_val().to_string(),
        tag::DOUBLE => float_to_string(v.double_val()),
        tag::STRING => {
            let s = v.str_bytes();
            if s.len() > 15 {
                format!("'{}...'", String::from_utf8_lossy(&s[..15]))
            } else {
                format!("'{}'", String::from_utf8_lossy(s))
            }
        }
        tag::ARRAY => "Array".into(),
        tag::OBJECT => format!("Object({})", v.obj().class_name()),
        _ => String::new(),
    }
}

fn prop(o: &TypedValue, name: &str) -> TypedValue {
    o.obj()
        .prop(name)
        .map(|v| v.copy_value())
        .unwrap_or_default()
}

/// `getTraceAsString()`.
pub fn trace_as_string(exc: &TypedValue) -> String {
    let mut s = String::new();
    let trace = prop(exc, "trace");
    let mut n = 0;
    if trace.is_array() {
        for (_, fr) in trace.arr().iter() {
            let fr = fr.deref();
            if !fr.is_array() {
                continue;
            }
            let a = fr.arr();
            let get = |k: &str| {
                a.get_str(k.as_bytes())
                    .map(|v| to_str_quiet(v).into_owned())
                    .unwrap_or_default()
            };
            let args = match a.get_str(b"args") {
                Some(v) if v.deref().is_array() => v
                    .deref()
                    .arr()
                    .iter()
                    .map(|(_, x)| format_arg(x))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => String::new(),
            };
            let file = String::from_utf8_lossy(&get("file")).into_owned();
            let func = String::from_utf8_lossy(&get("function")).into_owned();
            if file.is_empty() {
                s.push_str(&format!("#{n} [internal function]: {func}({args})\n"));
            } else {
                let line = String::from_utf8_lossy(&get("line")).into_owned();
                s.push_str(&format!("#{n} {file}({line}): {func}({args})\n"));
            }
            n += 1;
        }
    }
    s.push_str(&format!("#{n} {{main}}"));
    s
}

/// `Exception::__toString()`: the chain of previous exceptions first, joined by
/// "Next".
pub fn exception_to_string(exc: &TypedValue) -> String {
    let mut chain = Vec::new();
    let mut cur = exc.deref().clone();
    while cur.is_object() && cur.obj().class.is_throwable() && chain.len() < 64 {
        let next = prop(&cur, "previous");
        chain.push(cur);
        cur = next;
    }
    let mut out = String::new();
    for e in chain.iter() {
        let class = e.obj().class_name();
        let msg = String::from_utf8_lossy(&to_str_quiet(&prop(e, "message"))).into_owned();
        let file = String::from_utf8_lossy(&to_str_quiet(&prop(e, "file"))).into_owned();
        let line = to_int(&prop(e, "line"));
        let msg = if (class == "TypeError" || class == "ArgumentCountError")
            && msg.contains(", called in ")
        {
            format!("{msg} and defined")
        } else {
            msg
        };
        let head = if msg.is_empty() {
            class.to_string()
        } else {
            format!("{class}: {msg}")
        };
        let s = format!(
            "{head} in {file}:{line}\nStack trace:\n{}",
            trace_as_string(e)
        );
        out = if out.is_empty() {
            s
        } else {
            format!("{s}\n\nNext {out}")
        };
    }
    out
}

/// The text php prints for an uncaught exception (on stdout, after "\n").
pub fn uncaught_message(exc: &TypedValue) -> String {
    let e = exc.deref();
    if !e.is_object() {
        return "\nFatal error: Uncaught exception\n".into();
    }
    let file = String::from_utf8_lossy(&to_str_quiet(&prop(e, "file"))).into_owned();
    let line = to_int(&prop(e, "line"));
    format!(
        "PHP Fatal error:  Uncaught {}\n  thrown in {file} on line {line}\n",
        exception_to_string(e)
    )
    .replacen("PHP Fatal error:  ", "\nFatal error: ", 1)
}

/// `new Class(...args)` for built-in classes.
pub fn new_object(ctx: &mut ExecCtx, class: &str, args: Vec<TypedValue>) -> VmResult<TypedValue> {
    let class = class.trim_start_matches('\\');
    let Some(cls) = find_class(class) else {
        return Err(ctx.throw("Error", format!("Class \"{class}\" not found")));
    };
    if cls.name == "Closure" {
        return Err(ctx.throw("Error", "Instantiation of class Closure is not allowed"));
    }
    if !cls.is_throwable() {
        return Ok(TypedValue::object(PhpObject::new(cls)));
    }
    let e = ctx.new_exception(cls.name, "", 0);
    let o = e.obj_mut();
    if let Some(m) = args.first() {
        let m = m.deref();
        if !(m.is_string() || m.is_int() || m.is_double() || m.is_bool() || m.is_null()) {
            let msg = format!(
                "{}::__construct(): Argument #1 ($message) must be of type string, {} given",
                cls.name,
                m.debug_type()
            );
            return Err(ctx.type_error(msg));
        }
        let s = to_str(ctx, m)?.into_owned();
        o.set_prop("message", TypedValue::string(s));
    }
    if let Some(c) = args.get(1) {
        let c = c.deref();
        if !(c.is_int() || c.is_bool() || c.is_double() || c.is_null()) {
            let msg = format!(
                "{}::__construct(): Argument #2 ($code) must be of type int, {} given",
                cls.name,
                c.debug_type()
            );
            return Err(ctx.type_error(msg));
        }
        o.set_prop("code", TypedValue::int(to_int(c)));
    }
    if cls.name == "ErrorException" {
        o.set_prop("severity", TypedValue::int(1));
        if let Some(sv) = args.get(2) {
            let sv = sv.deref();
            if !(sv.is_int() || sv.is_bool() || sv.is_double() || sv.is_null()) {
                let msg = format!(
                    "ErrorException::__construct(): Argument #3 ($severity) must be of type int, {} given",
                    sv.debug_type()
                );
                return Err(ctx.type_error(msg));
            }
            o.set_prop("severity", TypedValue::int(to_int(sv)));
        }
        if let Some(f) = args.get(3).map(|v| v.deref()).filter(|v| !v.is_null()) {
            let f = to_str(ctx, f)?.into_owned();
            o.set_prop("file", TypedValue::string(f));
        }
        if let Some(l) = args.get(4).map(|v| v.deref()).filter(|v| !v.is_null()) {
            o.set_prop("line", TypedValue::int(to_int(l)));
        }
        if let Some(p) = args.get(5) {
            let p = p.copy_value();
            if !(p.is_null() || p.is_object() && p.obj().class.is_throwable()) {
                let msg = format!(
                    "ErrorException::__construct(): Argument #6 ($previous) must be of type ?Throwable, {} given",
                    p.debug_type()
                );
                return Err(ctx.type_error(msg));
            }
            o.set_prop("previous", p);
        }
        return Ok(e);
    }
    if let Some(p) = args.get(2) {
        let p = p.copy_value();
        if !(p.is_null() || p.is_object() && p.obj().class.is_throwable()) {
            let msg = format!(
                "{}::__construct(): Argument #3 ($previous) must be of type ?Throwable, {} given",
                cls.name,
                p.debug_type()
            );
            return Err(ctx.type_error(msg));
        }
        o.set_prop("previous", p);
    }
    Ok(e)
}

/// `$obj->name(...args)` on built-in objects.
pub fn method_call(
    ctx: &mut ExecCtx,
    obj: &TypedValue,
    name: &str,
    args: Vec<TypedValue>,
) -> VmResult<TypedValue> {
    let o = obj.deref();
    if !o.is_object() {
        let msg = format!(
            "Call to a member function {name}() on {}",
            o.zend_type_name()
        );
        return Err(ctx.throw("Error", msg));
    }
    let lname = name.to_ascii_lowercase();
    if o.obj().closure.is_some() && (lname == "__invoke" || lname == "call") {
        let args = if lname == "call" {
            args.into_iter().skip(1).collect()
        } else {
            args
        };
        return call_value(ctx, o, args);
    }
    if o.obj().class.is_throwable() {
        let r = match lname.as_str() {
            "getmessage" => Some(prop(o, "message")),
            "getcode" => Some(prop(o, "code")),
            "getprevious" => Some(prop(o, "previous")),
            "getline" => Some(prop(o, "line")),
            "getfile" => Some(prop(o, "file")),
            "getseverity" if o.obj().class.name == "ErrorException" => Some(prop(o, "severity")),
            "gettrace" => Some(prop(o, "trace")),
            "gettraceasstring" => Some(TypedValue::string(trace_as_string(o).into_bytes())),
            "__tostring" => Some(TypedValue::string(exception_to_string(o).into_bytes())),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(r);
        }
    }
    let msg = format!(
        "Call to undefined method {}::{name}()",
        o.obj().class_name()
    );
    Err(ctx.throw("Error", msg))
}
