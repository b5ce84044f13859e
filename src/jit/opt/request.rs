//! Handing a function to the optimizing tier: once per profiling round, from the
//! baseline code that saw its counter reach `jit.optimize_threshold` (or, with
//! `jit.sync=1`, from its first call).

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

use super::workers::{self, Job};
use crate::bytecode::unit::{Func, Unit};
use crate::jit::config;
use crate::jit::state::opt_state;
use crate::vm::ctx::ExecCtx;

/// Called by baseline code at a function entry or loop header whose counter reached
/// `jit.optimize_threshold`, while `func.jit.opt_requested` is 0: queues the function
/// once (with `jit.sync=1` or `2`, waits until it is compiled).
///
/// # Safety
/// `ctx` is the running request's context and `func` a function of `ctx.unit`.
pub unsafe extern "C" fn hop_opt_request(ctx: *mut ExecCtx, func: *const Func) {
    // SAFETY: per the contract above.
    let (ctx, func) = unsafe { (&*ctx, &*func) };
    if func.jit.opt_requested.swap(1, Ordering::AcqRel) != 0 {
        return;
    }
    request(
        &ctx.unit,
        func.id,
        config::get().sync != config::SyncMode::Off,
    );
}

/// Queues function `fid` of `unit` unless it is already queued, optimized or given
/// up on; with `wait`, blocks until a worker is done with it (the worker runs LLVM:
/// this thread only waits). Returns whether it was queued.
pub fn request(unit: &Arc<Unit>, fid: u32, wait: bool) -> bool {
    let Some(func) = unit.funcs.get(fid as usize) else {
        return false;
    };
    if !func.jit.try_queue() {
        return false;
    }
    let (done, finished) = if wait {
        let (tx, rx) = crossbeam_channel::bounded(1);
        (Some(tx), Some(rx))
    } else {
        (None, None)
    };
    let job = Job {
        unit: unit.clone(),
        fid,
        queued: Instant::now(),
        done,
        retriggers: true,
        lease_retries: 0,
    };
    if !workers::enqueue(job) {
        // No pool (shut down, or LLVM unavailable): stay in the baseline tier.
        func.jit.opt.store(opt_state::GAVE_UP, Ordering::Release);
        return false;
    }
    if let Some(rx) = finished {
        let _ = rx.recv();
    }
    true
}
