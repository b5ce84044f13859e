//! Tests of serialize.rs; expected texts come from `php -n` (PHP 8.2).

use super::*;
use crate::runtime::builtins::output::tests::{call, capture, floats_ready, i, list, map, s};
use crate::runtime::builtins::output::var_dump_to;

fn ser(ctx: &mut ExecCtx, v: TypedValue) -> String {
    String::from_utf8(ser_bytes(ctx, v)).unwrap()
}

fn ser_bytes(ctx: &mut ExecCtx, v: TypedValue) -> Vec<u8> {
    let r = call(ctx, "serialize", vec![v]).unwrap();
    r.str_bytes().to_vec()
}

/// `var_dump(unserialize($s))` with the diagnostics it prints.
fn unser(ctx: &mut ExecCtx, text: &[u8]) -> String {
    capture(ctx, |c| {
        let r = call(c, "unserialize", vec![TypedValue::str(text)]).unwrap();
        let d = var_dump_to(&r);
        c.echo(&d);
    })
}

fn stdclass() -> TypedValue {
    TypedValue::object(PhpObject::new(find_class("stdClass").unwrap()))
}

#[test]
fn serialize_scalars_and_arrays() {
    let mut ctx = ExecCtx::for_tests();
    let v = map(vec![
        ("0", i(1)),
        ("1", s("abc")),
        ("2", TypedValue::bool(true)),
        ("3", TypedValue::bool(false)),
        ("4", TypedValue::null()),
        ("k", map(vec![("x", i(1))])),
        ("5", s("é")),
        ("6", i(-5)),
    ]);
    assert_eq!(
        ser(&mut ctx, v),
        "a:8:{i:0;i:1;i:1;s:3:\"abc\";i:2;b:1;i:3;b:0;i:4;N;s:1:\"k\";a:1:{s:1:\"x\";i:1;}i:5;s:2:\"é\";i:6;i:-5;}"
    );
    if floats_ready() {
        let fl = [
            0.1,
            -0.0,
            1e25,
            1.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.1 + 0.2,
            1e15,
            -1.5e-10,
        ];
        let v = list(fl.iter().map(|&f| TypedValue::double(f)).collect());
        assert_eq!(
            ser(&mut ctx, v),
            "a:10:{i:0;d:0.1;i:1;d:-0;i:2;d:1.0E+25;i:3;d:1;i:4;d:NAN;i:5;d:INF;i:6;d:-INF;i:7;d:0.30000000000000004;i:8;d:1000000000000000;i:9;d:-1.5E-10;}"
        );
    }
}

#[test]
fn serialize_references_and_objects() {
    let mut ctx = ExecCtx::for_tests();
    // $o = new stdClass; $o->a = 1; $a = [1]; $r = &$a[0];
    // serialize([$o, $o, "x" => &$r, "y" => &$r, "z" => $a])
    let o = stdclass();
    o.obj_mut().set_prop("a", i(1));
    let mut r = TypedValue::new_ref(i(1));
    let a = list(vec![r.make_ref()]);
    let v = map(vec![
        ("0", o.clone()),
        ("1", o),
        ("x", r.clone()),
        ("y", r.clone()),
        ("z", a),
    ]);
    assert_eq!(
        ser(&mut ctx, v),
        "a:5:{i:0;O:8:\"stdClass\":1:{s:1:\"a\";i:1;}i:1;r:2;s:1:\"x\";i:1;s:1:\"y\";R:5;s:1:\"z\";a:1:{i:0;R:5;}}"
    );
    // $b = [1]; $b[] = &$b; serialize($b)
    let mut slot = list(vec![i(1)]);
    let rf = slot.make_ref();
    slot.deref_mut().arr_mut().push(rf);
    let arg = slot.copy_value();
    assert_eq!(
        ser(&mut ctx, arg),
        "a:2:{i:0;i:1;i:1;a:2:{i:0;i:1;i:1;R:3;}}"
    );
    slot.deref_mut().arr_mut().pop();
    // closures cannot be serialized
    let c = crate::runtime::object::new_closure(0, Vec::new());
    match call(&mut ctx, "serialize", vec![c]) {
        Err(crate::vm::ctx::Fault::Throw(e)) => {
            assert_eq!(
                e.obj().prop("message").unwrap().str_bytes(),
                b"Serialization of 'Closure' is not allowed"
            )
        }
        _ => panic!("expected an exception"),
    }
}

