//! Abstract syntax tree for the supported PHP subset.
//!
//! Every statement and expression records the source line PHP would report for it
//! (the line where the construct starts). String data is kept as bytes because PHP
//! strings are byte strings; identifiers are `String` (PHP identifiers are ASCII or
//! raw high bytes, which we keep via lossy conversion only for names).
//!
//! Names (functions, classes, constants) keep their original spelling with any
//! leading `\` stripped; case-insensitive comparison is the consumer's job.

/// A whole source file.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// Top-level statements in source order.
    pub stmts: Vec<Stmt>,
    /// Compile-time diagnostics PHP prints before the program runs (scanner
    /// warnings first, then compiler deprecations), in PHP's order.
    pub warnings: Vec<Diag>,
}

/// A compile-time diagnostic: (kind as PHP prints it, e.g. "Warning" or
/// "Deprecated"; message; 1-based line).
pub type Diag = (String, String, u32);

/// A statement with the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    /// What kind of statement this is.
    pub kind: StmtKind,
    /// 1-based source line.
    pub line: u32,
}

/// A list of statements (a `{ ... }` body or an alternative-syntax body).
pub type Block = Vec<Stmt>;

/// All statement forms.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `expr;`
    Expr(Expr),
    /// `echo a, b;` and `<?= a ?>`.
    Echo(Vec<Expr>),
    /// Raw text outside `<?php ... ?>` (already minus the newline eaten by `?>`).
    InlineHtml(Vec<u8>),
    /// `if (cond) then elseif (..) .. else ..` (also alternative syntax).
    /// `else if` is represented as an `else` block holding a nested `If`.
    If {
        /// Condition of the first branch.
        cond: Expr,
        /// Body of the first branch.
        then: Block,
        /// `elseif` branches in order.
        elseifs: Vec<ElseIf>,
        /// The `else` body, if present.
        else_: Option<Block>,
    },
    /// `while (cond) body`.
    While {
        /// Loop condition.
        cond: Expr,
        /// Loop body.
        body: Block,
    },
    /// `do body while (cond);`.
    DoWhile {
        /// Loop body.
        body: Block,
        /// Loop condition (checked after each iteration).
        cond: Expr,
    },
    /// `for (init; cond; step) body`. Each part is a comma list, possibly empty.
    /// With several conditions, only the last one decides (all are evaluated).
    For {
        /// Initialisers.
        init: Vec<Expr>,
        /// Conditions; empty means "always true".
        cond: Vec<Expr>,
        /// Step expressions.
        step: Vec<Expr>,
        /// Loop body.
        body: Block,
    },
    /// `foreach (subject as [key =>] [&]value) body`.
    Foreach {
        /// The iterated expression.
        subject: Expr,
        /// Key target (a variable or other writable expression), if present.
        key: Option<Expr>,
        /// Value target: a writable expression or an `ExprKind::List` pattern.
        value: Expr,
        /// `as &$v` / `as $k => &$v`.
        by_ref: bool,
        /// Loop body.
        body: Block,
    },
    /// `switch (subject) { case ...: ... default: ... }`.
    Switch {
        /// The switched-on expression.
        subject: Expr,
        /// Cases in source order (`default` may be anywhere).
        cases: Vec<SwitchCase>,
    },
    /// `break N;` (N defaults to 1; the parser guarantees N >= 1).
    Break(u32),
    /// `continue N;` (N defaults to 1; the parser guarantees N >= 1).
    Continue(u32),
    /// `return [expr];`
    Return(Option<Expr>),
    /// `{ ... }`
    Block(Block),
    /// A lone `;`.
    Nop,
    /// `global $a, $b;` (variable names without `$`).
    Global(Vec<String>),
    /// `static $x = 1, $y;` (names without `$`, optional constant initialisers).
    StaticVar(Vec<StaticVarDecl>),
    /// Top-level `const A = 1, B = 2;`.
    Const(Vec<ConstDecl>),
    /// `function name(...) { ... }` — kept where it appears (conditional declarations
    /// inside `if`/function bodies are declared when executed).
    FunctionDecl(Box<FunctionDecl>),
    /// `class`/`interface`/`trait` declaration.
    ClassDecl(Box<ClassDecl>),
    /// `try { } catch (...) { } finally { }`.
    Try {
        /// Protected body.
        body: Block,
        /// Catch clauses in order.
        catches: Vec<Catch>,
        /// The `finally` body, if any.
        finally: Option<Block>,
    },
    /// `unset($a, $b[1]);`
    Unset(Vec<Expr>),
    /// `declare(name=value, ...);` — body-less form only.
    Declare(Vec<DeclareDirective>),
}

