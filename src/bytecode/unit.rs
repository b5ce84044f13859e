//! Compiled units: one per source file, immutable once built and shared (`Arc`)
//! between threads. A unit's functions carry their bytecode, literal table, line
//! table, exception handlers and the atomic entry slot every tier calls through.

use std::sync::atomic::AtomicPtr;

use super::op::{Op, Pc, Slot};
use crate::runtime::value::StaticValues;

/// A declared parameter type, for weak-mode coercion and TypeErrors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeHint {
    Int,
    Float,
    String,
    Bool,
    Array,
    Callable,
    Iterable,
    Object,
    Mixed,
    Void,
    Null,
    False,
    True,
    Never,
    /// A class or interface name.
    Class(String),
    /// `?T` is `Union([T, Null])`.
    Union(Vec<TypeHint>),
}

impl TypeHint {
    /// The one value tag that satisfies this type as is (no coercion, no class
    /// check): what compiled code tests before taking the full check.
    pub fn exact_tag(&self) -> Option<u8> {
        use crate::runtime::value::tag;
        match self {
            TypeHint::Int => Some(tag::INT),
            TypeHint::Float => Some(tag::DOUBLE),
            TypeHint::String => Some(tag::STRING),
            TypeHint::Bool => Some(tag::BOOL),
            TypeHint::Array => Some(tag::ARRAY),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: String,
    pub by_ref: bool,
    pub variadic: bool,
    pub has_default: bool,
    pub ty: Option<TypeHint>,
}

/// A try region: an exception raised by an op in `start..end` goes to `handler`.
/// Listed innermost first, so the first match wins.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub start: Pc,
    pub end: Pc,
    pub handler: Pc,
}

/// Whether control can never run past the end of `ops`: the last op is a `Return`
/// and every jump and handler lands inside the body — the invariant of
/// [`Func::ops`] the interpreter relies on to fetch ops without a bounds check.
/// Builders of a body that is not append the implicit `return null;`.
pub fn body_is_sealed(ops: &[Op], handlers: &[Handler]) -> bool {
    let len = ops.len() as Pc;
    matches!(ops.last(), Some(Op::Return { .. }))
        && ops
            .iter()
            .filter_map(Op::branch_target)
            .chain(handlers.iter().map(|h| h.handler))
            .all(|t| t < len)
}

/// The native code signature every tier exposes through the entry slot (see DESIGN.md
/// decision 4): `frame` points at slot 0, the result goes to `ctx.ret`, the return
/// value is a status (see `vm::status`).
pub type EntryFn = unsafe extern "C" fn(
    frame: *mut crate::runtime::value::TypedValue,
    ctx: *mut crate::vm::ctx::ExecCtx,
) -> u64;

pub struct Func {
    pub id: u32,
    /// As declared; `{closure}` for closures, `{main}` for the script body.
    pub name: String,
    pub params: Vec<Param>,
    /// Slots after the parameters that receive closure captures.
    pub num_captures: u32,
    /// Named locals (parameters and captures included); temporaries follow.
    pub num_locals: u32,
    pub num_slots: u32,
    /// `$name` of each local slot, for "Undefined variable" warnings and `compact`.
    pub local_names: Vec<String>,
    /// The body. Invariant (established by the emitter's `finish`): the last op is a
    /// `Return` and every jump and handler lands inside the body, so control never
    /// runs past the end; every constant operand indexes `consts`.
    pub ops: Vec<Op>,
    /// Source line of each op.
    pub lines: Vec<u32>,
    pub consts: StaticValues,
    pub handlers: Vec<Handler>,
    pub return_type: Option<TypeHint>,
    pub is_closure: bool,
    /// Declared `function &f()`: its returns are `ReturnRef`.
    pub returns_ref: bool,
    /// Line of the declaration (ArgumentCountError messages).
    pub decl_line: u32,
    /// The entry slot: all tiers call through it; tier-up is a release store.
    pub entry: AtomicPtr<()>,
    /// Profile, write lease and translation state (see `jit::state`).
    pub jit: crate::jit::state::FuncJit,
    /// What a call must arrange, derived once from the fields above
    /// ([`CallShape::of`]) so the call paths need not re-derive it per call.
    pub call_shape: CallShape,
}

/// What calling a function involves, precomputed per function: which calls can take
/// the lean path (`vm::interp_call::call_simple_or_general`), where its `$GLOBALS`
/// local is, and whether it binds extra arguments by reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallShape {
    /// The argument count of a lean call — every parameter by value, none variadic,
    /// no closure captures, no `$GLOBALS` local, the parameters within `num_slots` —
    /// or [`CallShape::NONE`] when no call of the function is lean.
    pub lean_argc: u32,
    /// The most arguments a call the interpreter runs inline may pass: the declared
    /// parameters when all are by value and none is variadic, there is no
    /// `$GLOBALS` local, and the slots hold the parameters and the closure captures
    /// after them — or [`CallShape::NONE`]. Unlike `lean_argc`, captures are allowed
    /// (the interpreter writes them) and fewer arguments may come (the function's
    /// own code applies the defaults).
    pub inline_argc: u32,
    /// The slot of the `$GLOBALS` local (a named local `$GLOBALS`), or
    /// [`CallShape::NONE`]; `vm::globals::globals_slot` reads it.
    pub globals_slot: u32,
    /// The last parameter is a by-reference variadic: a call must turn the caller's
    /// extra arguments into references.
    pub variadic_by_ref: bool,
    /// Where a lean call may start: past the leading `CheckArgs`, which a lean call
    /// (every declared parameter passed) always satisfies.
    pub lean_entry_pc: u32,
}

