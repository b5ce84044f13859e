//! LLVM on a worker thread: module from IR text, verification, the new pass
//! manager's pipeline for `jit.llvm_opt` on the host CPU, and an ELF object in memory.
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

use once_cell::sync::OnceCell;
use std::time::Instant;

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
        if self.uses >= CONTEXT_REUSE {
            self.context = Context::create();
            self.uses = 0;
        }
        self.uses += 1;
        let buf = MemoryBuffer::create_from_memory_range_copy(ir.as_bytes(), name);
        let module = self
            .context
            .create_module_from_ir(buf)
            .map_err(|e| format!("LLVM rejected the IR of {name}: {e}"))?;
        module.set_triple(&self.machine.get_triple());
        module.set_data_layout(&self.machine.get_target_data().get_data_layout());
        // LLVM crashes on invalid IR instead of reporting it: verify first.
        module
            .verify()
            .map_err(|e| format!("invalid IR for {name}: {e}"))?;
        let ir_before = dump.then(|| module.print_to_string().to_string());
        let lowered = Instant::now();
        module
            .run_passes(
                pipeline(self.level),
                &self.machine,
                PassBuilderOptions::create(),
            )
            .map_err(|e| format!("LLVM passes failed for {name}: {e}"))?;
        let ir_after = dump.then(|| module.print_to_string().to_string());
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
        Ok(Compiled {
            object,
            ir_before,
            ir_after,
            lowered,
            optimized,
            emitted: Instant::now(),
        })
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