#[test]
fn unserialize_values() {
    let mut ctx = ExecCtx::for_tests();
    let cases: &[(&str, &str)] = &[
        ("i:5;", "int(5)\n"),
        ("i:-5;", "int(-5)\n"),
        ("i:+5;", "int(5)\n"),
        ("i:05;", "int(5)\n"),
        ("b:1;", "bool(true)\n"),
        ("b:0;", "bool(false)\n"),
        ("N;", "NULL\n"),
        ("s:3:\"abc\";", "string(3) \"abc\"\n"),
        ("S:1:\"a\";", "string(1) \"a\"\n"),
        ("a:0:{}", "array(0) {\n}\n"),
        ("a:2:{i:0;i:1;s:1:\"k\";N;}", "array(2) {\n  [0]=>\n  int(1)\n  [\"k\"]=>\n  NULL\n}\n"),
        ("a:1:{i:0;i:1;}junk", "array(1) {\n  [0]=>\n  int(1)\n}\n"),
        ("a:1:{i:0;a:0:{}}", "array(1) {\n  [0]=>\n  array(0) {\n  }\n}\n"),
        ("a:1:{s:1:\"5\";i:1;}", "array(1) {\n  [5]=>\n  int(1)\n}\n"),
        ("a:2:{i:0;i:5;i:1;R:2;}", "array(2) {\n  [0]=>\n  &int(5)\n  [1]=>\n  &int(5)\n}\n"),
        ("a:1:{i:0;R:1;}", "array(1) {\n  [0]=>\n  *RECURSION*\n}\n"),
        ("O:8:\"stdClass\":0:{}", "object(stdClass)#1 (0) {\n}\n"),
        ("a:1:{i:0;O:8:\"stdClass\":1:{s:1:\"a\";i:1;}}", "array(1) {\n  [0]=>\n  object(stdClass)#1 (1) {\n    [\"a\"]=>\n    int(1)\n  }\n}\n"),
        (
            "i:99999999999999999999;",
            "\nWarning: unserialize(): Numerical result out of range in test.php on line 0\nint(9223372036854775807)\n",
        ),
        (
            "i:-99999999999999999999;",
            "\nWarning: unserialize(): Numerical result out of range in test.php on line 0\nint(-9223372036854775808)\n",
        ),
        ("", "bool(false)\n"),
    ];
    for &(text, want) in cases {
        assert_eq!(unser(&mut ctx, text.as_bytes()), want, "{text}");
    }
    if floats_ready() {
        let cases: &[(&str, &str)] = &[
            ("d:0.1;", "float(0.1)\n"),
            ("d:1.0E+25;", "float(1.0E+25)\n"),
            ("d:INF;", "float(INF)\n"),
            ("d:-INF;", "float(-INF)\n"),
            ("d:NAN;", "float(NAN)\n"),
            ("d:1;", "float(1)\n"),
            ("d:.5;", "float(0.5)\n"),
            ("d:-.5;", "float(-0.5)\n"),
            ("d:5.;", "float(5)\n"),
            ("d:1e3;", "float(1000)\n"),
            ("d:-0;", "float(-0)\n"),
        ];
        for &(text, want) in cases {
            assert_eq!(unser(&mut ctx, text.as_bytes()), want, "{text}");
        }
    }
}