impl CallShape {
    /// "None" for `lean_argc` and `globals_slot`.
    pub const NONE: u32 = u32::MAX;

    /// The shape of `f`, from its parameters, captures, locals and slot count.
    pub fn of(f: &Func) -> CallShape {
        let globals_slot = f
            .local_names
            .iter()
            .position(|n| n == "$GLOBALS" || n == "GLOBALS")
            .map(|i| i as u32)
            .filter(|&i| i < f.num_locals);
        let nparams = f.params.len();
        let by_value = f.params.iter().all(|p| !p.by_ref && !p.variadic)
            && globals_slot.is_none()
            && nparams < CallShape::NONE as usize;
        let lean = by_value && f.num_captures == 0 && (f.num_slots as usize) >= nparams;
        let inline = by_value && (f.num_slots as usize) >= nparams + f.num_captures as usize;
        CallShape {
            inline_argc: if inline {
                nparams as u32
            } else {
                CallShape::NONE
            },
            lean_argc: if lean {
                nparams as u32
            } else {
                CallShape::NONE
            },
            globals_slot: globals_slot.unwrap_or(CallShape::NONE),
            variadic_by_ref: f.params.last().is_some_and(|p| p.variadic && p.by_ref),
            lean_entry_pc: matches!(f.ops.first(), Some(Op::CheckArgs { .. })) as u32,
        }
    }

    /// A placeholder for a `Func` under construction; replace it with
    /// [`CallShape::of`] before the function is called.
    pub const UNSET: CallShape = CallShape {
        lean_argc: CallShape::NONE,
        inline_argc: CallShape::NONE,
        globals_slot: CallShape::NONE,
        variadic_by_ref: false,
        lean_entry_pc: 0,
    };
}

impl Func {
    /// Whether the body has a loop: a jump back to itself or an earlier op.
    pub fn has_loop(&self) -> bool {
        self.ops
            .iter()
            .enumerate()
            .any(|(pc, op)| op.branch_target().is_some_and(|t| t as usize <= pc))
    }

    /// The exception handler for a fault at `pc`: the innermost try region covering
    /// it. Regions nest, so the innermost is the smallest. Every tier unwinds with it.
    pub fn handler_for(&self, pc: u32) -> Option<&Handler> {
        self.handlers
            .iter()
            .filter(|h| h.start <= pc && pc < h.end)
            .min_by_key(|h| h.end - h.start)
    }

    /// The slot of a named local, if it has one.
    pub fn local_slot(&self, name: &str) -> Option<Slot> {
        self.local_names
            .iter()
            .position(|n| n == name)
            .map(|i| i as Slot)
    }
}

pub struct Unit {
    /// The path as given on the command line.
    pub file: String,
    pub funcs: Vec<Func>,
    /// Index of the script body in `funcs`.
    pub main: u32,
    /// Functions declared unconditionally at the top level (hoisted): lowercase name →
    /// index.
    pub hoisted: Vec<(String, u32)>,
    /// Names used by `Unsupported` ops and other literal strings of the unit.
    pub names: Vec<String>,
}
