//! The bytecode: three-address ops over frame slots.
//!
//! A frame is an array of `TypedValue` slots: the function's parameters first, then
//! closure captures, then the other named locals, then temporaries. Every op names its
//! operand slots, so the baseline tier needs no stack tracking and LLVM lowering maps
//! slots to allocas. An [`Operand`] is either a slot or (high bit set) an entry of the
//! function's literal table, like Lua's RK operands, so `$i < 100` is one op.
//!
//! Conventions every tier follows:
//! - Reading an operand dereferences `REF` slots; reading an `UNINIT` local warns
//!   "Undefined variable $x" and yields null (slow path only).
//! - Writing a destination slot writes through a `REF` (so `global`/`&` bindings see
//!   it) and through an `INDIRECT` (a pointer made by `FetchDimW`).
//! - `NO_SLOT` as a destination means "result unused".

use std::fmt;

pub type Slot = u32;
/// An instruction index in the function's op array.
pub type Pc = u32;

/// Destination placeholder for results nobody reads.
pub const NO_SLOT: Slot = u32::MAX;

/// A slot, or a literal from the function's constant table.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Operand(pub u32);

impl Operand {
    pub const CONST_BIT: u32 = 1 << 31;
    pub fn slot(s: Slot) -> Operand {
        Operand(s)
    }
    pub fn constant(idx: u32) -> Operand {
        Operand(idx | Self::CONST_BIT)
    }
    #[inline(always)]
    pub fn is_const(self) -> bool {
        self.0 & Self::CONST_BIT != 0
    }
    #[inline(always)]
    pub fn index(self) -> u32 {
        self.0 & !Self::CONST_BIT
    }
}

impl fmt::Debug for Operand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_const() {
            write!(f, "k{}", self.index())
        } else {
            write!(f, "s{}", self.0)
        }
    }
}

/// Binary operators without a dedicated op.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Concat,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    Spaceship,
    Xor,
}

impl BinOp {
    /// The operator as PHP spells it (messages).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::Concat => ".",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Spaceship => "<=>",
            BinOp::Xor => "xor",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CastKind {
    Int,
    Float,
    String,
    Bool,
    Array,
    Object,
}

/// How a dimension fetch for writing treats a missing element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DimMode {
    /// `$a[k] = v`, `$a[k][..] = v`: create silently.
    Write,
    /// `$a[k] .= v`, `$a[k]++`: warn "Undefined array key", then create.
    ReadWrite,
    /// `unset($a[k][j])`: never create; a missing container yields UNINIT.
    Unset,
    /// `f($a[k])` by reference, `$x = &$a[k]`, `foreach ($a[k] as &$v)`: create.
    Ref,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IncDec {
    PreInc,
    PreDec,
    PostInc,
    PostDec,
}

/// Where the result of a call bound by reference goes (the notice PHP prints when
/// the callee did not return a reference differs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefUse {
    /// `return f();` in a function declared `function &g()`.
    Returned,
    /// `g(f())` where `g` takes the parameter by reference.
    Passed,
    /// `foreach (f() as &$v)`: no notice (a value is iterated as a temporary).
    Iterated,
}

/// How a closure captures a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capture {
    /// `use ($x)`: copy; an undefined variable warns.
    Value,
    /// `use (&$x)`: share a reference box.
    Ref,
    /// Arrow functions: copy if defined, silently skip otherwise.
    ValueQuiet,
}

/// The ops. Field names: `dst` is written, everything else read.
#[derive(Clone, Debug)]
#[repr(u8)]
pub enum Op {
    Nop,
    /// `dst = src` (copying; dereferences `src`).
    Move {
        dst: Slot,
        src: Operand,
    },
    /// `dst = &src_slot`: both slots share one reference box afterwards. `src` may be
    /// an INDIRECT temp (array element).
    BindRef {
        dst: Slot,
        src: Slot,
    },
    /// `dst` gets a fresh handle to `src`'s reference box, boxing it first (by-ref
    /// arguments, `use (&$x)`, array elements `[&$x]`).
    MakeRef {
        dst: Slot,
        src: Slot,
    },

