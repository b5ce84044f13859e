//! Helpers shared by the parser tests: parsing shortcuts and compact renderings
//! of the AST.

#![allow(dead_code)]

use super::ast::*;
use super::parse;

pub(super) fn prog(src: &str) -> Vec<Stmt> {
    match parse(src.as_bytes(), "t.php") {
        Ok(p) => p.stmts,
        Err(e) => panic!("parse error {:?} for {:?}", e, src),
    }
}

pub(super) fn perr(src: &str) -> (String, u32) {
    match parse(src.as_bytes(), "t.php") {
        Ok(p) => panic!("expected an error for {:?}, got {:?}", src, p),
        Err(e) => (e.message, e.line),
    }
}

pub(super) fn bytes(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

pub(super) fn member(m: &MemberName) -> String {
    match m {
        MemberName::Ident(n) => n.clone(),
        MemberName::Expr(e) => format!("{{{}}}", sx(e)),
    }
}

pub(super) fn class(c: &ClassRef) -> String {
    match c {
        ClassRef::Named(n) => n.clone(),
        ClassRef::SelfRef => "self".into(),
        ClassRef::Parent => "parent".into(),
        ClassRef::Static => "static".into(),
        ClassRef::Expr(e) => sx(e),
    }
}

pub(super) fn args(a: &[Arg]) -> String {
    a.iter()
        .map(|a| {
            let mut s = String::new();
            if let Some(n) = &a.name {
                s.push_str(n);
                s.push(':');
            }
            if a.spread {
                s.push_str("...");
            }
            s.push_str(&sx(&a.value));
            s
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn item(i: &ArrayItem) -> String {
    let mut s = String::new();
    if let Some(k) = &i.key {
        s.push_str(&sx(k));
        s.push_str("=>");
    }
    if i.by_ref {
        s.push('&');
    }
    if i.spread {
        s.push_str("...");
    }
    s.push_str(&sx(&i.value));
    s
}

/// Compact S-expression rendering of an expression, for assertions.
pub(super) fn sx(e: &Expr) -> String {
    use ExprKind::*;
    match &e.kind {
        Null => "null".into(),
        Bool(b) => b.to_string(),
        Int(i) => i.to_string(),
        Float(f) => format!("{:?}", f),
        Str(b) => format!("'{}'", bytes(b)),
        Interp(parts) => format!(
            "(interp {})",
            parts
                .iter()
                .map(|p| match p {
                    InterpPart::Lit(b) => format!("'{}'", bytes(b)),
                    InterpPart::Expr(e) => sx(e),
                })
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Var(n) => format!("${}", n),
        VarVar(e) => format!("$({})", sx(e)),
        Array(items) => format!("[{}]", items.iter().map(item).collect::<Vec<_>>().join(" ")),
        List(items) => format!(
            "(list {})",
            items
                .iter()
                .map(|i| i.as_ref().map_or("_".into(), item))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Index { base, index } => {
            format!(
                "{}[{}]",
                sx(base),
                index.as_ref().map_or(String::new(), |i| sx(i))
            )
        }
        Prop {
            obj,
            name,
            nullsafe,
        } => {
            format!(
                "{}{}{}",
                sx(obj),
                if *nullsafe { "?->" } else { "->" },
                member(name)
            )
        }
        StaticProp { class: c, name } => format!("{}::${}", class(c), member(name)),
        ClassConst { class: c, name } => format!("{}::{}", class(c), name),
        Const(n) => n.clone(),
        MagicConst(m) => format!("{:?}", m),
        Call { name, args: a } => format!("({} {})", name, args(a)).replace(" )", ")"),
        CallExpr { callee, args: a } => {
            format!("(call {} {})", sx(callee), args(a)).replace(" )", ")")
        }
        MethodCall {
            obj,
            name,
            args: a,
            nullsafe,
        } => format!(
            "({}{}{} {})",
            sx(obj),
            if *nullsafe { "?->" } else { "->" },
            member(name),
            args(a)
        )
        .replace(" )", ")"),
        StaticCall {
            class: c,
            name,
            args: a,
        } => format!("({}::{} {})", class(c), member(name), args(a)).replace(" )", ")"),
        New { class: c, args: a } => format!("(new {} {})", class(c), args(a)).replace(" )", ")"),
        Clone(e) => format!("(clone {})", sx(e)),
        Unary { op, expr } => format!("({:?} {})", op, sx(expr)),
        Binary { op, left, right } => format!("({:?} {} {})", op, sx(left), sx(right)),
        Assign { target, value } => format!("(= {} {})", sx(target), sx(value)),
        AssignRef { target, value } => format!("(=& {} {})", sx(target), sx(value)),
        CompoundAssign { op, target, value } => format!("({:?}= {} {})", op, sx(target), sx(value)),
        IncDec { op, target } => format!("({:?} {})", op, sx(target)),
        Cast { ty, expr } => format!("({:?} {})", ty, sx(expr)),
        Silence(e) => format!("(@ {})", sx(e)),
        Ternary { cond, then, else_ } => format!(
            "(? {} {} {})",
            sx(cond),
            then.as_ref().map_or("_".into(), |t| sx(t)),
            sx(else_)
        ),
        Instanceof { expr, class: c } => format!("(instanceof {} {})", sx(expr), class(c)),
        Isset(v) => format!("(isset {})", v.iter().map(sx).collect::<Vec<_>>().join(" ")),
        Empty(e) => format!("(empty {})", sx(e)),
        Exit(e) => format!("(exit {})", e.as_ref().map_or("_".into(), |e| sx(e))),
        Print(e) => format!("(print {})", sx(e)),
        Include { kind, path } => format!("({:?} {})", kind, sx(path)),
        Closure(c) => format!(
            "(closure {} {} {})",
            c.params.len(),
            c.uses.len(),
            c.body.len()
        ),
        ArrowFn(f) => format!("(fn {} {})", f.params.len(), sx(&f.body)),
        Match { subject, arms } => format!(
            "(match {} {})",
            sx(subject),
            arms.iter()
                .map(|a| format!(
                    "{}=>{}",
                    a.conds.as_ref().map_or("default".into(), |c| c
                        .iter()
                        .map(sx)
                        .collect::<Vec<_>>()
                        .join(",")),
                    sx(&a.body)
                ))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Throw(e) => format!("(throw {})", sx(e)),
        CallableRef(e) => format!("(fcc {})", sx(e)),
    }
}

/// Parses `<?php SRC;` and renders its single expression statement.
pub(super) fn ex(src: &str) -> String {
    let stmts = prog(&format!("<?php {};", src));
    match &stmts[..] {
        [Stmt {
            kind: StmtKind::Expr(e),
            ..
        }] => sx(e),
        other => panic!("not one expression statement: {:?}", other),
    }
}

pub(super) fn block(b: &[Stmt]) -> String {
    format!("{{{}}}", b.iter().map(st).collect::<Vec<_>>().join(" "))
}

pub(super) fn list(v: &[Expr]) -> String {
    v.iter().map(sx).collect::<Vec<_>>().join(",")
}

/// Compact rendering of a statement.
pub(super) fn st(s: &Stmt) -> String {
    use StmtKind::*;
    match &s.kind {
        Expr(e) => format!("{};", sx(e)),
        Echo(v) => format!("echo {};", list(v)),
        InlineHtml(b) => format!("html'{}'", bytes(b)),
        If {
            cond,
            then,
            elseifs,
            else_,
        } => {
            let mut r = format!("if {} {}", sx(cond), block(then));
            for ei in elseifs {
                r.push_str(&format!(" elseif {} {}", sx(&ei.cond), block(&ei.body)));
            }
            if let Some(e) = else_ {
                r.push_str(&format!(" else {}", block(e)));
            }
            r
        }
        While { cond, body } => format!("while {} {}", sx(cond), block(body)),
        DoWhile { body, cond } => format!("do {} while {}", block(body), sx(cond)),
        For {
            init,
            cond,
            step,
            body,
        } => {
            format!(
                "for {};{};{} {}",
                list(init),
                list(cond),
                list(step),
                block(body)
            )
        }
        Foreach {
            subject,
            key,
            value,
            by_ref,
            body,
        } => format!(
            "foreach {} {}{}{} {}",
            sx(subject),
            key.as_ref()
                .map_or(String::new(), |k| format!("{}=>", sx(k))),
            if *by_ref { "&" } else { "" },
            sx(value),
            block(body)
        ),
        Switch { subject, cases } => format!(
            "switch {} {}",
            sx(subject),
            cases
                .iter()
                .map(|c| format!(
                    "{}:{}",
                    c.cond.as_ref().map_or("default".into(), sx),
                    block(&c.body)
                ))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Break(n) => format!("break {};", n),
        Continue(n) => format!("continue {};", n),
        Return(e) => format!("return {};", e.as_ref().map_or("_".into(), sx)),
        Block(b) => block(b),
        Nop => ";".into(),
        Global(v) => format!("global {};", v.join(",")),
        StaticVar(v) => format!(
            "static {};",
            v.iter()
                .map(|d| format!("{}={}", d.name, d.init.as_ref().map_or("_".into(), sx)))
                .collect::<Vec<_>>()
                .join(",")
        ),
        Const(v) => format!(
            "const {};",
            v.iter()
                .map(|c| format!("{}={}", c.name, sx(&c.value)))
                .collect::<Vec<_>>()
                .join(",")
        ),
        FunctionDecl(f) => format!("function {}/{} {}", f.name, f.params.len(), block(&f.body)),
        ClassDecl(c) => format!("class {} ({} members)", c.name, c.members.len()),
        Try {
            body,
            catches,
            finally,
        } => {
            let mut r = format!("try {}", block(body));
            for c in catches {
                r.push_str(&format!(
                    " catch {} {} {}",
                    c.types.join("|"),
                    c.var.as_deref().unwrap_or("_"),
                    block(&c.body)
                ));
            }
            if let Some(f) = finally {
                r.push_str(&format!(" finally {}", block(f)));
            }
            r
        }
        Unset(v) => format!("unset {};", list(v)),
        Declare(d) => format!(
            "declare {};",
            d.iter()
                .map(|d| format!("{}={}", d.name, sx(&d.value)))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

pub(super) fn sts(src: &str) -> String {
    prog(src).iter().map(st).collect::<Vec<_>>().join(" ")
}
