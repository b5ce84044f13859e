//! `ExecCtx`: the per-request execution context every tier passes around.
//!
//! It owns the request's state — output, constants, globals, static locals, the
//! random generator, the VM stack and the shadow call stack used for errors and
//! stack traces — and is the one place diagnostics are printed from, so their format
//! matches `php -n` everywhere.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::call_stack::CallStack;
use super::output::Output;
use crate::bytecode::unit::Unit;
use crate::runtime::mt_rand::MtRand;
use crate::runtime::object::{find_class, PhpObject};
use crate::runtime::value::TypedValue;

/// Why execution stopped early. Every tier propagates these by status return.
#[derive(Debug)]
pub enum Fault {
    /// A PHP exception object in flight.
    Throw(TypedValue),
    /// A fatal error: printed as "PHP Fatal error:  msg in file on line N", exit 255.
    Fatal { msg: String, line: u32 },
    /// `exit`/`die`: stop with this status (output already printed).
    Exit(i32),
}

pub type VmResult<T> = Result<T, Fault>;

/// One active call, for stack traces, `func_get_args` and warnings. `repr(C)`:
/// optimized code pushes entries itself (`jit/opt/irgen_call.rs`), as the words
/// `{func, call_line}`, `frame`, `{argc, nextra}`, `rare`.
#[repr(C)]
pub struct CallInfo {
    pub func: u32,
    /// The line in the caller where the call happened.
    pub call_line: u32,
    /// The callee's frame (its parameters are slots 0..).
    pub frame: *mut TypedValue,
    pub argc: u32,
    /// How many arguments went beyond the declared parameters: they are the
    /// `nextra` VM stack slots just below `frame`, owned by the call (see `extra`,
    /// which trusts it: only the call paths set it).
    pub(crate) nextra: u32,
    /// What few calls need, boxed so the common call pushes and pops less (a
    /// `CallInfo` is 32 bytes).
    pub rare: Option<Box<CallRare>>,
}

const _: () = assert!(std::mem::offset_of!(CallInfo, call_line) == 4);
const _: () = assert!(std::mem::offset_of!(CallInfo, frame) == 8);
const _: () = assert!(std::mem::offset_of!(CallInfo, nextra) == 20);
const _: () = assert!(std::mem::offset_of!(CallInfo, rare) == 24);

/// An active call of a built-in, as stack traces show it (`#0 f.php(3): intdiv(1, 0)`).
/// It lives on the Rust stack of the call path (`ExecCtx::call_builtin`) for the
/// duration of the call, linked to the enclosing one, so nothing is allocated.
pub(crate) struct BuiltinCall {
    pub id: u32,
    /// The arguments, as the built-in received them.
    pub args: *const TypedValue,
    pub argc: u32,
    /// `calls.len()` when it was called: the user frames above that index run inside it.
    pub depth: u32,
    /// The line of the call.
    pub line: u32,
    pub prev: *const BuiltinCall,
}

/// The rarely used parts of a `CallInfo`.
#[derive(Default)]
pub struct CallRare {
    /// Variables created at run time (`extract`) that have no slot in the frame:
    /// the compiled code cannot reach them, but `compact` and references can.
    pub dyn_vars: Vec<(Vec<u8>, TypedValue)>,
    /// Named arguments collected by a variadic parameter (string keys).
    pub named_extra: Vec<(Vec<u8>, TypedValue)>,
}

impl CallInfo {
    /// Arguments beyond the declared parameters.
    pub fn extra(&self) -> &[TypedValue] {
        if self.nextra == 0 {
            return &[];
        }
        // SAFETY: a `CallInfo` on `ExecCtx::calls` belongs to an active call, whose
        // `nextra` extra arguments are initialised VM stack slots just below its
        // frame until the call returns and pops it (`call_function_from`).
        unsafe {
            std::slice::from_raw_parts(self.frame.sub(self.nextra as usize), self.nextra as usize)
        }
    }
    pub fn dyn_vars(&self) -> &[(Vec<u8>, TypedValue)] {
        self.rare.as_ref().map_or(&[], |r| &r.dyn_vars)
    }
    pub fn named_extra(&self) -> &[(Vec<u8>, TypedValue)] {
        self.rare.as_ref().map_or(&[], |r| &r.named_extra)
    }
    pub fn rare_mut(&mut self) -> &mut CallRare {
        self.rare.get_or_insert_with(Box::default)
    }
}

