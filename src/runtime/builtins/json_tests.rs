//! Tests of json.rs; expected texts come from `php -n` (PHP 8.2).

use super::*;
use crate::runtime::builtins::output::tests::{call, floats_ready, i, list, map, s};
use crate::runtime::builtins::output::var_dump_to;
use crate::vm::ctx::Fault;

fn enc(ctx: &mut ExecCtx, v: TypedValue, flags: i64) -> Option<String> {
    let r = call(ctx, "json_encode", vec![v, TypedValue::int(flags)]).unwrap();
    r.is_string()
        .then(|| String::from_utf8(r.str_bytes().to_vec()).unwrap())
}

fn last(ctx: &mut ExecCtx) -> (i64, String) {
    let c = call(ctx, "json_last_error", vec![]).unwrap().int_val();
    let m = call(ctx, "json_last_error_msg", vec![]).unwrap();
    (c, String::from_utf8(m.str_bytes().to_vec()).unwrap())
}

fn dec(ctx: &mut ExecCtx, text: &[u8], depth: i64, flags: i64) -> String {
    let r = call(
        ctx,
        "json_decode",
        vec![
            TypedValue::str(text),
            TypedValue::bool(true),
            i(depth),
            i(flags),
        ],
    )
    .unwrap();
    String::from_utf8(var_dump_to(&r)).unwrap()
}

#[test]
fn encode_strings_and_containers() {
    let mut ctx = ExecCtx::for_tests();
    let v = list(vec![
        s("a/b"),
        s("é"),
        s("\u{1F600}"),
        s("<>&'\""),
        s("\x01\x1f\x7f\t\n\r\x08\x0c"),
        list(vec![]),
        map(vec![("1", i(1))]),
        map(vec![("a", list(vec![]))]),
    ]);
    assert_eq!(
        enc(&mut ctx, v, 0).unwrap(),
        "[\"a\\/b\",\"\\u00e9\",\"\\ud83d\\ude00\",\"<>&'\\\"\",\"\\u0001\\u001f\x7f\\t\\n\\r\\b\\f\",[],{\"1\":1},{\"a\":[]}]"
    );
    let v = list(vec![s("<>&'\""), s("\u{2028}\u{2029}")]);
    assert_eq!(
        enc(&mut ctx, v, HEX_TAG | HEX_AMP | HEX_APOS | HEX_QUOT).unwrap(),
        "[\"\\u003C\\u003E\\u0026\\u0027\\u0022\",\"\\u2028\\u2029\"]"
    );
    let v = list(vec![s("a/b"), s("é\u{2028}")]);
    assert_eq!(
        enc(&mut ctx, v, UNESCAPED_SLASHES | UNESCAPED_UNICODE).unwrap(),
        "[\"a/b\",\"é\\u2028\"]"
    );
    let v = list(vec![s("é\u{2028}")]);
    assert_eq!(
        enc(&mut ctx, v, UNESCAPED_UNICODE | UNESCAPED_LINE_TERMINATORS).unwrap(),
        "[\"é\u{2028}\"]"
    );
    let v = list(vec![i(1), i(2), list(vec![])]);
    assert_eq!(
        enc(&mut ctx, v, FORCE_OBJECT).unwrap(),
        "{\"0\":1,\"1\":2,\"2\":{}}"
    );
    assert_eq!(
        enc(&mut ctx, map(vec![("1", i(1)), ("0", i(2))]), 0).unwrap(),
        "{\"1\":1,\"0\":2}"
    );
    assert_eq!(enc(&mut ctx, s(""), 0).unwrap(), "\"\"");
    assert_eq!(enc(&mut ctx, TypedValue::null(), 0).unwrap(), "null");
    assert_eq!(enc(&mut ctx, TypedValue::bool(false), 0).unwrap(), "false");
    assert_eq!(last(&mut ctx), (0, "No error".into()));
}

