//! The `hopjit` binary: see `hopjit --help`.

fn main() {
    let code = hopjit::cli::main_with_args(std::env::args().collect());
    std::process::exit(code);
}
