//! Tests of output.rs; expected texts come from `php -n` (PHP 8.2).

use crate::runtime::array::{Key, PhpArray};
use crate::runtime::builtins::registry;
use crate::runtime::float_fmt::format_float_repr;
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, Fault, VmResult};

/// Calls a registered built-in the way the VM does (sets `cur_builtin`).
pub(crate) fn call(
    ctx: &mut ExecCtx,
    name: &str,
    mut args: Vec<TypedValue>,
) -> VmResult<TypedValue> {
    let id = registry::lookup(name).expect("registered");
    ctx.cur_builtin = id;
    (registry::get(id).f)(ctx, &mut args)
}

/// Runs `f` with output captured; returns the output.
pub(crate) fn capture(ctx: &mut ExecCtx, f: impl FnOnce(&mut ExecCtx)) -> String {
    ctx.out.start_buffer();
    f(ctx);
    String::from_utf8_lossy(&ctx.out.pop_buffer().unwrap()).into_owned()
}

pub(crate) fn s(x: &str) -> TypedValue {
    TypedValue::str(x.as_bytes())
}
pub(crate) fn i(x: i64) -> TypedValue {
    TypedValue::int(x)
}
pub(crate) fn list(v: Vec<TypedValue>) -> TypedValue {
    TypedValue::array(PhpArray::from_values(v))
}
pub(crate) fn map(v: Vec<(&str, TypedValue)>) -> TypedValue {
    TypedValue::array(PhpArray::from_entries(v.into_iter().map(|(k, v)| {
        let key = match crate::runtime::array::KeyRef::from_bytes(k.as_bytes()) {
            crate::runtime::array::KeyRef::Int(n) => Key::Int(n),
            _ => Key::str(k.as_bytes()),
        };
        (key, v)
    })))
}
/// Whether the real float formatter has landed (the placeholder prints 1e25 in full).
pub(crate) fn floats_ready() -> bool {
    format_float_repr(1e25) == "1.0E+25"
}

fn dump(ctx: &mut ExecCtx, v: TypedValue) -> String {
    capture(ctx, |c| {
        call(c, "var_dump", vec![v]).unwrap();
    })
}

fn sample() -> TypedValue {
    // [1, "k" => [2, []], "x" => null, true, "a\0b"]
    map(vec![
        ("0", i(1)),
        ("k", list(vec![i(2), list(vec![])])),
        ("x", TypedValue::null()),
        ("1", TypedValue::bool(true)),
        ("2", s("a\0b")),
    ])
}

#[test]
fn var_dump_nested() {
    let mut ctx = ExecCtx::for_tests();
    let out = dump(&mut ctx, sample());
    assert_eq!(
        out,
        "array(5) {\n  [0]=>\n  int(1)\n  [\"k\"]=>\n  array(2) {\n    [0]=>\n    int(2)\n    [1]=>\n    array(0) {\n    }\n  }\n  [\"x\"]=>\n  NULL\n  [1]=>\n  bool(true)\n  [2]=>\n  string(3) \"a\0b\"\n}\n"
    );
    let out = capture(&mut ctx, |c| {
        call(c, "var_dump", vec![i(1), TypedValue::bool(false), s("abc")]).unwrap();
    });
    assert_eq!(out, "int(1)\nbool(false)\nstring(3) \"abc\"\n");
}

#[test]
fn var_dump_floats() {
    if !floats_ready() {
        return;
    }
    let mut ctx = ExecCtx::for_tests();
    let fl = [
        0.1 + 0.2,
        1e25,
        -0.0,
        f64::INFINITY,
        f64::NAN,
        1.0,
        -1.5e-10,
        1e15,
    ];
    let out = dump(
        &mut ctx,
        list(fl.iter().map(|&f| TypedValue::double(f)).collect()),
    );
    let want = "array(8) {\n  [0]=>\n  float(0.30000000000000004)\n  [1]=>\n  float(1.0E+25)\n  [2]=>\n  float(-0)\n  [3]=>\n  float(INF)\n  [4]=>\n  float(NAN)\n  [5]=>\n  float(1)\n  [6]=>\n  float(-1.5E-10)\n  [7]=>\n  float(1000000000000000)\n}\n";
    assert_eq!(out, want);
}