#[test]
fn encode_pretty() {
    let mut ctx = ExecCtx::for_tests();
    let o = TypedValue::object(crate::runtime::object::PhpObject::new(
        crate::runtime::object::find_class("stdClass").unwrap(),
    ));
    let v = map(vec![
        ("a", i(1)),
        ("b", list(vec![i(1), list(vec![i(2), i(3)])])),
        ("c", list(vec![])),
        ("d", o),
        ("e", map(vec![("x", TypedValue::null())])),
    ]);
    assert_eq!(
        enc(&mut ctx, v, PRETTY_PRINT).unwrap(),
        "{\n    \"a\": 1,\n    \"b\": [\n        1,\n        [\n            2,\n            3\n        ]\n    ],\n    \"c\": [],\n    \"d\": {},\n    \"e\": {\n        \"x\": null\n    }\n}"
    );
    assert_eq!(enc(&mut ctx, list(vec![]), PRETTY_PRINT).unwrap(), "[]");
    assert_eq!(
        enc(
            &mut ctx,
            list(vec![list(vec![])]),
            PRETTY_PRINT | FORCE_OBJECT
        )
        .unwrap(),
        "{\n    \"0\": {}\n}"
    );
}

#[test]
fn encode_numbers() {
    let mut ctx = ExecCtx::for_tests();
    assert_eq!(
        enc(&mut ctx, i(9007199254740993), 0).unwrap(),
        "9007199254740993"
    );
    let v = list(vec![s("12"), s("1.5"), s("abc")]);
    assert_eq!(enc(&mut ctx, v, NUMERIC_CHECK).unwrap(), "[12,1.5,\"abc\"]");
    if !floats_ready() {
        return;
    }
    let cases: &[(f64, i64, &str)] = &[
        (1.0, 0, "1"),
        (0.1 + 0.2, 0, "0.30000000000000004"),
        (1e25, 0, "1.0e+25"),
        (-0.0, 0, "-0"),
        (1.0, PRESERVE_ZERO_FRACTION, "1.0"),
        (-0.0, PRESERVE_ZERO_FRACTION, "-0.0"),
        (1e25, PRESERVE_ZERO_FRACTION, "1.0e+25"),
        (1e15, PRESERVE_ZERO_FRACTION, "1000000000000000.0"),
        (1e-7, 0, "1.0e-7"),
        (-1.5e300, 0, "-1.5e+300"),
    ];
    for &(f, fl, want) in cases {
        assert_eq!(enc(&mut ctx, TypedValue::double(f), fl).unwrap(), want);
    }
}

