//! Built-in functions: types (gettype, intval, settype, is_* ...), PHP 8.2-exact.

use super::{args, BuiltinDef};
use crate::runtime::array::{Key, PhpArray};
use crate::runtime::convert::{to_bool, to_float, to_int, to_str};
use crate::runtime::numeric::is_numeric as str_is_numeric;
use crate::runtime::object::{find_class, PhpObject};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("gettype", "value", gettype),
    ("get_debug_type", "value", get_debug_type),
    ("intval", "value, base=", intval),
    ("floatval", "value", floatval),
    ("doubleval", "value", floatval),
    ("strval", "value", strval),
    ("boolval", "value", boolval),
    ("settype", "&var, type", settype),
    ("is_int", "value", is_int),
    ("is_integer", "value", is_int),
    ("is_long", "value", is_int),
    ("is_float", "value", is_float),
    ("is_double", "value", is_float),
    ("is_string", "value", is_string),
    ("is_bool", "value", is_bool),
    ("is_array", "value", is_array),
    ("is_null", "value", is_null),
    ("is_numeric", "value", is_numeric),
    ("is_scalar", "value", is_scalar),
    ("is_iterable", "value", is_iterable),
    ("is_countable", "value", is_countable),
    ("is_object", "value", is_object),
    (
        "is_callable",
        "value, syntax_only=, &callable_name=",
        is_callable,
    ),
];

fn gettype(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::str(a[0].type_name().as_bytes()))
}

fn get_debug_type(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::string(a[0].debug_type().into_bytes()))
}

/// C `strtol` with `base` (0 = auto-detect "0x" / "0" prefixes), saturating.
fn strtol(s: &[u8], base: i64) -> i64 {
    if base != 0 && !(2..=36).contains(&base) {
        return 0;
    }
    let mut i = 0;
    while i < s.len() && matches!(s[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && (s[i] == b'-' || s[i] == b'+') {
        neg = s[i] == b'-';
        i += 1;
    }
    let mut base = base as u32;
    let hex_prefix = s.get(i) == Some(&b'0')
        && matches!(s.get(i + 1), Some(b'x' | b'X'))
        && s.get(i + 2).is_some_and(|c| c.is_ascii_hexdigit());
    if (base == 16 || base == 0) && hex_prefix {
        i += 2;
        base = 16;
    } else if base == 0 {
        base = if s.get(i) == Some(&b'0') { 8 } else { 10 };
    }
    let mut acc: i128 = 0;
    let mut overflow = false;
    while let Some(&c) = s.get(i) {
        let d = match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'a'..=b'z' => (c - b'a' + 10) as u32,
            b'A'..=b'Z' => (c - b'A' + 10) as u32,
            _ => break,
        };
        if d >= base {
            break;
        }
        if !overflow {
            acc = acc * base as i128 + d as i128;
            if acc > i64::MAX as i128 + 1 {
                overflow = true;
            }
        }
        i += 1;
    }
    if neg {
        if overflow || -acc < i64::MIN as i128 {
            i64::MIN
        } else {
            (-acc) as i64
        }
    } else if overflow || acc > i64::MAX as i128 {
        i64::MAX
    } else {
        acc as i64
    }
}

/// `intval($s, $base)` for a string and a base other than 10 (handles "0b").
fn intval_base(s: &[u8], base: i64) -> i64 {
    if base == 0 || base == 2 {
        let start = s
            .iter()
            .position(|c| !c.is_ascii_whitespace())
            .unwrap_or(s.len());
        let t = &s[start..];
        if t.len() > 2 {
            let off = usize::from(t[0] == b'-' || t[0] == b'+');
            if t.get(off) == Some(&b'0') && matches!(t.get(off + 1), Some(b'b' | b'B')) {
                let mut tmp = t[..off].to_vec();
                tmp.extend_from_slice(&t[off + 2..]);
                return strtol(&tmp, 2);
            }
        }
    }
    strtol(s, base)
}

fn int_of(ctx: &mut ExecCtx, v: &TypedValue) -> i64 {
    let v = v.deref();
    if v.is_object() {
        let msg = format!(
            "Object of class {} could not be converted to int",
            v.obj().class_name()
        );
        ctx.warn(&msg);
        return 1;
    }
    to_int(v)
}

fn intval(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let base = args::opt_int(ctx, a, 1)?.unwrap_or(10);
    let v = a[0].deref();
    if v.is_string() && base != 10 {
        return Ok(TypedValue::int(intval_base(v.str_bytes(), base)));
    }
    let v = v.clone();
    Ok(TypedValue::int(int_of(ctx, &v)))
}

fn float_of(ctx: &mut ExecCtx, v: &TypedValue) -> f64 {
    let v = v.deref();
    if v.is_object() {
        let msg = format!(
            "Object of class {} could not be converted to float",
            v.obj().class_name()
        );
        ctx.warn(&msg);
        return 1.0;
    }
    to_float(v)
}

fn floatval(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let v = a[0].clone();
    Ok(TypedValue::double(float_of(ctx, &v)))
}

fn strval(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let v = a[0].deref();
    if v.is_string() {
        return Ok(v.clone());
    }
    let v = v.clone();
    let s = to_str(ctx, &v)?.into_owned();
    Ok(TypedValue::string(s))
}

fn boolval(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::bool(to_bool(&a[0])))
}

