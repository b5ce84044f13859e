//! Emitting expressions.
//!
//! `expr` returns an operand (a local's own slot, a literal, or a temporary);
//! `expr_to` evaluates into a given slot. Operands name locals directly, as Zend's CV
//! operands do, so PHP's evaluation-order quirks come out the same.

use super::emit::{unsupported, CompileError, EmitResult, FuncBuilder};
use super::emit_scan::arrow_free_vars;
use super::emit_stmt::compile_body;
use super::op::{BinOp, Capture, CastKind, IncDec, Op, Operand, RefUse, Slot, NO_SLOT};
use crate::compiler::ast::{self, BinaryOp, Expr, ExprKind, UnaryOp};
use crate::runtime::array::{KeyRef, PhpArray};
use crate::runtime::builtins::registry;
use crate::runtime::constants::builtin_constant;
use crate::runtime::value::TypedValue;

impl FuncBuilder<'_> {
    pub fn expr(&mut self, e: &Expr) -> EmitResult<Operand> {
        if let ExprKind::Var(n) = &e.kind {
            if n == "this" {
                return unsupported("$this", e.line);
            }
            return Ok(Operand::slot(self.local_slot(n)));
        }
        if let Some(v) = self.const_eval(e) {
            return Ok(self.add_const(v));
        }
        let t = self.temp();
        self.expr_to(e, t)?;
        Ok(Operand::slot(t))
    }

    /// Evaluates for side effects only.
    pub fn expr_discard(&mut self, e: &Expr) -> EmitResult<()> {
        self.line = e.line;
        match &e.kind {
            ExprKind::Assign { target, value } => self.assign(target, value, false).map(|_| ()),
            ExprKind::IncDec { op, target } => self.inc_dec(*op, target, NO_SLOT),
            ExprKind::CompoundAssign { op, target, value } => self
                .compound_assign_to(*op, target, value, false)
                .map(|_| ()),
            ExprKind::Call { name, args } => self.call(name, args, NO_SLOT, e.line),
            _ => self.expr(e).map(|_| ()),
        }
    }

    /// Whether evaluating `e` into a slot writes that slot only once, after reading
    /// every operand — so it may target a local directly.
    pub fn writes_dst_last(e: &Expr) -> bool {
        !matches!(
            &e.kind,
            ExprKind::Array(_)
                | ExprKind::Ternary { .. }
                | ExprKind::Match { .. }
                | ExprKind::Binary {
                    op: BinaryOp::And | BinaryOp::Or | BinaryOp::Coalesce,
                    ..
                }
                | ExprKind::Isset(_)
                | ExprKind::Print(_)
                | ExprKind::Silence(_)
        )
    }

    pub fn expr_to(&mut self, e: &Expr, dst: Slot) -> EmitResult<()> {
        let in_chain = std::mem::replace(&mut self.chain_base, false);
        if matches!(
            e.kind,
            ExprKind::Prop { .. } | ExprKind::Index { .. } | ExprKind::MethodCall { .. }
        ) && !in_chain
            && chain_has_nullsafe(e)
        {
            // The outermost element of a chain with `?->`: a null base anywhere in it
            // makes the whole chain null.
            self.nullsafe_exits.push(Vec::new());
            let r = self.expr_to_inner(e, dst);
            let exits = self.nullsafe_exits.pop().unwrap_or_default();
            r?;
            if !exits.is_empty() {
                let end = self.jmp();
                for j in exits {
                    self.patch_here(j);
                }
                let null = self.add_const(TypedValue::null());
                self.emit(Op::Move { dst, src: null });
                self.patch_here(end);
            }
            return Ok(());
        }
        self.expr_to_inner(e, dst)
    }

    /// The base of a `->`/`[]`/method-call chain element.
    fn chain_operand(&mut self, base: &Expr) -> EmitResult<Operand> {
        self.chain_base = true;
        let r = self.expr(base);
        self.chain_base = false;
        r
    }

    /// `?->`: leaves the chain (its result null) when `o` is null. An undefined
    /// variable still warns, as PHP reads it first.
    fn nullsafe_check(&mut self, o: Operand, line: u32) -> Operand {
        let o = if !o.is_const() && !self.is_temp(o.0) {
            let t = self.temp();
            self.line = line;
            self.emit(Op::Move { dst: t, src: o });
            Operand::slot(t)
        } else {
            o
        };
        let go_on = self.emit(Op::JmpNotNull { src: o, target: 0 });
        let exit = self.jmp();
        match self.nullsafe_exits.last_mut() {
            Some(list) => list.push(exit),
            None => unreachable!("a nullsafe chain opened its exit list"),
        }
        self.patch_here(go_on);
        o
    }

    /// A property name operand: a literal, or a computed value (`$o->$n`,
    /// `$o->{expr}`).
    fn member_name(&mut self, name: &ast::MemberName) -> EmitResult<Operand> {
        match name {
            ast::MemberName::Ident(n) => Ok(self.const_str(n.as_bytes())),
            ast::MemberName::Expr(x) => self.expr(x),
        }
    }

    fn expr_to_inner(&mut self, e: &Expr, dst: Slot) -> EmitResult<()> {
        self.line = e.line;
        if let Some(v) = self.const_eval(e) {
            let c = self.add_const(v);
            self.emit(Op::Move { dst, src: c });
            return Ok(());
        }
        match &e.kind {
            ExprKind::Var(_) => {
                let src = self.expr(e)?;
                self.emit(Op::Move { dst, src });
            }
            ExprKind::Interp(parts) => {
                let mut ops = Vec::with_capacity(parts.len());
                for p in parts {
                    ops.push(match p {
                        ast::InterpPart::Lit(b) => self.const_str(b),
                        ast::InterpPart::Expr(x) => self.expr(x)?,
                    });
                }
                self.line = e.line;
                self.emit(Op::ConcatN {
                    dst,
                    parts: ops.into_boxed_slice(),
                });
            }
            ExprKind::Array(items) => self.array_literal(items, dst)?,
            ExprKind::List(_) => {
                return Err(CompileError {
                    msg: "Cannot use list() outside of an assignment context".into(),
                    line: e.line,
                })
            }
            ExprKind::Index { base, index } => {
                let Some(index) = index else {
                    return Err(CompileError {
                        msg: "Cannot use [] for reading".into(),
                        line: e.line,
                    });
                };
                let b = self.chain_operand(base)?;
                let k = self.expr(index)?;
                self.line = e.line;
                self.emit(Op::FetchDim {
                    dst,
                    base: b,
                    key: k,
                });
                self.release_container(b, dst);
            }
            ExprKind::Const(name) => {
                let name = self.name_const(name);
                self.emit(Op::FetchConst { dst, name });
            }
            ExprKind::Call { name, args } => self.call(name, args, dst, e.line)?,
            ExprKind::CallExpr { callee, args } => {
                let c = self.expr(callee)?;
                if args.iter().any(|a| a.spread || a.name.is_some()) {
                    let arr = self.args_array(args)?;
                    self.line = e.line;
                    self.emit(Op::CallArray {
                        dst,
                        callee: c,
                        arr,
                    });
                } else {
                    let (base, argc) = self.args_by_value(args)?;
                    self.line = e.line;
                    self.emit(Op::CallValue {
                        dst,
                        callee: c,
                        args: base,
                        argc,
                    });
                }
            }
            ExprKind::MethodCall {
                obj,
                name,
                args,
                nullsafe,
            } => {
                let ast::MemberName::Ident(name) = name else {
                    return unsupported("dynamic method names", e.line);
                };
                let mut o = self.chain_operand(obj)?;
                if *nullsafe {
                    o = self.nullsafe_check(o, e.line);
                }
                let (base, argc) = self.args_by_value(args)?;
                let name = self.name_const(name);
                self.line = e.line;
                self.emit(Op::MethodCall {
                    dst,
                    obj: o,
                    name,
                    args: base,
                    argc,
                });
            }
            ExprKind::New { class, args } => {
                let dynamic = match class {
                    ast::ClassRef::Named(_)
                        if !args.iter().any(|a| a.spread || a.name.is_some()) =>
                    {
                        None
                    }
                    ast::ClassRef::Named(cn) => Some(self.const_str(cn.as_bytes())),
                    ast::ClassRef::Expr(x) => Some(self.expr(x)?),
                    _ => return unsupported("self/parent/static outside classes", e.line),
                };
                if let Some(class) = dynamic {
                    let arr = self.args_array(args)?;
                    self.line = e.line;
                    self.emit(Op::NewArgs { dst, class, arr });
                    return Ok(());
                }
                let ast::ClassRef::Named(cn) = class else {
                    unreachable!("dynamic classes handled above")
                };
                let (base, argc) = self.args_by_value(args)?;
                let class = self.name_const(cn);
                self.line = e.line;
                self.emit(Op::New {
                    dst,
                    class,
                    args: base,
                    argc,
                });
            }
            ExprKind::Unary { op, expr } => {
                let v = self.expr(expr)?;
                self.line = e.line;
                match op {
                    UnaryOp::Neg => {
                        let m = self.const_int(-1);
                        self.emit(Op::Mul { dst, a: v, b: m });
                    }
                    UnaryOp::Plus => {
                        let one = self.const_int(1);
                        self.emit(Op::Mul { dst, a: v, b: one });
                    }
                    UnaryOp::Not => {
                        self.emit(Op::Not { dst, src: v });
                    }
                    UnaryOp::BitNot => {
                        self.emit(Op::BitNot { dst, src: v });
                    }
                }
            }
            ExprKind::Binary { op, left, right } => self.binary(*op, left, right, dst, e.line)?,
            ExprKind::Assign { target, value } => {
                let r = self.assign(target, value, true)?;
                self.emit(Op::Move { dst, src: r });
            }
            ExprKind::AssignRef { target, value } => {
                let r = self.assign_ref(target, value)?;
                self.emit(Op::Move {
                    dst,
                    src: Operand::slot(r),
                });
                // A temporary holding a reference handle must be emptied: a later op
                // using the slot as a destination would write through it.
                if r != dst {
                    self.release_pointer(r);
                }
            }
            ExprKind::CompoundAssign { op, target, value } => {
                let r = self.compound_assign(*op, target, value)?;
                self.emit(Op::Move { dst, src: r });
            }
            ExprKind::IncDec { op, target } => self.inc_dec(*op, target, dst)?,
            ExprKind::Cast { ty, expr } => {
                let v = self.expr(expr)?;
                let kind = match ty {
                    ast::CastType::Int => CastKind::Int,
                    ast::CastType::Float => CastKind::Float,
                    ast::CastType::String => CastKind::String,
                    ast::CastType::Bool => CastKind::Bool,
                    ast::CastType::Array => CastKind::Array,
                    ast::CastType::Object => CastKind::Object,
                };
                self.line = e.line;
                self.emit(Op::Cast { dst, src: v, kind });
            }
            ExprKind::Silence(x) => {
                let save = self.temp();
                self.emit(Op::BeginSilence { save });
                self.expr_to(x, dst)?;
                self.emit(Op::EndSilence { save });
            }
            ExprKind::Ternary { cond, then, else_ } => match then {
                Some(t) => {
                    let j = self.cond_jump_false(cond)?;
                    self.expr_to(t, dst)?;
                    let end = self.jmp();
                    self.patch_here(j);
                    self.expr_to(else_, dst)?;
                    self.patch_here(end);
                }
                None => {
                    let c = self.expr(cond)?;
                    let j = self.emit(Op::JmpZ { cond: c, target: 0 });
                    self.emit(Op::Move { dst, src: c });
                    let end = self.jmp();
                    self.patch_here(j);
                    self.expr_to(else_, dst)?;
                    self.patch_here(end);
                }
            },
            ExprKind::Instanceof { expr, class } => {
                let ast::ClassRef::Named(cn) = class else {
                    return unsupported("dynamic class names in instanceof", e.line);
                };
                let v = self.expr(expr)?;
                let class = self.name_const(cn);
                self.emit(Op::InstanceOf { dst, src: v, class });
            }
            ExprKind::Isset(list) => {
                let mut fails = Vec::new();
                for (i, x) in list.iter().enumerate() {
                    let q = self.quiet(x)?;
                    self.emit(Op::IsSet { dst, src: q });
                    if i + 1 < list.len() {
                        fails.push(self.emit(Op::JmpZ {
                            cond: Operand::slot(dst),
                            target: 0,
                        }));
                    }
                }
                for f in fails {
                    self.patch_here(f);
                }
            }
            ExprKind::Empty(x) => {
                let q = self.quiet(x)?;
                self.emit(Op::Empty { dst, src: q });
            }
            ExprKind::Exit(x) => {
                let src = match x {
                    Some(x) => Some(self.expr(x)?),
                    None => None,
                };
                self.line = e.line;
                self.emit(Op::Exit { src });
            }
            ExprKind::Print(x) => {
                let v = self.expr(x)?;
                self.emit(Op::Echo { src: v });
                let one = self.const_int(1);
                self.emit(Op::Move { dst, src: one });
            }
            ExprKind::Closure(c) => self.closure(c, dst)?,
            ExprKind::ArrowFn(f) => self.arrow_fn(f, dst)?,
            ExprKind::Match { subject, arms } => self.match_expr(subject, arms, dst, e.line)?,
            ExprKind::Throw(x) => {
                let v = self.expr(x)?;
                self.line = e.line;
                self.emit(Op::Throw { src: v });
            }
            ExprKind::MagicConst(_)
            | ExprKind::Null
            | ExprKind::Bool(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_) => {
                unreachable!("constant-folded above")
            }
            ExprKind::CallableRef(call) => self.callable_ref(call, dst)?,
            ExprKind::Include { .. } => return unsupported("include/require", e.line),
            ExprKind::VarVar(_) => return unsupported("variable variables", e.line),
            ExprKind::Prop {
                obj,
                name,
                nullsafe,
            } => {
                let mut o = self.chain_operand(obj)?;
                if *nullsafe {
                    o = self.nullsafe_check(o, e.line);
                }
                let n = self.member_name(name)?;
                self.line = e.line;
                self.emit(Op::FetchProp {
                    dst,
                    obj: o,
                    name: n,
                });
                self.release_container(o, dst);
            }
            ExprKind::StaticProp { .. } => return unsupported("static properties", e.line),
            ExprKind::ClassConst { .. } => return unsupported("class constants", e.line),
            ExprKind::StaticCall {
                class: ast::ClassRef::Named(cn),
                name: ast::MemberName::Ident(m),
                args,
            } if cn.eq_ignore_ascii_case("Closure")
                && m.eq_ignore_ascii_case("fromCallable")
                && !args.iter().any(|a| a.spread || a.name.is_some()) =>
            {
                // Static methods of built-in classes that the runtime has as
                // built-in functions named "class::method".
                self.call("closure::fromcallable", args, dst, e.line)?
            }
            ExprKind::StaticCall { .. } => return unsupported("static method calls", e.line),
            ExprKind::Clone(_) => return unsupported("clone", e.line),
        }
        Ok(())
    }

    fn binary(
        &mut self,
        op: BinaryOp,
        left: &Expr,
        right: &Expr,
        dst: Slot,
        line: u32,
    ) -> EmitResult<()> {
        match op {
            BinaryOp::And | BinaryOp::Or => {
                let a = self.expr(left)?;
                let short = if op == BinaryOp::And {
                    self.emit(Op::JmpZ { cond: a, target: 0 })
                } else {
                    self.emit(Op::JmpNZ { cond: a, target: 0 })
                };
                let b = self.expr(right)?;
                self.emit(Op::ToBool { dst, src: b });
                let end = self.jmp();
                self.patch_here(short);
                let c = self.add_const(TypedValue::bool(op == BinaryOp::Or));
                self.emit(Op::Move { dst, src: c });
                self.patch_here(end);
                return Ok(());
            }
            BinaryOp::Coalesce => {
                let q = self.quiet(left)?;
                let have = self.emit(Op::JmpNotNull { src: q, target: 0 });
                self.expr_to(right, dst)?;
                let end = self.jmp();
                self.patch_here(have);
                self.emit(Op::Move { dst, src: q });
                self.patch_here(end);
                return Ok(());
            }
            _ => {}
        }
        if op == BinaryOp::Concat {
            let mut parts = Vec::new();
            self.concat_parts(left, &mut parts);
            parts.push(right);
            if self.concat_fuses(&parts) {
                let mut ops = Vec::with_capacity(parts.len());
                for p in parts {
                    ops.push(self.expr(p)?);
                }
                self.line = line;
                self.emit(Op::ConcatN {
                    dst,
                    parts: ops.into_boxed_slice(),
                });
                return Ok(());
            }
        }
        if op == BinaryOp::Concat && !self.is_temp(dst) && self.is_fresh_string(left) {
            // Into a variable: build the chain in a temporary (in place, as below),
            // then hand the string over; the temporary's reference is dropped so the
            // variable holds the only one (and can itself be appended to in place).
            let t = self.temp();
            self.binary(op, left, right, t, line)?;
            self.emit(Op::Move {
                dst,
                src: Operand::slot(t),
            });
            self.emit(Op::UnsetLocal { slot: t });
            return Ok(());
        }
        let a = if op == BinaryOp::Concat && self.is_temp(dst) && self.is_fresh_string(left) {
            // `x . y . z` into a temporary: the left part is built in the result
            // slot itself, so each `.` appends in place (see `interp::concat_op`)
            // instead of allocating a string per step.
            self.expr_to(left, dst)?;
            Operand::slot(dst)
        } else {
            self.expr(left)?
        };
        let b = self.expr(right)?;
        self.line = line;
        let op = match op {
            BinaryOp::Add => Op::Add { dst, a, b },
            BinaryOp::Sub => Op::Sub { dst, a, b },
            BinaryOp::Mul => Op::Mul { dst, a, b },
            BinaryOp::Concat => Op::Concat { dst, a, b },
            BinaryOp::Lt => Op::Lt { dst, a, b },
            BinaryOp::Le => Op::Le { dst, a, b },
            // PHP evaluates `a > b` as `b < a`.
            BinaryOp::Gt => Op::Lt { dst, a: b, b: a },
            BinaryOp::Ge => Op::Le { dst, a: b, b: a },
            BinaryOp::Eq => Op::Eq { dst, a, b },
            BinaryOp::NotEq => Op::NotEq { dst, a, b },
            BinaryOp::Identical => Op::Identical { dst, a, b },
            BinaryOp::NotIdentical => Op::NotIdentical { dst, a, b },
            other => Op::Bin {
                op: bin_op(other),
                dst,
                a,
                b,
            },
        };
        self.emit(op);
        Ok(())
    }

    /// The operands of the left-associated `.` chain `e` (a constant sub-chain is
    /// one operand).
    fn concat_parts<'e>(&mut self, e: &'e Expr, parts: &mut Vec<&'e Expr>) {
        match &e.kind {
            ExprKind::Binary {
                op: BinaryOp::Concat,
                left,
                right,
            } if self.const_eval(e).is_none() => {
                self.concat_parts(left, parts);
                parts.push(right);
            }
            _ => parts.push(e),
        }
    }

    /// The operands of `value` for `$var .= value` as one `AppendN`: when `value`
    /// is a `.` chain that would be one `ConcatN` (evaluated here), else `None`
    /// (nothing emitted).
    pub(super) fn append_parts(&mut self, value: &Expr) -> EmitResult<Option<Box<[Operand]>>> {
        if !matches!(
            value.kind,
            ExprKind::Binary {
                op: BinaryOp::Concat,
                ..
            }
        ) || self.const_eval(value).is_some()
        {
            return Ok(None);
        }
        let mut parts = Vec::new();
        self.concat_parts(value, &mut parts);
        if !self.concat_fuses(&parts) {
            return Ok(None);
        }
        let mut ops = Vec::with_capacity(parts.len());
        for p in parts {
            ops.push(self.expr(p)?);
        }
        Ok(Some(ops.into_boxed_slice()))
    }

    /// Whether the `.` chain of `parts` may be one `ConcatN` (one string built
    /// once, instead of a string per `.` appended to in place): only when that
    /// changes no observable order. `ConcatN` evaluates its operand expressions
    /// first and then reads and converts the operands left to right, where PHP's
    /// `CONCAT`s fetch both operands of each `.` before converting either (an
    /// undefined variable's warning before an array's "Array to string"), and
    /// evaluate a later operand only after converting the earlier ones. So: from
    /// the third operand on, only constants that convert silently and plain
    /// variables (read lazily, in order, as PHP reads them); and one of the first
    /// two a silent constant. `'x' . $i . ','` and `f() . ' ' . $i` qualify;
    /// `$a . $b . $c` and `$a . f() . 'x'` do not.
    fn concat_fuses(&mut self, parts: &[&Expr]) -> bool {
        let silent = |l: &mut Self, e: &Expr| {
            l.const_eval(e)
                .is_some_and(|v| !v.is_array() && !v.is_object() && !v.is_uninit())
        };
        let plain_var = |e: &Expr| matches!(&e.kind, ExprKind::Var(n) if n != "this");
        parts.len() >= 3
            && (silent(self, parts[0]) || silent(self, parts[1]))
            && parts[2..].iter().all(|p| plain_var(p) || silent(self, p))
    }

    /// Whether `e` evaluates to a string of its own (a `.` chain, a call, an
    /// interpolation) that would otherwise get a temporary of its own: as the left
    /// operand of a `.` whose result goes to a temporary, it may be built in that
    /// temporary directly (nothing reads the destination before the `.` writes it).
    fn is_fresh_string(&mut self, e: &Expr) -> bool {
        self.const_eval(e).is_none()
            && matches!(
                e.kind,
                ExprKind::Binary {
                    op: BinaryOp::Concat,
                    ..
                } | ExprKind::Call { .. }
                    | ExprKind::Interp(_)
            )
    }

    /// After `dst = base[key]` with `base` a temporary holding a container (the
    /// inner step of `$a[i][j]`): drop that temporary's reference now, or the array
    /// stays shared and the next write to `$a[i][..]` must copy it.
    fn release_container(&mut self, base: Operand, dst: Slot) {
        if !base.is_const() && self.is_temp(base.0) && base.0 != dst {
            self.emit(Op::UnsetLocal { slot: base.0 });
        }
    }

    /// Operand for isset/empty/`??`: reads that never warn.
    pub fn quiet(&mut self, e: &Expr) -> EmitResult<Operand> {
        match &e.kind {
            ExprKind::Index {
                base,
                index: Some(index),
            } => {
                let b = self.quiet(base)?;
                let k = self.expr(index)?;
                let t = self.temp();
                self.emit(Op::FetchDimIs {
                    dst: t,
                    base: b,
                    key: k,
                });
                self.release_container(b, t);
                Ok(Operand::slot(t))
            }
            // `?->` needs no short-circuit here: a quiet read of a property of null
            // is null.
            ExprKind::Prop { obj, name, .. } => {
                let o = self.quiet(obj)?;
                let n = self.member_name(name)?;
                let t = self.temp();
                self.line = e.line;
                self.emit(Op::FetchPropIs {
                    dst: t,
                    obj: o,
                    name: n,
                });
                self.release_container(o, t);
                Ok(Operand::slot(t))
            }
            _ => self.expr(e),
        }
    }

    fn array_literal(&mut self, items: &[ast::ArrayItem], dst: Slot) -> EmitResult<()> {
        let arr = if self.is_temp(dst) { dst } else { self.temp() };
        self.emit(Op::NewArray {
            dst: arr,
            cap: items.len() as u32,
        });
        for it in items {
            if it.spread {
                let v = self.expr(&it.value)?;
                self.emit(Op::AddSpread { arr, src: v });
                continue;
            }
            let key = match &it.key {
                Some(k) => Some(self.expr(k)?),
                None => None,
            };
            let val = if it.by_ref {
                let t = self.temp();
                let src = self.ref_source(&it.value)?;
                self.emit(Op::MakeRef { dst: t, src });
                self.release_pointer(src);
                Operand::slot(t)
            } else {
                self.expr(&it.value)?
            };
            self.emit(Op::AddElem { arr, key, val });
        }
        if arr != dst {
            self.emit(Op::Move {
                dst,
                src: Operand::slot(arr),
            });
        }
        Ok(())
    }

    /// Folds literals, constant arrays, built-in constants and arithmetic on them.
    pub fn const_eval(&mut self, e: &Expr) -> Option<TypedValue> {
        Some(match &e.kind {
            ExprKind::Null => TypedValue::null(),
            ExprKind::Bool(b) => TypedValue::bool(*b),
            ExprKind::Int(i) => TypedValue::int(*i),
            ExprKind::Float(f) => TypedValue::double(*f),
            ExprKind::Str(s) => TypedValue::str(s),
            ExprKind::MagicConst(m) => match m {
                ast::MagicConst::File => TypedValue::str(self.unit.abs_file.as_bytes()),
                ast::MagicConst::Dir => {
                    let dir = std::path::Path::new(&self.unit.abs_file)
                        .parent()
                        .map(|p| p.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    TypedValue::str(dir.as_bytes())
                }
                ast::MagicConst::Function | ast::MagicConst::Method => {
                    TypedValue::str(if self.is_main {
                        b""
                    } else {
                        self.name.as_bytes()
                    })
                }
                _ => TypedValue::str(b""),
            },
            ExprKind::Const(name) => builtin_constant(name)?,
            ExprKind::Unary {
                op: UnaryOp::Neg,
                expr,
            } => match self.const_eval(expr)? {
                v if v.is_int() && v.int_val() != i64::MIN => TypedValue::int(-v.int_val()),
                v if v.is_double() => TypedValue::double(-v.double_val()),
                _ => return None,
            },
            ExprKind::Unary {
                op: UnaryOp::Plus,
                expr,
            } => match self.const_eval(expr)? {
                v if v.is_int() || v.is_double() => v,
                _ => return None,
            },
            ExprKind::Binary { op, left, right } => {
                let (a, b) = (self.const_eval(left)?, self.const_eval(right)?);
                fold_binary(*op, &a, &b)?
            }
            ExprKind::Array(items) => {
                let mut arr = PhpArray::new();
                for it in items {
                    if it.by_ref || it.spread {
                        return None;
                    }
                    let v = self.const_eval(&it.value)?;
                    match &it.key {
                        None => {
                            if !arr.push(v) {
                                return None;
                            }
                        }
                        Some(k) => {
                            let k = self.const_eval(k)?;
                            if k.is_int() {
                                arr.set(KeyRef::Int(k.int_val()), v);
                            } else if k.is_string() {
                                arr.set(KeyRef::from_bytes(k.str_bytes()), v);
                            } else {
                                return None;
                            }
                        }
                    }
                }
                TypedValue::array(arr)
            }
            _ => return None,
        })
    }

    /// Evaluates arguments by value into consecutive temporaries.
    pub fn args_by_value(&mut self, args: &[ast::Arg]) -> EmitResult<(Slot, u32)> {
        if let Some(a) = args.iter().find(|a| a.spread || a.name.is_some()) {
            return unsupported(
                if a.spread {
                    "argument unpacking here"
                } else {
                    "named arguments"
                },
                a.value.line,
            );
        }
        let base = self.temps(args.len() as u32);
        for (i, a) in args.iter().enumerate() {
            self.expr_to(&a.value, base + i as u32)?;
        }
        Ok((base, args.len() as u32))
    }

    /// Arguments collected into an array (for `...$spread` and named arguments,
    /// which become string keys).
    /// `throw new CLASS(MSG)` for errors the compiler can see coming.
    fn throw_error(&mut self, class: &str, msg: &str) {
        let arg = self.temps(1);
        let m = self.const_str(msg.as_bytes());
        self.emit(Op::Move { dst: arg, src: m });
        let obj = self.temp();
        let class = self.name_const(class);
        self.emit(Op::New {
            dst: obj,
            class,
            args: arg,
            argc: 1,
        });
        self.emit(Op::Throw {
            src: Operand::slot(obj),
        });
    }

    /// A name used twice (`f(a: 1, a: 2)`) throws PHP's Error once the repeated
    /// argument's value has been evaluated, as PHP's SEND does.
    fn args_array(&mut self, args: &[ast::Arg]) -> EmitResult<Slot> {
        let arr = self.temp();
        self.emit(Op::NewArray {
            dst: arr,
            cap: args.len() as u32,
        });
        for (i, a) in args.iter().enumerate() {
            let v = self.expr(&a.value)?;
            if let Some(n) = &a.name {
                if args[..i].iter().any(|b| b.name.as_ref() == Some(n)) {
                    self.line = a.value.line;
                    let msg = format!("Named parameter ${n} overwrites previous argument");
                    self.throw_error("Error", &msg);
                    return Ok(arr);
                }
            }
            if a.spread {
                self.emit(Op::AddSpread { arr, src: v });
            } else {
                let key = a.name.as_ref().map(|n| self.const_str(n.as_bytes()));
                self.emit(Op::AddElem { arr, key, val: v });
            }
        }
        Ok(arr)
    }

    /// A call by name: hoisted user functions bind directly, built-ins by index, the
    /// rest resolve at run time.
    pub fn call(&mut self, name: &str, args: &[ast::Arg], dst: Slot, line: u32) -> EmitResult<()> {
        let lower = name.to_ascii_lowercase();
        let user = self.unit.hoisted.get(&lower).copied();
        let builtin = if user.is_none() {
            registry::lookup(&lower)
        } else {
            None
        };
        if args.iter().any(|a| a.spread || a.name.is_some()) {
            let arr = self.args_array(args)?;
            let callee = self.const_str(name.as_bytes());
            self.line = line;
            self.emit(Op::CallArray { dst, callee, arr });
            return Ok(());
        }
        let by_ref = |i: usize, fb: &FuncBuilder| -> bool {
            match (user, builtin) {
                (Some(id), _) => fb
                    .unit
                    .byref_params
                    .get(&id)
                    .is_some_and(|v| v.get(i).copied().unwrap_or(false)),
                (None, Some(b)) => registry::get(b).is_by_ref(i),
                _ => false,
            }
        };
        let base = self.temps(args.len() as u32);
        for (i, a) in args.iter().enumerate() {
            let slot = base + i as u32;
            if by_ref(i, self) && matches!(a.value.kind, ExprKind::Var(_) | ExprKind::Index { .. })
            {
                let src = self.ref_source(&a.value)?;
                self.emit(Op::MakeRef { dst: slot, src });
                self.release_pointer(src);
            } else if by_ref(i, self) && Self::is_call(&a.value) {
                // `g(f())`: the reference `f` returns, if it returns one.
                self.call_for_ref(&a.value, slot)?;
                self.emit(Op::RefNotice {
                    src: slot,
                    kind: RefUse::Passed,
                });
            } else {
                self.expr_to(&a.value, slot)?;
            }
        }
        let argc = args.len() as u32;
        self.line = line;
        match (user, builtin) {
            (Some(func), _) => self.emit(Op::Call {
                dst,
                func,
                args: base,
                argc,
            }),
            (None, Some(b)) => self.emit(Op::CallBuiltin {
                dst,
                builtin: b,
                args: base,
                argc,
            }),
            _ => {
                let name = self.name_const(name);
                self.emit(Op::CallName {
                    dst,
                    name,
                    args: base,
                    argc,
                })
            }
        };
        Ok(())
    }

    /// `f(...)`: a closure over a hoisted user function. For a built-in the callable
    /// name itself is produced (it behaves the same when called; `var_dump` of it
    /// differs from PHP's `object(Closure)` — noted as a known gap).
    fn callable_ref(&mut self, call: &Expr, dst: Slot) -> EmitResult<()> {
        let ExprKind::Call { name, .. } = &call.kind else {
            return unsupported("first-class callables of methods or expressions", call.line);
        };
        let lower = name.to_ascii_lowercase();
        if let Some(&func) = self.unit.hoisted.get(&lower) {
            self.emit(Op::MakeClosure {
                dst,
                func,
                captures: Box::new([]),
            });
        } else if registry::lookup(&lower).is_some() {
            let c = self.const_str(name.as_bytes());
            self.emit(Op::Move { dst, src: c });
        } else {
            return unsupported(
                "first-class callables of functions declared later at run time",
                call.line,
            );
        }
        Ok(())
    }

    fn closure(&mut self, c: &ast::ClosureDecl, dst: Slot) -> EmitResult<()> {
        let captures: Vec<String> = c.uses.iter().map(|u| u.name.clone()).collect();
        let id = self.unit.reserve();
        let func = compile_body(
            self.unit,
            id,
            "{closure}",
            &c.params,
            &captures,
            &c.body,
            c.return_type.as_ref(),
            c.line,
            true,
            c.by_ref_return.then_some(c.end_line),
        )?;
        self.unit.funcs[id as usize] = Some(func);
        let caps: Vec<(Slot, Capture)> = c
            .uses
            .iter()
            .map(|u| {
                (
                    self.local_slot(&u.name),
                    if u.by_ref {
                        Capture::Ref
                    } else {
                        Capture::Value
                    },
                )
            })
            .collect();
        self.line = c.line;
        self.emit(Op::MakeClosure {
            dst,
            func: id,
            captures: caps.into_boxed_slice(),
        });
        Ok(())
    }

    fn arrow_fn(&mut self, f: &ast::ArrowFnDecl, dst: Slot) -> EmitResult<()> {
        let captures = arrow_free_vars(f);
        let id = self.unit.reserve();
        let body = vec![ast::Stmt::new(
            ast::StmtKind::Return(Some(f.body.clone())),
            f.line,
        )];
        let func = compile_body(
            self.unit,
            id,
            "{closure}",
            &f.params,
            &captures,
            &body,
            f.return_type.as_ref(),
            f.line,
            true,
            f.by_ref_return.then_some(f.line),
        )?;
        self.unit.funcs[id as usize] = Some(func);
        let caps: Vec<(Slot, Capture)> = captures
            .iter()
            .map(|n| (self.local_slot(n), Capture::ValueQuiet))
            .collect();
        self.line = f.line;
        self.emit(Op::MakeClosure {
            dst,
            func: id,
            captures: caps.into_boxed_slice(),
        });
        Ok(())
    }

    fn match_expr(
        &mut self,
        subject: &Expr,
        arms: &[ast::MatchArm],
        dst: Slot,
        line: u32,
    ) -> EmitResult<()> {
        let s = self.temp();
        self.expr_to(subject, s)?;
        let test = self.temp();
        let mut ends = Vec::new();
        let mut default = None;
        for arm in arms {
            let Some(conds) = &arm.conds else {
                default = Some(arm);
                continue;
            };
            let mut hits = Vec::new();
            for c in conds {
                let v = self.expr(c)?;
                self.emit(Op::Identical {
                    dst: test,
                    a: Operand::slot(s),
                    b: v,
                });
                hits.push(self.emit(Op::JmpNZ {
                    cond: Operand::slot(test),
                    target: 0,
                }));
            }
            let skip = self.jmp();
            for h in hits {
                self.patch_here(h);
            }
            self.expr_to(&arm.body, dst)?;
            ends.push(self.jmp());
            self.patch_here(skip);
        }
        match default {
            Some(arm) => self.expr_to(&arm.body, dst)?,
            None => {
                self.line = line;
                self.emit(Op::MatchError {
                    src: Operand::slot(s),
                });
            }
        }
        for j in ends {
            self.patch_here(j);
        }
        Ok(())
    }

    pub fn inc_dec(&mut self, op: ast::IncDecOp, target: &Expr, dst: Slot) -> EmitResult<()> {
        let kind = match op {
            ast::IncDecOp::PreInc => IncDec::PreInc,
            ast::IncDecOp::PreDec => IncDec::PreDec,
            ast::IncDecOp::PostInc => IncDec::PostInc,
            ast::IncDecOp::PostDec => IncDec::PostDec,
        };
        let slot = match &target.kind {
            ExprKind::Var(n) => self.local_slot(n),
            ExprKind::Index { .. } => self.dim_target(target, super::op::DimMode::ReadWrite)?,
            _ => return unsupported("this increment target", target.line),
        };
        self.line = target.line;
        self.emit(Op::IncDec {
            kind,
            dst,
            target: slot,
        });
        self.release_pointer(slot);
        Ok(())
    }
}

