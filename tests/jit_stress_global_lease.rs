//! The stress of `jit_stress.rs` under `jit.concurrent=0`: one global write lease
//! instead of one per function, so at most one thread translates anything at a time,
//! and threads that find it taken keep interpreting. Same program, same checks
//! (every output equals php's; exactly one translation per unit and function).
//! Threshold 0: every thread wants to translate on its first call.

#[path = "jit_stress.rs"]
mod shared;

#[test]
fn stress_global_lease() {
    hopjit::jit::config::configure(shared::config(0, false));
    shared::stress(shared::ROUNDS);
}
