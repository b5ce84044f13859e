//! Interpreter tests over hand-built units (no emitter needed).

use std::sync::atomic::AtomicPtr;
use std::sync::Arc;

use super::ctx::ExecCtx;
use super::run::run_main;
use crate::bytecode::op::{DimMode, IncDec, Op, Operand, NO_SLOT};
use crate::bytecode::unit::{CallShape, Func, Handler, Param, TypeHint, Unit};
use crate::runtime::value::{StaticValues, TypedValue};

fn s(i: u32) -> Operand {
    Operand::slot(i)
}
fn k(i: u32) -> Operand {
    Operand::constant(i)
}

fn func(
    id: u32,
    name: &str,
    params: &[&str],
    locals: &[&str],
    num_slots: u32,
    ops: Vec<Op>,
    consts: Vec<TypedValue>,
) -> Func {
    let (mut ops, mut consts) = (ops, consts);
    // (Handlers pushed later land inside these bodies.)
    if !crate::bytecode::unit::body_is_sealed(&ops, &[]) {
        // The implicit `return null;` the emitter appends.
        ops.push(Op::Return {
            src: k(consts.len() as u32),
        });
        consts.push(TypedValue::null());
    }
    let n = ops.len();
    let mut f = Func {
        id,
        name: name.into(),
        params: params
            .iter()
            .map(|p| Param {
                name: p.to_string(),
                by_ref: false,
                variadic: false,
                has_default: false,
                ty: None,
            })
            .collect(),
        num_captures: 0,
        num_locals: locals.len() as u32,
        num_slots,
        local_names: locals.iter().map(|s| s.to_string()).collect(),
        ops,
        lines: (0..n as u32).map(|i| i + 2).collect(),
        consts: StaticValues(consts.into_iter().map(TypedValue::into_static).collect()),
        handlers: Vec::new(),
        return_type: None,
        is_closure: false,
        returns_ref: false,
        decl_line: 2,
        jit: crate::jit::state::FuncJit::new(n),
        entry: AtomicPtr::new(std::ptr::null_mut()),
        call_shape: CallShape::UNSET,
    };
    f.call_shape = CallShape::of(&f);
    f
}

fn run(funcs: Vec<Func>, names: &[&str]) -> (String, i32) {
    let hoisted = funcs
        .iter()
        .skip(1)
        .map(|f| (f.name.to_ascii_lowercase(), f.id))
        .collect();
    let unit = Unit {
        file: "t.php".into(),
        funcs,
        main: 0,
        hoisted,
        names: names.iter().map(|s| s.to_string()).collect(),
    };
    let mut ctx = ExecCtx::new(Arc::new(unit), "t.php".into());
    ctx.out.start_buffer();
    let code = run_main(&mut ctx);
    let out = ctx.out.pop_buffer().unwrap_or_default();
    (String::from_utf8_lossy(&out).into_owned(), code)
}

fn int(i: i64) -> TypedValue {
    TypedValue::int(i)
}
fn st(s: &str) -> TypedValue {
    TypedValue::str(s.as_bytes())
}

fn fib_func() -> Func {
    func(
        1,
        "fib",
        &["n"],
        &["n"],
        4,
        vec![
            Op::CheckArgs { required: 1 },
            Op::JmpNotLt {
                a: s(0),
                b: k(0),
                target: 3,
            },
            Op::Return { src: s(0) },
            Op::Sub {
                dst: 2,
                a: s(0),
                b: k(1),
            },
            Op::Call {
                dst: 1,
                func: 1,
                args: 2,
                argc: 1,
            },
            Op::Sub {
                dst: 2,
                a: s(0),
                b: k(0),
            },
            Op::Call {
                dst: 3,
                func: 1,
                args: 2,
                argc: 1,
            },
            Op::Add {
                dst: 1,
                a: s(1),
                b: s(3),
            },
            Op::Return { src: s(1) },
        ],
        vec![int(2), int(1)],
    )
}

