//! The entry point: runs a compiled unit's script body on a thread with a large
//! native stack (a PHP call is a Rust call), prints uncaught errors like `php -n`
//! and returns the process exit status.

use std::ptr;
use std::sync::Arc;

use super::ctx::{ExecCtx, Fault};
use super::exceptions::uncaught_message;
use super::interp::drop_slots;
use crate::bytecode::unit::Unit;
use crate::runtime::array::PhpArray;
use crate::runtime::value::TypedValue;

/// Native stack of the VM thread: deep PHP recursion needs it.
const VM_THREAD_STACK: usize = 1 << 30;

/// Runs `unit` as a script; returns the exit status.
pub fn run(unit: Arc<Unit>, file: String, argv: Vec<Vec<u8>>) -> i32 {
    let spawned = std::thread::Builder::new()
        .name("hopjit-vm".into())
        .stack_size(VM_THREAD_STACK)
        .spawn(move || run_here(unit, file, argv));
    match spawned {
        Ok(h) => h.join().unwrap_or(255),
        Err(e) => {
            eprintln!("hopjit: cannot start the VM thread: {e}");
            255
        }
    }
}

/// Runs `unit` on the current thread (tests; `run` adds the big stack).
pub fn run_here(unit: Arc<Unit>, file: String, argv: Vec<Vec<u8>>) -> i32 {
    let mut ctx = ExecCtx::new(unit, file);
    ctx.argv = argv;
    let code = run_main(&mut ctx);
    ctx.out.finish();
    code
}

/// Runs `unit` on a big-stack thread of its own and returns what it printed and its
/// exit status, without touching the process's stdout — for embedding and for tests
/// that run many requests at once (several threads sharing one unit and its JIT code).
pub fn run_captured(unit: Arc<Unit>, file: String) -> (Vec<u8>, i32) {
    on_vm_thread(move || run_captured_here(unit, file, Vec::new()))
        .unwrap_or_else(|_| (b"hopjit: VM thread failed".to_vec(), 255))
}

/// One request on the current thread with a fresh execution context (fresh globals,
/// constants, statics), its output captured; returns the output and the exit status.
/// The unit, and so its JIT state, is shared with every other request on it.
pub fn run_captured_here(unit: Arc<Unit>, file: String, argv: Vec<Vec<u8>>) -> (Vec<u8>, i32) {
    let mut ctx = ExecCtx::new(unit, file);
    ctx.argv = argv;
    ctx.out = super::output::Output::capturing();
    let code = run_main(&mut ctx);
    ctx.out.finish();
    (ctx.out.take_captured(), code)
}

/// Runs `f` on a new thread with the VM's native stack (deep PHP recursion is deep
/// Rust recursion) and waits for it; `Err` if the thread could not start or panicked.
pub fn on_vm_thread<R: Send + 'static>(
    f: impl FnOnce() -> R + Send + 'static,
) -> Result<R, String> {
    let h = std::thread::Builder::new()
        .name("hopjit-vm".into())
        .stack_size(VM_THREAD_STACK)
        .spawn(f)
        .map_err(|e| format!("cannot start the VM thread: {e}"))?;
    h.join().map_err(|_| "the VM thread panicked".to_string())
}

/// Runs the script body in `ctx` and prints any uncaught error; returns the status.
pub fn run_main(ctx: &mut ExecCtx) -> i32 {
    let unit = ctx.unit.clone();
    let Some(main) = unit.funcs.get(unit.main as usize) else {
        return 0;
    };
    let n = main.num_slots as usize;
    let base = ctx.sp;
    if base + n > ctx.stack_limit() {
        ctx.echo(b"\nFatal error: Allowed memory size exhausted\n");
        return 255;
    }
    // SAFETY: base + n is within the stack's capacity and the Vec never reallocates;
    // the slots above sp belong to no frame.
    let frame = unsafe { ctx.stack.as_mut_ptr().add(base) };
    for i in 0..n {
        // SAFETY: as above.
        unsafe { ptr::write(frame.add(i), TypedValue::uninit()) };
    }
    ctx.sp = base + n;
    let saved_main = std::mem::replace(&mut ctx.main_frame, frame);
    if let Some(s) = main.local_slot("argv").or_else(|| main.local_slot("$argv")) {
        let vals = ctx.argv.iter().map(|a| TypedValue::str(a)).collect();
        // SAFETY: s < num_locals <= n.
        unsafe { *frame.add(s as usize) = TypedValue::array(PhpArray::from_values(vals)) };
    }
    if let Some(s) = main.local_slot("argc").or_else(|| main.local_slot("$argc")) {
        let c = ctx.argv.len() as i64;
        // SAFETY: as above.
        unsafe { *frame.add(s as usize) = TypedValue::int(c) };
    }
    // SAFETY: the main frame was set up just above.
    let r = unsafe { crate::jit::enter::run_function(ctx, &unit, unit.main, frame) };
    let code = report(ctx, r.map(|_| ()));
    // SAFETY: the main frame's n slots were initialised above.
    unsafe { drop_slots(frame, n) };
    ctx.sp = base;
    ctx.main_frame = saved_main;
    code
}

/// Prints a fault the way php does and gives the exit status.
pub fn report(ctx: &mut ExecCtx, r: Result<(), Fault>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(Fault::Exit(c)) => c,
        Err(Fault::Throw(e)) => {
            let m = uncaught_message(&e);
            ctx.echo(m.as_bytes());
            255
        }
        Err(Fault::Fatal { msg, line }) => {
            let m = format!("\nFatal error: {msg} in {} on line {line}\n", ctx.file);
            ctx.echo(m.as_bytes());
            255
        }
    }
}