#[test]
fn encode_errors() {
    let mut ctx = ExecCtx::for_tests();
    assert_eq!(
        enc(&mut ctx, s("\u{10FFFF}"), 0).unwrap(),
        "\"\\udbff\\udfff\""
    );
    for bad in [
        &b"\xff"[..],
        b"\xed\xa0\x80",
        b"\xc0\xaf",
        b"\xf4\x90\x80\x80",
        b"\xe0\x80\xaf",
        b"a\xc3",
    ] {
        assert_eq!(enc(&mut ctx, TypedValue::str(bad), 0), None);
        assert_eq!(
            last(&mut ctx),
            (
                5,
                "Malformed UTF-8 characters, possibly incorrectly encoded".into()
            )
        );
    }
    let v = list(vec![s("a"), TypedValue::str(b"\xff")]);
    assert_eq!(
        enc(&mut ctx, v, PARTIAL_OUTPUT_ON_ERROR).unwrap(),
        "[\"a\",null]"
    );
    assert_eq!(last(&mut ctx).0, 5);
    assert_eq!(enc(&mut ctx, TypedValue::double(f64::NAN), 0), None);
    assert_eq!(
        last(&mut ctx),
        (7, "Inf and NaN cannot be JSON encoded".into())
    );
    let v = list(vec![i(1), TypedValue::double(f64::INFINITY)]);
    assert_eq!(enc(&mut ctx, v, PARTIAL_OUTPUT_ON_ERROR).unwrap(), "[1,0]");
    let v = map(vec![
        ("x", TypedValue::double(f64::NAN)),
        ("y", TypedValue::str(b"\xff")),
    ]);
    assert_eq!(
        enc(&mut ctx, v, PARTIAL_OUTPUT_ON_ERROR).unwrap(),
        "{\"x\":0,\"y\":null}"
    );
    assert_eq!(last(&mut ctx).0, 5);
    let v = TypedValue::array(PhpArray::from_entries([(Key::str(b"a\xff"), i(1))]));
    assert_eq!(
        enc(&mut ctx, v, PARTIAL_OUTPUT_ON_ERROR).unwrap(),
        "{\"\":1}"
    );
    let v = list(vec![TypedValue::str(b"\xff"), TypedValue::double(f64::NAN)]);
    assert_eq!(enc(&mut ctx, v, 0), None);
    assert_eq!(last(&mut ctx).0, 5);
    // substitution / ignoring of invalid sequences
    let sub = |ctx: &mut ExecCtx, b: &[u8], f: i64| enc(ctx, TypedValue::str(b), f).unwrap();
    assert_eq!(sub(&mut ctx, b"a\xffb", INVALID_UTF8_IGNORE), "\"ab\"");
    assert_eq!(
        sub(&mut ctx, b"a\xffb", INVALID_UTF8_SUBSTITUTE),
        "\"a\\ufffdb\""
    );
    assert_eq!(
        sub(
            &mut ctx,
            b"a\xffb",
            INVALID_UTF8_SUBSTITUTE | UNESCAPED_UNICODE
        ),
        "\"a\u{FFFD}b\""
    );
    assert_eq!(
        sub(&mut ctx, b"a\xc3(", INVALID_UTF8_SUBSTITUTE),
        "\"a\\ufffd(\""
    );
    assert_eq!(
        sub(&mut ctx, b"\xe2\x82(", INVALID_UTF8_SUBSTITUTE),
        "\"\\ufffd(\""
    );
    assert_eq!(
        sub(&mut ctx, b"\xe2\x82\xff", INVALID_UTF8_SUBSTITUTE),
        "\"\\ufffd\""
    );
    // depth
    let nested = || list(vec![list(vec![i(1)])]);
    let r = call(&mut ctx, "json_encode", vec![nested(), i(0), i(1)]).unwrap();
    assert!(r.is_bool());
    assert_eq!(last(&mut ctx), (1, "Maximum stack depth exceeded".into()));
    let r = call(
        &mut ctx,
        "json_encode",
        vec![nested(), i(PARTIAL_OUTPUT_ON_ERROR), i(1)],
    )
    .unwrap();
    assert_eq!(r.str_bytes(), b"[[1]]");
    let r = call(&mut ctx, "json_encode", vec![i(1), i(0), i(0)]).unwrap();
    assert_eq!(r.str_bytes(), b"1");
    // JSON_THROW_ON_ERROR throws JsonException and leaves the error state alone
    enc(&mut ctx, TypedValue::double(f64::NAN), 0);
    let r = call(&mut ctx, "json_encode", vec![s("ok"), i(THROW_ON_ERROR)]).unwrap();
    assert_eq!(r.str_bytes(), b"\"ok\"");
    assert_eq!(last(&mut ctx).0, 7);
    match call(
        &mut ctx,
        "json_encode",
        vec![TypedValue::double(f64::NAN), i(THROW_ON_ERROR)],
    ) {
        Err(Fault::Throw(e)) => {
            assert_eq!(e.obj().class_name(), "JsonException");
            assert_eq!(
                e.obj().prop("message").unwrap().str_bytes(),
                b"Inf and NaN cannot be JSON encoded"
            );
            assert_eq!(e.obj().prop("code").unwrap().int_val(), 7);
        }
        _ => panic!("expected a JsonException"),
    }
    // closures and exceptions encode as {}
    let ex = ctx.new_exception("Exception", "x", 0);
    assert_eq!(enc(&mut ctx, ex, 0).unwrap(), "{}");
}