#[test]
fn fib_via_call() {
    let main = func(
        0,
        "{main}",
        &[],
        &["r"],
        2,
        vec![
            Op::Move { dst: 1, src: k(0) },
            Op::Call {
                dst: 0,
                func: 1,
                args: 1,
                argc: 1,
            },
            Op::Echo { src: s(0) },
            Op::Return { src: k(1) },
        ],
        vec![int(20), TypedValue::null()],
    );
    assert_eq!(run(vec![main, fib_func()], &[]), ("6765".into(), 0));
}

#[test]
fn loop_with_jmp_not_lt() {
    // $i = 0; $sum = 0; while ($i < 10) { $sum += $i; ++$i; } echo $sum;
    let main = func(
        0,
        "{main}",
        &[],
        &["i", "sum"],
        3,
        vec![
            Op::Move { dst: 0, src: k(0) },
            Op::Move { dst: 1, src: k(0) },
            Op::JmpNotLt {
                a: s(0),
                b: k(1),
                target: 6,
            },
            Op::Add {
                dst: 1,
                a: s(1),
                b: s(0),
            },
            Op::IncDec {
                kind: IncDec::PreInc,
                dst: NO_SLOT,
                target: 0,
            },
            Op::Jmp { target: 2 },
            Op::Echo { src: s(1) },
            Op::Return { src: k(0) },
        ],
        vec![int(0), int(10)],
    );
    assert_eq!(run(vec![main], &[]).0, "45");
}

#[test]
fn try_catch_throw() {
    // try { throw new Exception("boom"); echo "no"; }
    // catch (TypeError) {} catch (Exception $e) { echo $e->getMessage(); }
    let mut main = func(
        0,
        "{main}",
        &[],
        &["e"],
        5,
        vec![
            Op::Move { dst: 2, src: k(0) },
            Op::New {
                dst: 1,
                class: 0,
                args: 2,
                argc: 1,
            },
            Op::Throw { src: s(1) },
            Op::Echo { src: k(1) },
            Op::Jmp { target: 11 },
            Op::Catch {
                class: 2,
                dst: NO_SLOT,
                next: 7,
            },
            Op::Jmp { target: 11 },
            Op::Catch {
                class: 0,
                dst: 0,
                next: 10,
            },
            Op::MethodCall {
                dst: 3,
                obj: s(0),
                name: 1,
                args: 4,
                argc: 0,
            },
            Op::Echo { src: s(3) },
            Op::Jmp { target: 11 },
            Op::Rethrow,
            Op::Return { src: k(2) },
        ],
        vec![st("boom"), st("not reached"), TypedValue::null()],
    );
    main.ops[10] = Op::Jmp { target: 12 };
    main.ops[7] = Op::Catch {
        class: 0,
        dst: 0,
        next: 11,
    };
    main.handlers.push(Handler {
        start: 0,
        end: 5,
        handler: 5,
    });
    assert_eq!(
        run(vec![main], &["Exception", "getMessage", "TypeError"]),
        ("boom".into(), 0)
    );
}

#[test]
fn uncaught_exception_trace() {
    // function f($a, $b) { throw new Exception("boom"); }  f(1, "a very long string here");
    let f = func(
        1,
        "f",
        &["a", "b"],
        &["a", "b"],
        4,
        vec![
            Op::Move { dst: 3, src: k(0) },
            Op::New {
                dst: 2,
                class: 0,
                args: 3,
                argc: 1,
            },
            Op::Throw { src: s(2) },
        ],
        vec![st("boom")],
    );
    let main = func(
        0,
        "{main}",
        &[],
        &[],
        3,
        vec![
            Op::Nop,
            Op::Nop,
            Op::Nop,
            Op::Nop,
            Op::Nop,
            Op::Move { dst: 1, src: k(0) },
            Op::Move { dst: 2, src: k(1) },
            Op::Call {
                dst: 0,
                func: 1,
                args: 1,
                argc: 2,
            },
        ],
        vec![int(1), st("a very long string here")],
    );
    let (out, code) = run(vec![main, f], &["Exception"]);
    assert_eq!(code, 255);
    assert_eq!(
        out,
        "\nFatal error: Uncaught Exception: boom in t.php:3\nStack trace:\n#0 t.php(9): f(1, 'a very long str...')\n#1 {main}\n  thrown in t.php on line 3\n"
    );
}