pub struct ExecCtx {
    pub unit: Arc<Unit>,
    pub out: Output,
    /// The script path exactly as given on the command line (PHP prints it so).
    pub file: String,
    /// The line of the op being executed, kept current before anything that can warn
    /// or throw.
    pub line: u32,
    /// `@` nesting: diagnostics are suppressed while positive.
    pub silence: u32,
    pub constants: FxHashMap<String, TypedValue>,
    /// Functions declared at run time (conditional declarations), lowercase name → id.
    pub dyn_funcs: FxHashMap<String, u32>,
    /// Globals that are not locals of the main script (bound by `global` in a function).
    pub extra_globals: FxHashMap<String, TypedValue>,
    /// The main script's frame: its locals are the globals.
    pub main_frame: *mut TypedValue,
    /// Static locals, keyed by (function, static index), each a reference box.
    pub statics: FxHashMap<(u32, u32), TypedValue>,
    pub mt: MtRand,
    pub mt_seeded: bool,
    pub calls: CallStack,
    /// The value a returning function leaves for its caller.
    pub ret: TypedValue,
    /// Argument count of the call being entered (read by JIT code's argument check).
    pub cur_argc: u32,
    /// The exception a baseline-translated function caught and has not yet handed to
    /// its `Catch`/`FinallyFromThrow` op (the interpreter keeps its own in `execute`).
    pub jit_pending: Option<TypedValue>,
    /// Command-line arguments ($argv).
    pub argv: Vec<Vec<u8>>,
    /// JSON error state for json_last_error().
    pub json_error: i64,
    /// The VM stack frames live in; never reallocated (frames are raw pointers).
    /// Frames end at most `STACK_SLOTS` slots in, at most `capacity - STACK_SLACK`.
    pub stack: Vec<TypedValue>,
    /// `stack.as_mut_ptr()`, where JIT code finds it (a `Vec`'s fields have no
    /// fixed offsets).
    pub stack_base: *mut TypedValue,
    pub sp: usize,
    /// Where frames must end: `STACK_SLOTS` slots in, and `STACK_SLACK` slots short
    /// of the stack's capacity (set with `stack`; see [`ExecCtx::stack_limit`]).
    pub(crate) stack_limit: usize,
    /// Index of the built-in being called (see `runtime::builtins::registry`), for
    /// argument error messages.
    pub cur_builtin: u32,
    /// The innermost active built-in call that has a frame in traces, or null (a
    /// chain through the Rust stack: see [`BuiltinCall`]).
    pub(crate) builtin_call: *const BuiltinCall,
    /// `set_error_handler` stack: (callback or null, error_levels mask).
    pub error_handlers: Vec<(TypedValue, i64)>,
    /// Whether a user error handler is running (errors inside it use the default).
    pub in_error_handler: bool,
    /// A fault raised by a user error handler while reporting a diagnostic; taken by
    /// the interpreter after the built-in or op that raised the diagnostic.
    pub pending_fault: Option<Fault>,
    /// Named arguments for the variadic parameter of the next `call_function`.
    pub pending_named: Vec<(Vec<u8>, TypedValue)>,
    /// The default time zone (`date_default_timezone_set`); None is UTC.
    pub timezone: Option<Box<crate::runtime::tz::Zone>>,
    /// Pending requests for a reference return (`ExpectRefReturn`): the stack index
    /// where the requested callee's frame starts (the caller's `sp`). The callee —
    /// if declared `function &f()` — takes the request when it returns; otherwise the
    /// caller's next op drops it. Nested calls have higher frames, so they never see
    /// a request meant for another call.
    pub ref_returns: Vec<usize>,
}

/// VM stack size in slots (16 bytes each); pages are touched only as frames use them.
pub const STACK_SLOTS: usize = 1 << 22;

/// Slots allocated past [`STACK_SLOTS`]: frame setup may write the tags of up to
/// `STACK_SLACK - 1` unclaimed slots past a frame's end (in groups of
/// `STACK_SLACK`), and those must exist even for a frame ending at the limit.
pub const STACK_SLACK: usize = 4;

impl ExecCtx {
    pub fn new(unit: Arc<Unit>, file: String) -> ExecCtx {
        let mut ctx = ExecCtx {
            unit,
            out: Output::new(),
            file,
            line: 0,
            silence: 0,
            constants: FxHashMap::default(),
            dyn_funcs: FxHashMap::default(),
            extra_globals: FxHashMap::default(),
            main_frame: std::ptr::null_mut(),
            statics: FxHashMap::default(),
            mt: MtRand::new(0),
            mt_seeded: false,
            calls: CallStack::new(),
            ret: TypedValue::null(),
            jit_pending: None,
            cur_argc: 0,
            argv: Vec::new(),
            json_error: 0,
            stack: Vec::with_capacity(STACK_SLOTS + STACK_SLACK),
            stack_base: std::ptr::null_mut(),
            sp: 0,
            stack_limit: 0,
            cur_builtin: 0,
            builtin_call: std::ptr::null(),
            error_handlers: Vec::new(),
            in_error_handler: false,
            pending_fault: None,
            pending_named: Vec::new(),
            timezone: None,
            ref_returns: Vec::new(),
        };
        ctx.stack_base = ctx.stack.as_mut_ptr();
        ctx.stack_limit = STACK_SLOTS.min(ctx.stack.capacity().saturating_sub(STACK_SLACK));
        ctx
    }