/// One `elseif (cond) body` branch.
#[derive(Debug, Clone, PartialEq)]
pub struct ElseIf {
    /// Branch condition.
    pub cond: Expr,
    /// Branch body.
    pub body: Block,
    /// Line of the `elseif` keyword.
    pub line: u32,
}

/// One `case expr:` or `default:` arm of a switch.
#[derive(Debug, Clone, PartialEq)]
pub struct SwitchCase {
    /// `Some(expr)` for `case expr:`, `None` for `default:`.
    pub cond: Option<Expr>,
    /// Statements up to the next case (fall-through is implicit).
    pub body: Block,
    /// Line of the `case`/`default` keyword.
    pub line: u32,
}

/// One `catch (A | B $e) { ... }` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Catch {
    /// Caught class names (leading `\` stripped).
    pub types: Vec<String>,
    /// Variable name without `$`; `None` for PHP 8 `catch (E)`.
    pub var: Option<String>,
    /// Handler body.
    pub body: Block,
    /// Line of the `catch` keyword.
    pub line: u32,
}

/// One variable in a `static` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct StaticVarDecl {
    /// Name without `$`.
    pub name: String,
    /// Initialiser (a constant expression), if any.
    pub init: Option<Expr>,
    /// Source line of the variable.
    pub line: u32,
}

/// One `NAME = expr` in a `const` statement (also used for class constants).
#[derive(Debug, Clone, PartialEq)]
pub struct ConstDecl {
    /// Constant name.
    pub name: String,
    /// Constant-expression value.
    pub value: Expr,
    /// Source line of the name.
    pub line: u32,
}

/// One `name=value` directive of `declare(...)`.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclareDirective {
    /// Directive name as written (e.g. `strict_types`).
    pub name: String,
    /// Directive value (a literal).
    pub value: Expr,
}

/// A named function declaration (also the signature+body of a method).
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDecl {
    /// Function name as written.
    pub name: String,
    /// Parameters in order.
    pub params: Vec<Param>,
    /// `function &name()`.
    pub by_ref_return: bool,
    /// Declared return type, if any.
    pub return_type: Option<TypeHint>,
    /// Function body (empty for abstract/interface methods; see `Method::has_body`).
    pub body: Block,
    /// Line of the `function` keyword.
    pub line: u32,
    /// Line of the closing `}` (or `;` for body-less methods).
    pub end_line: u32,
}

/// A formal parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// Name without `$`.
    pub name: String,
    /// Declared type, if any.
    pub ty: Option<TypeHint>,
    /// Default value (a constant expression), if any.
    pub default: Option<Expr>,
    /// `&$x`.
    pub by_ref: bool,
    /// `...$x`.
    pub variadic: bool,
    /// Source line of the parameter.
    pub line: u32,
}

/// A type declaration as written.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeHint {
    /// A single type name: `int`, `string`, `array`, `callable`, `mixed`, `self`,
    /// `static`, `void`, `null`, or a class name (leading `\` stripped; original case).
    Named(String),
    /// `?T`.
    Nullable(Box<TypeHint>),
    /// `A|B|...`.
    Union(Vec<TypeHint>),
    /// `A&B&...`.
    Intersection(Vec<TypeHint>),
}

/// A class-like declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDecl {
    /// Class name as written.
    pub name: String,
    /// Class, interface or trait.
    pub kind: ClassKind,
    /// `abstract class`.
    pub is_abstract: bool,
    /// `final class`.
    pub is_final: bool,
    /// `readonly class` (PHP 8.2).
    pub is_readonly: bool,
    /// Parent class (for interfaces: see `implements`, which holds their `extends` list).
    pub extends: Option<String>,
    /// Implemented interfaces (for an interface: the interfaces it extends).
    pub implements: Vec<String>,
    /// Members in source order.
    pub members: Vec<ClassMember>,
    /// Line of the `class` keyword.
    pub line: u32,
    /// Line of the closing `}`.
    pub end_line: u32,
}

/// What kind of class-like declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassKind {
    /// `class`.
    Class,
    /// `interface`.
    Interface,
    /// `trait`.
    Trait,
}

/// Member visibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// `public` (also the default when none is written).
    Public,
    /// `protected`.
    Protected,
    /// `private`.
    Private,
}

/// Modifiers written on a class member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Modifiers {
    /// Visibility (public when omitted).
    pub visibility: Visibility,
    /// `static`.
    pub is_static: bool,
    /// `abstract`.
    pub is_abstract: bool,
    /// `final`.
    pub is_final: bool,
    /// `readonly`.
    pub is_readonly: bool,
}

