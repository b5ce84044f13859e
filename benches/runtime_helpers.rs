//! The runtime helpers every tier bottoms out in, one criterion benchmark each:
//! string concatenation (a new string, and `.=` appending in place), packed arrays
//! (read, overwrite, append), hash arrays (lookup by string key, key normalisation),
//! int and double to string, PHP 8 loose comparison, and the reference counting of
//! `TypedValue` (clone + drop of a counted value, and of a scalar for contrast).
//!
//! Each benchmark does a small batch of operations per iteration (`OPS`), so
//! criterion's elem/s is operations per second and the loop overhead is shared out.
//! `cargo bench --bench runtime_helpers -- --quick` runs in well under a minute.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, Throughput};
use hopjit::runtime::array::{KeyRef, PhpArray};
use hopjit::runtime::compare::{loose_compare, loose_equals};
use hopjit::runtime::convert::{append_str, float_to_string, to_str_quiet};
use hopjit::runtime::str_cell::StrBuf;
use hopjit::runtime::value::TypedValue;
use hopjit::runtime::{arith, convert};
use hopjit::vm::ctx::ExecCtx;

/// Operations per criterion iteration.
const OPS: u64 = 1000;

/// An execution context for the helpers that may warn (they take one); nothing in
/// these benchmarks does warn.
fn ctx() -> ExecCtx {
    let prog = hopjit::compiler::parse(b"<?php", "bench.php").expect("parses");
    let unit = hopjit::bytecode::emit::compile(&prog, "bench.php", "bench.php").expect("compiles");
    ExecCtx::new(Arc::new(unit), "bench.php".into())
}

type Group<'a> = BenchmarkGroup<'a, criterion::measurement::WallTime>;

fn strings(g: &mut Group, ctx: &mut ExecCtx) {
    let a = TypedValue::str(b"hello, ");
    let b = TypedValue::str(b"world");
    let n = TypedValue::int(1_234_567);
    g.bench_function("concat/str.str", |bn| {
        bn.iter(|| {
            for _ in 0..OPS {
                black_box(arith::concat(ctx, black_box(&a), black_box(&b)).ok());
            }
        })
    });
    g.bench_function("concat/str.int", |bn| {
        bn.iter(|| {
            for _ in 0..OPS {
                black_box(arith::concat(ctx, black_box(&a), black_box(&n)).ok());
            }
        })
    });
    // `$s .= $x` on a unique string: what the interpreter's in-place fast path does.
    g.bench_function("append_in_place/str", |bn| {
        bn.iter(|| {
            let mut s = TypedValue::str(b"");
            for _ in 0..OPS {
                s.str_append(black_box(&b).str_bytes());
            }
            black_box(s)
        })
    });
    g.bench_function("append_in_place/int", |bn| {
        bn.iter(|| {
            let mut buf = Vec::new();
            for _ in 0..OPS {
                append_str(ctx, &mut buf, black_box(&n)).ok();
            }
            black_box(buf)
        })
    });
}

fn arrays(g: &mut Group) {
    let packed = PhpArray::from_values((0..OPS as i64).map(TypedValue::int).collect());
    g.bench_function("packed/get_int", |bn| {
        bn.iter(|| {
            let mut s = 0i64;
            for i in 0..OPS as i64 {
                s += packed.get_int(black_box(i)).map_or(0, TypedValue::int_val);
            }
            s
        })
    });
    let mut over = packed.clone();
    g.bench_function("packed/set_int", |bn| {
        bn.iter(|| {
            for i in 0..OPS as i64 {
                over.set_int(black_box(i), TypedValue::int(i));
            }
        })
    });
    g.bench_function("packed/push", |bn| {
        bn.iter(|| {
            let mut a = PhpArray::new();
            for i in 0..OPS as i64 {
                a.push(TypedValue::int(i));
            }
            black_box(a)
        })
    });
    let keys: Vec<Vec<u8>> = (0..OPS).map(|i| format!("key_{i}").into_bytes()).collect();
    let mut hash = PhpArray::new();
    for (i, k) in keys.iter().enumerate() {
        hash.set_str(k, TypedValue::int(i as i64));
    }
    g.bench_function("hash/get_str", |bn| {
        bn.iter(|| {
            let mut s = 0i64;
            for k in &keys {
                s += hash.get_str(black_box(k)).map_or(0, TypedValue::int_val);
            }
            s
        })
    });
    // `$a[$k]` with a string key: decide "123" → int 123 first (KeyRef::from_bytes).
    g.bench_function("hash/get_normalised_key", |bn| {
        bn.iter(|| {
            let mut s = 0i64;
            for k in &keys {
                s += hash
                    .get(KeyRef::from_bytes(black_box(k)))
                    .map_or(0, TypedValue::int_val);
            }
            s
        })
    });
}

