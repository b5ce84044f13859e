//! The emitter: AST → bytecode [`Unit`].
//!
//! One [`FuncBuilder`] per function body. Locals are found by a pre-pass
//! (`emit_scan`) so they get the first slots; temporaries are allocated above them in
//! stack order and released at the end of each statement. Statements and expressions
//! live in `emit_stmt.rs` and `emit_expr.rs`, assignments in `emit_lvalue.rs`.

use std::sync::atomic::AtomicPtr;

use rustc_hash::FxHashMap;

use super::emit_scan::scan_block;
use super::op::{Op, Operand, Pc, Slot};
use super::unit::{CallShape, Func, Handler, Param, TypeHint, Unit};
use crate::compiler::ast;
use crate::runtime::value::{StaticValues, TypedValue};

/// A construct the emitter cannot compile: reported as a fatal error at `line`.
#[derive(Debug)]
pub struct CompileError {
    pub msg: String,
    pub line: u32,
}

pub type EmitResult<T> = Result<T, CompileError>;

pub fn unsupported<T>(what: &str, line: u32) -> EmitResult<T> {
    Err(CompileError {
        msg: format!("hopjit does not support {what} yet"),
        line,
    })
}

/// Unit-wide state shared by every function builder.
pub struct UnitBuilder {
    pub funcs: Vec<Option<Func>>,
    /// Unconditionally declared top-level functions (lowercase name → index).
    pub hoisted: FxHashMap<String, u32>,
    /// Every declared function name, conditional ones included (call binding).
    pub declared: FxHashMap<String, u32>,
    pub names: Vec<String>,
    /// By-reference flags of the hoisted functions' parameters (call emission).
    pub byref_params: FxHashMap<u32, Vec<bool>>,
    /// Absolute script path (`__FILE__`).
    pub abs_file: String,
}

impl UnitBuilder {
    /// Reserves an index for a function compiled later (declarations may follow uses).
    pub fn reserve(&mut self) -> u32 {
        self.funcs.push(None);
        (self.funcs.len() - 1) as u32
    }
    pub fn name_id(&mut self, s: &str) -> u32 {
        if let Some(i) = self.names.iter().position(|n| n == s) {
            return i as u32;
        }
        self.names.push(s.to_string());
        (self.names.len() - 1) as u32
    }
}

/// Loop bookkeeping for `break`/`continue`.
pub struct LoopCtx {
    pub breaks: Vec<usize>,
    pub continues: Vec<usize>,
    /// The foreach iterator to free when leaving this loop by `break N`.
    pub iter: Option<Slot>,
    /// Depth of the try-with-finally stack when the loop started.
    pub finally_depth: usize,
}

/// An enclosing `finally`: where returns inside its `try` go.
#[derive(Clone, Copy)]
pub struct FinallyCtx {
    pub state: Slot,
    pub exc: Slot,
    pub ret: Slot,
    /// Jumps to the finally block (patched when it is emitted).
    pub entry_patch_list: usize,
}

pub struct FuncBuilder<'u> {
    pub unit: &'u mut UnitBuilder,
    pub name: String,
    pub locals: Vec<String>,
    pub num_params: u32,
    pub num_captures: u32,
    pub next_temp: Slot,
    pub max_slot: Slot,
    pub ops: Vec<Op>,
    pub lines: Vec<u32>,
    pub consts: Vec<TypedValue>,
    const_ints: FxHashMap<i64, u32>,
    const_strs: FxHashMap<Vec<u8>, u32>,
    pub handlers: Vec<Handler>,
    pub loops: Vec<LoopCtx>,
    pub finallys: Vec<FinallyCtx>,
    /// Pending jumps into each finally block, indexed by `FinallyCtx::entry_patch_list`.
    pub finally_jumps: Vec<Vec<usize>>,
    /// `break`/`continue` statements that leave a `try` through its finally block:
    /// (loop index, is_break), indexed like `finally_jumps`; the finally block
    /// resumes them by state `3 + position`.
    pub finally_exits: Vec<Vec<(usize, bool)>>,
    pub line: u32,
    pub static_count: u32,
    pub is_main: bool,
    pub is_closure: bool,
    pub has_ret_type: bool,
    /// Declared `function &f()`.
    pub returns_ref: bool,
    /// Set while the base of a `->`/`[]`/method-call chain element is compiled (so a
    /// nullsafe `?->` inside it short-circuits the whole chain); consumed by the next
    /// `expr_to`.
    pub chain_base: bool,
    /// Per open property/index chain containing `?->`: the jumps taken when a
    /// nullsafe base is null (to where the chain's result is set to null).
    pub nullsafe_exits: Vec<Vec<usize>>,
}