/// One member of a class body.
#[derive(Debug, Clone, PartialEq)]
pub enum ClassMember {
    /// `[vis] const A = 1, B = 2;`
    Const {
        /// Modifiers (visibility, `final`).
        modifiers: Modifiers,
        /// The constants.
        consts: Vec<ConstDecl>,
    },
    /// `[mods] [type] $a = 1, $b;`
    Property {
        /// Modifiers.
        modifiers: Modifiers,
        /// Declared type, if any.
        ty: Option<TypeHint>,
        /// The properties.
        props: Vec<PropertyDecl>,
    },
    /// A method.
    Method(Box<Method>),
    /// `use TraitA, TraitB;` (no conflict-resolution block).
    TraitUse(Vec<String>),
}

/// One property in a property declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyDecl {
    /// Name without `$`.
    pub name: String,
    /// Default value (constant expression), if any.
    pub default: Option<Expr>,
    /// Source line.
    pub line: u32,
}

/// A method declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct Method {
    /// Modifiers.
    pub modifiers: Modifiers,
    /// Name, parameters, return type and body.
    pub func: FunctionDecl,
    /// False for `abstract function f();` / interface methods.
    pub has_body: bool,
}

/// An expression with the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What kind of expression this is.
    pub kind: ExprKind,
    /// 1-based source line (start of the expression).
    pub line: u32,
}