#[test]
fn too_few_arguments() {
    let f = func(
        1,
        "t",
        &["a", "b"],
        &["a", "b"],
        2,
        vec![Op::CheckArgs { required: 2 }, Op::Return { src: k(0) }],
        vec![TypedValue::null()],
    );
    let main = func(
        0,
        "{main}",
        &[],
        &[],
        2,
        vec![
            Op::Move { dst: 1, src: k(0) },
            Op::Call {
                dst: 0,
                func: 1,
                args: 1,
                argc: 1,
            },
        ],
        vec![int(1)],
    );
    let (out, code) = run(vec![main, f], &[]);
    assert_eq!(code, 255);
    assert!(out.starts_with("\nFatal error: Uncaught ArgumentCountError: Too few arguments to function t(), 1 passed in t.php on line 3 and exactly 2 expected in t.php:2\n"), "{out}");
}

#[test]
fn foreach_over_array() {
    // $a = [10, 20, 'x' => 30]; foreach ($a as $k => $v) echo $k, '=', $v, ' ';
    let main = func(
        0,
        "{main}",
        &[],
        &["a", "k", "v"],
        6,
        vec![
            Op::NewArray { dst: 0, cap: 3 },
            Op::AddElem {
                arr: 0,
                key: None,
                val: k(0),
            },
            Op::AddElem {
                arr: 0,
                key: None,
                val: k(1),
            },
            Op::AddElem {
                arr: 0,
                key: Some(k(3)),
                val: k(2),
            },
            Op::IterInit {
                iter: 3,
                src: s(0),
                by_ref: false,
                exit: 11,
            },
            Op::IterNext {
                iter: 3,
                val: 2,
                key: 1,
                by_ref: false,
                exit: 11,
            },
            Op::Echo { src: s(1) },
            Op::Echo { src: k(4) },
            Op::Echo { src: s(2) },
            Op::Echo { src: k(5) },
            Op::Jmp { target: 5 },
            Op::IterFree { iter: 3 },
        ],
        vec![int(10), int(20), int(30), st("x"), st("="), st(" ")],
    );
    assert_eq!(run(vec![main], &[]).0, "0=10 1=20 x=30 ");
}

#[test]
fn foreach_by_ref_modifies() {
    // $a = [1, 2]; foreach ($a as &$v) $v = $v * 10; echo $a[0] + $a[1];
    let main = func(
        0,
        "{main}",
        &[],
        &["a", "v"],
        6,
        vec![
            Op::NewArray { dst: 0, cap: 2 },
            Op::AddElem {
                arr: 0,
                key: None,
                val: k(0),
            },
            Op::AddElem {
                arr: 0,
                key: None,
                val: k(1),
            },
            Op::IterInit {
                iter: 2,
                src: s(0),
                by_ref: true,
                exit: 7,
            },
            Op::IterNext {
                iter: 2,
                val: 1,
                key: NO_SLOT,
                by_ref: true,
                exit: 7,
            },
            Op::Mul {
                dst: 1,
                a: s(1),
                b: k(2),
            },
            Op::Jmp { target: 4 },
            Op::IterFree { iter: 2 },
            Op::FetchDim {
                dst: 4,
                base: s(0),
                key: k(3),
            },
            Op::FetchDim {
                dst: 5,
                base: s(0),
                key: k(0),
            },
            Op::Add {
                dst: 4,
                a: s(4),
                b: s(5),
            },
            Op::Echo { src: s(4) },
        ],
        vec![int(1), int(2), int(10), int(0)],
    );
    assert_eq!(run(vec![main], &[]).0, "30");
}

