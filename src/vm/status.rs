//! Status codes of the native calling convention every tier shares (DESIGN.md
//! decision 4): an entry function returns one of these; the details of a fault
//! travel in the `ExecCtx` (see `interp::take_fault` / `interp::store_fault`).

pub const OK: u64 = 0;
/// A PHP exception is pending.
pub const THROW: u64 = 1;
/// A fatal error is pending.
pub const FATAL: u64 = 2;
/// `exit` was executed.
pub const EXIT: u64 = 3;

use super::ctx::Fault;

/// The status a fault maps to.
pub fn of_fault(f: &Fault) -> u64 {
    match f {
        Fault::Throw(_) => THROW,
        Fault::Fatal { .. } => FATAL,
        Fault::Exit(_) => EXIT,
    }
}
