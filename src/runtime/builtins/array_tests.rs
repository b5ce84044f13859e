//! Tests of the array built-ins against outputs recorded from `php -n` (PHP 8.2).
//!
//! Each case is `function|arguments|expected`: the arguments are PHP literals, the
//! expectation is `R=<result>` or `E=<Class>:<message>`, then `A=<first argument
//! after the call>` and the diagnostics (`W:` warnings, `D:` deprecations), in the
//! compact dump format of `dump` below (produced on the PHP side by the same format).

use super::registry;
use crate::runtime::array::{KeyRef, PhpArray};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, Fault};

/// A tiny parser of PHP literals: ints, floats, 'strings', null, true, false, arrays.
struct P<'a> {
    s: &'a [u8],
    i: usize,
}

impl P<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }
    fn peek(&mut self) -> u8 {
        self.ws();
        self.s.get(self.i).copied().unwrap_or(0)
    }
    fn eat(&mut self, t: &str) -> bool {
        self.ws();
        if self.s[self.i..].starts_with(t.as_bytes()) {
            self.i += t.len();
            true
        } else {
            false
        }
    }
    fn value(&mut self) -> TypedValue {
        match self.peek() {
            b'[' => {
                self.i += 1;
                let mut a = PhpArray::new();
                while !self.eat("]") {
                    let v = self.value();
                    if self.eat("=>") {
                        let x = self.value();
                        let k = crate::runtime::convert::to_key(&mut ExecCtx::for_tests(), &v)
                            .ok()
                            .unwrap();
                        a.set_key(k, x);
                    } else {
                        a.push(v);
                    }
                    self.eat(",");
                }
                TypedValue::array(a)
            }
            b'\'' => {
                self.i += 1;
                let mut out = Vec::new();
                while self.s[self.i] != b'\'' {
                    if self.s[self.i] == b'\\' {
                        self.i += 1;
                    }
                    out.push(self.s[self.i]);
                    self.i += 1;
                }
                self.i += 1;
                TypedValue::string(out)
            }
            _ => {
                let start = self.i;
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|c| !b",]=".contains(c) && !c.is_ascii_whitespace())
                {
                    self.i += 1;
                }
                let w = std::str::from_utf8(&self.s[start..self.i]).unwrap();
                match w {
                    "null" => TypedValue::null(),
                    "true" => TypedValue::bool(true),
                    "false" => TypedValue::bool(false),
                    _ => match w.parse::<i64>() {
                        Ok(i) => TypedValue::int(i),
                        Err(_) => TypedValue::double(
                            w.parse::<f64>()
                                .unwrap_or_else(|_| panic!("bad literal {w}")),
                        ),
                    },
                }
            }
        }
    }
    fn list(&mut self) -> Vec<TypedValue> {
        let mut v = Vec::new();
        while self.peek() != 0 {
            v.push(self.value());
            self.eat(",");
        }
        v
    }
}

fn dump(v: &TypedValue) -> String {
    let v = v.deref();
    match v.tag() {
        tag::UNINIT | tag::NULL => "null".into(),
        tag::BOOL => v.bool_val().to_string(),
        tag::INT => v.int_val().to_string(),
        tag::DOUBLE => {
            // var_export's form: 1.0E+25, 1.5E-7.
            let r = format!("{:?}", v.double_val());
            let r = match r.split_once('e') {
                Some((m, e)) if !m.contains('.') => format!("{m}.0e{e}"),
                _ => r,
            };
            match r.split_once('e') {
                Some((m, e)) if e.starts_with('-') => format!("f{m}E{e}"),
                Some((m, e)) => format!("f{m}E+{e}"),
                None => format!("f{r}"),
            }
        }
        tag::STRING => format!("\"{}\"", String::from_utf8_lossy(v.str_bytes())),
        tag::ARRAY => {
            let parts: Vec<String> = v
                .arr()
                .iter()
                .map(|(k, x)| match k {
                    KeyRef::Int(i) => format!("{i}:{}", dump(x)),
                    KeyRef::Str(s) => format!("\"{}\":{}", String::from_utf8_lossy(s), dump(x)),
                })
                .collect();
            format!("{{{}}}", parts.join(","))
        }
        _ => "?".into(),
    }
}

