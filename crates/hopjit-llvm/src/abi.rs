//! The C ABI between hopjit and its LLVM back end (`libhopjit_llvm.so`). This one
//! file is compiled into both sides (the VM includes it by path), so the layouts
//! cannot drift; [`ABI_VERSION`] catches a library left over from another build.

/// Bumped whenever anything in this file changes.
pub const ABI_VERSION: u32 = 1;

/// Bytes the library allocated (a `Vec<u8>`'s parts), handed back to
/// `hopjit_llvm_free` once copied. Empty: a null pointer.
#[repr(C)]
pub struct Buf {
    pub ptr: *mut u8,
    pub len: usize,
    pub cap: usize,
}

impl Buf {
    pub const EMPTY: Buf = Buf {
        ptr: std::ptr::null_mut(),
        len: 0,
        cap: 0,
    };
}

/// What one compile produced: the object (or the error), the IR before and after
/// the passes when asked for, and how long each phase took.
#[repr(C)]
pub struct Output {
    pub object: Buf,
    pub error: Buf,
    pub ir_before: Buf,
    pub ir_after: Buf,
    /// Parsing and verifying the IR.
    pub parse_ns: u64,
    pub passes_ns: u64,
    /// Emitting the object and tearing the module down.
    pub emit_ns: u64,
}

impl Output {
    /// Nothing produced yet.
    pub const EMPTY: Output = Output {
        object: Buf::EMPTY,
        error: Buf::EMPTY,
        ir_before: Buf::EMPTY,
        ir_after: Buf::EMPTY,
        parse_ns: 0,
        passes_ns: 0,
        emit_ns: 0,
    };
}

/// `hopjit_llvm_abi`.
pub type AbiFn = unsafe extern "C" fn() -> u32;
/// `hopjit_llvm_new(level, error) -> state` (null, with `error` set, on failure).
pub type NewFn = unsafe extern "C" fn(u8, *mut Buf) -> *mut std::ffi::c_void;
/// `hopjit_llvm_compile(state, name, name_len, ir, ir_len, dump, out) -> ok`.
pub type CompileFn = unsafe extern "C" fn(
    *mut std::ffi::c_void,
    *const u8,
    usize,
    *const u8,
    usize,
    bool,
    *mut Output,
) -> bool;
/// `hopjit_llvm_free(buf)`.
pub type FreeFn = unsafe extern "C" fn(Buf);
/// `hopjit_llvm_drop(state)`.
pub type DropFn = unsafe extern "C" fn(*mut std::ffi::c_void);
/// `hopjit_llvm_options(args, n)`: LLVM's own command-line options (benchmarks).
pub type OptionsFn = unsafe extern "C" fn(*const *const std::ffi::c_char, usize);