#[test]
fn nested_dim_writes() {
    // $a[1][2] = 5; $a[1][] = 6; echo $a[1][2], $a[1][3]; echo $a[9];
    let main = func(
        0,
        "{main}",
        &["a"],
        &["a"],
        4,
        vec![
            Op::FetchDimW {
                dst: 1,
                base: 0,
                key: Some(k(0)),
                mode: DimMode::Write,
            },
            Op::AssignDim {
                dst: NO_SLOT,
                base: 1,
                key: Some(k(1)),
                val: k(2),
            },
            Op::FetchDimW {
                dst: 1,
                base: 0,
                key: Some(k(0)),
                mode: DimMode::Write,
            },
            Op::AssignDim {
                dst: NO_SLOT,
                base: 1,
                key: None,
                val: k(3),
            },
            Op::FetchDim {
                dst: 2,
                base: s(0),
                key: k(0),
            },
            Op::FetchDim {
                dst: 3,
                base: s(2),
                key: k(1),
            },
            Op::Echo { src: s(3) },
            Op::FetchDim {
                dst: 3,
                base: s(2),
                key: k(4),
            },
            Op::Echo { src: s(3) },
            Op::FetchDim {
                dst: 3,
                base: s(0),
                key: k(5),
            },
        ],
        vec![int(1), int(2), int(5), int(6), int(3), int(9)],
    );
    assert_eq!(
        run(vec![main], &[]).0,
        "56\nWarning: Undefined array key 9 in t.php on line 11\n"
    );
}

#[test]
fn concat_and_concat_n() {
    // $s = "a"; $s = $s . "b" (in place); $t = "{$s}-{$i}"; echo $t;
    let main = func(
        0,
        "{main}",
        &[],
        &["s", "i", "t"],
        3,
        vec![
            Op::Concat {
                dst: 0,
                a: k(0),
                b: k(1),
            },
            Op::Concat {
                dst: 0,
                a: s(0),
                b: k(1),
            },
            Op::Move { dst: 1, src: k(2) },
            Op::ConcatN {
                dst: 2,
                parts: vec![s(0), k(3), s(1)].into_boxed_slice(),
            },
            Op::Echo { src: s(2) },
        ],
        vec![st("a"), st("b"), int(42), st("-")],
    );
    assert_eq!(run(vec![main], &[]).0, "abb-42");
}

#[test]
fn undefined_variable_warns() {
    let main = func(
        0,
        "{main}",
        &[],
        &["x"],
        1,
        vec![Op::Echo { src: s(0) }],
        vec![],
    );
    assert_eq!(
        run(vec![main], &[]).0,
        "\nWarning: Undefined variable $x in t.php on line 2\n"
    );
}

#[test]
fn typed_param_coercion_and_error() {
    let mut f = func(
        1,
        "f",
        &["x"],
        &["x"],
        1,
        vec![
            Op::VerifyParam { slot: 0, param: 0 },
            Op::Return { src: s(0) },
        ],
        vec![],
    );
    f.params[0].ty = Some(TypeHint::Int);
    let main = func(
        0,
        "{main}",
        &[],
        &[],
        2,
        vec![
            Op::Move { dst: 1, src: k(0) },
            Op::Call {
                dst: 0,
                func: 1,
                args: 1,
                argc: 1,
            },
            Op::Add {
                dst: 0,
                a: s(0),
                b: k(2),
            },
            Op::Echo { src: s(0) },
            Op::Move { dst: 1, src: k(1) },
            Op::Call {
                dst: 0,
                func: 1,
                args: 1,
                argc: 1,
            },
        ],
        vec![st("5"), st("abc"), int(1)],
    );
    let (out, code) = run(vec![main, f], &[]);
    assert_eq!(code, 255);
    assert!(out.starts_with("6\nFatal error: Uncaught TypeError: f(): Argument #1 ($x) must be of type int, string given, called in t.php on line 7 and defined in t.php:2\nStack trace:\n#0 t.php(7): f('abc')\n#1 {main}\n"), "{out}");
}

#[test]
fn exit_and_unsupported() {
    let main = func(
        0,
        "{main}",
        &[],
        &[],
        1,
        vec![Op::Echo { src: k(0) }, Op::Exit { src: Some(k(1)) }],
        vec![st("hi"), int(3)],
    );
    assert_eq!(run(vec![main], &[]), ("hi".into(), 3));
    let main = func(
        0,
        "{main}",
        &[],
        &[],
        1,
        vec![Op::Unsupported { what: 0 }],
        vec![],
    );
    assert_eq!(
        run(vec![main], &["Classes are not supported"]),
        (
            "\nFatal error: Classes are not supported in t.php on line 2\n".into(),
            255
        )
    );
}