#[test]
fn unserialize_errors() {
    let mut ctx = ExecCtx::for_tests();
    let err = |off: usize, len: usize| {
        format!("\nNotice: unserialize(): Error at offset {off} of {len} bytes in test.php on line 0\nbool(false)\n")
    };
    let end = "\nNotice: unserialize(): Unexpected end of serialized data in test.php on line 0\n";
    let cases: &[(&str, String)] = &[
        ("b:2;", err(0, 4)),
        ("i:5", err(0, 3)),
        ("s:5:\"abc\";", err(10, 10)),
        ("a:2:{i:0;i:1;}", format!("{end}{}", err(13, 14))),
        ("a:3:{i:0;i:1;}", format!("{end}{}", err(13, 14))),
        ("a:4:{i:0;i:1;}", format!("{end}{}", err(13, 14))),
        ("a:5:{i:0;i:1;}", err(5, 14)),
        ("a:99:{i:0;i:1;}", err(6, 15)),
        ("x", err(0, 1)),
        ("a:1:{d:1.5;i:1;}", err(11, 16)),
        ("a:1:{N;i:1;}", err(7, 12)),
        ("i:0x1;", err(0, 6)),
        ("s:-1:\"\";", err(0, 8)),
        ("i: 5;", err(0, 5)),
        ("b:;", err(0, 3)),
        ("d:-0", err(0, 4)),
        ("i:-;", err(0, 4)),
        ("a:1:{i:0;i:1;", err(13, 13)),
        ("a:1:{i:0;i:1;]", err(13, 14)),
        ("a:2:{i:0;i:1;i:1;i:2}", err(17, 21)),
        ("a:1:{a:0:{}i:1;}", err(10, 16)),
        ("s:3:\"abc\"", err(9, 9)),
        ("s:3:\"abcd\";", err(8, 11)),
        ("d:1.5", err(0, 5)),
        ("d:1e;", err(0, 5)),
        ("d:+INF;", err(0, 7)),
        ("R:1;", err(4, 4)),
        ("a:1:{i:0;r:1;}", err(13, 14)),
        ("a:2:{i:0;s:1:\"x\";i:1;r:2;}", err(25, 26)),
        (
            "O:8:\"stdClass\":2:{s:1:\"a\";i:1;}",
            format!("{end}{}", err(30, 31)),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&unser(&mut ctx, text.as_bytes()), want, "{text}");
    }
    // objects of other classes: a warning, false
    let out = unser(&mut ctx, b"O:3:\"Foo\":0:{}");
    assert_eq!(
        out,
        "\nWarning: unserialize(): Objects are not supported yet (class 'Foo') in test.php on line 0\nbool(false)\n"
    );
    // max_depth
    let text = format!("{}N;{}", "a:1:{i:0;".repeat(5), "}".repeat(5));
    let opts = map(vec![("max_depth", i(3))]);
    let out = capture(&mut ctx, |c| {
        let r = call(c, "unserialize", vec![s(&text), opts]).unwrap();
        let d = var_dump_to(&r);
        c.echo(&d);
    });
    assert_eq!(
        out,
        format!(
            "\nWarning: unserialize(): Maximum depth of 3 exceeded. The depth limit can be changed using the max_depth unserialize() option or the unserialize_max_depth ini setting in test.php on line 0\n{}",
            err(32, 52)
        )
    );
}

#[test]
fn round_trips() {
    let mut ctx = ExecCtx::for_tests();
    let o = stdclass();
    o.obj_mut().set_prop("p", list(vec![i(1), s("two")]));
    let mut values = vec![
        i(0),
        i(i64::MIN),
        i(i64::MAX),
        s(""),
        s("quote\" semi; brace}"),
        TypedValue::str(b"\0\xff"),
        TypedValue::bool(true),
        TypedValue::null(),
        map(vec![
            ("a", list(vec![i(1), list(vec![])])),
            ("-7", s("neg")),
            ("", i(3)),
        ]),
        o,
    ];
    if floats_ready() {
        values.extend([0.1, -0.0, 1e300, 5e-324, f64::INFINITY].map(TypedValue::double));
    }
    for v in values {
        let text = ser_bytes(&mut ctx, v.clone());
        let back = call(&mut ctx, "unserialize", vec![TypedValue::str(&text)]).unwrap();
        // Object handles differ between the original and the copy.
        let no_handles = |b: Vec<u8>| -> Vec<u8> {
            let mut out = Vec::new();
            let mut i = 0;
            while i < b.len() {
                out.push(b[i]);
                if b[i] == b'#' {
                    while i + 1 < b.len() && b[i + 1].is_ascii_digit() {
                        i += 1;
                    }
                }
                i += 1;
            }
            out
        };
        assert_eq!(
            no_handles(var_dump_to(&back)),
            no_handles(var_dump_to(&v)),
            "{}",
            String::from_utf8_lossy(&text)
        );
        assert_eq!(ser_bytes(&mut ctx, back), text);
    }
    // references survive a round trip
    let mut r = TypedValue::new_ref(i(5));
    let v = list(vec![r.make_ref(), r.clone()]);
    let text = ser(&mut ctx, v);
    assert_eq!(text, "a:2:{i:0;i:5;i:1;R:2;}");
    let back = call(&mut ctx, "unserialize", vec![s(&text)]).unwrap();
    assert_eq!(ser(&mut ctx, back), text);
}