#[test]
fn encode_recursion() {
    let mut ctx = ExecCtx::for_tests();
    let mut slot = list(vec![i(1)]);
    let rf = slot.make_ref();
    slot.deref_mut().arr_mut().push(rf);
    let arg = slot.copy_value();
    assert_eq!(enc(&mut ctx, arg.clone(), 0), None);
    assert_eq!(last(&mut ctx), (6, "Recursion detected".into()));
    assert_eq!(
        enc(&mut ctx, arg, PARTIAL_OUTPUT_ON_ERROR).unwrap(),
        "[1,null]"
    );
    slot.deref_mut().arr_mut().pop();
}

#[test]
fn decode_values() {
    let mut ctx = ExecCtx::for_tests();
    let text = br#"[1, 2.5, -0, true, false, null, "a\u00e9\ud83d\ude00\/\n", {"a":{"b":[]}}, {"":1, "5":3, "a":1, "a":2}]"#;
    assert_eq!(
        dec(&mut ctx, text, 512, 0),
        "array(9) {\n  [0]=>\n  int(1)\n  [1]=>\n  float(2.5)\n  [2]=>\n  int(0)\n  [3]=>\n  bool(true)\n  [4]=>\n  bool(false)\n  [5]=>\n  NULL\n  [6]=>\n  string(9) \"aé😀/\n\"\n  [7]=>\n  array(1) {\n    [\"a\"]=>\n    array(1) {\n      [\"b\"]=>\n      array(0) {\n      }\n    }\n  }\n  [8]=>\n  array(3) {\n    [\"\"]=>\n    int(1)\n    [5]=>\n    int(3)\n    [\"a\"]=>\n    int(2)\n  }\n}\n"
    );
    assert_eq!(last(&mut ctx).0, 0);
    assert_eq!(
        dec(&mut ctx, b"-9223372036854775808", 512, 0),
        "int(-9223372036854775808)\n"
    );
    assert_eq!(
        dec(&mut ctx, b"12345678901234567890", 512, BIGINT_AS_STRING),
        "string(20) \"12345678901234567890\"\n"
    );
    assert_eq!(
        dec(&mut ctx, b" \"\\u0000a\" ", 512, 0),
        "string(2) \"\0a\"\n"
    );
    if floats_ready() {
        assert_eq!(
            dec(&mut ctx, b"12345678901234567890", 512, 0),
            "float(1.2345678901234567E+19)\n"
        );
        assert_eq!(dec(&mut ctx, b"[-0.0, 1e2, 1E-2, 1E+2, 1.5e400]", 512, 0), "array(5) {\n  [0]=>\n  float(-0)\n  [1]=>\n  float(100)\n  [2]=>\n  float(0.01)\n  [3]=>\n  float(100)\n  [4]=>\n  float(INF)\n}\n");
    }
}