/// All expression forms.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `null` (any case).
    Null,
    /// `true` / `false` (any case).
    Bool(bool),
    /// Integer literal that fits in i64 (overflowing literals become `Float`).
    Int(i64),
    /// Floating-point literal.
    Float(f64),
    /// String literal without interpolation (escapes already decoded).
    Str(Vec<u8>),
    /// Double-quoted string or heredoc with interpolation.
    Interp(Vec<InterpPart>),
    /// `$name` (name without `$`; `$this` is `Var("this")`).
    Var(String),
    /// `$$expr` / `${expr}` variable-variable.
    VarVar(Box<Expr>),
    /// `[..]` / `array(..)` literal.
    Array(Vec<ArrayItem>),
    /// Destructuring pattern `list(..)` / `[..] = `; `None` entries are skipped slots.
    /// Only appears as an assignment target or a foreach value.
    List(Vec<Option<ArrayItem>>),
    /// `base[index]`; `index == None` is `base[]` (append; write context only).
    Index {
        /// The container.
        base: Box<Expr>,
        /// The key, or `None` for `[]`.
        index: Option<Box<Expr>>,
    },
    /// `obj->name` / `obj?->name`.
    Prop {
        /// The object expression.
        obj: Box<Expr>,
        /// The property name.
        name: MemberName,
        /// `?->`.
        nullsafe: bool,
    },
    /// `Class::$name`.
    StaticProp {
        /// The class.
        class: ClassRef,
        /// The property name (`Ident` without `$`, or `Expr` for `Class::$$x`).
        name: MemberName,
    },
    /// `Class::NAME` (including `Class::class`).
    ClassConst {
        /// The class.
        class: ClassRef,
        /// The constant name.
        name: String,
    },
    /// Bare constant name `FOO` (leading `\` stripped).
    Const(String),
    /// `__FILE__` / `__DIR__` (and `__CLASS__` inside traits: the using class). The
    /// parser resolves the others itself: `__LINE__` becomes `Int`, and
    /// `__FUNCTION__`, `__METHOD__`, `__CLASS__`, `__NAMESPACE__`, `__TRAIT__`
    /// become `Str` (`"{closure}"` inside closures, `"Class::method"` for
    /// `__METHOD__`, `""` where PHP gives an empty string).
    MagicConst(MagicConst),
    /// `name(args)` — call of a function by name (leading `\` stripped).
    Call {
        /// Function name as written.
        name: String,
        /// Arguments.
        args: Vec<Arg>,
    },
    /// `expr(args)` — call of an arbitrary callable value.
    CallExpr {
        /// The callee expression.
        callee: Box<Expr>,
        /// Arguments.
        args: Vec<Arg>,
    },
    /// First-class callable syntax (PHP 8.1): `f(...)`, `$o->m(...)`, `A::m(...)`,
    /// `$f(...)`. Evaluates to a `Closure` for the wrapped call's callee; the
    /// wrapped `Call`/`MethodCall`/`StaticCall`/`CallExpr` has no arguments.
    CallableRef(Box<Expr>),
    /// `obj->name(args)` / `obj?->name(args)`.
    MethodCall {
        /// The object expression.
        obj: Box<Expr>,
        /// The method name.
        name: MemberName,
        /// Arguments.
        args: Vec<Arg>,
        /// `?->`.
        nullsafe: bool,
    },
    /// `Class::name(args)`.
    StaticCall {
        /// The class.
        class: ClassRef,
        /// The method name.
        name: MemberName,
        /// Arguments.
        args: Vec<Arg>,
    },
    /// `new Class(args)` / `new Class`.
    New {
        /// The class.
        class: ClassRef,
        /// Constructor arguments (empty when written without parentheses).
        args: Vec<Arg>,
    },
    /// `clone expr`.
    Clone(Box<Expr>),
    /// Unary operator.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        expr: Box<Expr>,
    },
    /// Binary operator (including the short-circuit `&&`/`||`/`and`/`or`/`??`).
    Binary {
        /// The operator.
        op: BinaryOp,
        /// Left operand.
        left: Box<Expr>,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `target = value` (target may be `List`).
    Assign {
        /// Write target.
        target: Box<Expr>,
        /// Assigned value.
        value: Box<Expr>,
    },
    /// `target = &value`.
    AssignRef {
        /// Write target.
        target: Box<Expr>,
        /// Referenced expression.
        value: Box<Expr>,
    },
    /// `target op= value` (`op` is never a comparison/logical op; `??=` uses `Coalesce`).
    CompoundAssign {
        /// The arithmetic/bitwise/concat/coalesce operator.
        op: BinaryOp,
        /// Read-write target.
        target: Box<Expr>,
        /// Right operand.
        value: Box<Expr>,
    },
    /// `++$x`, `$x++`, `--$x`, `$x--`.
    IncDec {
        /// Which of the four forms.
        op: IncDecOp,
        /// Read-write target.
        target: Box<Expr>,
    },
    /// `(int) expr` etc.
    Cast {
        /// Target type.
        ty: CastType,
        /// Operand.
        expr: Box<Expr>,
    },
    /// `@expr`.
    Silence(Box<Expr>),
    /// `cond ? then : else_` / `cond ?: else_` (`then == None`).
    Ternary {
        /// Condition.
        cond: Box<Expr>,
        /// Middle operand; `None` for the short `?:` form.
        then: Option<Box<Expr>>,
        /// Else operand.
        else_: Box<Expr>,
    },
    /// `expr instanceof Class`.
    Instanceof {
        /// Tested value.
        expr: Box<Expr>,
        /// Class (name, self/static/parent, or an expression).
        class: ClassRef,
    },
    /// `isset(a, b, ...)` — true when all are set.
    Isset(Vec<Expr>),
    /// `empty(expr)`.
    Empty(Box<Expr>),
    /// `exit` / `exit(expr)` / `die ...`.
    Exit(Option<Box<Expr>>),
    /// `print expr` (evaluates to int 1).
    Print(Box<Expr>),
    /// `include`/`require` family.
    Include {
        /// Which keyword.
        kind: IncludeKind,
        /// Path expression.
        path: Box<Expr>,
    },
    /// `function (...) use (...) { ... }`.
    Closure(Box<ClosureDecl>),
    /// `fn (...) => expr`.
    ArrowFn(Box<ArrowFnDecl>),
    /// `match (subject) { conds => body, default => body }`.
    Match {
        /// The matched expression.
        subject: Box<Expr>,
        /// Arms in source order.
        arms: Vec<MatchArm>,
    },
    /// `throw expr` (an expression in PHP 8).
    Throw(Box<Expr>),
}

/// A piece of an interpolated string.
#[derive(Debug, Clone, PartialEq)]
pub enum InterpPart {
    /// Literal bytes (escapes decoded).
    Lit(Vec<u8>),
    /// An embedded expression, converted to string when evaluated.
    Expr(Expr),
}

/// One element of an array literal or destructuring pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrayItem {
    /// `key => value`; `None` for positional elements.
    pub key: Option<Expr>,
    /// The value (or, in a `List`, the write target / nested `List`).
    pub value: Expr,
    /// `&$x` element.
    pub by_ref: bool,
    /// `...$x` spread element (never in a `List`).
    pub spread: bool,
}

/// A call argument.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    /// The argument expression.
    pub value: Expr,
    /// `...$args` unpacking.
    pub spread: bool,
    /// `name: value` named argument.
    pub name: Option<String>,
}

/// A member (property/method) name after `->` or `::`.
#[derive(Debug, Clone, PartialEq)]
pub enum MemberName {
    /// A literal identifier (for static props: without `$`).
    Ident(String),
    /// A computed name: `$o->$name`, `$o->{expr}`, `A::$$name`.
    Expr(Box<Expr>),
}