fn diagnostics(out: &[u8]) -> String {
    let text = String::from_utf8_lossy(out);
    let mut r = String::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let line = line.trim_end_matches(" in test.php on line 0");
        if let Some(m) = line.strip_prefix("Warning: ") {
            r += &format!("W:{m};");
        } else if let Some(m) = line.strip_prefix("Deprecated: ") {
            r += &format!("D:{m};");
        } else {
            r += &format!("?:{line};");
        }
    }
    r
}

pub fn run_case(fname: &str, lit: &str) -> String {
    let mut ctx = ExecCtx::for_tests();
    let id = registry::lookup(fname).unwrap_or_else(|| panic!("no built-in {fname}"));
    let b = registry::get(id);
    let mut args = P {
        s: lit.as_bytes(),
        i: 0,
    }
    .list();
    for (i, a) in args.iter_mut().enumerate() {
        if b.is_by_ref(i) {
            let v = a.take();
            *a = TypedValue::new_ref(v);
        }
    }
    ctx.out.start_buffer();
    let r = ctx.call_builtin(id, &mut args);
    let out = ctx.out.pop_buffer().unwrap_or_default();
    let mut s = match r {
        Ok(v) => format!("R={}", dump(&v)),
        Err(Fault::Throw(e)) => {
            let o = e.obj();
            let msg = o
                .prop("message")
                .map(|m| String::from_utf8_lossy(m.str_bytes()).into_owned());
            format!("E={}:{}", o.class_name(), msg.unwrap_or_default())
        }
        Err(Fault::Fatal { msg, .. }) => format!("F={msg}"),
        Err(Fault::Exit(c)) => format!("X={c}"),
    };
    s += &format!(
        " A={} {}",
        args.first().map_or("-".into(), dump),
        diagnostics(&out)
    );
    s
}