/// `(array)$v`.
fn to_array(v: &TypedValue) -> TypedValue {
    let v = v.deref();
    match v.tag() {
        tag::ARRAY => v.clone(),
        tag::UNINIT | tag::NULL => TypedValue::array(PhpArray::new()),
        tag::OBJECT => TypedValue::array(v.obj().props.clone()),
        _ => TypedValue::array(PhpArray::from_values(vec![v.clone()])),
    }
}

/// `(object)$v`: a stdClass.
fn to_object(v: &TypedValue) -> TypedValue {
    let v = v.deref();
    if v.is_object() {
        return v.clone();
    }
    let Some(cls) = find_class("stdClass") else {
        return TypedValue::null();
    };
    let mut o = PhpObject::new(cls);
    match v.tag() {
        tag::UNINIT | tag::NULL => {}
        tag::ARRAY => {
            for (k, val) in v.arr().iter() {
                o.props.set_key(k.to_owned_key(), val.copy_value());
            }
        }
        _ => o.props.set_key(Key::str(b"scalar"), v.clone()),
    }
    TypedValue::object(o)
}

fn settype(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let ty = args::str(ctx, a, 1)?.to_ascii_lowercase();
    let cur = a[0].deref().clone();
    let new = match ty.as_slice() {
        b"integer" | b"int" => TypedValue::int(int_of(ctx, &cur)),
        b"float" | b"double" => TypedValue::double(float_of(ctx, &cur)),
        b"string" => {
            if cur.is_string() {
                cur
            } else {
                TypedValue::string(to_str(ctx, &cur)?.into_owned())
            }
        }
        b"boolean" | b"bool" => TypedValue::bool(to_bool(&cur)),
        b"array" => to_array(&cur),
        b"object" => to_object(&cur),
        b"null" => TypedValue::null(),
        b"resource" => return Err(ctx.value_error("Cannot convert to resource type")),
        _ => return Err(args::value_error(ctx, 1, "must be a valid type")),
    };
    args::set_ref(a, 0, new);
    Ok(TypedValue::bool(true))
}

