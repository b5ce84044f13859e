//! Emitting writes: assignments, compound assignments, references, `list()`
//! destructuring and `unset`.
//!
//! For `$a[k1][k2] = v` PHP evaluates the keys, then `v`, and only then walks the
//! containers for writing (Zend's delayed dim fetches), so no user code runs between
//! a write fetch and its use: the INDIRECT pointers `FetchDimW` produces stay valid.

use super::emit::{unsupported, EmitResult, FuncBuilder};
use super::emit_expr::compound_bin_op;
use super::op::{DimMode, Op, Operand, Slot};
use crate::compiler::ast::{self, BinaryOp, Expr, ExprKind};

impl FuncBuilder<'_> {
    /// `target = value`; returns an operand holding the assigned value (when
    /// `want_result`; otherwise the operand may be anything).
    pub fn assign(
        &mut self,
        target: &Expr,
        value: &Expr,
        want_result: bool,
    ) -> EmitResult<Operand> {
        match &target.kind {
            ExprKind::Var(n) => {
                let slot = self.local_slot(n);
                if Self::writes_dst_last(value) {
                    self.expr_to(value, slot)?;
                } else {
                    let v = self.expr(value)?;
                    self.line = target.line;
                    self.emit(Op::Move { dst: slot, src: v });
                }
                Ok(Operand::slot(slot))
            }
            ExprKind::Index { .. } => {
                let (root, keys) = self.dim_chain(target)?;
                let mut v = self.expr(value)?;
                if v == Operand::slot(root) {
                    // `$a[k] = $a`: copy before the write fetch separates `$a`.
                    let t = self.temp();
                    self.emit(Op::Move { dst: t, src: v });
                    v = Operand::slot(t);
                }
                self.line = target.line;
                self.assign_dims(root, &keys, v, want_result)
            }
            ExprKind::List(items) if items.iter().flatten().any(|i| i.by_ref) => {
                self.destructure_ref(items, value)
            }
            ExprKind::List(items) => {
                let v = self.expr(value)?;
                let src = self.stable_copy(v);
                self.destructure(items, src)?;
                Ok(src)
            }
            ExprKind::Array(items) => {
                let list: Vec<Option<ast::ArrayItem>> = items.iter().cloned().map(Some).collect();
                if items.iter().any(|i| i.by_ref) {
                    return self.destructure_ref(&list, value);
                }
                let v = self.expr(value)?;
                let src = self.stable_copy(v);
                self.destructure(&list, src)?;
                Ok(src)
            }
            _ => unsupported("this assignment target", target.line),
        }
    }

    /// A value that later writes to locals cannot change (`[$a, $b] = [$b, $a]` reads
    /// a temporary array, `[$a, $b] = $a` a copy).
    fn stable_copy(&mut self, v: Operand) -> Operand {
        if v.is_const() || self.is_temp(v.0) {
            return v;
        }
        let t = self.temp();
        self.emit(Op::Move { dst: t, src: v });
        Operand::slot(t)
    }

    /// Assigns an already evaluated value in `slot` to `target` (foreach targets).
    pub fn assign_from_slot(&mut self, target: &Expr, slot: Slot) -> EmitResult<()> {
        let v = Operand::slot(slot);
        match &target.kind {
            ExprKind::Var(n) => {
                let dst = self.local_slot(n);
                self.emit(Op::Move { dst, src: v });
            }
            ExprKind::Index { .. } => {
                let (root, keys) = self.dim_chain(target)?;
                self.assign_dims(root, &keys, v, false)?;
            }
            ExprKind::List(items) => self.destructure(items, v)?,
            ExprKind::Array(items) => {
                let list: Vec<Option<ast::ArrayItem>> = items.iter().cloned().map(Some).collect();
                self.destructure(&list, v)?;
            }
            _ => return unsupported("this foreach target", target.line),
        }
        Ok(())
    }

    /// Flattens `$root[k1][k2]...` into the root local and the evaluated keys
    /// (`None` for `[]`).
    pub fn dim_chain(&mut self, e: &Expr) -> EmitResult<(Slot, Vec<Option<Operand>>)> {
        let mut chain = Vec::new();
        let mut cur = e;
        while let ExprKind::Index { base, index } = &cur.kind {
            chain.push(index.as_deref());
            cur = base;
        }
        let root = match &cur.kind {
            ExprKind::Var(n) if n != "this" => self.local_slot(n),
            ExprKind::Prop { .. } | ExprKind::StaticProp { .. } => {
                return unsupported("writing to object properties", cur.line)
            }
            _ => return unsupported("writing to an element of a temporary value", cur.line),
        };
        chain.reverse();
        let mut keys = Vec::with_capacity(chain.len());
        for k in chain {
            keys.push(match k {
                Some(k) => Some(self.expr(k)?),
                None => None,
            });
        }
        Ok((root, keys))
    }

    /// Walks all but the last key for writing; returns the container slot.
    fn walk_dims(&mut self, root: Slot, keys: &[Option<Operand>], mode: DimMode) -> Slot {
        let mut base = root;
        if keys.is_empty() {
            return base;
        }
        let t = self.temp();
        for &k in keys {
            self.emit(Op::FetchDimW {
                dst: t,
                base,
                key: k,
                mode,
            });
            base = t;
        }
        base
    }

    fn assign_dims(
        &mut self,
        root: Slot,
        keys: &[Option<Operand>],
        v: Operand,
        want_result: bool,
    ) -> EmitResult<Operand> {
        let (last, inner) = keys.split_last().expect("an index expression has a key");
        let base = self.walk_dims(root, inner, DimMode::Write);
        let dst = if want_result {
            self.temp()
        } else {
            super::op::NO_SLOT
        };
        self.emit(Op::AssignDim {
            dst,
            base,
            key: *last,
            val: v,
        });
        self.release_pointer(base);
        Ok(if want_result { Operand::slot(dst) } else { v })
    }

    /// An INDIRECT temporary pointing at the element `e` names, created if missing.
    pub fn dim_target(&mut self, e: &Expr, mode: DimMode) -> EmitResult<Slot> {
        let (root, keys) = self.dim_chain(e)?;
        self.line = e.line;
        Ok(self.walk_dims(root, &keys, mode))
    }

    /// The slot to take a reference from: a local, or an element fetched for
    /// reference binding.
    pub fn ref_source(&mut self, e: &Expr) -> EmitResult<Slot> {
        match &e.kind {
            ExprKind::Var(n) if n != "this" => Ok(self.local_slot(n)),
            ExprKind::Index { .. } => self.dim_target(e, DimMode::Ref),
            ExprKind::Prop { .. } | ExprKind::StaticProp { .. } => {
                unsupported("references to object properties", e.line)
            }
            _ => unsupported("references to this kind of expression", e.line),
        }
    }

    /// Whether `e` is a function or method call (whose result a by-reference binding
    /// takes when the callee returns a reference).
    pub fn is_call(e: &Expr) -> bool {
        matches!(
            e.kind,
            ExprKind::Call { .. } | ExprKind::CallExpr { .. } | ExprKind::MethodCall { .. }
        )
    }

    /// Whether `e` calls a built-in function (by name, known at compile time).
    fn builtin_call<'e>(&self, e: &'e Expr) -> Option<(String, &'e [ast::Arg])> {
        let ExprKind::Call { name, args } = &e.kind else {
            return None;
        };
        let lower = name.trim_start_matches('\\').to_ascii_lowercase();
        (!self.unit.declared.contains_key(&lower)
            && crate::runtime::builtins::registry::lookup(&lower).is_some())
        .then_some((lower, args.as_slice()))
    }

    /// A call whose result is bound by reference, into `dst`: the callee is asked
    /// for a reference (`ExpectRefReturn`, placed right before the call op so calls
    /// among the arguments do not take the request). Built-in functions never return
    /// references (call_user_func passes on its callback's).
    pub fn call_for_ref(&mut self, e: &Expr, dst: Slot) -> EmitResult<()> {
        if let Some((name, _)) = self.builtin_call(e) {
            if !matches!(name.as_str(), "call_user_func" | "call_user_func_array") {
                return self.expr_to(e, dst);
            }
        }
        self.expr_to(e, dst)?;
        let i = self.ops.len() - 1;
        if matches!(
            self.ops[i],
            Op::Call { .. }
                | Op::CallBuiltin { .. }
                | Op::CallName { .. }
                | Op::CallValue { .. }
                | Op::CallArray { .. }
                | Op::MethodCall { .. }
        ) {
            // Jumps already emitted that target the call (ends of conditional
            // arguments) now reach the request first, as they should; nothing targets
            // a later pc yet.
            self.ops.insert(i, Op::ExpectRefReturn);
            let line = self.lines[i];
            self.lines.insert(i, line);
        }
        Ok(())
    }
    pub fn lvalue_ref_slot(&mut self, e: &Expr) -> EmitResult<Slot> {
        self.ref_source(e)
    }

    /// `target = &value`; returns the slot now holding the reference (a temporary
    /// the caller must release once it has read it).
    pub fn assign_ref(&mut self, target: &Expr, value: &Expr) -> EmitResult<Slot> {
        if Self::is_call(value) {
            return self.assign_ref_call(target, value);
        }
        let src = self.ref_source(value)?;
        let dst = match &target.kind {
            ExprKind::Var(n) => self.local_slot(n),
            ExprKind::Index { .. } => {
                // Keep the source reference alive in a temporary: the target's write
                // fetch may reallocate the array the source pointer points into.
                let held = self.temp();
                self.emit(Op::MakeRef { dst: held, src });
                self.release_pointer(src);
                let t = self.dim_target(target, DimMode::Write)?;
                self.emit(Op::BindRef { dst: t, src: held });
                self.release_pointer(t);
                return Ok(held);
            }
            _ => return unsupported("this reference assignment target", target.line),
        };
        self.line = target.line;
        self.emit(Op::BindRef { dst, src });
        self.release_pointer(src);
        Ok(dst)
    }

    /// `target = &f(...)`: binds to the reference `f` returns, or (with PHP's
    /// notice) assigns the value it returned.
    fn assign_ref_call(&mut self, target: &Expr, value: &Expr) -> EmitResult<Slot> {
        if let Some((name, args)) = self.builtin_call(value) {
            // Those PHP compiles to dedicated opcodes cannot be bound at all.
            if compiled_specially(&name, args) {
                return Err(super::emit::CompileError {
                    msg: "Cannot use result of built-in function in write context".into(),
                    line: value.line,
                });
            }
        }
        let res = self.temp();
        self.call_for_ref(value, res)?;
        let dst = match &target.kind {
            ExprKind::Var(n) if n != "this" => self.local_slot(n),
            ExprKind::Index { .. } => self.dim_target(target, DimMode::Write)?,
            ExprKind::Prop { .. } | ExprKind::StaticProp { .. } => {
                return unsupported("writing to object properties", target.line)
            }
            _ => return unsupported("this reference assignment target", target.line),
        };
        self.line = value.line;
        self.emit(Op::AssignRefResult { dst, src: res });
        self.release_pointer(dst);
        Ok(res)
    }

    /// `target op= value`.
    pub fn compound_assign(
        &mut self,
        op: BinaryOp,
        target: &Expr,
        value: &Expr,
    ) -> EmitResult<Operand> {
        self.compound_assign_to(op, target, value, true)
    }

    /// `target op= value`; without `want_result` (a statement) no copy of the new
    /// value is made.
    pub fn compound_assign_to(
        &mut self,
        op: BinaryOp,
        target: &Expr,
        value: &Expr,
        want_result: bool,
    ) -> EmitResult<Operand> {
        if op == BinaryOp::Coalesce {
            return self.coalesce_assign(target, value);
        }
        match &target.kind {
            ExprKind::Var(n) => {
                let slot = self.local_slot(n);
                if op == BinaryOp::Concat {
                    if let Some(parts) = self.append_parts(value)? {
                        self.line = target.line;
                        self.emit(Op::AppendN { dst: slot, parts });
                        return Ok(Operand::slot(slot));
                    }
                }
                let v = self.expr(value)?;
                self.line = target.line;
                self.emit_binop(op, slot, Operand::slot(slot), v);
                Ok(Operand::slot(slot))
            }
            ExprKind::Index { .. } => {
                let (root, keys) = self.dim_chain(target)?;
                let v = self.expr(value)?;
                self.line = target.line;
                let t = self.walk_dims(root, &keys, DimMode::ReadWrite);
                self.emit_binop(op, t, Operand::slot(t), v);
                if !want_result {
                    self.release_pointer(t);
                    return Ok(v);
                }
                // The INDIRECT dies with the statement; hand out a plain copy.
                let r = self.temp();
                self.emit(Op::Move {
                    dst: r,
                    src: Operand::slot(t),
                });
                self.release_pointer(t);
                Ok(Operand::slot(r))
            }
            _ => unsupported("this compound assignment target", target.line),
        }
    }

    fn emit_binop(&mut self, op: BinaryOp, dst: Slot, a: Operand, b: Operand) {
        let op = match op {
            BinaryOp::Add => Op::Add { dst, a, b },
            BinaryOp::Sub => Op::Sub { dst, a, b },
            BinaryOp::Mul => Op::Mul { dst, a, b },
            BinaryOp::Concat => Op::Concat { dst, a, b },
            other => Op::Bin {
                op: compound_bin_op(other),
                dst,
                a,
                b,
            },
        };
        self.emit(op);
    }

    /// `target ??= value`: assigns only when the target is null or undefined.
    fn coalesce_assign(&mut self, target: &Expr, value: &Expr) -> EmitResult<Operand> {
        let q = self.quiet(target)?;
        let r = self.temp();
        let have = self.emit(Op::JmpNotNull { src: q, target: 0 });
        let v = self.assign(target, value, true)?;
        self.emit(Op::Move { dst: r, src: v });
        let end = self.jmp();
        self.patch_here(have);
        self.emit(Op::Move { dst: r, src: q });
        self.patch_here(end);
        Ok(Operand::slot(r))
    }

    /// `[$a, 'k' => $b, [$c]] = src`.
    pub fn destructure(
        &mut self,
        items: &[Option<ast::ArrayItem>],
        src: Operand,
    ) -> EmitResult<()> {
        check_list_keys(items)?;
        let mut pos = 0i64;
        for it in items {
            let Some(it) = it else {
                pos += 1;
                continue;
            };
            if it.by_ref {
                return unsupported("by-reference list() elements", it.value.line);
            }
            let key = match &it.key {
                Some(k) => self.expr(k)?,
                None => {
                    let k = self.const_int(pos);
                    pos += 1;
                    k
                }
            };
            let t = self.temp();
            self.line = it.value.line;
            self.emit(Op::FetchListDim {
                dst: t,
                base: src,
                key,
            });
            self.assign_from_slot(&it.value, t)?;
        }
        Ok(())
    }

    /// `[&$a, $b] = $var`: by-reference elements bind to the source variable's
    /// elements (created as null when missing); the others are read as usual.
    fn destructure_ref(
        &mut self,
        items: &[Option<ast::ArrayItem>],
        value: &Expr,
    ) -> EmitResult<Operand> {
        let ExprKind::Var(n) = &value.kind else {
            return unsupported(
                "by-reference list() elements from this expression",
                value.line,
            );
        };
        check_list_keys(items)?;
        let root = self.local_slot(n);
        let mut pos = 0i64;
        for it in items {
            let Some(it) = it else {
                pos += 1;
                continue;
            };
            let key = match &it.key {
                Some(k) => self.expr(k)?,
                None => {
                    let k = self.const_int(pos);
                    pos += 1;
                    k
                }
            };
            self.line = it.value.line;
            if !it.by_ref {
                let t = self.temp();
                self.emit(Op::FetchListDim {
                    dst: t,
                    base: Operand::slot(root),
                    key,
                });
                self.assign_from_slot(&it.value, t)?;
                continue;
            }
            let elem = self.temp();
            self.emit(Op::FetchDimW {
                dst: elem,
                base: root,
                key: Some(key),
                mode: DimMode::Ref,
            });
            match &it.value.kind {
                ExprKind::Var(t) => {
                    let dst = self.local_slot(t);
                    self.emit(Op::BindRef { dst, src: elem });
                    self.release_pointer(elem);
                }
                ExprKind::Index { .. } => {
                    let held = self.temp();
                    self.emit(Op::MakeRef {
                        dst: held,
                        src: elem,
                    });
                    self.release_pointer(elem);
                    let t = self.dim_target(&it.value, DimMode::Write)?;
                    self.emit(Op::BindRef { dst: t, src: held });
                    self.release_pointer(t);
                    // The reference handle must not stay in a temporary that a
                    // later op writes through.
                    self.release_pointer(held);
                }
                _ => return unsupported("by-reference list() elements", it.value.line),
            }
        }
        Ok(Operand::slot(root))
    }

    /// `unset($x)`, `unset($a[k]...)`.
    pub fn unset(&mut self, e: &Expr) -> EmitResult<()> {
        match &e.kind {
            ExprKind::Var(n) => {
                let slot = self.local_slot(n);
                self.emit(Op::UnsetLocal { slot });
            }
            ExprKind::Index { .. } => {
                let (root, keys) = self.dim_chain(e)?;
                let (last, inner) = keys.split_last().expect("an index expression has a key");
                let Some(key) = last else {
                    return Err(super::emit::CompileError {
                        msg: "Cannot use [] for unsetting".into(),
                        line: e.line,
                    });
                };
                self.line = e.line;
                let base = self.walk_dims(root, inner, DimMode::Unset);
                self.emit(Op::UnsetDim { base, key: *key });
                self.release_pointer(base);
            }
            _ => return unsupported("unset of this expression", e.line),
        }
        Ok(())
    }
}