fn conversions(g: &mut Group) {
    // The digits written into a string under construction (concatenations).
    g.bench_function("int_to_string/push_int", |bn| {
        let mut buf = StrBuf::with_capacity(32);
        bn.iter(|| {
            for i in 0..OPS as i64 {
                buf.clear();
                buf.push_int(black_box(i * 7919 - 500_000));
                black_box(buf.len());
            }
        })
    });
    let ints: Vec<TypedValue> = (0..OPS as i64).map(|i| TypedValue::int(i * 7919)).collect();
    g.bench_function("int_to_string/to_str_quiet", |bn| {
        bn.iter(|| {
            for v in &ints {
                black_box(to_str_quiet(black_box(v)).len());
            }
        })
    });
    g.bench_function("double_to_string", |bn| {
        bn.iter(|| {
            for i in 0..OPS {
                black_box(float_to_string(black_box(i as f64 * 0.37 + 0.1)));
            }
        })
    });
    let numeric = TypedValue::str(b"  12345.5");
    g.bench_function("string_to_float", |bn| {
        bn.iter(|| {
            for _ in 0..OPS {
                black_box(convert::to_float(black_box(&numeric)));
            }
        })
    });
}

fn comparisons(g: &mut Group) {
    let pairs: [(&str, TypedValue, TypedValue); 4] = [
        ("int_int", TypedValue::int(42), TypedValue::int(43)),
        (
            "int_numeric_str",
            TypedValue::int(42),
            TypedValue::str(b"42.0"),
        ),
        (
            "str_str_numeric",
            TypedValue::str(b"1e3"),
            TypedValue::str(b"1000"),
        ),
        (
            "str_str",
            TypedValue::str(b"apple"),
            TypedValue::str(b"apricot"),
        ),
    ];
    for (name, a, b) in &pairs {
        g.bench_function(format!("loose_equals/{name}"), |bn| {
            bn.iter(|| {
                for _ in 0..OPS {
                    black_box(loose_equals(black_box(a), black_box(b)));
                }
            })
        });
    }
    let (a, b) = (TypedValue::double(1.5), TypedValue::str(b"2"));
    g.bench_function("loose_compare/double_str", |bn| {
        bn.iter(|| {
            for _ in 0..OPS {
                black_box(loose_compare(black_box(&a), black_box(&b)));
            }
        })
    });
}

fn refcounting(g: &mut Group) {
    let s = TypedValue::str(b"a counted string");
    let a = TypedValue::array(PhpArray::from_values(vec![TypedValue::int(1)]));
    let i = TypedValue::int(7);
    for (name, v) in [("string", &s), ("array", &a), ("int", &i)] {
        g.bench_function(format!("clone_drop/{name}"), |bn| {
            bn.iter(|| {
                for _ in 0..OPS {
                    drop(black_box(black_box(v).clone()));
                }
            })
        });
    }
}

fn main() {
    let mut ctx = ctx();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_millis(700))
        .sample_size(20)
        .configure_from_args();
    let mut g = c.benchmark_group("runtime");
    g.throughput(Throughput::Elements(OPS));
    strings(&mut g, &mut ctx);
    arrays(&mut g);
    conversions(&mut g);
    comparisons(&mut g);
    refcounting(&mut g);
    g.finish();
    c.final_summary();
}