    Add {
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    Sub {
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    Mul {
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    /// `.`; when `dst` is the same slot as `a` and holds a unique string, appends in
    /// place (`$s .= x` and `$s = $s . x` are amortised O(1)).
    Concat {
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    /// The other binary operators.
    Bin {
        op: BinOp,
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    /// Concatenation of all parts at once (string interpolation).
    ConcatN {
        dst: Slot,
        parts: Box<[Operand]>,
    },
    /// `$dst .= parts[0] . parts[1] . ...` where the chain could be one `ConcatN`:
    /// the parts joined, then appended to `dst` — in place, without the joined
    /// temporary, when `dst` holds a unique string and every part is a string or an
    /// int (see `interp::append_n_op`).
    AppendN {
        dst: Slot,
        parts: Box<[Operand]>,
    },
    Lt {
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    Le {
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    Eq {
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    NotEq {
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    Identical {
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    NotIdentical {
        dst: Slot,
        a: Operand,
        b: Operand,
    },
    Not {
        dst: Slot,
        src: Operand,
    },
    BitNot {
        dst: Slot,
        src: Operand,
    },
    /// `(bool)` as a branch-free op (`&&`/`||` results).
    ToBool {
        dst: Slot,
        src: Operand,
    },
    Cast {
        dst: Slot,
        src: Operand,
        kind: CastKind,
    },
    /// `++`/`--` on a slot (local, or INDIRECT element); `dst` gets the result.
    IncDec {
        kind: IncDec,
        dst: Slot,
        target: Slot,
    },

    Jmp {
        target: Pc,
    },
    /// Jump when `cond` is falsy.
    JmpZ {
        cond: Operand,
        target: Pc,
    },
    /// Jump when `cond` is truthy.
    JmpNZ {
        cond: Operand,
        target: Pc,
    },
    /// Jump when `src` is neither null nor undefined (quietly: `??`).
    JmpNotNull {
        src: Operand,
        target: Pc,
    },
    /// Fused compare-and-branch for loops: jump when `a < b` is false (the exit
    /// test at the top of a `foreach`-less loop the emitter did not rotate).
    JmpNotLt {
        a: Operand,
        b: Operand,
        target: Pc,
    },
    /// Fused compare-and-branch: jump when `a < b`. The back edge of a rotated
    /// `for`/`while` loop, whose test sits after the body (as PHP compiles them), so
    /// an iteration runs one jump instead of two.
    JmpLt {
        a: Operand,
        b: Operand,
        target: Pc,
    },

    Echo {
        src: Operand,
    },

    /// `dst = []` with room for `cap` elements.
    NewArray {
        dst: Slot,
        cap: u32,
    },
    /// Appends (`key` None) or sets an element of the array being built in `arr`.
    AddElem {
        arr: Slot,
        key: Option<Operand>,
        val: Operand,
    },
    /// `...$src` inside an array literal.
    AddSpread {
        arr: Slot,
        src: Operand,
    },
    /// `dst = base[key]` with PHP's read warnings (undefined key, offset on scalar).
    FetchDim {
        dst: Slot,
        base: Operand,
        key: Operand,
    },
    /// Quiet read for isset/empty/`??`: missing → null, no warnings.
    FetchDimIs {
        dst: Slot,
        base: Operand,
        key: Operand,
    },
    /// `list()` element read: non-arrays give null silently, missing keys warn.
    FetchListDim {
        dst: Slot,
        base: Operand,
        key: Operand,
    },
    /// Write fetch: makes `base` (a local slot or an INDIRECT temp) an array if it is
    /// null/undefined (auto-vivification), separates it, and stores in `dst` an
    /// INDIRECT pointer to element `key` (or a new appended element when `key` is
    /// None). Only ops of the same statement use the pointer.
    FetchDimW {
        dst: Slot,
        base: Slot,
        key: Option<Operand>,
        mode: DimMode,
    },
    /// `base[key] = val` (or `base[] = val`); `dst` gets the assigned value.
    AssignDim {
        dst: Slot,
        base: Slot,
        key: Option<Operand>,
        val: Operand,
    },
    /// `dst = obj->name` (`name` a literal or a computed value, converted to a
    /// string): PHP's read diagnostics (undefined property, property of a non-object,
    /// inaccessible declared properties of built-in classes).
    FetchProp {
        dst: Slot,
        obj: Operand,
        name: Operand,
    },
    /// Quiet property read for isset/empty/`??`: whatever PHP would not read (missing,
    /// inaccessible, not an object) is null, without diagnostics.
    FetchPropIs {
        dst: Slot,
        obj: Operand,
        name: Operand,
    },
    /// `unset(base[key])`; `base` is a local or INDIRECT.
    UnsetDim {
        base: Slot,
        key: Operand,
    },
    UnsetLocal {
        slot: Slot,
    },
    /// `dst = isset(src)` for a slot/value: neither undefined nor null (quiet).
    IsSet {
        dst: Slot,
        src: Operand,
    },
    /// `dst = empty(src)` (quiet).
    Empty {
        dst: Slot,
        src: Operand,
    },

    /// `foreach` start: copies the array (by value) or binds the variable (by ref)
    /// into `iter`, position 0 in `iter + 1`; jumps to `exit` when empty. Non-arrays
    /// warn and jump.
    IterInit {
        iter: Slot,
        src: Operand,
        by_ref: bool,
        exit: Pc,
    },
    /// Next element: assigns value (or binds a reference) to `val` and the key to
    /// `key` (if any), or jumps to `exit` when done.
    IterNext {
        iter: Slot,
        val: Slot,
        key: Slot,
        by_ref: bool,
        exit: Pc,
    },
    /// Releases a foreach's iterator (loop exit, break).
    IterFree {
        iter: Slot,
    },

    /// Call of a user function known at compile time; arguments are the `argc`
    /// consecutive slots from `args`.
    Call {
        dst: Slot,
        func: u32,
        args: Slot,
        argc: u32,
    },
    CallBuiltin {
        dst: Slot,
        builtin: u32,
        args: Slot,
        argc: u32,
    },
    /// Call by a name resolved at run time (conditionally declared functions).
    CallName {
        dst: Slot,
        name: u32,
        args: Slot,
        argc: u32,
    },
    /// `$f(...)`: closures and callable strings/arrays.
    CallValue {
        dst: Slot,
        callee: Operand,
        args: Slot,
        argc: u32,
    },
    /// A call whose arguments were collected in an array (argument unpacking).
    CallArray {
        dst: Slot,
        callee: Operand,
        arr: Slot,
    },
    /// `$obj->name(...)` on built-in objects.
    MethodCall {
        dst: Slot,
        obj: Operand,
        name: u32,
        args: Slot,
        argc: u32,
    },
    /// `new Class(...)` for built-in classes.
    New {
        dst: Slot,
        class: u32,
        args: Slot,
        argc: u32,
    },
    /// `new $class(...)` or `new C(...$args)`: the class name is a value, the
    /// arguments an array (string keys are named arguments).
    NewArgs {
        dst: Slot,
        class: Operand,
        arr: Slot,
    },
    /// `dst = src instanceof Class`.
    InstanceOf {
        dst: Slot,
        src: Operand,
        class: u32,
    },
    Return {
        src: Operand,
    },
    /// `return` in a function declared `function &f()`: when the caller asked for a
    /// reference from this frame (`ExpectRefReturn`), `src` (a local, an INDIRECT
    /// element or a temporary) becomes a reference and the function returns the
    /// reference box; otherwise it returns `src`'s value (undefined reads as null,
    /// quietly: PHP fetches the variable for writing).
    ReturnRef {
        src: Slot,
    },
    /// Before a call whose result is bound by reference (`$x = &f()`, `return f()` in
    /// a by-reference function, `g(f())` into a by-reference parameter, `foreach
    /// (f() as &$v)`): asks the
    /// callee of the next call from this frame to return a reference if it is
    /// declared `function &f()`.
    ExpectRefReturn,
    /// After such a call into `src`: the notice PHP prints (per `kind`) when `src`
    /// does not hold a reference.
    RefNotice {
        src: Slot,
        kind: RefUse,
    },
    /// `dst = &<call result in src>`: binds `dst` (a local or an INDIRECT element)
    /// to the reference the call returned; a call that returned a value notices "Only
    /// variables should be assigned by reference" and assigns it instead.
    AssignRefResult {
        dst: Slot,
        src: Slot,
    },

    /// Prologue: throws ArgumentCountError when fewer than `required` arguments came.
    CheckArgs {
        required: u32,
    },
    /// Prologue: skips a default-value initialiser when argument `n` was passed.
    JmpIfArg {
        n: u32,
        target: Pc,
    },
    /// Prologue: collects arguments from `from` on into an array in `dst`.
    RecvVariadic {
        dst: Slot,
        from: u32,
    },
    /// Coerces/validates a typed parameter (weak mode); `ty` indexes the function's
    /// type table.
    VerifyParam {
        slot: Slot,
        param: u32,
    },
    /// Coerces/validates the return value against the declared type.
    VerifyReturn {
        src: Slot,
    },

    /// `dst = function (...) use (...) {}`: the captured locals, in the order of the
    /// closure's capture slots.
    MakeClosure {
        dst: Slot,
        func: u32,
        captures: Box<[(Slot, Capture)]>,
    },
    /// Declares a function at run time (a declaration inside a block).
    DeclareFunc {
        func: u32,
    },
    /// `const NAME = value;`
    DeclareConst {
        name: u32,
        val: Operand,
    },
    /// `dst = NAME` (user constants, then built-ins; Error when undefined).
    FetchConst {
        dst: Slot,
        name: u32,
    },
    /// `global $x`: binds local `slot` to the global named by literal `name`.
    BindGlobal {
        slot: Slot,
        name: u32,
    },
    /// `static $x = init`: binds local `slot` to the function's static number `idx`.
    BindStatic {
        slot: Slot,
        idx: u32,
        init: Operand,
    },

    /// `@`: raises the silence level, saving the old one in `save`.
    BeginSilence {
        save: Slot,
    },
    EndSilence {
        save: Slot,
    },

    /// Throws the object in `src`.
    Throw {
        src: Operand,
    },
    /// Catch clause test: if the pending exception is an instance of literal `class`,
    /// moves it to `dst` (unless NO_SLOT) and continues; otherwise jumps to `next`.
    Catch {
        class: u32,
        dst: Slot,
        next: Pc,
    },
    /// Rethrows the pending exception (no catch clause matched).
    Rethrow,
    /// Entering `finally` from an exception: stores the pending exception in `exc`
    /// and state 1 (rethrow) in `state`.
    FinallyFromThrow {
        state: Slot,
        exc: Slot,
    },
    /// End of `finally`: state 0 falls through, 1 rethrows `exc`, 2 returns `ret` (or
    /// continues to the enclosing finally at `outer` when there is one).
    FinallyEnd {
        state: Slot,
        exc: Slot,
        ret: Slot,
        /// The enclosing finally (its state, exception and return slots, and its
        /// start), boxed to keep `Op` at 32 bytes.
        outer: Option<Box<(Slot, Slot, Slot, Pc)>>,
    },
    /// `match` without a matching arm: UnhandledMatchError.
    MatchError {
        src: Operand,
    },
    /// `exit`/`die`.
    Exit {
        src: Option<Operand>,
    },
    /// A construct the VM does not support: a fatal error naming it.
    Unsupported {
        what: u32,
    },
}

/// The one list of ops that jump somewhere besides the next op, and which field
/// says where; `Op::branch_target` and `Op::branch_target_mut` both expand it.
macro_rules! branch_target_of {
    ($op:expr, $($r:tt)*) => {
        match $op {
            Op::Jmp { target }
            | Op::JmpZ { target, .. }
            | Op::JmpNZ { target, .. }
            | Op::JmpNotNull { target, .. }
            | Op::JmpNotLt { target, .. }
            | Op::JmpLt { target, .. }
            | Op::JmpIfArg { target, .. }
            | Op::IterInit { exit: target, .. }
            | Op::IterNext { exit: target, .. }
            | Op::Catch { next: target, .. } => Some($($r)* *target),
            Op::FinallyEnd { outer: Some(o), .. } => Some($($r)* o.3),
            _ => None,
        }
    };
}

impl Op {
    /// The pc this op may jump to besides falling through (one at most per op):
    /// conditional and unconditional jumps, a loop's exit, the next `catch` to try,
    /// the enclosing `finally`. Every pass that needs the control flow reads it here.
    pub fn branch_target(&self) -> Option<Pc> {
        branch_target_of!(self,)
    }

    /// The target [`Op::branch_target`] reads, for patching a forward jump.
    pub fn branch_target_mut(&mut self) -> Option<&mut Pc> {
        branch_target_of!(self, &mut)
    }
}

// The interpreter dispatches on the tag byte `repr(u8)` puts first; keep ops at
// 32 bytes (two per cache line).
const _: () = assert!(std::mem::size_of::<Op>() == 32);
