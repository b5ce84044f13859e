//! Calls into PHP functions from Rust (placeholder until the interpreter lands).

use super::ctx::{ExecCtx, VmResult};
use crate::runtime::value::TypedValue;

impl ExecCtx {
    /// Calls user function `func` with `args`; closures pass their bound values.
    pub fn call_user(&mut self, func: u32, args: Vec<TypedValue>, bound: Option<Vec<TypedValue>>) -> VmResult<TypedValue> {
        let _ = (func, args, bound);
        Err(self.fatal("calling PHP functions from built-ins is not implemented yet"))
    }
}