/// PHP's compile-time check that a list() is all keyed or all positional.
fn check_list_keys(items: &[Option<ast::ArrayItem>]) -> EmitResult<()> {
    let mut present = items.iter().flatten();
    let Some(first) = present.next() else {
        return Ok(());
    };
    if present.any(|i| i.key.is_some() != first.key.is_some()) {
        return Err(super::emit::CompileError {
            msg: "Cannot mix keyed and unkeyed array entries in assignments".into(),
            line: first.value.line,
        });
    }
    Ok(())
}

/// Built-in functions PHP compiles to dedicated opcodes (zend_try_compile_special_func)
/// for this argument list: their result is a temporary that cannot be bound by
/// reference (a compile-time error).
fn compiled_specially(lower: &str, args: &[ast::Arg]) -> bool {
    if args.iter().any(|a| a.spread || a.name.is_some()) {
        return false;
    }
    let n = args.len();
    match lower {
        "strlen" | "is_null" | "is_bool" | "is_long" | "is_int" | "is_integer" | "is_float"
        | "is_double" | "is_string" | "is_array" | "is_object" | "is_resource" | "is_scalar"
        | "boolval" | "intval" | "floatval" | "doubleval" | "strval" | "gettype" | "count"
        | "sizeof" => n == 1,
        "get_class" => n <= 1,
        "get_called_class" | "func_num_args" | "func_get_args" => n == 0,
        "array_key_exists" => n == 2,
        _ => false,
    }
}
