//! Emitting statements: control flow, loops, switch, try/catch/finally, declarations.

use super::emit::{
    type_hint, unsupported, CompileError, EmitResult, FinallyCtx, FuncBuilder, LoopCtx, UnitBuilder,
};
use super::op::{Op, Operand, RefUse, NO_SLOT};
use super::unit::{Handler, Param};
use crate::compiler::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::runtime::value::TypedValue;

/// Compiles a named function into slot `id` of the unit.
pub fn compile_function(ub: &mut UnitBuilder, id: u32, f: &ast::FunctionDecl) -> EmitResult<()> {
    let func = compile_body(
        ub,
        id,
        &f.name,
        &f.params,
        &[],
        &f.body,
        f.return_type.as_ref(),
        f.line,
        false,
        f.by_ref_return.then_some(f.end_line),
    )?;
    ub.funcs[id as usize] = Some(func);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub fn compile_body(
    ub: &mut UnitBuilder,
    id: u32,
    name: &str,
    params: &[ast::Param],
    captures: &[String],
    body: &[Stmt],
    ret: Option<&ast::TypeHint>,
    line: u32,
    is_closure: bool,
    by_ref_end: Option<u32>,
) -> EmitResult<super::unit::Func> {
    let names: Vec<String> = params.iter().map(|p| p.name.clone()).collect();
    let mut fb = FuncBuilder::new(ub, name, &names, captures, body);
    fb.is_closure = is_closure;
    fb.has_ret_type = ret.is_some();
    fb.returns_ref = by_ref_end.is_some();
    fb.line = line;
    fb.prologue(params)?;
    fb.block(body)?;
    let null = fb.add_const(TypedValue::null());
    if let Some(end) = by_ref_end {
        // Falling off the end of `function &f()` returns a null that is no variable.
        fb.line = end;
        let t = fb.temp();
        fb.emit(Op::Move { dst: t, src: null });
        if ret.is_some() {
            fb.emit(Op::VerifyReturn { src: t });
        }
        fb.emit(Op::RefNotice {
            src: t,
            kind: RefUse::Returned,
        });
        fb.emit(Op::ReturnRef { src: t });
    } else if ret.is_some() {
        let t = fb.temp();
        fb.emit(Op::Move { dst: t, src: null });
        fb.emit(Op::VerifyReturn { src: t });
    }
    fb.emit(Op::Return { src: null });
    let ps = params
        .iter()
        .map(|p| Param {
            name: p.name.clone(),
            by_ref: p.by_ref,
            variadic: p.variadic,
            has_default: p.default.is_some(),
            ty: p.ty.as_ref().map(type_hint),
        })
        .collect();
    Ok(fb.finish(id, ps, ret.map(type_hint), line))
}

impl FuncBuilder<'_> {
    /// Argument checks, default values, variadics and parameter types.
    fn prologue(&mut self, params: &[ast::Param]) -> EmitResult<()> {
        let required = params
            .iter()
            .take_while(|p| p.default.is_none() && !p.variadic)
            .count() as u32;
        let any_required_later = params
            .iter()
            .skip(required as usize)
            .any(|p| p.default.is_none() && !p.variadic);
        let required = if any_required_later {
            params
                .iter()
                .rposition(|p| p.default.is_none() && !p.variadic)
                .map_or(0, |i| i as u32 + 1)
        } else {
            required
        };
        if required > 0 {
            self.emit(Op::CheckArgs { required });
        }
        for (i, p) in params.iter().enumerate() {
            if p.variadic {
                self.emit(Op::RecvVariadic {
                    dst: i as u32,
                    from: i as u32,
                });
            } else if let Some(d) = &p.default {
                let j = self.emit(Op::JmpIfArg {
                    n: i as u32,
                    target: 0,
                });
                self.expr_to(d, i as u32)?;
                self.patch_here(j);
            }
            if p.ty.is_some() && !p.variadic {
                self.emit(Op::VerifyParam {
                    slot: i as u32,
                    param: i as u32,
                });
            }
        }
        Ok(())
    }

    pub fn block(&mut self, stmts: &[Stmt]) -> EmitResult<()> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> EmitResult<()> {
        self.line = s.line;
        let mark = self.next_temp;
        match &s.kind {
            StmtKind::Expr(e) => self.expr_discard(e)?,
            StmtKind::Echo(es) => {
                for e in es {
                    let o = self.expr(e)?;
                    self.line = s.line;
                    self.emit(Op::Echo { src: o });
                }
            }
            StmtKind::InlineHtml(bytes) => {
                let o = self.const_str(bytes);
                self.emit(Op::Echo { src: o });
            }
            StmtKind::If {
                cond,
                then,
                elseifs,
                else_,
            } => {
                if elseifs.is_empty() && else_.is_none() && self.if_jump_out(cond, then)? {
                    self.next_temp = mark;
                    return Ok(());
                }
                let mut ends = Vec::new();
                let mut next = self.cond_jump_false(cond)?;
                self.block(then)?;
                for ei in elseifs {
                    ends.push(self.jmp());
                    self.patch_here(next);
                    self.line = ei.line;
                    next = self.cond_jump_false(&ei.cond)?;
                    self.block(&ei.body)?;
                }
                if let Some(b) = else_ {
                    ends.push(self.jmp());
                    self.patch_here(next);
                    self.block(b)?;
                } else {
                    self.patch_here(next);
                }
                for j in ends {
                    self.patch_here(j);
                }
            }
            // Loops are rotated, as PHP compiles them: the test follows the body and
            // jumps back while it holds, and entering the loop jumps to the test
            // once. An iteration then runs one jump instead of two.
            StmtKind::While { cond, body } => {
                let to_test = self.jmp();
                let top = self.pc();
                self.loop_body(body, None)?;
                let lp = self.loops.pop().expect("pushed by loop_body");
                for c in lp.continues {
                    self.patch_here(c);
                }
                self.patch_here(to_test);
                self.cond_jump_true(cond, top)?;
                for b in lp.breaks {
                    self.patch_here(b);
                }
            }
            StmtKind::DoWhile { body, cond } => {
                let top = self.pc();
                self.loop_body(body, None)?;
                let lp = self.loops.pop().expect("pushed by loop_body");
                for c in lp.continues {
                    self.patch_here(c);
                }
                let o = self.expr(cond)?;
                self.emit(Op::JmpNZ {
                    cond: o,
                    target: top,
                });
                for b in lp.breaks {
                    self.patch_here(b);
                }
            }
            StmtKind::For {
                init,
                cond,
                step,
                body,
            } => {
                for e in init {
                    self.expr_discard(e)?;
                }
                // Rotated like `while`; without a condition the loop only closes.
                let to_test = (!cond.is_empty()).then(|| self.jmp());
                let top = self.pc();
                self.loop_body(body, None)?;
                let lp = self.loops.pop().expect("pushed by loop_body");
                for c in lp.continues {
                    self.patch_here(c);
                }
                for e in step {
                    self.expr_discard(e)?;
                }
                if let Some(j) = to_test {
                    self.patch_here(j);
                }
                match cond.split_last() {
                    Some((last, rest)) => {
                        for e in rest {
                            self.expr_discard(e)?;
                        }
                        self.cond_jump_true(last, top)?;
                    }
                    None => {
                        self.emit(Op::Jmp { target: top });
                    }
                }
                for b in lp.breaks {
                    self.patch_here(b);
                }
            }
            StmtKind::Foreach {
                subject,
                key,
                value,
                by_ref,
                body,
            } => self.foreach(subject, key.as_ref(), value, *by_ref, body)?,
            StmtKind::Switch { subject, cases } => self.switch(subject, cases)?,
            StmtKind::Break(n) | StmtKind::Continue(n) => {
                let is_break = matches!(s.kind, StmtKind::Break(_));
                let n = (*n).max(1) as usize;
                if n > self.loops.len() {
                    let what = if is_break { "break" } else { "continue" };
                    let msg = if self.loops.is_empty() {
                        format!("'{what}' not in the 'loop' or 'switch' context")
                    } else {
                        format!("Cannot '{what}' {n} levels")
                    };
                    return Err(CompileError { msg, line: s.line });
                }
                let target = self.loops.len() - n;
                self.jump_out(target, is_break);
            }
            StmtKind::Return(e) => self.return_stmt(e.as_ref())?,
            StmtKind::Block(b) => self.block(b)?,
            StmtKind::Nop | StmtKind::Declare(_) => {}
            StmtKind::Global(names) => {
                for n in names {
                    let slot = self.local_slot(n);
                    let name = self.name_const(n);
                    self.emit(Op::BindGlobal { slot, name });
                }
            }
            StmtKind::StaticVar(decls) => {
                for d in decls {
                    let slot = self.local_slot(&d.name);
                    let init = match &d.init {
                        Some(e) => match self.const_eval(e) {
                            Some(v) => self.add_const(v),
                            None => return unsupported("non-constant static initialisers", d.line),
                        },
                        None => self.add_const(TypedValue::null()),
                    };
                    let idx = self.static_count;
                    self.static_count += 1;
                    self.emit(Op::BindStatic { slot, idx, init });
                }
            }
            StmtKind::Const(decls) => {
                for d in decls {
                    self.line = d.line;
                    let v = self.expr(&d.value)?;
                    let name = self.name_const(&d.name);
                    self.emit(Op::DeclareConst { name, val: v });
                }
            }
            StmtKind::FunctionDecl(f) => {
                let lower = f.name.to_ascii_lowercase();
                let hoisted_here = self.is_main
                    && self
                        .unit
                        .hoisted
                        .get(&lower)
                        .is_some_and(|&id| self.unit.funcs[id as usize].is_some());
                // Hoisted top-level declarations were compiled by `compile` already.
                if !hoisted_here {
                    let id = self.unit.reserve();
                    compile_function(self.unit, id, f)?;
                    self.unit.declared.entry(lower).or_insert(id);
                    self.emit(Op::DeclareFunc { func: id });
                }
            }
            StmtKind::ClassDecl(c) => return unsupported("class declarations", c.line),
            StmtKind::Try {
                body,
                catches,
                finally,
            } => self.try_stmt(body, catches, finally.as_ref())?,
            StmtKind::Unset(es) => {
                for e in es {
                    self.unset(e)?;
                }
            }
        }
        self.next_temp = mark;
        Ok(())
    }

    /// `if (cond) break;` (or `continue`, or either in braces) as one conditional
    /// jump out of the loop, when leaving it frees no iterator and crosses no
    /// `finally`; returns false (nothing emitted) for anything else.
    fn if_jump_out(&mut self, cond: &Expr, then: &[Stmt]) -> EmitResult<bool> {
        let mut body = then;
        while let [Stmt {
            kind: StmtKind::Block(inner),
            ..
        }] = body
        {
            body = inner;
        }
        let [Stmt {
            kind: kind @ (StmtKind::Break(n) | StmtKind::Continue(n)),
            ..
        }] = body
        else {
            return Ok(false);
        };
        let n = (*n).max(1) as usize;
        let Some(target) = self.loops.len().checked_sub(n) else {
            return Ok(false);
        };
        let simple = self.loops[target + 1..].iter().all(|l| l.iter.is_none())
            && self.finallys.len() <= self.loops[target].finally_depth;
        if !simple {
            return Ok(false);
        }
        let j = self.cond_jump_true(cond, 0)?;
        self.add_loop_exit(target, matches!(kind, StmtKind::Break(_)), j);
        Ok(true)
    }

    /// Records jump `j` as a `break` (or `continue`) of loop `target`, patched when
    /// the loop's end (or continue point) is known.
    fn add_loop_exit(&mut self, target: usize, is_break: bool, j: usize) {
        let lp = &mut self.loops[target];
        if is_break {
            lp.breaks.push(j);
        } else {
            lp.continues.push(j);
        }
    }

    /// Emits the jump of a `break`/`continue` to loop `target`, releasing the
    /// iterators of the foreach loops it leaves. Crossing a `finally` goes through
    /// the finally block first (state `3 + k`), which resumes the jump afterwards.
    fn jump_out(&mut self, target: usize, is_break: bool) {
        let frees: Vec<u32> = self.loops[target + 1..]
            .iter()
            .filter_map(|l| l.iter)
            .collect();
        for it in frees {
            self.emit(Op::IterFree { iter: it });
        }
        if self.finallys.len() > self.loops[target].finally_depth {
            let fin = *self.finallys.last().expect("checked non-empty");
            let exits = &mut self.finally_exits[fin.entry_patch_list];
            let k = exits.len() as i64;
            exits.push((target, is_break));
            let c = self.const_int(3 + k);
            self.emit(Op::Move {
                dst: fin.state,
                src: c,
            });
            let j = self.jmp();
            self.finally_jumps[fin.entry_patch_list].push(j);
            return;
        }
        let j = self.jmp();
        self.add_loop_exit(target, is_break, j);
    }

    fn loop_body(&mut self, body: &[Stmt], iter: Option<u32>) -> EmitResult<()> {
        self.loops.push(LoopCtx {
            breaks: Vec::new(),
            continues: Vec::new(),
            iter,
            finally_depth: self.finallys.len(),
        });
        self.block(body)
    }

    /// Evaluates a condition and emits a jump taken when it is false (returned for
    /// patching). `$a < $b` and `$a > $b` fuse into one compare-and-branch op.
    pub fn cond_jump_false(&mut self, cond: &Expr) -> EmitResult<usize> {
        if let Some((a, b)) = self.less_than_operands(cond)? {
            return Ok(self.emit(Op::JmpNotLt { a, b, target: 0 }));
        }
        let o = self.expr(cond)?;
        Ok(self.emit(Op::JmpZ { cond: o, target: 0 }))
    }

    /// Evaluates a condition and jumps to `target` when it is true (a rotated
    /// loop's back edge). `$a < $b` and `$a > $b` fuse into one compare-and-branch
    /// op. Returns the jump (for patching when `target` is not known yet).
    fn cond_jump_true(
        &mut self,
        cond: &Expr,
        target: crate::bytecode::op::Pc,
    ) -> EmitResult<usize> {
        if let Some((a, b)) = self.less_than_operands(cond)? {
            return Ok(self.emit(Op::JmpLt { a, b, target }));
        }
        let o = self.expr(cond)?;
        Ok(self.emit(Op::JmpNZ { cond: o, target }))
    }

    /// For a condition `$x < $y` or `$x > $y`: evaluates both operands (in source
    /// order) and returns them as `a < b` (PHP compiles `x > y` as `y < x` too);
    /// `None`, having emitted nothing, for any other condition.
    fn less_than_operands(&mut self, cond: &Expr) -> EmitResult<Option<(Operand, Operand)>> {
        let ExprKind::Binary { op, left, right } = &cond.kind else {
            return Ok(None);
        };
        if !matches!(op, ast::BinaryOp::Lt | ast::BinaryOp::Gt) {
            return Ok(None);
        }
        let l = self.expr(left)?;
        let r = self.expr(right)?;
        self.line = cond.line;
        Ok(Some(if *op == ast::BinaryOp::Lt {
            (l, r)
        } else {
            (r, l)
        }))
    }

    fn foreach(
        &mut self,
        subject: &Expr,
        key: Option<&Expr>,
        value: &Expr,
        by_ref: bool,
        body: &[Stmt],
    ) -> EmitResult<()> {
        let iter = self.temps(2);
        let src = if by_ref {
            match &subject.kind {
                ExprKind::Var(n) => Operand::slot(self.local_slot(n)),
                // The array a `function &f()` returns a reference to, or else a
                // temporary copy.
                _ if Self::is_call(subject) => {
                    let t = self.temp();
                    self.call_for_ref(subject, t)?;
                    self.emit(Op::RefNotice {
                        src: t,
                        kind: RefUse::Iterated,
                    });
                    Operand::slot(t)
                }
                ExprKind::Index { .. } | ExprKind::Prop { .. } | ExprKind::StaticProp { .. } => {
                    Operand::slot(self.lvalue_ref_slot(subject)?)
                }
                // Any other value: a temporary the loop modifies.
                _ => {
                    let t = self.temp();
                    self.expr_to(subject, t)?;
                    Operand::slot(t)
                }
            }
        } else {
            self.expr(subject)?
        };
        let init = self.emit(Op::IterInit {
            iter,
            src,
            by_ref,
            exit: 0,
        });
        if !src.is_const() {
            self.release_pointer(src.0);
        }
        let top = self.pc();
        let val_slot = match &value.kind {
            ExprKind::Var(n) => self.local_slot(n),
            _ if by_ref => {
                return unsupported("foreach by reference into a non-variable", value.line)
            }
            _ => self.temp(),
        };
        let key_slot = match key.map(|k| &k.kind) {
            None => NO_SLOT,
            Some(ExprKind::Var(n)) => self.local_slot(n),
            Some(_) => self.temp(),
        };
        let next = self.emit(Op::IterNext {
            iter,
            val: val_slot,
            key: key_slot,
            by_ref,
            exit: 0,
        });
        if !matches!(value.kind, ExprKind::Var(_)) {
            self.assign_from_slot(value, val_slot)?;
        }
        if let Some(k) = key.filter(|k| !matches!(k.kind, ExprKind::Var(_))) {
            self.assign_from_slot(k, key_slot)?;
        }
        self.loop_body(body, Some(iter))?;
        let lp = self.loops.pop().expect("pushed by loop_body");
        for c in lp.continues {
            self.patch(c, top);
        }
        self.emit(Op::Jmp { target: top });
        self.patch_here(init);
        self.patch_here(next);
        for b in lp.breaks {
            self.patch_here(b);
        }
        self.emit(Op::IterFree { iter });
        Ok(())
    }

    fn switch(&mut self, subject: &Expr, cases: &[ast::SwitchCase]) -> EmitResult<()> {
        let subj = self.temp();
        self.expr_to(subject, subj)?;
        let test = self.temp();
        let mut case_jumps = Vec::new();
        let mut default_idx = None;
        for (i, c) in cases.iter().enumerate() {
            match &c.cond {
                Some(e) => {
                    let v = self.expr(e)?;
                    self.line = c.line;
                    self.emit(Op::Eq {
                        dst: test,
                        a: Operand::slot(subj),
                        b: v,
                    });
                    case_jumps.push((
                        i,
                        self.emit(Op::JmpNZ {
                            cond: Operand::slot(test),
                            target: 0,
                        }),
                    ));
                }
                None => default_idx = Some(i),
            }
        }
        let to_default = self.jmp();
        self.loops.push(LoopCtx {
            breaks: Vec::new(),
            continues: Vec::new(),
            iter: None,
            finally_depth: self.finallys.len(),
        });
        let mut starts = Vec::new();
        for c in cases {
            starts.push(self.pc());
            self.block(&c.body)?;
        }
        let end = self.pc();
        for (i, j) in case_jumps {
            self.patch(j, starts[i]);
        }
        self.patch(to_default, default_idx.map_or(end, |d| starts[d]));
        let lp = self.loops.pop().expect("pushed above");
        for j in lp.breaks.into_iter().chain(lp.continues) {
            self.patch_here(j);
        }
        Ok(())
    }

    fn return_stmt(&mut self, e: Option<&Expr>) -> EmitResult<()> {
        if self.returns_ref {
            return self.return_ref_stmt(e);
        }
        let v = match e {
            Some(e) => self.expr(e)?,
            None => self.add_const(TypedValue::null()),
        };
        if let Some(fin) = self.finallys.last().copied() {
            self.emit(Op::Move {
                dst: fin.ret,
                src: v,
            });
            let two = self.const_int(2);
            self.emit(Op::Move {
                dst: fin.state,
                src: two,
            });
            let j = self.jmp();
            self.finally_jumps[fin.entry_patch_list].push(j);
            return Ok(());
        }
        if self.has_ret_type {
            let t = self.temp();
            self.emit(Op::Move { dst: t, src: v });
            self.emit(Op::VerifyReturn { src: t });
            self.emit(Op::Return {
                src: Operand::slot(t),
            });
        } else {
            self.emit(Op::Return { src: v });
        }
        Ok(())
    }

    /// `return` in `function &f()`: variables (and array elements, created if
    /// missing) are returned as references, calls pass on the reference their callee
    /// returned; anything else is a value PHP notices about.
    fn return_ref_stmt(&mut self, e: Option<&Expr>) -> EmitResult<()> {
        let line = self.line;
        let (src, check) = match e {
            Some(x)
                if matches!(&x.kind, ExprKind::Var(n) if n != "this")
                    || matches!(
                        x.kind,
                        ExprKind::Index { .. }
                            | ExprKind::Prop { .. }
                            | ExprKind::StaticProp { .. }
                    ) =>
            {
                (self.ref_source(x)?, false)
            }
            Some(x) if Self::is_call(x) => {
                let t = self.temp();
                self.call_for_ref(x, t)?;
                (t, true)
            }
            Some(x) => {
                let t = self.temp();
                self.expr_to(x, t)?;
                (t, true)
            }
            None => {
                let t = self.temp();
                let null = self.add_const(TypedValue::null());
                self.emit(Op::Move { dst: t, src: null });
                (t, true)
            }
        };
        self.line = line;
        if self.has_ret_type {
            self.emit(Op::VerifyReturn { src });
        }
        if check {
            self.emit(Op::RefNotice {
                src,
                kind: RefUse::Returned,
            });
        }
        if let Some(fin) = self.finallys.last().copied() {
            // The finally block returns what `ret` holds: the reference itself.
            self.emit(Op::MakeRef { dst: fin.ret, src });
            self.release_pointer(src);
            let two = self.const_int(2);
            self.emit(Op::Move {
                dst: fin.state,
                src: two,
            });
            let j = self.jmp();
            self.finally_jumps[fin.entry_patch_list].push(j);
            return Ok(());
        }
        self.emit(Op::ReturnRef { src });
        Ok(())
    }

    fn try_stmt(
        &mut self,
        body: &[Stmt],
        catches: &[ast::Catch],
        finally: Option<&Vec<Stmt>>,
    ) -> EmitResult<()> {
        let fin = finally.map(|_| {
            let state = self.temp();
            let exc = self.temp();
            let ret = self.temp();
            self.finally_jumps.push(Vec::new());
            self.finally_exits.push(Vec::new());
            FinallyCtx {
                state,
                exc,
                ret,
                entry_patch_list: self.finally_jumps.len() - 1,
            }
        });
        if let Some(f) = fin {
            let zero = self.const_int(0);
            self.emit(Op::Move {
                dst: f.state,
                src: zero,
            });
            self.finallys.push(f);
        }
        let start = self.pc();
        self.block(body)?;
        let end = self.pc();
        let mut to_finally = vec![self.jmp()];
        let handler_idx = self.handlers.len();
        if !catches.is_empty() {
            let handler = self.pc();
            self.handlers.insert(
                0,
                Handler {
                    start,
                    end,
                    handler,
                },
            );
            let catch_start = self.pc();
            for c in catches {
                self.line = c.line;
                let dst = match &c.var {
                    Some(v) => self.local_slot(v),
                    None => NO_SLOT,
                };
                // One test per alternative type; all jump into the same body.
                let mut into_body = Vec::new();
                let mut last_miss = None;
                for (k, ty) in c.types.iter().enumerate() {
                    if let Some(m) = last_miss.take() {
                        self.patch_here(m);
                    }
                    let class = self.name_const(ty);
                    let miss = self.emit(Op::Catch {
                        class,
                        dst,
                        next: 0,
                    });
                    if k + 1 < c.types.len() {
                        into_body.push(self.jmp());
                    }
                    last_miss = Some(miss);
                }
                for j in into_body {
                    self.patch_here(j);
                }
                self.block(&c.body)?;
                to_finally.push(self.jmp());
                if let Some(m) = last_miss {
                    self.patch_here(m);
                }
            }
            if fin.is_none() {
                self.emit(Op::Rethrow);
            }
            let catch_end = self.pc();
            if fin.is_some() {
                // Exceptions from catch bodies (or unmatched ones) run finally too.
                let h = self.pc();
                self.handlers.insert(
                    0,
                    Handler {
                        start: catch_start,
                        end: catch_end,
                        handler: h,
                    },
                );
            }
        } else if fin.is_some() {
            let h = self.pc();
            self.handlers.insert(
                0,
                Handler {
                    start,
                    end,
                    handler: h,
                },
            );
        }
        let _ = handler_idx;
        if let (Some(f), Some(fbody)) = (fin, finally) {
            self.finallys.pop();
            // Entry from an exception: remember it, then run the finally body.
            self.emit(Op::FinallyFromThrow {
                state: f.state,
                exc: f.exc,
            });
            let body_start = self.pc();
            for j in to_finally {
                self.patch(j, body_start);
            }
            for j in std::mem::take(&mut self.finally_jumps[f.entry_patch_list]) {
                self.patch(j, body_start);
            }
            self.block(fbody)?;
            let outer = self
                .finallys
                .last()
                .map(|o| Box::new((o.state, o.exc, o.ret, 0)));
            let at = self.emit(Op::FinallyEnd {
                state: f.state,
                exc: f.exc,
                ret: f.ret,
                outer,
            });
            if let Some(o) = self.finallys.last().copied() {
                // A pending return continues into the enclosing finally.
                self.finally_jumps[o.entry_patch_list].push(at);
            }
            // Resume the break/continue statements that entered this finally.
            let exits = std::mem::take(&mut self.finally_exits[f.entry_patch_list]);
            for (k, (target, is_break)) in exits.into_iter().enumerate() {
                let t = self.temp();
                let c = self.const_int(3 + k as i64);
                self.emit(Op::Eq {
                    dst: t,
                    a: Operand::slot(f.state),
                    b: c,
                });
                let skip = self.emit(Op::JmpZ {
                    cond: Operand::slot(t),
                    target: 0,
                });
                self.jump_out(target, is_break);
                self.patch_here(skip);
            }
        } else {
            for j in to_finally {
                self.patch_here(j);
            }
        }
        Ok(())
    }
}
