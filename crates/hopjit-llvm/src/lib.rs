//! hopjit's LLVM back end, a shared library of its own: LLVM on a worker thread
//! — a module from IR text, verification, the new pass manager's pipeline for
//! `jit.llvm_opt` on the host CPU, and an ELF object in memory.
//!
//! Why a separate library: libLLVM takes about 10 ms to load (its relocations
//! and static constructors) — most of a short script's run — and only the
//! optimizing tier's workers need it. The VM (`src/jit/opt/codegen.rs`) loads this
//! library with `dlopen` when the first worker starts, in parallel with the
//! request thread, which meanwhile runs baseline code. The interface is the C ABI
//! of `abi.rs`.
//!
//! Why not `default<O2>` for O2: compile latency is a goal of this tier (p50 ≤ 5 ms
//! per function) and the default pipeline spends most of its time on passes that find
//! nothing in our IR (the lowering already specializes types, every call is an
//! indirect call through an entry slot, loops are guarded by deopt exits that block
//! vectorization and unrolling). [`pipeline`] keeps the passes that pay for
//! themselves — SROA to SSA, CSE, instcombine, GVN, LICM, DSE — and O1/O2 select
//! instructions with FastISel, which emits the same code as SelectionDAG for the
//! simple integer/float blocks we generate at about half the cost (it falls back to
//! the DAG per block for anything it cannot handle). O3 is LLVM's full `default<O3>`
//! with SelectionDAG, for users who trade latency for peak code.
//!
//! Each worker owns one [`Llvm`] (DESIGN.md decision 9): a `Context` — recreated
//! every [`CONTEXT_REUSE`] compiles, because a context keeps every interned type and
//! constant forever — and a `TargetMachine`. Neither ever leaves its thread.

pub mod abi;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use abi::{Buf, Output};
use once_cell::sync::OnceCell;

use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine,
};
use inkwell::OptimizationLevel;

/// Compiles per context before it is recreated.
const CONTEXT_REUSE: u32 = 256;

static INIT: OnceCell<Result<(), String>> = OnceCell::new();

/// Initializes LLVM's native target once per process (before any worker runs).
pub fn init_native() -> Result<(), String> {
    INIT.get_or_init(|| Target::initialize_native(&InitializationConfig::default()))
        .clone()
}

/// The new-pass-manager pipeline for `jit.llvm_opt` `level` (see the module doc).
///
/// `instcombine` is spelled `instcombine<no-verify-fixpoint>`, as LLVM's own
/// pipelines spell it: in a textual pipeline the bare name also asks LLVM to verify
/// that one round reached a fixpoint, and where it did not (a loop nest whose
/// bounds it could fold further) LLVM reports a fatal error and exits the process.
pub fn pipeline(level: u8) -> &'static str {
    match level {
        1 => {
            "always-inline,function(sroa,early-cse<memssa>,instcombine<no-verify-fixpoint>,\
             simplifycfg)"
        }
        3 => "default<O3>",
        _ => {
            "always-inline,function(sroa,early-cse<memssa>,instcombine<no-verify-fixpoint>,\
             simplifycfg,gvn,loop-mssa(licm),instcombine<no-verify-fixpoint>,simplifycfg,dse)"
        }
    }
}

/// One worker's LLVM state.
pub struct Llvm {
    context: Context,
    machine: TargetMachine,
    level: u8,
    uses: u32,
}

fn buf(v: Vec<u8>) -> Buf {
    let mut v = std::mem::ManuallyDrop::new(v);
    Buf {
        ptr: v.as_mut_ptr(),
        len: v.len(),
        cap: v.capacity(),
    }
}

fn panic_message(p: Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "LLVM back end panicked".to_string())
}

/// The ABI version this library was built with (`abi::ABI_VERSION`).
#[no_mangle]
pub extern "C" fn hopjit_llvm_abi() -> u32 {
    abi::ABI_VERSION
}

/// A worker's LLVM state at `jit.llvm_opt` `level`, or null with `error` set.
///
/// # Safety
/// `error` points at a writable [`Buf`].
#[no_mangle]
pub unsafe extern "C" fn hopjit_llvm_new(level: u8, error: *mut Buf) -> *mut std::ffi::c_void {
    let msg = match catch_unwind(|| Llvm::new(level)) {
        Ok(Ok(l)) => return Box::into_raw(Box::new(l)).cast(),
        Ok(Err(e)) => e,
        Err(p) => panic_message(p),
    };
    // SAFETY: per the contract.
    unsafe { *error = buf(msg.into_bytes()) };
    std::ptr::null_mut()
}

/// Compiles IR text `ir` (module name `name`) with the state `hopjit_llvm_new`
/// returned; fills `out` (its `error` on failure, returning false).
///
/// # Safety
/// `state` came from `hopjit_llvm_new` and is used by this thread alone; `name`
/// and `ir` point at that many readable bytes of UTF-8; `out` is writable.
#[no_mangle]
pub unsafe extern "C" fn hopjit_llvm_compile(
    state: *mut std::ffi::c_void,
    name: *const u8,
    name_len: usize,
    ir: *const u8,
    ir_len: usize,
    dump: bool,
    out: *mut Output,
) -> bool {
    // SAFETY: per the contract.
    let (llvm, name, ir, out) = unsafe {
        (
            &mut *state.cast::<Llvm>(),
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(name, name_len)),
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(ir, ir_len)),
            &mut *out,
        )
    };
    *out = Output::EMPTY;
    let r = catch_unwind(AssertUnwindSafe(|| llvm.compile(name, ir, dump, out)))
        .unwrap_or_else(|p| Err(panic_message(p)));
    match r {
        Ok(()) => true,
        Err(e) => {
            out.error = buf(e.into_bytes());
            false
        }
    }
}