impl<'u> FuncBuilder<'u> {
    pub fn new(
        unit: &'u mut UnitBuilder,
        name: &str,
        params: &[String],
        captures: &[String],
        body: &[ast::Stmt],
    ) -> Self {
        let mut locals: Vec<String> = params.to_vec();
        for c in captures {
            if !locals.contains(c) {
                locals.push(c.clone());
            }
        }
        scan_block(body, &mut locals);
        let n = locals.len() as Slot;
        FuncBuilder {
            unit,
            name: name.to_string(),
            num_params: params.len() as u32,
            num_captures: captures.len() as u32,
            locals,
            next_temp: n,
            max_slot: n,
            ops: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            const_ints: FxHashMap::default(),
            const_strs: FxHashMap::default(),
            handlers: Vec::new(),
            loops: Vec::new(),
            finallys: Vec::new(),
            finally_jumps: Vec::new(),
            finally_exits: Vec::new(),
            line: 0,
            static_count: 0,
            is_main: false,
            is_closure: false,
            has_ret_type: false,
            returns_ref: false,
            chain_base: false,
            nullsafe_exits: Vec::new(),
        }
    }

    pub fn emit(&mut self, op: Op) -> usize {
        self.ops.push(op);
        self.lines.push(self.line);
        self.ops.len() - 1
    }
    pub fn pc(&self) -> Pc {
        self.ops.len() as Pc
    }
    /// Points the jump at `at` to `target`.
    pub fn patch(&mut self, at: usize, target: Pc) {
        match self.ops[at].branch_target_mut() {
            Some(t) => *t = target,
            None => unreachable!("patching a non-jump {:?}", self.ops[at]),
        }
    }
    pub fn patch_here(&mut self, at: usize) {
        let pc = self.pc();
        self.patch(at, pc);
    }
    pub fn jmp(&mut self) -> usize {
        self.emit(Op::Jmp { target: 0 })
    }

    pub fn local(&self, name: &str) -> Option<Slot> {
        self.locals
            .iter()
            .position(|n| n == name)
            .map(|i| i as Slot)
    }
    /// The slot of a local the pre-pass must have seen.
    pub fn local_slot(&mut self, name: &str) -> Slot {
        match self.local(name) {
            Some(s) => s,
            None => unreachable!("emit_scan missed variable ${name}"),
        }
    }
    pub fn temp(&mut self) -> Slot {
        let t = self.next_temp;
        self.next_temp += 1;
        self.max_slot = self.max_slot.max(self.next_temp);
        t
    }
    /// `n` consecutive temporaries.
    pub fn temps(&mut self, n: u32) -> Slot {
        let t = self.next_temp;
        self.next_temp += n;
        self.max_slot = self.max_slot.max(self.next_temp);
        t
    }
    pub fn is_temp(&self, s: Slot) -> bool {
        s as usize >= self.locals.len()
    }