#[test]
fn var_dump_references_and_recursion() {
    let mut ctx = ExecCtx::for_tests();
    // $a = [1]; $r = &$a[0]; var_dump($a);  -> &int(1)
    let mut r = TypedValue::new_ref(i(1));
    let a = list(vec![r.make_ref()]);
    assert_eq!(
        dump(&mut ctx, a.clone()),
        "array(1) {\n  [0]=>\n  &int(1)\n}\n"
    );
    drop(r);
    // unset($r): a lonely reference prints without &
    assert_eq!(dump(&mut ctx, a), "array(1) {\n  [0]=>\n  int(1)\n}\n");

    // $a = [1]; $a[] = &$a; var_dump($a);
    let mut slot = list(vec![i(1)]);
    let rf = slot.make_ref();
    slot.deref_mut().arr_mut().push(rf.clone());
    let arg = slot.copy_value();
    assert_eq!(
        dump(&mut ctx, arg.clone()),
        "array(2) {\n  [0]=>\n  int(1)\n  [1]=>\n  *RECURSION*\n}\n"
    );
    assert_eq!(
        capture(&mut ctx, |c| {
            call(c, "print_r", vec![arg.clone()]).unwrap();
        }),
        "Array\n(\n    [0] => 1\n    [1] => Array\n *RECURSION*\n)\n"
    );
    let out = capture(&mut ctx, |c| {
        call(c, "var_export", vec![arg.clone()]).unwrap();
    });
    assert_eq!(
        out,
        "\nWarning: var_export does not handle circular references in test.php on line 0\narray (\n  0 => 1,\n  1 => NULL,\n)"
    );
    // break the cycle so the test does not leak
    slot.deref_mut().arr_mut().pop();
}

#[test]
fn var_dump_objects() {
    let mut ctx = ExecCtx::for_tests();
    let o = TypedValue::object(crate::runtime::object::PhpObject::new(
        crate::runtime::object::find_class("stdClass").unwrap(),
    ));
    assert_eq!(dump(&mut ctx, o.clone()), "object(stdClass)#1 (0) {\n}\n");
    o.obj_mut().set_prop("a", i(1));
    assert_eq!(
        dump(&mut ctx, o.clone()),
        "object(stdClass)#1 (1) {\n  [\"a\"]=>\n  int(1)\n}\n"
    );
    assert_eq!(
        String::from_utf8(super::print_r_to(&o)).unwrap(),
        "stdClass Object\n(\n    [a] => 1\n)\n"
    );
    let e = ctx.new_exception("Exception", "m", 0);
    // Handle 2: the stdClass object above still holds handle 1.
    assert_eq!(dump(&mut ctx, e), "object(Exception)#2 (0) {\n}\n");
    // var_export([(object)["a" => 1, "b" => [1]]])
    o.obj_mut().set_prop("b", list(vec![i(1)]));
    let out = super::var_export_to(&mut ctx, &list(vec![o]));
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "array (\n  0 => \n  (object) array(\n     'a' => 1,\n     'b' => \n    array (\n      0 => 1,\n    ),\n  ),\n)"
    );
}

#[test]
fn print_r_formats() {
    let mut ctx = ExecCtx::for_tests();
    let out = capture(&mut ctx, |c| {
        let r = call(c, "print_r", vec![sample()]).unwrap();
        assert!(r.bool_val());
    });
    assert_eq!(
        out,
        "Array\n(\n    [0] => 1\n    [k] => Array\n        (\n            [0] => 2\n            [1] => Array\n                (\n                )\n\n        )\n\n    [x] => \n    [1] => 1\n    [2] => a\0b\n)\n"
    );
    let r = call(
        &mut ctx,
        "print_r",
        vec![TypedValue::null(), TypedValue::bool(true)],
    )
    .unwrap();
    assert_eq!(r.str_bytes(), b"");
    let r = call(
        &mut ctx,
        "print_r",
        vec![TypedValue::bool(false), TypedValue::bool(true)],
    )
    .unwrap();
    assert_eq!(r.str_bytes(), b"");
    let r = call(&mut ctx, "print_r", vec![s("str"), TypedValue::bool(true)]).unwrap();
    assert_eq!(r.str_bytes(), b"str");
    if floats_ready() {
        let r = call(
            &mut ctx,
            "print_r",
            vec![TypedValue::double(0.1 + 0.2), TypedValue::bool(true)],
        )
        .unwrap();
        assert_eq!(r.str_bytes(), b"0.3");
    }
}

