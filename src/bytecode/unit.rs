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
}

impl Func {
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
