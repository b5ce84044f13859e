//! Finds LLVM 19 before anything compiles, so a missing toolchain is one clear line
//! instead of a page of llvm-sys errors.
use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=LLVM_SYS_191_PREFIX");
    println!("cargo:rerun-if-changed=llvm");
    let prefix = std::env::var("LLVM_SYS_191_PREFIX").ok().or_else(|| {
        Command::new("llvm-config-19")
            .arg("--prefix")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    });
    let found = prefix
        .as_deref()
        .map(|p| Path::new(p).join("bin/llvm-config").exists())
        .unwrap_or(false);
    if !found {
        eprintln!("error: LLVM 19 not found (set LLVM_SYS_191_PREFIX or install llvm-19-dev); run ci/setup");
        std::process::exit(1);
    }
}
