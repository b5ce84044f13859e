//! Calls into PHP functions from Rust (built-ins such as `array_map` and `usort`).

use super::ctx::{ExecCtx, VmResult};
use super::interp_call::call_function;
use crate::runtime::value::TypedValue;

impl ExecCtx {
    /// Calls user function `func` with `args`; closures pass their bound values.
    pub fn call_user(
        &mut self,
        func: u32,
        args: Vec<TypedValue>,
        bound: Option<Vec<TypedValue>>,
    ) -> VmResult<TypedValue> {
        call_function(self, func, args, bound.as_deref())
    }
}
