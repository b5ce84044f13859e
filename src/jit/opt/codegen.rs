//! LLVM for the optimizing tier's workers: IR text in, an ELF object out, through
//! hopjit's LLVM back end (`crates/hopjit-llvm`, built as `libhopjit_llvm.so` next
//! to the `hopjit` binary), which this module loads with `dlopen` the first time
//! a worker starts.
//!
//! Why a library loaded on demand rather than linked: libLLVM takes about 10 ms
//! to load (relocations and static constructors; a C program that only links it
//! starts in 11 ms against 0.7 ms without), which was most of hopjit's startup
//! (16.5 ms for an empty script, php's tracing JIT 12.8 ms). Loaded by the first
//! worker, it costs a process that never optimizes nothing, and one that does
//! loses nothing: the request thread runs baseline code meanwhile, on its own core.
//! The pass pipeline and code generation choices are the library's (see its
//! module doc); the interface is the C ABI of `abi.rs`, compiled into both.

use std::ffi::{c_void, CStr, CString};
use std::time::{Duration, Instant};

use once_cell::sync::OnceCell;

#[path = "../../../crates/hopjit-llvm/src/abi.rs"]
mod abi;
use abi::{Buf, Output};

/// The library's file name.
const LIBRARY: &str = "libhopjit_llvm.so";

/// The loaded library's entry points.
struct Backend {
    new: abi::NewFn,
    compile: abi::CompileFn,
    free: abi::FreeFn,
    drop: abi::DropFn,
    options: abi::OptionsFn,
}

static BACKEND: OnceCell<Result<Backend, String>> = OnceCell::new();

/// Where the library may be: beside the running executable, or one directory up
/// (test and bench executables live in `target/<profile>/deps`).
fn candidates() -> Vec<std::path::PathBuf> {
    let Ok(exe) = std::env::current_exe() else {
        return Vec::new();
    };
    exe.ancestors()
        .skip(1)
        .take(2)
        .map(|d| d.join(LIBRARY))
        .collect()
}

fn dlerror() -> String {
    // SAFETY: dlerror returns null or a NUL-terminated message owned by libc.
    let e = unsafe { libc::dlerror() };
    if e.is_null() {
        "unknown error".to_string()
    } else {
        // SAFETY: non-null, NUL-terminated (above).
        unsafe { CStr::from_ptr(e) }.to_string_lossy().into_owned()
    }
}