    pub fn add_const(&mut self, v: TypedValue) -> Operand {
        if v.is_int() {
            if let Some(&i) = self.const_ints.get(&v.int_val()) {
                return Operand::constant(i);
            }
        }
        if v.is_string() {
            if let Some(&i) = self.const_strs.get(v.str_bytes()) {
                return Operand::constant(i);
            }
        }
        let idx = self.consts.len() as u32;
        if v.is_int() {
            self.const_ints.insert(v.int_val(), idx);
        } else if v.is_string() {
            self.const_strs.insert(v.str_bytes().to_vec(), idx);
        }
        self.consts.push(v.into_static());
        Operand::constant(idx)
    }
    pub fn const_int(&mut self, i: i64) -> Operand {
        self.add_const(TypedValue::int(i))
    }
    pub fn const_str(&mut self, s: &[u8]) -> Operand {
        self.add_const(TypedValue::str(s))
    }
    /// A name's index in the unit's name table (function, class and constant names
    /// that ops refer to).
    pub fn name_const(&mut self, s: &str) -> u32 {
        self.unit.name_id(s)
    }
    /// Clears a temporary that held an INDIRECT pointer or a reference handle once its
    /// consumer has run: destinations are written *through* such values, so a later
    /// statement reusing the slot must find it empty.
    pub fn release_pointer(&mut self, s: Slot) {
        if self.is_temp(s) {
            self.emit(Op::UnsetLocal { slot: s });
        }
    }

    /// A `Jmp` to a `Return` becomes that `Return` (with its line): the branches of
    /// `return $c ? $a : $b` and of an `if` ending in a return each return directly.
    /// Only without handlers, where which try region covers a pc cannot differ.
    fn thread_jumps_to_returns(&mut self) {
        if !self.handlers.is_empty() {
            return;
        }
        for pc in 0..self.ops.len() {
            let Op::Jmp { target } = self.ops[pc] else {
                continue;
            };
            if let Some(ret @ Op::Return { .. }) = self.ops.get(target as usize) {
                self.ops[pc] = ret.clone();
                self.lines[pc] = self.lines[target as usize];
            }
        }
        // A `Move` to a temporary the next op returns is a return of its source (the
        // `$n` arm of `return $n < 2 ? $n : ...`); the `Return` stays for jumps to it.
        for pc in 0..self.ops.len().saturating_sub(1) {
            if let (Op::Move { dst, src }, Op::Return { src: ret }) =
                (&self.ops[pc], &self.ops[pc + 1])
            {
                if *ret == Operand::slot(*dst) && self.is_temp(*dst) {
                    self.ops[pc] = Op::Return { src: *src };
                }
            }
        }
    }

    pub fn finish(
        mut self,
        id: u32,
        params: Vec<Param>,
        return_type: Option<TypeHint>,
        decl_line: u32,
    ) -> Func {
        super::dim_temps::separate_dim_write_temps(
            &mut self.ops,
            self.locals.len() as Slot,
            &mut self.max_slot,
        );
        self.thread_jumps_to_returns();
        if !super::unit::body_is_sealed(&self.ops, &self.handlers) {
            let null = self.add_const(TypedValue::null());
            self.lines
                .push(self.lines.last().copied().unwrap_or(decl_line));
            self.ops.push(Op::Return { src: null });
        }
        let num_ops = self.ops.len();
        let mut f = Func {
            id,
            name: self.name,
            params,
            num_captures: self.num_captures,
            num_locals: self.locals.len() as u32,
            num_slots: self.max_slot,
            local_names: self.locals,
            ops: self.ops,
            lines: self.lines,
            consts: StaticValues(self.consts),
            handlers: self.handlers,
            return_type,
            is_closure: self.is_closure,
            returns_ref: self.returns_ref,
            decl_line,
            jit: crate::jit::state::FuncJit::new(num_ops),
            entry: AtomicPtr::new(std::ptr::null_mut()),
            call_shape: CallShape::UNSET,
        };
        f.call_shape = CallShape::of(&f);
        f
    }
}

/// Compiles a parsed program. `file` is the path as given, `abs_file` its absolute
/// form (`__FILE__`).
/// The text PHP prints for the program's compile-time diagnostics.
pub fn diagnostics_text(prog: &ast::Program, file: &str) -> String {
    prog.warnings
        .iter()
        .map(|(kind, msg, line)| format!("\n{kind}: {msg} in {file} on line {line}\n"))
        .collect()
}

