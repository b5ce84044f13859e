//! The relocator on objects LLVM emitted: code is compiled from IR here, loaded into
//! a real translation cache at its final address, and run.

use crate::jit::opt::codegen::Llvm;
use crate::jit::opt::reloc::{self, RelocError};
use crate::jit::tc::{CodeCache, TcConfig, ViewKind};

/// Compiles `ir`, loads it into `tc`'s hot block and returns the address of `sym`.
fn load(tc: &CodeCache, ir: &str, sym: &str) -> Result<usize, RelocError> {
    let mut llvm = Llvm::new(2).expect("LLVM initializes");
    let compiled = llvm.compile("reloc_test", ir, false).expect("compiles");
    let file = reloc::parse(&compiled.object)?;
    let layout = reloc::plan(&file)?;
    let span = tc
        .view(ViewKind::Optimized)
        .alloc_main(layout.size, 64)
        .ok_or(RelocError::TcFull)?;
    let image = layout.image(&file, span.rx_addr())?;
    span.write(&image).expect("fits its allocation");
    assert!(layout.text_len <= layout.size);
    Ok(layout
        .named_symbol(&file, sym, span.rx_addr())
        .expect("symbol defined"))
}

fn cache() -> CodeCache {
    CodeCache::new(TcConfig {
        hot: 64 << 10,
        main: 64 << 10,
        prof: 4 << 10,
        cold: 4 << 10,
        frozen: 4 << 10,
    })
    .expect("TC maps")
}

/// A call between two functions, a float constant from the constant pool, a switch
/// lowered to a jump table, and `memset` (an external symbol reached through a
/// trampoline), all in one object.
const MIXED: &str = r#"
define internal double @scale(i64 %x) noinline {
  %f = sitofp i64 %x to double
  %r = fmul double %f, 2.5
  ret double %r
}
define i64 @pick(i64 %k) noinline {
  switch i64 %k, label %d [ i64 0, label %a i64 1, label %b i64 2, label %c i64 3, label %e i64 4, label %g ]
a: ret i64 11
b: ret i64 22
c: ret i64 33
e: ret i64 44
g: ret i64 55
d: ret i64 -1
}
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
define i64 @entry(i64 %x, ptr %buf, i64 %n) {
  call void @llvm.memset.p0.i64(ptr %buf, i8 7, i64 %n, i1 false)
  %d = call double @scale(i64 %x)
  %i = fptosi double %d to i64
  %k = urem i64 %x, 6
  %p = call i64 @pick(i64 %k)
  %s = add i64 %i, %p
  ret i64 %s
}
"#;

#[test]
fn loads_and_runs_calls_constants_jump_tables_and_memset() {
    let tc = cache();
    let entry = load(&tc, MIXED, "entry").expect("loads");
    assert!(tc.contains_code(entry));
    // SAFETY: `entry` is the relocated `i64 entry(i64, ptr, i64)` just loaded.
    let f: extern "C" fn(i64, *mut u8, i64) -> i64 = unsafe { std::mem::transmute(entry) };
    let mut buf = vec![0u8; 300];
    for x in 0..12 {
        let want = (x as f64 * 2.5) as i64 + [11, 22, 33, 44, 55, -1][x as usize % 6];
        assert_eq!(f(x, buf.as_mut_ptr(), 300), want, "x = {x}");
    }
    assert!(buf.iter().all(|&b| b == 7), "memset through its trampoline");
}

#[test]
fn two_images_at_different_addresses_both_run() {
    let tc = cache();
    let a = load(&tc, MIXED, "pick").expect("loads");
    let b = load(&tc, MIXED, "pick").expect("loads");
    assert_ne!(a, b);
    for p in [a, b] {
        // SAFETY: `p` is a relocated `i64 pick(i64)`.
        let f: extern "C" fn(i64) -> i64 = unsafe { std::mem::transmute(p) };
        assert_eq!((f(0), f(4), f(9)), (11, 55, -1));
    }
}

#[test]
fn refuses_writable_data_and_unknown_symbols() {
    let tc = cache();
    let data = "@counter = global i64 0\n\
                define i64 @bump() {\n  %v = load i64, ptr @counter\n  %n = add i64 %v, 1\n  \
                store i64 %n, ptr @counter\n  ret i64 %n\n}\n";
    assert!(matches!(
        load(&tc, data, "bump"),
        Err(RelocError::Unsupported(_))
    ));
    let unknown = "declare i64 @no_such_helper(i64)\n\
                   define i64 @f(i64 %x) {\n  %r = call i64 @no_such_helper(i64 %x)\n  ret i64 %r\n}\n";
    assert_eq!(
        load(&tc, unknown, "f"),
        Err(RelocError::UndefinedSymbol("no_such_helper".into()))
    );
}

#[test]
fn refuses_garbage() {
    assert!(matches!(
        reloc::parse(b"not an object"),
        Err(RelocError::Parse(_))
    ));
}