#[test]
fn var_export_formats() {
    let mut ctx = ExecCtx::for_tests();
    let out = super::var_export_to(&mut ctx, &sample());
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "array (\n  0 => 1,\n  'k' => \n  array (\n    0 => 2,\n    1 => \n    array (\n    ),\n  ),\n  'x' => NULL,\n  1 => true,\n  2 => 'a' . \"\\0\" . 'b',\n)"
    );
    let out = super::var_export_to(&mut ctx, &s("a'b\\c\0d"));
    assert_eq!(out, b"'a\\'b\\\\c' . \"\\0\" . 'd'");
    let out = super::var_export_to(
        &mut ctx,
        &map(vec![("a\\b'\0", i(1)), ("-5", i(2)), ("05", i(3))]),
    );
    assert_eq!(
        out,
        b"array (\n  'a\\\\b\\'' . \"\\0\" . '' => 1,\n  -5 => 2,\n  '05' => 3,\n)"
    );
    assert_eq!(
        super::var_export_to(&mut ctx, &i(i64::MIN)),
        b"-9223372036854775807-1"
    );
    assert_eq!(
        super::var_export_to(&mut ctx, &TypedValue::bool(false)),
        b"false"
    );
    assert_eq!(super::var_export_to(&mut ctx, &TypedValue::null()), b"NULL");
    assert_eq!(super::var_export_to(&mut ctx, &list(vec![])), b"array (\n)");
    let r = call(&mut ctx, "var_export", vec![i(5), TypedValue::bool(true)]).unwrap();
    assert_eq!(r.str_bytes(), b"5");
    if floats_ready() {
        let fl = [
            1.0,
            -0.0,
            1e25,
            0.1 + 0.2,
            f64::NAN,
            f64::NEG_INFINITY,
            1e100,
        ];
        let got: Vec<Vec<u8>> = fl
            .iter()
            .map(|&f| super::var_export_to(&mut ctx, &TypedValue::double(f)))
            .collect();
        let want: Vec<&[u8]> = vec![
            b"1.0",
            b"-0.0",
            b"1.0E+25",
            b"0.30000000000000004",
            b"NAN",
            b"-INF",
            b"1.0E+100",
        ];
        assert_eq!(got, want);
    }
}

#[test]
fn output_buffers() {
    let mut ctx = ExecCtx::for_tests();
    ctx.out.start_buffer(); // level 1: the capture buffer
    let lvl = call(&mut ctx, "ob_get_level", vec![]).unwrap();
    assert_eq!(lvl.int_val(), 1);
    // Emulate PHP's `ob_start(); echo "abc"; ...`
    call(&mut ctx, "ob_start", vec![]).unwrap();
    ctx.echo(b"abc");
    assert_eq!(
        call(&mut ctx, "ob_get_length", vec![]).unwrap().int_val(),
        3
    );
    call(&mut ctx, "ob_start", vec![]).unwrap();
    ctx.echo(b"in");
    let y = call(&mut ctx, "ob_get_flush", vec![]).unwrap();
    assert_eq!(y.str_bytes(), b"in");
    let z = call(&mut ctx, "ob_get_clean", vec![]).unwrap();
    assert_eq!(z.str_bytes(), b"abcin");
    call(&mut ctx, "ob_start", vec![]).unwrap();
    ctx.echo(b"q");
    call(&mut ctx, "ob_flush", vec![]).unwrap();
    ctx.echo(b"r");
    call(&mut ctx, "ob_clean", vec![]).unwrap();
    ctx.echo(b"s");
    assert!(call(&mut ctx, "ob_end_flush", vec![]).unwrap().bool_val());
    let outer = ctx.out.pop_buffer().unwrap();
    assert_eq!(outer, b"qs");
}

#[test]
fn output_buffer_notices() {
    let mut ctx = ExecCtx::for_tests();
    // With no buffer the functions return false (their notice goes to stdout).
    for f in [
        "ob_end_clean",
        "ob_end_flush",
        "ob_get_flush",
        "ob_clean",
        "ob_flush",
        "ob_get_clean",
        "ob_get_contents",
        "ob_get_length",
    ] {
        let r = call(&mut ctx, f, vec![]).unwrap();
        assert!(r.is_bool() && !r.bool_val(), "{f}");
    }
    assert_eq!(call(&mut ctx, "ob_get_level", vec![]).unwrap().int_val(), 0);
    // The notice texts, captured by writing them into a buffer.
    let cases = [
        (
            "ob_end_clean",
            super::NO_DELETE,
            "ob_end_clean(): Failed to delete buffer. No buffer to delete",
        ),
        (
            "ob_end_flush",
            super::NO_DELETE_FLUSH,
            "ob_end_flush(): Failed to delete and flush buffer. No buffer to delete or flush",
        ),
        (
            "ob_get_flush",
            super::NO_DELETE_FLUSH,
            "ob_get_flush(): Failed to delete and flush buffer. No buffer to delete or flush",
        ),
        (
            "ob_clean",
            super::NO_DELETE,
            "ob_clean(): Failed to delete buffer. No buffer to delete",
        ),
        (
            "ob_flush",
            super::NO_FLUSH,
            "ob_flush(): Failed to flush buffer. No buffer to flush",
        ),
    ];
    for (f, what, want) in cases {
        ctx.cur_builtin = registry::lookup(f).unwrap();
        let out = capture(&mut ctx, |c| {
            super::no_buffer(c, what);
        });
        assert_eq!(out, format!("\nNotice: {want} in test.php on line 0\n"));
    }
}

#[test]
fn ob_start_rejects_callbacks() {
    let mut ctx = ExecCtx::for_tests();
    let r = call(&mut ctx, "ob_start", vec![s("strtoupper")]);
    assert!(matches!(r, Err(Fault::Fatal { .. })));
    assert_eq!(ctx.out.level(), 0);
}