#[test]
fn finally_rethrows() {
    // try { throw new Exception("x"); } finally { echo "f"; }
    let mut main = func(
        0,
        "{main}",
        &[],
        &[],
        6,
        vec![
            Op::Move { dst: 1, src: k(0) },
            Op::New {
                dst: 0,
                class: 0,
                args: 1,
                argc: 1,
            },
            Op::Throw { src: s(0) },
            Op::Move { dst: 3, src: k(2) },
            Op::FinallyFromThrow { state: 3, exc: 4 },
            Op::Echo { src: k(1) },
            Op::FinallyEnd {
                state: 3,
                exc: 4,
                ret: 5,
                outer: None,
            },
        ],
        vec![st("x"), st("f"), int(0)],
    );
    main.handlers.push(Handler {
        start: 0,
        end: 3,
        handler: 4,
    });
    let (out, code) = run(vec![main], &["Exception"]);
    assert_eq!(code, 255);
    assert!(
        out.starts_with("f\nFatal error: Uncaught Exception: x in t.php:3"),
        "{out}"
    );
}

#[test]
fn closure_with_capture_via_call_user() {
    let mut clo = func(
        1,
        "{closure}",
        &["a"],
        &["a", "m"],
        3,
        vec![
            Op::Mul {
                dst: 2,
                a: s(0),
                b: s(1),
            },
            Op::Return { src: s(2) },
        ],
        vec![],
    );
    clo.num_captures = 1;
    clo.call_shape = CallShape::of(&clo);
    clo.is_closure = true;
    let main = func(
        0,
        "{main}",
        &[],
        &["m", "c"],
        4,
        vec![
            Op::Move { dst: 0, src: k(0) },
            Op::MakeClosure {
                dst: 1,
                func: 1,
                captures: vec![(0, crate::bytecode::op::Capture::Value)].into_boxed_slice(),
            },
            Op::Move { dst: 3, src: k(1) },
            Op::CallValue {
                dst: 2,
                callee: s(1),
                args: 3,
                argc: 1,
            },
            Op::Echo { src: s(2) },
        ],
        vec![int(6), int(7)],
    );
    assert_eq!(run(vec![main, clo], &[]).0, "42");
}

#[test]
fn bind_ref_into_array_element() {
    // $v = 1; $a[] = &$v; $a[0] = 5; echo $v;
    let main = func(
        0,
        "{main}",
        &[],
        &["v", "a"],
        5,
        vec![
            Op::Move { dst: 0, src: k(0) },
            Op::MakeRef { dst: 2, src: 0 },
            Op::FetchDimW {
                dst: 3,
                base: 1,
                key: None,
                mode: DimMode::Write,
            },
            Op::BindRef { dst: 3, src: 2 },
            Op::AssignDim {
                dst: NO_SLOT,
                base: 1,
                key: Some(k(1)),
                val: k(2),
            },
            Op::Echo { src: s(0) },
            Op::Return { src: k(3) },
        ],
        vec![int(1), int(0), int(5), TypedValue::null()],
    );
    assert_eq!(run(vec![main], &[]), ("5".into(), 0));
}

/// A built-in's result nobody takes (`strtoupper($s);` as a statement: `NO_SLOT`)
/// is released: here the argument itself, shared back, loses the owner it gained.
#[test]
fn discarded_builtin_results_are_released() {
    let mut ctx = ExecCtx::for_tests();
    let s = TypedValue::string(b"ABC".to_vec());
    let mut frame = [s.clone(), TypedValue::uninit()];
    assert_eq!(s.refcount(), Some(2));
    let upper = crate::runtime::builtins::registry::lookup("strtoupper").expect("a built-in");
    super::interp_call::call_builtin_slots(&mut ctx, upper, frame.as_mut_ptr(), 0, 1, NO_SLOT)
        .expect("strtoupper of a string");
    assert!(frame[0].is_uninit(), "the argument was consumed");
    assert_eq!(s.refcount(), Some(1));
}
