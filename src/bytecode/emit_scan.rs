//! Pre-pass of the emitter: which variables a function body names.
//!
//! Locals get the frame's first slots, before any temporary, so the emitter needs the
//! full set up front. Nested function and closure bodies are separate scopes and are
//! not entered, except for a closure's `use` list (names of the enclosing scope) and
//! arrow functions, whose free variables are captured from the enclosing scope.

use crate::compiler::ast::*;

/// Adds every variable named in `stmts` to `out`, in first-appearance order.
pub fn scan_block(stmts: &[Stmt], out: &mut Vec<String>) {
    for s in stmts {
        scan_stmt(s, out);
    }
}

fn add(out: &mut Vec<String>, name: &str) {
    if !out.iter().any(|n| n == name) {
        out.push(name.to_string());
    }
}

fn scan_stmt(s: &Stmt, out: &mut Vec<String>) {
    match &s.kind {
        StmtKind::Expr(e) => scan_expr(e, out),
        StmtKind::Echo(es) | StmtKind::Unset(es) => es.iter().for_each(|e| scan_expr(e, out)),
        StmtKind::If {
            cond,
            then,
            elseifs,
            else_,
        } => {
            scan_expr(cond, out);
            scan_block(then, out);
            for ei in elseifs {
                scan_expr(&ei.cond, out);
                scan_block(&ei.body, out);
            }
            if let Some(b) = else_ {
                scan_block(b, out);
            }
        }
        StmtKind::While { cond, body } | StmtKind::DoWhile { body, cond } => {
            scan_expr(cond, out);
            scan_block(body, out);
        }
        StmtKind::For {
            init,
            cond,
            step,
            body,
        } => {
            init.iter()
                .chain(cond)
                .chain(step)
                .for_each(|e| scan_expr(e, out));
            scan_block(body, out);
        }
        StmtKind::Foreach {
            subject,
            key,
            value,
            body,
            ..
        } => {
            scan_expr(subject, out);
            if let Some(k) = key {
                scan_expr(k, out);
            }
            scan_expr(value, out);
            scan_block(body, out);
        }
        StmtKind::Switch { subject, cases } => {
            scan_expr(subject, out);
            for c in cases {
                if let Some(e) = &c.cond {
                    scan_expr(e, out);
                }
                scan_block(&c.body, out);
            }
        }
        StmtKind::Return(Some(e)) => scan_expr(e, out),
        StmtKind::Block(b) => scan_block(b, out),
        StmtKind::Global(names) => names.iter().for_each(|n| add(out, n)),
        StmtKind::StaticVar(decls) => {
            for d in decls {
                add(out, &d.name);
                if let Some(e) = &d.init {
                    scan_expr(e, out);
                }
            }
        }
        StmtKind::Const(decls) => decls.iter().for_each(|d| scan_expr(&d.value, out)),
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            scan_block(body, out);
            for c in catches {
                if let Some(v) = &c.var {
                    add(out, v);
                }
                scan_block(&c.body, out);
            }
            if let Some(f) = finally {
                scan_block(f, out);
            }
        }
        _ => {}
    }
}

/// Adds the variables an expression names (see module docs for nested scopes).
pub fn scan_expr(e: &Expr, out: &mut Vec<String>) {
    let mut sub = |x: &Expr| scan_expr(x, out);
    match &e.kind {
        ExprKind::Var(n) => add(out, n),
        ExprKind::Interp(parts) => {
            for p in parts {
                if let InterpPart::Expr(x) = p {
                    scan_expr(x, out);
                }
            }
        }
        ExprKind::VarVar(x)
        | ExprKind::Clone(x)
        | ExprKind::Silence(x)
        | ExprKind::Empty(x)
        | ExprKind::Print(x)
        | ExprKind::Throw(x) => sub(x),
        ExprKind::Array(items) => {
            for it in items {
                if let Some(k) = &it.key {
                    scan_expr(k, out);
                }
                scan_expr(&it.value, out);
            }
        }
        ExprKind::List(items) => {
            for it in items.iter().flatten() {
                if let Some(k) = &it.key {
                    scan_expr(k, out);
                }
                scan_expr(&it.value, out);
            }
        }
        ExprKind::Index { base, index } => {
            scan_expr(base, out);
            if let Some(i) = index {
                scan_expr(i, out);
            }
        }
        ExprKind::Prop { obj, name, .. } => {
            scan_expr(obj, out);
            if let MemberName::Expr(x) = name {
                scan_expr(x, out);
            }
        }
        ExprKind::Call { args, .. }
        | ExprKind::StaticCall { args, .. }
        | ExprKind::New { args, .. } => args.iter().for_each(|a| scan_expr(&a.value, out)),
        ExprKind::CallExpr { callee, args } => {
            scan_expr(callee, out);
            args.iter().for_each(|a| scan_expr(&a.value, out));
        }
        ExprKind::MethodCall { obj, args, .. } => {
            scan_expr(obj, out);
            args.iter().for_each(|a| scan_expr(&a.value, out));
        }
        ExprKind::Unary { expr, .. }
        | ExprKind::Cast { expr, .. }
        | ExprKind::Instanceof { expr, .. } => sub(expr),
        ExprKind::Binary { left, right, .. } => {
            scan_expr(left, out);
            scan_expr(right, out);
        }
        ExprKind::Assign { target, value }
        | ExprKind::AssignRef { target, value }
        | ExprKind::CompoundAssign { target, value, .. } => {
            scan_expr(target, out);
            scan_expr(value, out);
        }
        ExprKind::IncDec { target, .. } => sub(target),
        ExprKind::Ternary { cond, then, else_ } => {
            scan_expr(cond, out);
            if let Some(t) = then {
                scan_expr(t, out);
            }
            scan_expr(else_, out);
        }
        ExprKind::Isset(es) => es.iter().for_each(|x| scan_expr(x, out)),
        ExprKind::Exit(Some(x)) => sub(x),
        ExprKind::Include { path, .. } => sub(path),
        ExprKind::Closure(c) => c.uses.iter().for_each(|u| add(out, &u.name)),
        ExprKind::ArrowFn(f) => {
            for name in arrow_free_vars(f) {
                add(out, &name);
            }
        }
        ExprKind::Match { subject, arms } => {
            scan_expr(subject, out);
            for a in arms {
                if let Some(cs) = &a.conds {
                    cs.iter().for_each(|c| scan_expr(c, out));
                }
                scan_expr(&a.body, out);
            }
        }
        _ => {}
    }
}

/// Variables an arrow function captures: those its body names, minus its parameters.
pub fn arrow_free_vars(f: &ArrowFnDecl) -> Vec<String> {
    let mut names = Vec::new();
    scan_expr(&f.body, &mut names);
    names.retain(|n| n != "this" && !f.params.iter().any(|p| &p.name == n));
    names
}