fn tag_is(a: &[TypedValue], t: u8) -> VmResult<TypedValue> {
    Ok(TypedValue::bool(a[0].deref().tag() == t))
}
fn is_int(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    tag_is(a, tag::INT)
}
fn is_float(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    tag_is(a, tag::DOUBLE)
}
fn is_string(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    tag_is(a, tag::STRING)
}
fn is_bool(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    tag_is(a, tag::BOOL)
}
fn is_array(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    tag_is(a, tag::ARRAY)
}
fn is_object(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    tag_is(a, tag::OBJECT)
}
fn is_null(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::bool(a[0].deref().is_null()))
}
fn is_numeric(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let v = a[0].deref();
    Ok(TypedValue::bool(match v.tag() {
        tag::INT | tag::DOUBLE => true,
        tag::STRING => str_is_numeric(v.str_bytes()),
        _ => false,
    }))
}
fn is_scalar(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::bool(matches!(
        a[0].deref().tag(),
        tag::BOOL | tag::INT | tag::DOUBLE | tag::STRING
    )))
}
fn is_iterable(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let v = a[0].deref();
    Ok(TypedValue::bool(
        v.is_array() || (v.is_object() && v.obj().class.is_subclass_of("Traversable")),
    ))
}
fn is_countable(_ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let v = a[0].deref();
    Ok(TypedValue::bool(
        v.is_array() || (v.is_object() && v.obj().class.is_subclass_of("Countable")),
    ))
}
fn is_callable(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let syntax_only = args::opt_bool(ctx, a, 1)?.unwrap_or(false);
    let v = a[0].deref().clone();
    let ok = if syntax_only {
        v.is_string() || (v.is_object() && v.obj().closure.is_some())
    } else {
        ctx.is_callable(&v)
    };
    if a.len() > 2 {
        let name = if v.is_string() {
            v.clone()
        } else if v.is_object() && v.obj().closure.is_some() {
            TypedValue::str(b"Closure::__invoke")
        } else {
            TypedValue::string(to_str(ctx, &v)?.into_owned())
        };
        args::set_ref(a, 2, name);
    }
    Ok(TypedValue::bool(ok))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::ctx::Fault;

    fn call(
        f: super::super::BuiltinFn,
        name: &str,
        args: &mut [TypedValue],
    ) -> (Result<TypedValue, String>, String) {
        let mut ctx = ExecCtx::for_tests();
        ctx.cur_builtin = super::super::registry::lookup(name).unwrap();
        ctx.out.start_buffer();
        let r = f(&mut ctx, args).map_err(|e| match e {
            Fault::Throw(v) => {
                let o = v.obj();
                format!(
                    "{}: {}",
                    o.class_name(),
                    String::from_utf8_lossy(o.prop("message").unwrap().str_bytes())
                )
            }
            other => format!("{other:?}"),
        });
        let out = ctx.out.pop_buffer().unwrap();
        (r, String::from_utf8_lossy(&out).into_owned())
    }
    fn s(x: &str) -> TypedValue {
        TypedValue::str(x.as_bytes())
    }
    fn iv(v: TypedValue, base: Option<i64>) -> i64 {
        let mut a = vec![v];
        if let Some(b) = base {
            a.push(TypedValue::int(b));
        }
        call(intval, "intval", &mut a).0.unwrap().int_val()
    }

    #[test]
    fn intval_vectors() {
        assert_eq!(iv(s("0x1A"), Some(16)), 26);
        assert_eq!(iv(s("0x1A"), Some(0)), 26);
        assert_eq!(iv(s("012"), Some(0)), 10);
        assert_eq!(iv(s("0b11"), Some(0)), 3);
        assert_eq!(iv(s("42"), Some(8)), 34);
        assert_eq!(iv(s("z"), Some(36)), 35);
        assert_eq!(iv(s("0o17"), Some(0)), 0);
        assert_eq!(iv(s("-0x1A"), Some(0)), -26);
        assert_eq!(iv(s("  -0b11"), Some(0)), -3);
        assert_eq!(iv(s("zzzzzzzzzzzzzz"), Some(36)), i64::MAX);
        assert_eq!(iv(TypedValue::int(12), Some(16)), 12);
        assert_eq!(iv(s("12"), Some(1)), 0);
        assert_eq!(iv(TypedValue::double(42.9), None), 42);
        assert_eq!(iv(s("42abc"), None), 42);
        assert_eq!(iv(s("1e3"), None), 1000);
        assert_eq!(iv(s("9999999999999999999"), None), i64::MAX);
        assert_eq!(iv(s("9999999999999999999"), Some(10)), i64::MAX);
        assert_eq!(iv(s("0x1A"), None), 0);
        assert_eq!(iv(s(" 12"), None), 12);
        assert_eq!(iv(TypedValue::null(), None), 0);
        assert_eq!(
            iv(
                TypedValue::array(PhpArray::from_values(vec![TypedValue::int(0)])),
                None
            ),
            1
        );
    }

    #[test]
    fn settype_vectors() {
        let mut a = [TypedValue::new_ref(s("1.5")), s("float")];
        assert!(call(settype, "settype", &mut a).0.unwrap().bool_val());
        assert_eq!(a[0].deref().double_val(), 1.5);
        let mut a = [TypedValue::new_ref(TypedValue::int(5)), s("array")];
        call(settype, "settype", &mut a).0.unwrap();
        assert_eq!(a[0].deref().arr().len(), 1);
        let mut a = [TypedValue::new_ref(TypedValue::int(5)), s("string")];
        call(settype, "settype", &mut a).0.unwrap();
        assert_eq!(a[0].deref().str_bytes(), b"5");
        let mut a = [TypedValue::new_ref(TypedValue::int(5)), s("boolean")];
        call(settype, "settype", &mut a).0.unwrap();
        assert!(a[0].deref().bool_val());
        let mut a = [TypedValue::new_ref(TypedValue::int(5)), s("foo")];
        assert_eq!(
            call(settype, "settype", &mut a).0.unwrap_err(),
            "ValueError: settype(): Argument #2 ($type) must be a valid type"
        );
        let mut a = [TypedValue::new_ref(TypedValue::int(5)), s("resource")];
        assert_eq!(
            call(settype, "settype", &mut a).0.unwrap_err(),
            "ValueError: Cannot convert to resource type"
        );
        let mut a = [TypedValue::new_ref(TypedValue::int(5)), s("object")];
        call(settype, "settype", &mut a).0.unwrap();
        assert_eq!(a[0].deref().obj().class_name(), "stdClass");
    }

    #[test]
    fn predicates() {
        let b = |f: super::super::BuiltinFn, n: &str, v: TypedValue| {
            call(f, n, &mut [v]).0.unwrap().bool_val()
        };
        assert!(b(is_numeric, "is_numeric", s("1e5")));
        assert!(b(is_numeric, "is_numeric", s(" 1")));
        assert!(b(is_numeric, "is_numeric", s("-.5")));
        assert!(!b(is_numeric, "is_numeric", s("0x1A")));
        assert!(!b(is_numeric, "is_numeric", s(".")));
        assert!(!b(is_numeric, "is_numeric", TypedValue::null()));
        assert!(!b(is_scalar, "is_scalar", TypedValue::null()));
        assert!(b(is_scalar, "is_scalar", TypedValue::double(1.5)));
        assert!(b(
            is_countable,
            "is_countable",
            TypedValue::array(PhpArray::new())
        ));
        assert!(b(is_callable, "is_callable", s("ABS")));
        assert!(!b(is_callable, "is_callable", s("nope")));
        assert!(!b(boolval, "boolval", s("0")));
        assert!(b(
            is_int,
            "is_long",
            TypedValue::new_ref(TypedValue::int(1))
        ));
        let t = |v: TypedValue| {
            call(get_debug_type, "get_debug_type", &mut [v])
                .0
                .unwrap()
                .str_bytes()
                .to_vec()
        };
        assert_eq!(t(TypedValue::double(1.0)), b"float");
        assert_eq!(t(TypedValue::null()), b"null");
        let g = |v: TypedValue| {
            call(gettype, "gettype", &mut [v])
                .0
                .unwrap()
                .str_bytes()
                .to_vec()
        };
        assert_eq!(g(TypedValue::double(1.0)), b"double");
        assert_eq!(g(TypedValue::null()), b"NULL");
        let fv = call(floatval, "floatval", &mut [s("abc")]).0.unwrap();
        assert_eq!(fv.double_val(), 0.0);
        let fv = call(floatval, "doubleval", &mut [s("1.5abc")]).0.unwrap();
        assert_eq!(fv.double_val(), 1.5);
        assert!(b(is_numeric, "is_numeric", s("1 ")));
        assert!(!b(is_numeric, "is_numeric", s("abc")));
        assert!(b(is_numeric, "is_numeric", TypedValue::double(1.5)));
        let sv = call(strval, "strval", &mut [TypedValue::double(0.1 + 0.2)])
            .0
            .unwrap();
        assert_eq!(sv.str_bytes(), b"0.3");
        let sv = call(strval, "strval", &mut [TypedValue::double(1.0)])
            .0
            .unwrap();
        assert_eq!(sv.str_bytes(), b"1");
        let (r, out) = call(strval, "strval", &mut [TypedValue::array(PhpArray::new())]);
        assert_eq!(r.unwrap().str_bytes(), b"Array");
        assert!(out.contains("Warning: Array to string conversion"));
    }
}