    /// Where frames on the VM stack must end (slot index): a frame of `n` slots
    /// fits at `sp` when `sp + n <= stack_limit()`.
    #[inline(always)]
    pub fn stack_limit(&self) -> usize {
        self.stack_limit
    }

    /// Whether the caller of the function running on `frame` asked it for a
    /// reference; takes the request.
    pub fn take_ref_request(&mut self, frame: *const TypedValue) -> bool {
        let base = (frame as usize).wrapping_sub(self.stack.as_ptr() as usize)
            / std::mem::size_of::<TypedValue>();
        if self.ref_returns.last() == Some(&base) {
            self.ref_returns.pop();
            return true;
        }
        false
    }

    /// Drops a request made by the running frame for its next call that no callee
    /// took (the callee returns by value, or is a built-in).
    #[inline]
    pub fn drop_ref_request(&mut self) {
        if self.ref_returns.last() == Some(&self.sp) {
            self.ref_returns.pop();
        }
    }

    /// After an exception was caught in the running frame: requests for calls that
    /// the exception interrupted are void.
    pub fn drop_interrupted_ref_requests(&mut self) {
        let sp = self.sp;
        self.ref_returns.retain(|&b| b < sp);
    }

    #[inline]
    pub fn echo(&mut self, bytes: &[u8]) {
        self.out.write(bytes);
    }

    /// Reports a diagnostic of level `errno` (E_WARNING, E_USER_NOTICE, ...): to the
    /// user error handler if one is set for that level (the standard message is
    /// printed only when it returns false), else as PHP prints it.
    pub fn raise(&mut self, errno: i64, msg: &str) {
        if !self.in_error_handler && self.pending_fault.is_none() {
            if let Some((h, mask)) = self.error_handlers.last() {
                if !h.is_null() && mask & errno != 0 {
                    let h = h.clone();
                    let args = vec![
                        TypedValue::int(errno),
                        TypedValue::str(msg.as_bytes()),
                        TypedValue::str(self.file.as_bytes()),
                        TypedValue::int(self.line as i64),
                    ];
                    let line = self.line;
                    self.in_error_handler = true;
                    let r = super::interp_call::call_value(self, &h, args);
                    self.in_error_handler = false;
                    self.line = line;
                    match r {
                        Ok(v) if v.deref().is_bool() && !v.deref().bool_val() => {}
                        Ok(_) => return,
                        Err(f) => {
                            self.pending_fault = Some(f);
                            return;
                        }
                    }
                }
            }
        }
        if self.silence > 0 {
            return;
        }
        let kind = match errno {
            2 | 512 => "Warning",
            8 | 1024 => "Notice",
            8192 | 16384 => "Deprecated",
            256 => "Fatal error",
            _ => "Warning",
        };
        let text = format!("\n{kind}: {msg} in {} on line {}\n", self.file, self.line);
        self.out.write(text.as_bytes());
    }
    pub fn warn(&mut self, msg: &str) {
        self.raise(2, msg);
    }
    pub fn notice(&mut self, msg: &str) {
        self.raise(8, msg);
    }
    pub fn deprecated(&mut self, msg: &str) {
        self.raise(8192, msg);
    }

    /// Creates a built-in exception object (`TypeError`, `ValueError`, ...) with the
    /// current line and stack trace.
    pub fn new_exception(&mut self, class: &str, msg: &str, code: i64) -> TypedValue {
        let cls =
            find_class(class).unwrap_or_else(|| find_class("Error").expect("Error is built in"));
        let mut o = PhpObject::new(cls);
        o.set_prop("message", TypedValue::str(msg.as_bytes()));
        o.set_prop("code", TypedValue::int(code));
        o.set_prop("file", TypedValue::str(self.file.as_bytes()));
        o.set_prop("line", TypedValue::int(self.line as i64));
        o.set_prop("previous", TypedValue::null());
        let trace = self.capture_trace();
        o.set_prop("trace", trace);
        TypedValue::object(o)
    }
    /// `Err(Fault::Throw(..))` of a new built-in exception: `return Err(ctx.throw(..))`.
    pub fn throw(&mut self, class: &str, msg: impl AsRef<str>) -> Fault {
        Fault::Throw(self.new_exception(class, msg.as_ref(), 0))
    }
    pub fn type_error(&mut self, msg: impl AsRef<str>) -> Fault {
        self.throw("TypeError", msg)
    }
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> Fault {
        self.throw("ValueError", msg)
    }
    pub fn fatal(&self, msg: impl Into<String>) -> Fault {
        Fault::Fatal {
            msg: msg.into(),
            line: self.line,
        }
    }