/// Constant folding of arithmetic and concatenation on literal ints, floats and
/// strings (static initialisers, constant defaults). Anything that could warn or
/// throw is left to run time.
fn fold_binary(op: BinaryOp, a: &TypedValue, b: &TypedValue) -> Option<TypedValue> {
    if a.is_int() && b.is_int() {
        let (x, y) = (a.int_val(), b.int_val());
        return Some(TypedValue::int(match op {
            BinaryOp::Add => x.checked_add(y)?,
            BinaryOp::Sub => x.checked_sub(y)?,
            BinaryOp::Mul => x.checked_mul(y)?,
            BinaryOp::BitOr => x | y,
            BinaryOp::BitAnd => x & y,
            BinaryOp::Shl if (0..64).contains(&y) => x << y,
            _ => return None,
        }));
    }
    let num = |v: &TypedValue| {
        if v.is_int() {
            Some(v.int_val() as f64)
        } else if v.is_double() {
            Some(v.double_val())
        } else {
            None
        }
    };
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return Some(TypedValue::double(match op {
            BinaryOp::Add => x + y,
            BinaryOp::Sub => x - y,
            BinaryOp::Mul => x * y,
            _ => return None,
        }));
    }
    if op == BinaryOp::Concat && (a.is_string() || a.is_int()) && (b.is_string() || b.is_int()) {
        let mut s = crate::runtime::convert::to_str_quiet(a).into_owned();
        s.extend_from_slice(&crate::runtime::convert::to_str_quiet(b));
        return Some(TypedValue::string(s));
    }
    None
}