fn load() -> Result<Backend, String> {
    let paths = candidates();
    let path = paths.iter().find(|p| p.exists()).ok_or_else(|| {
        format!(
            "{LIBRARY} not found beside the hopjit executable (looked for {}); build it with `cargo build --release`",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })?;
    let c_path = CString::new(path.as_os_str().as_encoded_bytes())
        .map_err(|_| format!("{}: a NUL in the path", path.display()))?;
    // SAFETY: a NUL-terminated path; the handle is kept for the process's life.
    let handle = unsafe { libc::dlopen(c_path.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    if handle.is_null() {
        return Err(format!("cannot load {}: {}", path.display(), dlerror()));
    }
    let sym = |name: &str| -> Result<*mut c_void, String> {
        let c = CString::new(name).expect("symbol names have no NUL");
        // SAFETY: `handle` is a live library handle; `c` is NUL-terminated.
        let p = unsafe { libc::dlsym(handle, c.as_ptr()) };
        if p.is_null() {
            Err(format!("{}: no symbol {name}", path.display()))
        } else {
            Ok(p)
        }
    };
    // SAFETY (each transmute): the library defines these symbols with exactly the
    // `abi.rs` signatures (the same file compiled into it), checked by version.
    let version: abi::AbiFn = unsafe { std::mem::transmute(sym("hopjit_llvm_abi")?) };
    // SAFETY: a function taking nothing.
    let v = unsafe { version() };
    if v != abi::ABI_VERSION {
        return Err(format!(
            "{} speaks ABI {v}, this hopjit {}: rebuild both (`cargo build --release`)",
            path.display(),
            abi::ABI_VERSION
        ));
    }
    // SAFETY: as above.
    unsafe {
        Ok(Backend {
            new: std::mem::transmute::<*mut c_void, abi::NewFn>(sym("hopjit_llvm_new")?),
            compile: std::mem::transmute::<*mut c_void, abi::CompileFn>(sym(
                "hopjit_llvm_compile",
            )?),
            free: std::mem::transmute::<*mut c_void, abi::FreeFn>(sym("hopjit_llvm_free")?),
            drop: std::mem::transmute::<*mut c_void, abi::DropFn>(sym("hopjit_llvm_drop")?),
            options: std::mem::transmute::<*mut c_void, abi::OptionsFn>(sym(
                "hopjit_llvm_options",
            )?),
        })
    }
}

fn backend() -> Result<&'static Backend, String> {
    BACKEND.get_or_init(load).as_ref().map_err(Clone::clone)
}

/// Loads the LLVM back end (once per process, before a worker compiles).
pub fn init_native() -> Result<(), String> {
    backend().map(|_| ())
}

/// Passes LLVM's own command-line options (`-time-passes`, `-regalloc=basic`)
/// to the back end: for experiments (`benches/llvm_latency.rs`' `LLVM_ARGS`). Call
/// before any compile.
pub fn llvm_options(args: &[&str]) -> Result<(), String> {
    let b = backend()?;
    let owned: Vec<CString> = std::iter::once("hopjit")
        .chain(args.iter().copied())
        .map(|a| CString::new(a).map_err(|_| format!("a NUL in LLVM option {a:?}")))
        .collect::<Result<_, _>>()?;
    let ptrs: Vec<*const std::ffi::c_char> = owned.iter().map(|c| c.as_ptr()).collect();
    // SAFETY: `ptrs` points at `owned`'s NUL-terminated strings, alive for the call.
    unsafe { (b.options)(ptrs.as_ptr(), ptrs.len()) };
    Ok(())
}

/// One worker's LLVM state (a context and a target machine, in the library).
/// Never leaves its thread.
pub struct Llvm {
    state: *mut c_void,
    backend: &'static Backend,
}

/// What one compile produced.
pub struct Compiled {
    pub object: Vec<u8>,
    /// The IR before and after the passes, when asked for (`--dump-ir`).
    pub ir_before: Option<String>,
    pub ir_after: Option<String>,
    /// Instants: module parsed and verified / passes done / object emitted.
    pub lowered: Instant,
    pub optimized: Instant,
    pub emitted: Instant,
}

impl Llvm {
    /// A context and a target machine for the host CPU at `jit.llvm_opt` `level`.
    pub fn new(level: u8) -> Result<Llvm, String> {
        let backend = backend()?;
        let mut error = Buf::EMPTY;
        // SAFETY: `error` is writable; the state is dropped by `Drop` below.
        let state = unsafe { (backend.new)(level, &mut error) };
        if state.is_null() {
            return Err(take(backend, error));
        }
        Ok(Llvm { state, backend })
    }

    /// Runs one tiny module (the runtime prelude and an empty function) through the
    /// whole pipeline, so the first real compile does not also pay for LLVM's
    /// first-use setup: lazily built pass and target tables, the first context's
    /// types, cold code and caches (measured: the first function of a run took
    /// about twice as long as the same function compiled later).
    pub fn warm_up(&mut self) {
        let ir = format!(
            "{}\ndefine i64 @hop_warm_up(ptr %p) {{\n  %v = load i64, ptr %p\n  ret i64 %v\n}}\n",
            super::irgen::RUNTIME_IR
        );
        // A failure here would show again, reported, on the first real compile.
        let _ = self.compile("hop_warm_up", &ir, false);
    }

    /// Parses `ir`, verifies it, runs the pipeline and emits an object.
    pub fn compile(&mut self, name: &str, ir: &str, dump: bool) -> Result<Compiled, String> {
        let b = self.backend;
        let mut out = Output::EMPTY;
        let start = Instant::now();
        // SAFETY: `state` is this thread's; the strings and `out` outlive the call.
        let ok = unsafe {
            (b.compile)(
                self.state,
                name.as_ptr(),
                name.len(),
                ir.as_ptr(),
                ir.len(),
                dump,
                &mut out,
            )
        };
        let text = |buf: Buf| (!buf.ptr.is_null()).then(|| take(b, buf));
        let (ir_before, ir_after) = (text(out.ir_before), text(out.ir_after));
        if !ok {
            return Err(take(b, out.error));
        }
        let object = take_bytes(b, out.object);
        let lowered = start + Duration::from_nanos(out.parse_ns);
        let optimized = lowered + Duration::from_nanos(out.passes_ns);
        Ok(Compiled {
            object,
            ir_before,
            ir_after,
            lowered,
            optimized,
            emitted: optimized + Duration::from_nanos(out.emit_ns),
        })
    }
}

impl Drop for Llvm {
    fn drop(&mut self) {
        // SAFETY: the state came from `new` on this thread and is dropped once.
        unsafe { (self.backend.drop)(self.state) };
    }
}

/// Copies bytes the library handed out and frees them there.
fn take_bytes(b: &Backend, buf: Buf) -> Vec<u8> {
    let v = if buf.ptr.is_null() {
        Vec::new()
    } else {
        // SAFETY: the library's `len` readable bytes, alive until freed below.
        unsafe { std::slice::from_raw_parts(buf.ptr, buf.len) }.to_vec()
    };
    // SAFETY: `buf` came from the library and is freed once.
    unsafe { (b.free)(buf) };
    v
}

fn take(b: &Backend, buf: Buf) -> String {
    String::from_utf8_lossy(&take_bytes(b, buf)).into_owned()
}
