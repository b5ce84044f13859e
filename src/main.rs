//! The `hopjit` binary: see `hopjit --help`.

/// PHP programs allocate and free short strings and arrays at a high rate; with
/// glibc's allocator, malloc/free/realloc were 40% of string_ops. mimalloc's
/// thread-local free lists make those a few instructions (called as
/// `runtime::allocator` says). (LLVM, a separate shared library, keeps glibc's
/// allocator.)
#[global_allocator]
static ALLOCATOR: hopjit::runtime::allocator::PhpAllocator =
    hopjit::runtime::allocator::PhpAllocator;

fn main() {
    // No transparent huge pages for this process (what mimalloc's `allow_thp=0`
    // does at its start): mimalloc asks for them on its arenas, and with the kernel's
    // `defrag=madvise` each first touch of a huge page may compact memory on the
    // spot. Measured: optimized compiles on the worker stalled 4-10 ms in fresh
    // allocations one run in three (nbody's `advance`: 55 ms → 73 ms); the
    // benchmark suite's run time did not change (tiered total -2%, interp within
    // noise).
    // SAFETY: prctl with PR_SET_THP_DISABLE only sets a flag on this process; the
    // extra arguments are zero as the call requires.
    unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    let code = hopjit::cli::main_with_args(std::env::args().collect());
    std::process::exit(code);
}