    /// The stack trace as PHP stores it: a list of frames, innermost first, each with
    /// the call's file, line, function name and arguments. Active built-in calls are
    /// frames too (see `BuiltinCall`), and a user function a built-in called (an
    /// `array_map` callback) was called from `[internal function]`: no file or line.
    fn capture_trace(&self) -> TypedValue {
        use crate::runtime::array::PhpArray;
        use crate::runtime::builtins::registry;
        let mut frames = PhpArray::new();
        // The built-in calls that have frames, innermost first.
        let mut builtins: Vec<&BuiltinCall> = Vec::new();
        let mut link = self.builtin_call;
        // SAFETY: `builtin_call` and its `prev` chain point at `BuiltinCall`s on the
        // stack of built-in calls still running (each is unlinked before its call
        // returns); their `args` are the arguments those calls hold, which the
        // built-ins do not touch while this runs inside one of them.
        while let Some(b) = unsafe { link.as_ref() } {
            let frameless = registry::get(b.id).frameless_argcs;
            if b.argc >= 8 || frameless & (1 << b.argc) == 0 {
                builtins.push(b);
            }
            link = b.prev;
        }
        let mut next = 0;
        let mut i = self.calls.len();
        loop {
            while let Some(b) = builtins.get(next).filter(|b| b.depth as usize >= i) {
                next += 1;
                // Called by the built-in around it (`array_map('intdiv', ...)`), with
                // no user frame between: from `[internal function]` too.
                let by_builtin = builtins.get(next).is_some_and(|p| p.depth == b.depth);
                // SAFETY: see above: `argc` live values at `args`.
                let args = unsafe { std::slice::from_raw_parts(b.args, b.argc as usize) };
                frames.push(self.trace_frame(
                    (!by_builtin).then_some(b.line),
                    registry::get(b.id).name,
                    args.iter(),
                ));
            }
            if i == 0 {
                break;
            }
            i -= 1;
            let ci = &self.calls[i];
            let from_builtin = builtins.get(next).is_some_and(|b| b.depth as usize == i);
            let f = &self.unit.funcs[ci.func as usize];
            let declared = (f.params.iter().filter(|p| !p.variadic).count() as u32).min(ci.argc);
            // SAFETY: the frame of an active call is live and holds at least its
            // declared parameters.
            let params = unsafe { std::slice::from_raw_parts(ci.frame, declared as usize) };
            frames.push(self.trace_frame(
                (!from_builtin).then_some(ci.call_line),
                &f.name,
                params.iter().chain(ci.extra()),
            ));
        }
        TypedValue::array(frames)
    }

    /// One frame of a stack trace: where it was called from (`line`; `None` for
    /// `[internal function]`), the function's name and its arguments.
    fn trace_frame<'v>(
        &self,
        line: Option<u32>,
        name: &str,
        args: impl Iterator<Item = &'v TypedValue>,
    ) -> TypedValue {
        use crate::runtime::array::PhpArray;
        let mut fr = PhpArray::new();
        if let Some(line) = line {
            fr.set_str(b"file", TypedValue::str(self.file.as_bytes()));
            fr.set_str(b"line", TypedValue::int(line as i64));
        }
        fr.set_str(b"function", TypedValue::str(name.as_bytes()));
        let mut list = PhpArray::new();
        for v in args {
            list.push(v.copy_value());
        }
        fr.set_str(b"args", TypedValue::array(list));
        TypedValue::array(fr)
    }

    /// Looks a constant up: user constants, then the built-in table.
    pub fn constant(&self, name: &str) -> Option<TypedValue> {
        if let Some(v) = self.constants.get(name) {
            return Some(v.clone());
        }
        crate::runtime::constants::builtin_constant(name)
    }
}

impl ExecCtx {
    /// A context over an empty unit, for unit tests of built-ins.
    pub fn for_tests() -> ExecCtx {
        let unit = Unit {
            file: "test.php".into(),
            funcs: Vec::new(),
            main: 0,
            hoisted: Vec::new(),
            names: Vec::new(),
        };
        ExecCtx::new(Arc::new(unit), "test.php".into())
    }

    /// The innermost executing PHP function (the caller of the current built-in):
    /// its frame and function index. `compact`, `extract`, `func_get_args` use it.
    pub fn php_frame(&self) -> (*mut TypedValue, u32) {
        match self.calls.last() {
            Some(ci) => (ci.frame, ci.func),
            None => (self.main_frame, self.unit.main),
        }
    }
}
