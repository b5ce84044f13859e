//! The `hopjit` binary: see `hopjit --help`.

/// PHP programs allocate and free short strings and arrays at a high rate; with
/// glibc's allocator, malloc/free/realloc were 40% of string_ops. mimalloc's
/// thread-local free lists make those a few instructions. (LLVM, a separate shared
/// library, keeps glibc's allocator.)
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let code = hopjit::cli::main_with_args(std::env::args().collect());
    std::process::exit(code);
}
