//! The `hopjit` command line: `hopjit [options] file.php [args...]`, PHP-style.

pub mod bench;
mod bench_chart;
mod bench_warmup;
pub mod options;

use std::io::{Read, Write};
use std::sync::Arc;

use clap::Parser;

use crate::bytecode::{dump, emit};
use crate::compiler;
use options::Options;

#[derive(Parser, Debug)]
#[command(
    name = "hopjit",
    version,
    about = "A tiered JIT virtual machine for PHP",
    disable_version_flag = true
)]
struct Args {
    /// Set a runtime option (repeatable); `hopjit --options` lists them.
    #[arg(short = 'd', value_name = "name=value")]
    define: Vec<String>,
    /// Read runtime options from an ini file.
    #[arg(short = 'c', value_name = "file.ini")]
    ini: Option<String>,
    /// Accepted for php compatibility (no php.ini is ever read).
    #[arg(short = 'n')]
    no_ini: bool,
    /// Run code given on the command line (without `<?php`).
    #[arg(short = 'r', value_name = "code")]
    code: Option<String>,
    /// List the runtime options.
    #[arg(long = "options")]
    list_options: bool,
    /// Print the bytecode listing instead of running.
    #[arg(long = "dump-bytecode")]
    dump_bytecode: bool,
    /// After the run, disassemble the JIT translations of function NAME.
    #[arg(long = "dump-asm", value_name = "NAME")]
    dump_asm: Option<String>,
    /// After the run, print the LLVM IR of NAME's optimized translations, before and
    /// after the pass pipeline.
    #[arg(long = "dump-ir", value_name = "NAME")]
    dump_ir: Option<String>,
    /// After the run, print the profile the baseline tier gathered for NAME.
    #[arg(long = "dump-profile", value_name = "NAME")]
    dump_profile: Option<String>,
    /// Print the version.
    #[arg(short = 'v', long = "version")]
    version: bool,
    /// The script (`-` for standard input) and its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

/// Runs the command line and returns the process exit status.
pub fn main_with_args(argv: Vec<String>) -> i32 {
    // `hopjit bench ...` is a subcommand with its own flags (so a script named `bench`
    // without extension must be run as `./bench`).
    if argv.get(1).map(String::as_str) == Some("bench") {
        return bench::main(argv[2..].to_vec());
    }
    // JIT times (`jit.stats`, `jit.trace`) count from here.
    crate::jit::stats::process_start();
    let args = match Args::try_parse_from(argv) {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    if args.version {
        println!("hopjit {} (PHP 8.2 compatible)", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    if args.list_options {
        print!("{}", options::describe());
        return 0;
    }
    let mut opts = Options::new();
    let configured = (|| -> Result<(), String> {
        if let Some(ini) = &args.ini {
            opts.load_ini(ini)?;
        }
        opts.load_env(std::env::vars())?;
        for d in &args.define {
            opts.set_assignment(d)?;
        }
        Ok(())
    })();
    if let Err(e) = configured {
        eprintln!("hopjit: {e}");
        return 1;
    }
    let _ = args.no_ini;

    let (source, file, script_args) = match load_source(&args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let dumps = Dumps {
        asm: args.dump_asm.clone(),
        ir: args.dump_ir.clone(),
        profile: args.dump_profile.clone(),
    };
    run_source(
        &source,
        &file,
        script_args,
        args.dump_bytecode,
        &opts,
        &dumps,
    )
}

/// What to print about the JIT after the program ran.
#[derive(Default)]
pub struct Dumps {
    pub asm: Option<String>,
    pub ir: Option<String>,
    pub profile: Option<String>,
}

/// Reads the program: `-r` code, a file, or standard input. Returns the source, the
/// file name PHP would show in messages, and `$argv`.
fn load_source(args: &Args) -> Result<(Vec<u8>, String, Vec<String>), String> {
    if let Some(code) = &args.code {
        let mut src = b"<?php ".to_vec();
        src.extend_from_slice(code.as_bytes());
        let mut argv = vec!["Standard input code".to_string()];
        argv.extend(args.rest.iter().cloned());
        return Ok((src, "Command line code".into(), argv));
    }
    let Some(path) = args.rest.first() else {
        return Err(
            "Usage: hopjit [options] [-r code | file.php | -] [args...]   (hopjit --help)".into(),
        );
    };
    if path.starts_with('-') && path != "-" {
        return Err(format!(
            "hopjit: unknown option \"{path}\" (hopjit --help lists them)"
        ));
    }
    if path == "-" {
        let mut src = Vec::new();
        std::io::stdin()
            .read_to_end(&mut src)
            .map_err(|e| format!("Could not read standard input: {e}"))?;
        return Ok((src, "Standard input code".into(), args.rest.clone()));
    }
    let src = std::fs::read(path).map_err(|_| format!("Could not open input file: {path}"))?;
    // PHP reports scripts by their absolute, resolved path.
    let shown = std::fs::canonicalize(path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.clone());
    Ok((src, shown, args.rest.clone()))
}

/// Parses, compiles and runs one program; prints errors as PHP does.
pub fn run_source(
    source: &[u8],
    file: &str,
    argv: Vec<String>,
    dump_only: bool,
    opts: &Options,
    dumps: &Dumps,
) -> i32 {
    let prog = match compiler::parse(source, file) {
        Ok(p) => p,
        Err(e) => {
            let kind = if e.is_fatal() {
                "Fatal error"
            } else {
                "Parse error"
            };
            print!("\n{kind}: {} in {} on line {}\n", e.message, file, e.line);
            return 255;
        }
    };
    let unit = match emit::compile(&prog, file, file) {
        Ok(u) => u,
        Err(e) => {
            // The program's compile-time warnings come before the error.
            print!("{}", emit::diagnostics_text(&prog, file));
            print!("\nFatal error: {} in {} on line {}\n", e.msg, file, e.line);
            return 255;
        }
    };
    if dump_only {
        print!("{}", dump::dump_unit(&unit));
        return 0;
    }
    crate::jit::config::configure(crate::jit::config::JitConfig::from_options(opts));
    if let Some(name) = &dumps.ir {
        crate::jit::opt::dump_ir::set_target(name);
    }
    let argv = argv.into_iter().map(String::into_bytes).collect();
    let unit = Arc::new(unit);
    let code = crate::vm::run::run(unit.clone(), file.to_string(), argv);
    // `exit()` and fatal errors return here too, so this runs for every program run.
    crate::jit::report::finish();
    // A closed pipe (`| head`) is not an error worth more than silence.
    let mut out = std::io::stdout().lock();
    if let Some(name) = &dumps.asm {
        let _ = out.write_all(crate::jit::dump::dump_asm(name).as_bytes());
    }
    if let Some(name) = &dumps.ir {
        let _ = out.write_all(crate::jit::opt::dump_ir::text(name).as_bytes());
    }
    if let Some(name) = &dumps.profile {
        let _ = out.write_all(crate::jit::dump::dump_profile(&unit, name).as_bytes());
    }
    code
}
