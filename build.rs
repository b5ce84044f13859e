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
    if let Some(prefix) = prefix {
        check_llvm_assets(Path::new(&prefix));
    }
}

/// The runtime fast paths in `llvm/*.ll` are parsed into every optimized module at
/// run time; a syntax error there must fail the build, not the first compile.
fn check_llvm_assets(prefix: &Path) {
    let llvm_as = prefix.join("bin/llvm-as");
    let Ok(dir) = std::fs::read_dir("llvm") else {
        return;
    };
    for entry in dir.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("ll") {
            continue;
        }
        let out = Command::new(&llvm_as)
            .arg("-o")
            .arg("/dev/null")
            .arg(&path)
            .output();
        match out {
            Ok(o) if o.status.success() => {}
            Ok(o) => {
                eprintln!(
                    "error: {} does not parse:\n{}",
                    path.display(),
                    String::from_utf8_lossy(&o.stderr)
                );
                std::process::exit(1);
            }
            Err(e) => {
                eprintln!(
                    "error: cannot run {} to check {}: {e}",
                    llvm_as.display(),
                    path.display()
                );
                std::process::exit(1);
            }
        }
    }
}
