//! Calling PHP callables from Rust (built-ins such as `array_map` and `usort` call back
//! into PHP code): closures, function-name strings and built-in names.

use super::ctx::{BuiltinCall, ExecCtx, Fault, VmResult};
use super::interp::write_scalar;
use crate::bytecode::op::Slot;
use crate::runtime::builtins::registry;
use crate::runtime::value::TypedValue;

impl ExecCtx {
    /// Calls `callee` with `args` (by value) and returns its result. A non-callable
    /// value is a TypeError naming the calling built-in.
    pub fn call_callable(
        &mut self,
        callee: &TypedValue,
        args: &mut [TypedValue],
    ) -> VmResult<TypedValue> {
        let callee = callee.deref();
        if callee.is_string() {
            let name = String::from_utf8_lossy(callee.str_bytes()).into_owned();
            if let Some(id) = self.user_function(&name) {
                return self.call_user(id, args.to_vec(), None);
            }
            if let Some(b) = registry::lookup(&name) {
                return self.call_builtin(b, args);
            }
        } else if callee.is_object() {
            if let Some(c) = &callee.obj().closure {
                if let Some(b) = c.builtin {
                    return self.call_builtin(b, args);
                }
                let bound = c.bound.clone();
                return self.call_user(c.func, args.to_vec(), Some(bound));
            }
        }
        let fname = registry::get(self.cur_builtin).name;
        let msg = format!(
            "{fname}(): Argument #1 ($callback) must be a valid callback, {}",
            not_callable_reason(callee)
        );
        Err(self.type_error(msg))
    }

    /// Whether `v` names something callable (`is_callable`).
    pub fn is_callable(&self, v: &TypedValue) -> bool {
        let v = v.deref();
        if v.is_string() {
            let name = String::from_utf8_lossy(v.str_bytes());
            return self.user_function(&name).is_some() || registry::lookup(&name).is_some();
        }
        v.is_object() && v.obj().closure.is_some()
    }

    /// Finds a user function by name: hoisted declarations, then run-time ones.
    pub fn user_function(&self, name: &str) -> Option<u32> {
        let lower = name.trim_start_matches('\\').to_ascii_lowercase();
        self.unit
            .hoisted
            .iter()
            .find(|(n, _)| *n == lower)
            .map(|(_, id)| *id)
            .or_else(|| self.dyn_funcs.get(&lower).copied())
    }

    /// Calls a built-in with the argument-count check PHP performs.
    pub fn call_builtin(&mut self, id: u32, args: &mut [TypedValue]) -> VmResult<TypedValue> {
        self.run_builtin(id, args)
    }

    /// The one call path of built-ins: the call is linked in as the innermost
    /// `BuiltinCall` (traces show it, and leave out the calls PHP compiles to
    /// opcodes when they are built: see `frameless`), the argument count checked,
    /// the built-in run and unlinked; a fault a user error handler raised meanwhile
    /// wins over the result.
    #[inline(always)]
    fn run_builtin(&mut self, id: u32, args: &mut [TypedValue]) -> VmResult<TypedValue> {
        let call = BuiltinCall {
            id,
            args: args.as_ptr(),
            argc: args.len() as u32,
            depth: self.calls.len() as u32,
            line: self.line,
            prev: self.builtin_call,
        };
        // (`call` stays on this stack frame until it is unlinked below.)
        self.builtin_call = &call;
        let r = match self.enter_builtin(id, args.len()) {
            Ok((b, saved)) => {
                let r = (b.f)(self, args);
                self.cur_builtin = saved;
                r
            }
            Err(f) => Err(f),
        };
        self.builtin_call = call.prev;
        if let Some(f) = self.pending_fault.take() {
            return Err(f);
        }
        r
    }
}

impl ExecCtx {
    /// [`ExecCtx::call_builtin`] with the result stored into slot `dst` of `frame`
    /// (`interp::write` semantics) — what the call ops of every tier use.
    ///
    /// Why not `call_builtin` and a write: a built-in returns its `VmResult` through
    /// memory, its value written as an 8-byte and a 1-byte store; moving that result
    /// on as a whole reads it back with 16-byte loads, which cannot be forwarded from
    /// the narrower stores — a stall per call, measured at a sixth of the string
    /// benchmarks. Here the value's two fields are read once, where they lie.
    #[inline]
    pub(crate) fn call_builtin_to_slot(
        &mut self,
        id: u32,
        args: &mut [TypedValue],
        frame: *mut TypedValue,
        dst: Slot,
    ) -> VmResult<()> {
        let (t, d) = self.run_builtin(id, args)?.into_raw();
        write_scalar(frame, dst, t, d);
        Ok(())
    }

    /// What precedes a call of built-in `id` with `n` arguments: PHP's argument
    /// count check, and the built-in made current (for its messages); returns the
    /// built-in and the previously current one, which the caller restores.
    #[inline(always)]
    fn enter_builtin(&mut self, id: u32, n: usize) -> VmResult<(&'static registry::Builtin, u32)> {
        let b = registry::get(id);
        if n < b.min || b.max.is_some_and(|m| n > m) {
            return Err(self.builtin_arg_count_error(b, n));
        }
        // A built-in never returns a reference (call_user_func passes on its
        // callback's, as PHP compiles it to a plain call): a request for this call
        // must not reach the callbacks it makes (they run at the same stack position).
        if !self.ref_returns.is_empty()
            && !matches!(b.name, "call_user_func" | "call_user_func_array")
        {
            self.drop_ref_request();
        }
        Ok((b, std::mem::replace(&mut self.cur_builtin, id)))
    }

    /// PHP's ArgumentCountError for built-in `b` called with `n` arguments.
    #[cold]
    #[inline(never)]
    fn builtin_arg_count_error(&mut self, b: &registry::Builtin, n: usize) -> Fault {
        let (kind, count) = match b.max {
            Some(m) if m == b.min => ("exactly", m),
            Some(m) if n > m => ("at most", m),
            _ => ("at least", b.min),
        };
        let plural = if count == 1 { "" } else { "s" };
        let msg = format!(
            "{}() expects {kind} {count} argument{plural}, {n} given",
            b.name
        );
        self.throw("ArgumentCountError", msg)
    }
}

fn not_callable_reason(v: &TypedValue) -> String {
    if v.is_string() {
        format!(
            "function \"{}\" not found or invalid function name",
            String::from_utf8_lossy(v.str_bytes())
        )
    } else {
        "no array or string given".to_string()
    }
}