/// The class part of `new`, `::`, `instanceof`.
#[derive(Debug, Clone, PartialEq)]
pub enum ClassRef {
    /// A class name (leading `\` stripped, original case).
    Named(String),
    /// `self`.
    SelfRef,
    /// `parent`.
    Parent,
    /// `static`.
    Static,
    /// A dynamic class: `new $cls`, `$obj::CONST`, `new (expr)`.
    Expr(Box<Expr>),
}

/// Magic constants other than `__LINE__`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MagicConst {
    /// `__FILE__`.
    File,
    /// `__DIR__`.
    Dir,
    /// `__FUNCTION__`.
    Function,
    /// `__CLASS__`.
    Class,
    /// `__METHOD__`.
    Method,
    /// `__NAMESPACE__`.
    Namespace,
    /// `__TRAIT__`.
    Trait,
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x`.
    Neg,
    /// `+x`.
    Plus,
    /// `!x`.
    Not,
    /// `~x`.
    BitNot,
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// `/`.
    Div,
    /// `%`.
    Mod,
    /// `**`.
    Pow,
    /// `.`.
    Concat,
    /// `<<`.
    Shl,
    /// `>>`.
    Shr,
    /// `&`.
    BitAnd,
    /// `|`.
    BitOr,
    /// `^`.
    BitXor,
    /// `==`.
    Eq,
    /// `!=` / `<>`.
    NotEq,
    /// `===`.
    Identical,
    /// `!==`.
    NotIdentical,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
    /// `<=>`.
    Spaceship,
    /// `&&` / `and` (short-circuit).
    And,
    /// `||` / `or` (short-circuit).
    Or,
    /// `xor`.
    Xor,
    /// `??` (short-circuit; left side is evaluated isset-style, no notices).
    Coalesce,
}

/// Increment/decrement forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncDecOp {
    /// `++$x`.
    PreInc,
    /// `--$x`.
    PreDec,
    /// `$x++`.
    PostInc,
    /// `$x--`.
    PostDec,
}

/// Cast target types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CastType {
    /// `(int)` / `(integer)`.
    Int,
    /// `(float)` / `(double)`.
    Float,
    /// `(string)` / `(binary)`.
    String,
    /// `(bool)` / `(boolean)`.
    Bool,
    /// `(array)`.
    Array,
    /// `(object)`.
    Object,
}

/// `include`-family keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncludeKind {
    /// `include`.
    Include,
    /// `include_once`.
    IncludeOnce,
    /// `require`.
    Require,
    /// `require_once`.
    RequireOnce,
}

/// A closure `function (...) use (...) { ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosureDecl {
    /// Parameters.
    pub params: Vec<Param>,
    /// `use (...)` captures.
    pub uses: Vec<ClosureUse>,
    /// `function &(...)`.
    pub by_ref_return: bool,
    /// Declared return type.
    pub return_type: Option<TypeHint>,
    /// Body.
    pub body: Block,
    /// `static function`.
    pub is_static: bool,
    /// Line of the `function` keyword.
    pub line: u32,
    /// Line of the closing `}`.
    pub end_line: u32,
}

/// One captured variable of a closure.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosureUse {
    /// Name without `$`.
    pub name: String,
    /// `use (&$x)`.
    pub by_ref: bool,
}

/// An arrow function `fn (...) => expr` (captures by value automatically).
#[derive(Debug, Clone, PartialEq)]
pub struct ArrowFnDecl {
    /// Parameters.
    pub params: Vec<Param>,
    /// `fn &(...)`.
    pub by_ref_return: bool,
    /// Declared return type.
    pub return_type: Option<TypeHint>,
    /// The returned expression.
    pub body: Expr,
    /// `static fn`.
    pub is_static: bool,
    /// Line of the `fn` keyword.
    pub line: u32,
}

/// One arm of a `match`.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchArm {
    /// Conditions compared with `===`; `None` for `default`.
    pub conds: Option<Vec<Expr>>,
    /// Result expression.
    pub body: Expr,
    /// Line of the arm's first condition / `default`.
    pub line: u32,
}

impl Expr {
    /// Builds an expression node.
    pub fn new(kind: ExprKind, line: u32) -> Self {
        Expr { kind, line }
    }
}

impl Stmt {
    /// Builds a statement node.
    pub fn new(kind: StmtKind, line: u32) -> Self {
        Stmt { kind, line }
    }
}

impl Modifiers {
    /// No modifiers written: public, non-static.
    pub const NONE: Modifiers = Modifiers {
        visibility: Visibility::Public,
        is_static: false,
        is_abstract: false,
        is_final: false,
        is_readonly: false,
    };
}