/// Frees bytes this library handed out.
///
/// # Safety
/// `b` came from this library (or is empty) and is freed once.
#[no_mangle]
pub unsafe extern "C" fn hopjit_llvm_free(b: Buf) {
    if !b.ptr.is_null() {
        // SAFETY: the parts of a Vec<u8> this library leaked (`buf`).
        drop(unsafe { Vec::from_raw_parts(b.ptr, b.len, b.cap) });
    }
}

/// Drops a worker's LLVM state.
///
/// # Safety
/// `state` came from `hopjit_llvm_new`, on this thread, and is not used again.
#[no_mangle]
pub unsafe extern "C" fn hopjit_llvm_drop(state: *mut std::ffi::c_void) {
    if !state.is_null() {
        // SAFETY: per the contract.
        drop(unsafe { Box::from_raw(state.cast::<Llvm>()) });
    }
}

/// Hands `n` command-line options (`args[0]` a program name) to LLVM, as its
/// tools take them (`-time-passes`, `-regalloc=basic`): for experiments.
///
/// # Safety
/// `args` points at `n` NUL-terminated strings; call before any compile.
#[no_mangle]
pub unsafe extern "C" fn hopjit_llvm_options(args: *const *const std::ffi::c_char, n: usize) {
    // SAFETY: per the contract.
    unsafe { llvm_sys::support::LLVMParseCommandLineOptions(n as i32, args, std::ptr::null()) };
}

impl Llvm {
    /// A context and a target machine for the host CPU at `jit.llvm_opt` `level`.
    pub fn new(level: u8) -> Result<Llvm, String> {
        init_native()?;
        let triple = TargetMachine::get_default_triple();
        let target = Target::from_triple(&triple).map_err(|e| e.to_string())?;
        let cpu = TargetMachine::get_host_cpu_name();
        let features = TargetMachine::get_host_cpu_features();
        let opt = match level {
            1 => OptimizationLevel::Less,
            3 => OptimizationLevel::Aggressive,
            _ => OptimizationLevel::Default,
        };
        let machine = target
            .create_target_machine(
                &triple,
                &cpu.to_string(),
                &features.to_string(),
                opt,
                RelocMode::PIC,
                CodeModel::Small,
            )
            .ok_or_else(|| "LLVM could not create a target machine for this host".to_string())?;
        if level < 3 {
            // SAFETY: `machine` is a live target machine owned by this worker and not yet
            // shared; the call only sets a flag read when code is emitted.
            unsafe {
                llvm_sys::target_machine::LLVMSetTargetMachineFastISel(machine.as_mut_ptr(), 1)
            };
        }
        Ok(Llvm {
            context: Context::create(),
            machine,
            level,
            uses: 0,
        })
    }

    /// Parses `ir`, verifies it, runs the pipeline and emits an object into `out`
    /// (with the IR before and after the passes when `dump`, and each phase's time).
    pub fn compile(
        &mut self,
        name: &str,
        ir: &str,
        dump: bool,
        out: &mut Output,
    ) -> Result<(), String> {
        let start = Instant::now();
        if self.uses >= CONTEXT_REUSE {
            self.context = Context::create();
            self.uses = 0;
        }
        self.uses += 1;
        let text = MemoryBuffer::create_from_memory_range_copy(ir.as_bytes(), name);
        let module = self
            .context
            .create_module_from_ir(text)
            .map_err(|e| format!("LLVM rejected the IR of {name}: {e}"))?;
        module.set_triple(&self.machine.get_triple());
        module.set_data_layout(&self.machine.get_target_data().get_data_layout());
        // LLVM crashes on invalid IR instead of reporting it: verify first.
        module
            .verify()
            .map_err(|e| format!("invalid IR for {name}: {e}"))?;
        if dump {
            out.ir_before = buf(module.print_to_string().to_bytes().to_vec());
        }
        let parsed = Instant::now();
        module
            .run_passes(
                pipeline(self.level),
                &self.machine,
                PassBuilderOptions::create(),
            )
            .map_err(|e| format!("LLVM passes failed for {name}: {e}"))?;
        if dump {
            out.ir_after = buf(module.print_to_string().to_bytes().to_vec());
        }
        let optimized = Instant::now();
        let object = self
            .machine
            .write_to_memory_buffer(&module, FileType::Object)
            .map_err(|e| format!("LLVM could not emit {name}: {e}"))?
            .as_slice()
            .to_vec();
        // Tearing the module down (about half a millisecond for a large function)
        // belongs to this phase, not to the relocation timed after it.
        drop(module);
        out.object = buf(object);
        out.parse_ns = (parsed - start).as_nanos() as u64;
        out.passes_ns = (optimized - parsed).as_nanos() as u64;
        out.emit_ns = optimized.elapsed().as_nanos() as u64;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::pipeline;

    /// Every instcombine in our own pipelines opts out of LLVM's fixpoint check,
    /// which exits the process when a round leaves work for the next (seen on a
    /// rotated triple loop nest: `tests/php/jit_rotated_loop_nest.php`).
    #[test]
    fn pipelines_never_ask_llvm_to_verify_instcombine_fixpoints() {
        for level in 0..=3 {
            let p = pipeline(level);
            let total = p.matches("instcombine").count();
            let opted_out = p.matches("instcombine<no-verify-fixpoint>").count();
            assert_eq!(total, opted_out, "O{level}: {p}");
        }
    }
}