#[test]
fn decode_errors() {
    let mut ctx = ExecCtx::for_tests();
    let cases: &[(&[u8], i64)] = &[
        (b"", 4),
        (b" ", 4),
        (b"[1,]", 4),
        (b"{\"a\" 1}", 4),
        (b"{\"a\":1,}", 4),
        (b"01", 4),
        (b"1.", 4),
        (b".5", 4),
        (b"\"\\x\"", 4),
        (b"\"\x01\"", 3),
        (b"[\"\xff\"]", 5),
        (b"\"\\ud800\"", 10),
        (b"\"\\udc00x\"", 10),
        (b"[[1]]", 1),
        (b"nul", 4),
        (b"tRue", 4),
        (b"1 2", 4),
        (b"-", 4),
        (b"1e", 4),
        (b"[1", 4),
        (b"\"abc", 3),
        (b"-01", 4),
        (b"[] x", 4),
        (b"[1]\0", 3),
        (b"\"\\u12\"", 4),
        (b"[\x01]", 3),
    ];
    for &(text, code) in cases {
        assert_eq!(
            dec(&mut ctx, text, 2, 0),
            "NULL\n",
            "{:?}",
            String::from_utf8_lossy(text)
        );
        assert_eq!(
            last(&mut ctx).0,
            code,
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }
    assert_eq!(
        dec(&mut ctx, b"[1]", 2, 0),
        "array(1) {\n  [0]=>\n  int(1)\n}\n"
    );
    assert_eq!(dec(&mut ctx, b"[1]", 1, 0), "NULL\n");
    assert_eq!(last(&mut ctx).0, 1);
    assert_eq!(dec(&mut ctx, b"1", 1, 0), "int(1)\n");
    // depth must be positive
    let r = call(
        &mut ctx,
        "json_decode",
        vec![s("[1]"), TypedValue::bool(true), i(0)],
    );
    match r {
        Err(Fault::Throw(e)) => assert_eq!(
            e.obj().prop("message").unwrap().str_bytes(),
            b"json_decode(): Argument #3 ($depth) must be greater than 0"
        ),
        _ => panic!("expected ValueError"),
    }
    // THROW_ON_ERROR: exception, error state untouched
    ctx.json_error = 7;
    match call(
        &mut ctx,
        "json_decode",
        vec![s(""), TypedValue::bool(false), i(512), i(THROW_ON_ERROR)],
    ) {
        Err(Fault::Throw(e)) => {
            assert_eq!(
                e.obj().prop("message").unwrap().str_bytes(),
                b"Syntax error"
            );
            assert_eq!(e.obj().prop("code").unwrap().int_val(), 4);
        }
        _ => panic!("expected JsonException"),
    }
    dec(&mut ctx, b"[1]", 512, THROW_ON_ERROR);
    assert_eq!(last(&mut ctx).0, 7);
}

#[test]
fn decode_objects() {
    let mut ctx = ExecCtx::for_tests();
    // JSON_OBJECT_AS_ARRAY with associative = null gives arrays
    let r = call(
        &mut ctx,
        "json_decode",
        vec![
            s("{\"a\":1}"),
            TypedValue::null(),
            i(512),
            i(OBJECT_AS_ARRAY),
        ],
    )
    .unwrap();
    assert_eq!(var_dump_to(&r), b"array(1) {\n  [\"a\"]=>\n  int(1)\n}\n");
    // objects (stdClass) are not supported yet: a clear fatal error
    let r = call(&mut ctx, "json_decode", vec![s("{\"a\":1}")]);
    match r {
        Err(Fault::Fatal { msg, .. }) => assert!(msg.contains("not supported yet")),
        _ => panic!("expected a fatal error"),
    }
    let r = call(
        &mut ctx,
        "json_decode",
        vec![
            s("{\"a\":1}"),
            TypedValue::bool(false),
            i(512),
            i(OBJECT_AS_ARRAY),
        ],
    );
    assert!(r.is_err());
    // arrays only: fine without assoc
    let r = call(&mut ctx, "json_decode", vec![s("[1,[2]]")]).unwrap();
    assert_eq!(r.arr().len(), 2);
    // a syntax error wins over the object limitation
    let r = call(&mut ctx, "json_decode", vec![s("{\"a\":1")]).unwrap();
    assert!(r.is_null());
    assert_eq!(last(&mut ctx).0, 4);
}

#[test]
fn round_trip() {
    let mut ctx = ExecCtx::for_tests();
    let v = map(vec![
        ("a", list(vec![i(1), s("é/\"\\"), TypedValue::null()])),
        ("0", TypedValue::bool(true)),
    ]);
    let text = enc(&mut ctx, v.clone(), 0).unwrap();
    let back = call(
        &mut ctx,
        "json_decode",
        vec![s(&text), TypedValue::bool(true)],
    )
    .unwrap();
    assert_eq!(var_dump_to(&back), var_dump_to(&v));
}