fn bin_op(op: BinaryOp) -> BinOp {
    match op {
        BinaryOp::Add => BinOp::Add,
        BinaryOp::Sub => BinOp::Sub,
        BinaryOp::Mul => BinOp::Mul,
        BinaryOp::Div => BinOp::Div,
        BinaryOp::Mod => BinOp::Mod,
        BinaryOp::Pow => BinOp::Pow,
        BinaryOp::Concat => BinOp::Concat,
        BinaryOp::Shl => BinOp::Shl,
        BinaryOp::Shr => BinOp::Shr,
        BinaryOp::BitAnd => BinOp::BitAnd,
        BinaryOp::BitOr => BinOp::BitOr,
        BinaryOp::BitXor => BinOp::BitXor,
        BinaryOp::Spaceship => BinOp::Spaceship,
        _ => BinOp::Xor,
    }
}

/// Maps a compound-assignment operator to its binary op.
pub fn compound_bin_op(op: BinaryOp) -> BinOp {
    bin_op(op)
}

/// Whether a `->`/`[]`/method-call chain contains a nullsafe `?->`.
fn chain_has_nullsafe(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Prop { obj, nullsafe, .. } | ExprKind::MethodCall { obj, nullsafe, .. } => {
            *nullsafe || chain_has_nullsafe(obj)
        }
        ExprKind::Index { base, .. } => chain_has_nullsafe(base),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::bytecode::op::Op;

    /// The ops of function `f` in `src`.
    fn ops(src: &str) -> Vec<Op> {
        let prog = crate::compiler::parse(src.as_bytes(), "t.php").expect("parses");
        let u = crate::bytecode::emit::compile(&prog, "t.php", "t.php").expect("compiles");
        let f = u.funcs.iter().find(|f| f.name == "f").expect("f");
        f.ops.to_vec()
    }

    fn concat_n(src: &str) -> bool {
        ops(src).iter().any(|o| matches!(o, Op::ConcatN { .. }))
    }

    /// `.` chains become one `ConcatN` only where no warning or call can change
    /// places (see `concat_fuses`).
    #[test]
    fn concat_chains_fuse_only_where_order_is_kept() {
        assert!(concat_n("<?php function f($i) { return 'x' . $i . ','; }"));
        assert!(concat_n("<?php function f($i) { return g() . ' ' . $i; }"));
        assert!(concat_n(
            "<?php function f($i) { return $i . '-' . $i . '-' . $i; }"
        ));
        assert!(!concat_n(
            "<?php function f($a, $b, $c) { return $a . $b . $c; }"
        ));
        assert!(!concat_n("<?php function f($a) { return $a . g() . 'x'; }"));
        assert!(!concat_n("<?php function f($a) { return 'x' . $a . g(); }"));
        assert!(!concat_n("<?php function f($a) { return 'x' . $a; }"));
        assert!(!concat_n("<?php function f($a) { return [1] . $a . 'x'; }"));
    }

    /// `$var .= chain` is one `AppendN` exactly where the chain alone would be one
    /// `ConcatN`; other targets and chains keep `Concat`.
    #[test]
    fn concat_assignments_of_fusable_chains_append() {
        let append = |src: &str| ops(src).iter().any(|o| matches!(o, Op::AppendN { .. }));
        assert!(append(
            "<?php function f($s, $i) { $s .= 'x' . $i . ','; return $s; }"
        ));
        assert!(append(
            "<?php function f($s, $i) { return $s .= g() . ' ' . $i; }"
        ));
        assert!(!append(
            "<?php function f($s, $a, $b) { $s .= $a . $b . 'x'; return $s; }"
        ));
        assert!(!append(
            "<?php function f($s, $i) { $s .= 'x' . $i; return $s; }"
        ));
        assert!(!append(
            "<?php function f($s, $i) { $s[0] .= 'x' . $i . ','; return $s; }"
        ));
        assert!(!append(
            "<?php function f($s, $i) { $s = 'x' . $i . ','; return $s; }"
        ));
    }
}
