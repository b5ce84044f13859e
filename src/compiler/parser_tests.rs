//! Parser unit tests.

use super::ast::*;
use super::parse;

fn prog(src: &str) -> Vec<Stmt> {
    match parse(src.as_bytes(), "t.php") {
        Ok(p) => p.stmts,
        Err(e) => panic!("parse error {:?} for {:?}", e, src),
    }
}

fn perr(src: &str) -> (String, u32) {
    match parse(src.as_bytes(), "t.php") {
        Ok(p) => panic!("expected an error for {:?}, got {:?}", src, p),
        Err(e) => (e.message, e.line),
    }
}

/// Debug aid: `HOPJIT_PARSE=file cargo test --lib dump_file -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump_file() {
    let Ok(list) = std::env::var("HOPJIT_PARSE") else { return };
    for path in list.split(',') {
        let src = std::fs::read(path).unwrap_or_default();
        match parse(&src, path) {
            Ok(p) if std::env::var("HOPJIT_PARSE_VERBOSE").is_ok() => {
                println!("{}: OK {:#?}", path, p.stmts)
            }
            Ok(_) => println!("{}: OK", path),
            Err(e) => println!("{}: ERR {} on line {}", path, e.message, e.line),
        }
    }
}

fn bytes(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn member(m: &MemberName) -> String {
    match m {
        MemberName::Ident(n) => n.clone(),
        MemberName::Expr(e) => format!("{{{}}}", sx(e)),
    }
}

fn class(c: &ClassRef) -> String {
    match c {
        ClassRef::Named(n) => n.clone(),
        ClassRef::SelfRef => "self".into(),
        ClassRef::Parent => "parent".into(),
        ClassRef::Static => "static".into(),
        ClassRef::Expr(e) => sx(e),
    }
}

fn args(a: &[Arg]) -> String {
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

fn item(i: &ArrayItem) -> String {
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
fn sx(e: &Expr) -> String {
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
            items.iter().map(|i| i.as_ref().map_or("_".into(), item)).collect::<Vec<_>>().join(" ")
        ),
        Index { base, index } => {
            format!("{}[{}]", sx(base), index.as_ref().map_or(String::new(), |i| sx(i)))
        }
        Prop { obj, name, nullsafe } => {
            format!("{}{}{}", sx(obj), if *nullsafe { "?->" } else { "->" }, member(name))
        }
        StaticProp { class: c, name } => format!("{}::${}", class(c), member(name)),
        ClassConst { class: c, name } => format!("{}::{}", class(c), name),
        Const(n) => n.clone(),
        MagicConst(m) => format!("{:?}", m),
        Call { name, args: a } => format!("({} {})", name, args(a)).replace(" )", ")"),
        CallExpr { callee, args: a } => format!("(call {} {})", sx(callee), args(a)).replace(" )", ")"),
        MethodCall { obj, name, args: a, nullsafe } => format!(
            "({}{}{} {})",
            sx(obj),
            if *nullsafe { "?->" } else { "->" },
            member(name),
            args(a)
        )
        .replace(" )", ")"),
        StaticCall { class: c, name, args: a } => {
            format!("({}::{} {})", class(c), member(name), args(a)).replace(" )", ")")
        }
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
        Closure(c) => format!("(closure {} {} {})", c.params.len(), c.uses.len(), c.body.len()),
        ArrowFn(f) => format!("(fn {} {})", f.params.len(), sx(&f.body)),
        Match { subject, arms } => format!(
            "(match {} {})",
            sx(subject),
            arms.iter()
                .map(|a| format!(
                    "{}=>{}",
                    a.conds.as_ref().map_or("default".into(), |c| c.iter().map(sx).collect::<Vec<_>>().join(",")),
                    sx(&a.body)
                ))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Throw(e) => format!("(throw {})", sx(e)),
    }
}

/// Parses `<?php SRC;` and renders its single expression statement.
fn ex(src: &str) -> String {
    let stmts = prog(&format!("<?php {};", src));
    match &stmts[..] {
        [Stmt { kind: StmtKind::Expr(e), .. }] => sx(e),
        other => panic!("not one expression statement: {:?}", other),
    }
}

#[test]
fn precedence() {
    assert_eq!(ex("1 + 2 * 3"), "(Add 1 (Mul 2 3))");
    assert_eq!(ex("(1 + 2) * 3"), "(Mul (Add 1 2) 3)");
    assert_eq!(ex("1 - 2 - 3"), "(Sub (Sub 1 2) 3)");
    assert_eq!(ex("-2 ** 2"), "(Neg (Pow 2 2))");
    assert_eq!(ex("2 ** 3 ** 2"), "(Pow 2 (Pow 3 2))");
    assert_eq!(ex("2 ** -1"), "(Pow 2 (Neg 1))");
    assert_eq!(ex("!$a instanceof B"), "(Not (instanceof $a B))");
    assert_eq!(ex("!$a && $b"), "(And (Not $a) $b)");
    assert_eq!(ex("$a = $b ?? $c ?? $d"), "(= $a (Coalesce $b (Coalesce $c $d)))");
    assert_eq!(ex("\"a\" . 1 + 2"), "(Concat 'a' (Add 1 2))");
    assert_eq!(ex("1 << 2 . 'x'"), "(Concat (Shl 1 2) 'x')");
    assert_eq!(ex("$a . $b < $c"), "(Lt (Concat $a $b) $c)");
    assert_eq!(ex("$a == $b && $c != $d || $e"), "(Or (And (Eq $a $b) (NotEq $c $d)) $e)");
    assert_eq!(ex("$a & $b | $c ^ $d"), "(BitOr (BitAnd $a $b) (BitXor $c $d))");
    assert_eq!(ex("$a = 1 and $b = 2"), "(And (= $a 1) (= $b 2))");
    assert_eq!(ex("$a or $b xor $c and $d"), "(Or $a (Xor $b (And $c $d)))");
    assert_eq!(ex("!$a = f()"), "(Not (= $a (f)))");
    assert_eq!(ex("$a = $b = 3"), "(= $a (= $b 3))");
    assert_eq!(ex("$a += $b *= 2"), "(Add= $a (Mul= $b 2))");
    assert_eq!(ex("$x ??= []"), "(Coalesce= $x [])");
    assert_eq!(ex("$a ? $b : $c"), "(? $a $b $c)");
    assert_eq!(ex("$a ?: $b ?: $c"), "(? (? $a _ $b) _ $c)");
    assert_eq!(ex("$a ? 1 : ($b ? 2 : 3)"), "(? $a 1 (? $b 2 3))");
    assert_eq!(ex("$a ?? $b ? 1 : 2"), "(? (Coalesce $a $b) 1 2)");
    assert_eq!(ex("$a = $b ? 1 : 2"), "(= $a (? $b 1 2))");
    assert_eq!(ex("print $a . 'x'"), "(print (Concat $a 'x'))");
    assert_eq!(ex("$a and print 1"), "(And $a (print 1))");
    assert_eq!(ex("1 + print 2"), "(Add 1 (print 2))");
    assert_eq!(ex("-$a ** 2"), "(Neg (Pow $a 2))");
    assert_eq!(ex("(int)$a + 1"), "(Add (Int $a) 1)");
    assert_eq!(ex("(string)(float)$a"), "(String (Float $a))");
    assert_eq!(ex("@f() . 'x'"), "(Concat (@ (f)) 'x')");
    assert_eq!(ex("~$a & 1"), "(BitAnd (BitNot $a) 1)");
    assert_eq!(ex("$a++ + ++$b"), "(Add (PostInc $a) (PreInc $b))");
    assert_eq!(ex("--$a[0]"), "(PreDec $a[0])");
    assert_eq!(ex("$a <=> $b"), "(Spaceship $a $b)");
    assert_eq!(ex("$a <> $b"), "(NotEq $a $b)");
    assert_eq!(perr("<?php $a === $b !== $c;").0, "syntax error, unexpected token \"!==\"");
}