fn check(cases: &str) {
    let mut failures = Vec::new();
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.splitn(3, '|');
        let (f, lit, want) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        let got = run_case(f, lit);
        if got.trim_end() != want.trim_end() {
            failures.push(format!("{f}({lit})\n   want {want}\n    got {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn array_builtins_match_php() {
    check(include_str!("array_tests.expect"));
}

mod scope {
    use std::sync::atomic::AtomicPtr;
    use std::sync::Arc;

    use super::{dump, run_builtin};
    use crate::bytecode::unit::{CallShape, Func, Unit};
    use crate::runtime::value::{StaticValues, TypedValue};
    use crate::vm::ctx::ExecCtx;

    /// A context whose main script has locals `$a`, `$b`, `$c` living in `frame`.
    fn ctx_with_locals(frame: &mut [TypedValue]) -> ExecCtx {
        let mut f = Func {
            id: 0,
            name: "{main}".into(),
            params: Vec::new(),
            num_captures: 0,
            num_locals: 3,
            num_slots: 3,
            local_names: vec!["$a".into(), "$b".into(), "$c".into()],
            ops: Vec::new(),
            lines: Vec::new(),
            consts: StaticValues(Vec::new()),
            handlers: Vec::new(),
            return_type: None,
            is_closure: false,
            returns_ref: false,
            decl_line: 0,
            jit: crate::jit::state::FuncJit::new(0),
            entry: AtomicPtr::new(std::ptr::null_mut()),
            call_shape: CallShape::UNSET,
        };
        f.call_shape = CallShape::of(&f);
        let unit = Unit {
            file: "test.php".into(),
            funcs: vec![f],
            main: 0,
            hoisted: Vec::new(),
            names: Vec::new(),
        };
        let mut ctx = ExecCtx::new(Arc::new(unit), "test.php".into());
        ctx.main_frame = frame.as_mut_ptr();
        ctx
    }

    #[test]
    fn compact_reads_the_callers_locals() {
        let mut frame = vec![TypedValue::int(1), TypedValue::uninit(), TypedValue::null()];
        let mut ctx = ctx_with_locals(&mut frame);
        let names = TypedValue::array(crate::runtime::array::PhpArray::from_values(vec![
            TypedValue::str(b"c"),
            TypedValue::str(b"zz"),
        ]));
        let (r, out) = run_builtin(
            &mut ctx,
            "compact",
            vec![TypedValue::str(b"a"), TypedValue::str(b"b"), names],
        );
        assert_eq!(r, "R={\"a\":1,\"c\":null}");
        assert_eq!(
            out,
            "W:compact(): Undefined variable $b;W:compact(): Undefined variable $zz;"
        );
        let (r, out) = run_builtin(&mut ctx, "compact", vec![TypedValue::int(5)]);
        assert_eq!(r, "R={}");
        assert_eq!(
            out,
            "W:compact(): Argument #1 must be string or array of strings, int given;"
        );
    }

    #[test]
    fn extract_writes_the_callers_locals() {
        let mut frame = vec![
            TypedValue::int(1),
            TypedValue::uninit(),
            TypedValue::uninit(),
        ];
        let mut ctx = ctx_with_locals(&mut frame);
        let mut src = crate::runtime::array::PhpArray::new();
        src.set_str(b"a", TypedValue::int(2));
        src.set_str(b"b", TypedValue::int(3));
        src.set_str(b"1x", TypedValue::int(4));
        src.set_int(7, TypedValue::int(8));
        src.set_str(b"d", TypedValue::int(5));
        let src = TypedValue::array(src);
        let (r, _) = run_builtin(&mut ctx, "extract", vec![src.clone(), TypedValue::int(1)]);
        assert_eq!(r, "R=2"); // EXTR_SKIP: b and d are new, a exists
        drop(ctx);
        assert_eq!((dump(&frame[0]), dump(&frame[1])), ("1".into(), "3".into()));
        let mut ctx = ctx_with_locals(&mut frame);
        let (r, _) = run_builtin(&mut ctx, "extract", vec![src.clone()]);
        assert_eq!(r, "R=3");
        assert_eq!(ctx.extra_globals.get("d").map(dump), Some("5".into()));
        let (r, _) = run_builtin(
            &mut ctx,
            "extract",
            vec![src.clone(), TypedValue::int(3), TypedValue::str(b"p")],
        );
        assert_eq!(r, "R=5");
        assert_eq!(ctx.extra_globals.get("p_7").map(dump), Some("8".into()));
        let (r, _) = run_builtin(&mut ctx, "extract", vec![src.clone(), TypedValue::int(99)]);
        assert_eq!(
            r,
            "E=ValueError:extract(): Argument #2 ($flags) must be a valid extract type"
        );
        let (r, _) = run_builtin(&mut ctx, "extract", vec![src, TypedValue::int(3)]);
        assert_eq!(r, "E=ValueError:extract(): Argument #3 ($prefix) is required when using this extract type");
        drop(ctx);
        assert_eq!(dump(&frame[0]), "2");
    }

    #[test]
    fn extract_refs_binds_variables_to_the_elements() {
        let mut frame = vec![
            TypedValue::int(1),
            TypedValue::uninit(),
            TypedValue::uninit(),
        ];
        let mut ctx = ctx_with_locals(&mut frame);
        let mut src = crate::runtime::array::PhpArray::new();
        src.set_str(b"a", TypedValue::int(2));
        src.set_str(b"b", TypedValue::int(3));
        let data = TypedValue::new_ref(TypedValue::array(src));
        let (r, _) = run_builtin(
            &mut ctx,
            "extract",
            vec![data.clone(), TypedValue::int(256)],
        );
        assert_eq!(r, "R=2");
        drop(ctx);
        assert!(frame[0].is_ref() && frame[1].is_ref());
        *frame[0].deref_mut() = TypedValue::int(100);
        assert_eq!(dump(&data), "{\"a\":100,\"b\":3}");
    }
}

/// Calls a built-in in `ctx`; returns the result (`R=`/`E=`) and the diagnostics.
fn run_builtin(ctx: &mut ExecCtx, fname: &str, mut args: Vec<TypedValue>) -> (String, String) {
    let id = registry::lookup(fname).unwrap();
    ctx.out.start_buffer();
    let r = ctx.call_builtin(id, &mut args);
    let out = ctx.out.pop_buffer().unwrap_or_default();
    let r = match r {
        Ok(v) => format!("R={}", dump(&v)),
        Err(Fault::Throw(e)) => {
            let o = e.obj();
            let msg = o
                .prop("message")
                .map(|m| String::from_utf8_lossy(m.str_bytes()).into_owned());
            format!("E={}:{}", o.class_name(), msg.unwrap_or_default())
        }
        Err(f) => format!("{f:?}"),
    };
    (r, diagnostics(&out))
}

/// array_rand draws through `php_mt_rand_range` like PHP; the expected keys were
/// recorded with `mt_srand(42)`.
#[test]
fn array_rand_matches_php_seed_42() {
    let mut ctx = ExecCtx::for_tests();
    ctx.mt.seed(42);
    ctx.mt_seeded = true;
    let ten = || {
        TypedValue::array(PhpArray::from_values(
            (0..10).map(TypedValue::int).collect(),
        ))
    };
    assert_eq!(run_builtin(&mut ctx, "array_rand", vec![ten()]).0, "R=2");
    assert_eq!(
        run_builtin(&mut ctx, "array_rand", vec![ten(), TypedValue::int(3)]).0,
        "R={0:4,1:6,2:7}"
    );
    let mut abc = PhpArray::new();
    for k in [b"a", b"b", b"c"] {
        abc.set_str(k, TypedValue::int(1));
    }
    let r = run_builtin(
        &mut ctx,
        "array_rand",
        vec![TypedValue::array(abc), TypedValue::int(2)],
    )
    .0;
    assert_eq!(r, "R={0:\"b\",1:\"c\"}");
    let hundred = TypedValue::array(PhpArray::from_values(
        (0..100).map(TypedValue::int).collect(),
    ));
    let r = run_builtin(&mut ctx, "array_rand", vec![hundred, TypedValue::int(90)]).0;
    let want: Vec<String> = [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 28, 29,
        30, 32, 33, 34, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 55, 56,
        57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 79, 80,
        81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    ]
    .iter()
    .enumerate()
    .map(|(i, k)| format!("{i}:{k}"))
    .collect();
    assert_eq!(r, format!("R={{{}}}", want.join(",")));
}

/// Any comparator, however inconsistent, yields a permutation and no panic.
#[test]
fn sort_indices_survives_random_comparators() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for n in (0..70).chain([200, 1500, 3000]) {
        let mut cmp = |_: usize, _: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            Ok([
                std::cmp::Ordering::Less,
                std::cmp::Ordering::Equal,
                std::cmp::Ordering::Greater,
            ][(state % 3) as usize])
        };
        let mut v = super::array_sort::sort_indices(n, &mut cmp).ok().unwrap();
        v.sort_unstable();
        assert_eq!(v, (0..n).collect::<Vec<_>>());
    }
    // A consistent comparator sorts, ties in the original order.
    let keys: Vec<u32> = (0..5000u32)
        .map(|i| i.wrapping_mul(2_654_435_761) % 97)
        .collect();
    let v = super::array_sort::sort_indices(keys.len(), &mut |i, j| Ok(keys[i].cmp(&keys[j])))
        .ok()
        .unwrap();
    assert!(v
        .windows(2)
        .all(|w| (keys[w[0]], w[0]) < (keys[w[1]], w[1])));
}

#[test]
#[ignore]
fn bench_sort_million() {
    let mut ctx = ExecCtx::for_tests();
    let mut x = 12345u64;
    let vals: Vec<TypedValue> = (0..1_000_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            TypedValue::int((x % 1_000_000) as i64)
        })
        .collect();
    let strs: Vec<TypedValue> = vals
        .iter()
        .map(|v| TypedValue::string(format!("s{}", v.int_val()).into_bytes()))
        .collect();
    for (name, v) in [("sort", vals.clone()), ("sort", strs), ("asort", vals)] {
        let t = std::time::Instant::now();
        let r = run_builtin(
            &mut ctx,
            name,
            vec![TypedValue::new_ref(TypedValue::array(
                PhpArray::from_values(v),
            ))],
        );
        eprintln!("{name}: {:?} {}", t.elapsed(), r.0);
    }
}