pub fn compile(prog: &ast::Program, file: &str, abs_file: &str) -> EmitResult<Unit> {
    let mut ub = UnitBuilder {
        funcs: Vec::new(),
        hoisted: FxHashMap::default(),
        declared: FxHashMap::default(),
        names: Vec::new(),
        byref_params: FxHashMap::default(),
        abs_file: abs_file.to_string(),
    };
    let main_id = ub.reserve();
    // Top-level declarations are hoisted: visible before their statement runs.
    let mut top_decls = Vec::new();
    for s in &prog.stmts {
        match &s.kind {
            ast::StmtKind::FunctionDecl(f) => {
                let id = ub.reserve();
                let lower = f.name.to_ascii_lowercase();
                if ub.declared.contains_key(&lower) {
                    return Err(CompileError {
                        msg: format!("Cannot redeclare {}()", f.name),
                        line: f.line,
                    });
                }
                ub.hoisted.insert(lower.clone(), id);
                ub.declared.insert(lower, id);
                ub.byref_params
                    .insert(id, f.params.iter().map(|p| p.by_ref).collect());
                top_decls.push((id, f));
            }
            ast::StmtKind::ClassDecl(c) => return unsupported("class declarations", c.line),
            _ => {}
        }
    }
    for (id, f) in top_decls {
        super::emit_stmt::compile_function(&mut ub, id, f)?;
    }
    let main = {
        let mut fb = FuncBuilder::new(&mut ub, "{main}", &[], &[], &prog.stmts);
        fb.is_main = true;
        // Compile-time diagnostics are printed before the script runs, as output
        // (so captured runs see them too).
        let diags = diagnostics_text(prog, file);
        if !diags.is_empty() {
            let o = fb.const_str(diags.as_bytes());
            fb.emit(Op::Echo { src: o });
        }
        fb.block(&prog.stmts)?;
        let null = fb.add_const(TypedValue::int(1));
        fb.emit(Op::Return { src: null });
        fb.finish(main_id, Vec::new(), None, 0)
    };
    ub.funcs[main_id as usize] = Some(main);
    let mut hoisted: Vec<(String, u32)> = ub.hoisted.into_iter().collect();
    hoisted.sort_by_key(|(_, id)| *id);
    let funcs = ub
        .funcs
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            f.ok_or(CompileError {
                msg: format!("internal error: function {i} was never compiled"),
                line: 0,
            })
        })
        .collect::<EmitResult<Vec<Func>>>()?;
    Ok(Unit {
        file: file.to_string(),
        funcs,
        main: main_id,
        hoisted,
        names: ub.names,
    })
}

/// Lowers a declared type to the unit's representation.
pub fn type_hint(t: &ast::TypeHint) -> TypeHint {
    match t {
        ast::TypeHint::Named(n) => match n.to_ascii_lowercase().as_str() {
            "int" => TypeHint::Int,
            "float" => TypeHint::Float,
            "string" => TypeHint::String,
            "bool" => TypeHint::Bool,
            "array" => TypeHint::Array,
            "callable" => TypeHint::Callable,
            "iterable" => TypeHint::Iterable,
            "object" => TypeHint::Object,
            "mixed" => TypeHint::Mixed,
            "void" => TypeHint::Void,
            "null" => TypeHint::Null,
            "false" => TypeHint::False,
            "true" => TypeHint::True,
            "never" => TypeHint::Never,
            _ => TypeHint::Class(n.clone()),
        },
        ast::TypeHint::Nullable(inner) => TypeHint::Union(vec![type_hint(inner), TypeHint::Null]),
        ast::TypeHint::Union(ts) | ast::TypeHint::Intersection(ts) => {
            TypeHint::Union(ts.iter().map(type_hint).collect())
        }
    }
}
