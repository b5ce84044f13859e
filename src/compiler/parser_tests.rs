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
    let list: Vec<String> = match (
        std::env::var("HOPJIT_PARSE"),
        std::env::var("HOPJIT_PARSE_LIST"),
    ) {
        (Ok(l), _) => l.split(',').map(str::to_string).collect(),
        (_, Ok(f)) => std::fs::read_to_string(f)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect(),
        _ => return,
    };
    for path in &list {
        let path = path.as_str();
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
    }
}

/// Parses `<?php SRC;` and renders its single expression statement.
fn ex(src: &str) -> String {
    let stmts = prog(&format!("<?php {};", src));
    match &stmts[..] {
        [Stmt {
            kind: StmtKind::Expr(e),
            ..
        }] => sx(e),
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
    assert_eq!(
        ex("$a = $b ?? $c ?? $d"),
        "(= $a (Coalesce $b (Coalesce $c $d)))"
    );
    assert_eq!(ex("\"a\" . 1 + 2"), "(Concat 'a' (Add 1 2))");
    assert_eq!(ex("1 << 2 . 'x'"), "(Concat (Shl 1 2) 'x')");
    assert_eq!(ex("$a . $b < $c"), "(Lt (Concat $a $b) $c)");
    assert_eq!(
        ex("$a == $b && $c != $d || $e"),
        "(Or (And (Eq $a $b) (NotEq $c $d)) $e)"
    );
    assert_eq!(
        ex("$a & $b | $c ^ $d"),
        "(BitOr (BitAnd $a $b) (BitXor $c $d))"
    );
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
    assert_eq!(
        perr("<?php $a === $b !== $c;").0,
        "syntax error, unexpected token \"!==\""
    );
}
/// (source, message, line) as printed by `php -n -l` (PHP 8.2).
const PHP_ERRORS: &[(&str, &str, u32)] = &[
    ("<?php $x = 1 $y = 2;", "syntax error, unexpected variable \"$y\"", 1),
    ("<?php foo(1;", "syntax error, unexpected token \";\", expecting \")\"", 1),
    ("<?php echo 1", "syntax error, unexpected end of file, expecting \",\" or \";\"", 1),
    ("<?php $x = ;", "syntax error, unexpected token \";\"", 1),
    ("<?php 5 5;", "syntax error, unexpected integer \"5\"", 1),
    ("<?php foo foo;", "syntax error, unexpected identifier \"foo\"", 1),
    ("<?php 1 1.5;", "syntax error, unexpected floating-point number \"1.5\"", 1),
    ("<?php 1 \"a\";", "syntax error, unexpected double-quoted string \"a\"", 1),
    ("<?php 1 \"a$x\";", "syntax error, unexpected double-quote mark", 1),
    ("<?php 1 'a';", "syntax error, unexpected single-quoted string \"a\"", 1),
    ("<?php if ($x) { echo 1;", "Unclosed '{'", 1),
    ("<?php $a{1};", "Array and string offset access syntax with curly braces is no longer supported", 1),
    ("<?php (real)$x;", "The (real) cast has been removed, use (float) instead", 1),
    ("<?php (unset)$x;", "The (unset) cast is no longer supported", 1),
    ("<?php 1 ? 2 : 3 ? 4 : 5;", "Unparenthesized `a ? b : c ? d : e` is not supported. Use either `(a ? b : c) ? d : e` or `a ? b : (c ? d : e)`", 1),
    ("<?php 1 ?: 2 ? 4 : 5;", "Unparenthesized `a ?: b ? c : d` is not supported. Use either `(a ?: b) ? c : d` or `a ?: (b ? c : d)`", 1),
    ("<?php 1 ? 2 : 3 ?: 5;", "Unparenthesized `a ? b : c ?: d` is not supported. Use either `(a ? b : c) ?: d` or `a ? b : (c ?: d)`", 1),
    ("<?php function() {};  }", "Unmatched '}'", 1),
    ("<?php $x = [1, 2;", "syntax error, unexpected token \";\", expecting \"]\"", 1),
    ("<?php echo <<<EOT\na\nEOT 1;", "syntax error, unexpected integer \"1\", expecting \",\" or \";\"", 3),
    ("<?php 1 `ls`;", "syntax error, unexpected token \"`\"", 1),
    ("<?php break 0;", "'break' operator accepts only positive integers", 1),
    ("<?php break $x;", "'break' operator with non-integer operand is no longer supported", 1),
    ("<?php $x = 1 + ;", "syntax error, unexpected token \";\"", 1),
    ("<?php if ($x) {} else {} else {}", "syntax error, unexpected token \"else\", expecting end of file", 1),
    ("<?php 1 => 2;", "syntax error, unexpected token \"=>\"", 1),
    ("<?php 1 ::;", "syntax error, unexpected token \"::\"", 1),
    ("<?php 1 abstract;", "syntax error, unexpected token \"abstract\"", 1),
    ("<?php foo(,);", "syntax error, unexpected token \",\"", 1),
    ("<?php $x = 1", "syntax error, unexpected end of file", 1),
    ("<?php return 1", "syntax error, unexpected end of file, expecting \";\"", 1),
    ("<?php $x = 1 }", "Unmatched '}'", 1),
    ("<?php echo 1 2;", "syntax error, unexpected integer \"2\", expecting \",\" or \";\"", 1),
    ("<?php return 1 2;", "syntax error, unexpected integer \"2\", expecting \";\"", 1),
    ("<?php if ($x 1) {}", "syntax error, unexpected integer \"1\"", 1),
    ("<?php if $x {}", "syntax error, unexpected variable \"$x\", expecting \"(\"", 1),
    ("<?php while ($x {}", "syntax error, unexpected token \"}\"", 1),
    ("<?php foo(1 2);", "syntax error, unexpected integer \"2\", expecting \")\"", 1),
    ("<?php foo(1, 2", "Unclosed '('", 1),
    ("<?php $a[1 2];", "syntax error, unexpected integer \"2\", expecting \"]\"", 1),
    ("<?php function f( {}", "syntax error, unexpected token \"{\", expecting variable", 1),
    ("<?php function ( {};", "syntax error, unexpected token \"{\", expecting variable", 1),
    ("<?php 1 \"a\nb\";", "syntax error, unexpected double-quoted string \"a\"", 2),
    ("<?php\n1 \"a\nb\" 3;", "syntax error, unexpected double-quoted string \"a\"", 3),
    ("<?php for ($i=0; $i<1; $i++ {}", "syntax error, unexpected token \"{\", expecting \")\"", 1),
    ("<?php foreach ($a $b) {}", "syntax error, unexpected variable \"$b\"", 1),
    ("<?php foreach ($a as) {}", "syntax error, unexpected token \")\"", 1),
    ("<?php $x = array(1 2);", "syntax error, unexpected integer \"2\", expecting \")\"", 1),
    ("<?php global $x 1;", "syntax error, unexpected integer \"1\", expecting \",\" or \";\"", 1),
    ("<?php $o->;", "syntax error, unexpected token \";\", expecting identifier or variable or \"{\" or \"$\"", 1),
    ("<?php $o->1;", "syntax error, unexpected integer \"1\", expecting identifier or variable or \"{\" or \"$\"", 1),
    ("<?php new;", "syntax error, unexpected token \";\"", 1),
    ("<?php switch ($x) { 1 }", "syntax error, unexpected integer \"1\", expecting \"case\" or \"default\" or \"}\"", 1),
    ("<?php switch ($x) { case 1 }", "syntax error, unexpected token \"}\"", 1),
    ("<?php match ($x) { 1 };", "syntax error, unexpected token \"}\", expecting \"=>\"", 1),
    ("<?php $x = $y ? 1;", "syntax error, unexpected token \";\"", 1),
    ("<?php $x = fn($x) $x;", "syntax error, unexpected variable \"$x\", expecting \"=>\"", 1),
    ("<?php 1 0x1F;", "syntax error, unexpected integer \"0x1F\"", 1),
    ("<?php 1 \"a\\tb\\\"\";", "syntax error, unexpected double-quoted string \"a\\tb\\\"\"", 1),
    ("<?php 1 ECHO;", "syntax error, unexpected token \"echo\"", 1),
    ("<?php 1 \\foo;", "syntax error, unexpected fully qualified name \"\\foo\"", 1),
    ("<?php 1 A\\foo;", "syntax error, unexpected namespaced name \"A\\foo\"", 1),
    ("<?php 1 (int);", "syntax error, unexpected token \"(int)\"", 1),
    ("<?php 1 (float);", "syntax error, unexpected token \"(double)\"", 1),
    ("<?php 1 __LINE__;", "syntax error, unexpected token \"__LINE__\"", 1),
    ("<?php 1 true;", "syntax error, unexpected identifier \"true\"", 1),
    ("<?php 1 $$x;", "syntax error, unexpected token \"$\"", 1),
    ("<?php 1 <<<\"EOT\"\nx\nEOT;", "syntax error, unexpected heredoc start \"<<<\"EOT\"", 2),
    ("<?php 1 9999999999999999999999;", "syntax error, unexpected floating-point number \"9999999999999999999999\"", 1),
    ("<?php 1 \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\";", "syntax error, unexpected double-quoted string \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"", 1),
    ("<?php 1 #[A] 2;", "syntax error, unexpected token \"#[\"", 1),
    ("<?php 1 0b12;", "syntax error, unexpected integer \"0b1\"", 1),
    ("<?php 1 08;", "Invalid numeric literal", 1),
    ("<?php\nif (1) {\n  foo(\n", "Unclosed '(' on line 3", 4),
    ("<?php\necho \"abc\n", "syntax error, unexpected end of file, expecting variable or \"${\" or \"{$\"", 3),
    ("<?php (1]", "Unclosed '(' does not match ']'", 1),
    ("<?php (1\n]", "Unclosed '(' on line 1 does not match ']'", 2),
    ("<?php function f($a $b) {}", "syntax error, unexpected variable \"$b\", expecting \")\"", 1),
    ("<?php function 1() {}", "syntax error, unexpected integer \"1\", expecting \"(\"", 1),
    ("<?php $x = function() use $a {};", "syntax error, unexpected variable \"$a\", expecting \"(\"", 1),
    ("<?php foreach ($a as $k => ) {}", "syntax error, unexpected token \")\"", 1),
    ("<?php try {} ", "Cannot use try without catch or finally", 1),
    ("<?php try {} catch (E $e {}", "syntax error, unexpected token \"{\", expecting \")\"", 1),
    ("<?php try {} catch ($e) {}", "syntax error, unexpected variable \"$e\"", 1),
    ("<?php static $x = 1 2;", "syntax error, unexpected integer \"2\", expecting \",\" or \";\"", 1),
    ("<?php const A 1;", "syntax error, unexpected integer \"1\", expecting \"=\"", 1),
    ("<?php if (1): echo 1; else if (2): endif;", "syntax error, unexpected token \"if\", expecting \":\"", 1),
    ("<?php $a = [1, , 2];", "Cannot use empty array elements in arrays", 1),
    ("<?php [] = $x;", "Cannot use empty list", 1),
    ("<?php list() = $x;", "Cannot use empty list", 1),
    ("<?php $x = list($a);", "syntax error, unexpected token \";\", expecting \"=\"", 1),
    ("<?php 1 < 2 < 3;", "syntax error, unexpected token \"<\"", 1),
    ("<?php new Foo()->bar();", "syntax error, unexpected token \"->\"", 1),
    ("<?php $x->y() = 1;", "Can't use method return value in write context", 1),
    ("<?php 1 = 2;", "syntax error, unexpected token \"=\"", 1),
    ("<?php foreach ($a as &$k => $v) {}", "Key element cannot be a reference", 1),
    ("<?php unset($a 1);", "syntax error, unexpected integer \"1\", expecting \"->\" or \"?->\" or \"{\" or \"[\"", 1),
    ("<?php isset(1);", "Cannot use isset() on the result of an expression (you can use \"null !== expression\" instead)", 1),
    ("<?php exit 1;", "syntax error, unexpected integer \"1\"", 1),
    ("<?php for ($i=0 $i<1;) {}", "syntax error, unexpected variable \"$i\", expecting \";\"", 1),
    ("<?php break 1 2;", "syntax error, unexpected integer \"2\", expecting \";\"", 1),
    ("<?php switch ($x) 1", "syntax error, unexpected integer \"1\", expecting \":\" or \"{\"", 1),
    ("<?php do {} 1", "syntax error, unexpected integer \"1\", expecting \"while\"", 1),
    ("<?php if (1): endif 2;", "syntax error, unexpected integer \"2\", expecting \";\"", 1),
    ("<?php declare(strict_types=1) 2;", "strict_types declaration must not use block mode", 1),
    ("<?php { else }", "syntax error, unexpected token \"else\"", 1),
    ("<?php function f() {} }", "Unmatched '}'", 1),
    ("<?php echo \"$a[1 2]\";", "syntax error, unexpected string content \"\", expecting \"]\"", 1),
    ("<?php echo \"{$a 1}\";", "syntax error, unexpected integer \"1\", expecting \"->\" or \"?->\" or \"{\" or \"[\"", 1),
    ("<?php $a = [1, 2][0]; $b = \"ab\"[1]; $c = 'strlen'('x'); ok(;", "syntax error, unexpected token \";\"", 1),
    ("<?php f(x: 1, 2);", "Cannot use positional argument after named argument", 1),
    ("<?php $a?->b = 1;", "Can't use nullsafe operator in write context", 1),
    ("<?php $x = 1 +", "syntax error, unexpected end of file", 1),
    ("<?php $x = \"abc", "syntax error, unexpected end of file, expecting variable or \"${\" or \"{$\"", 1),
    ("<?php $x = 'abc", "syntax error, unexpected string content \"abc\"", 1),
    ("<?php /* abc", "Unterminated comment starting line 1", 1),
    ("<?php echo \"\\u{zz}\";", "Invalid UTF-8 codepoint escape sequence", 1),
    ("<?php echo <<<EOT\n   a\n  b\n   EOT;", "Invalid body indentation level (expecting an indentation level of at least 3)", 3),
    ("<?php if (1) { } elseif { }", "syntax error, unexpected token \"{\", expecting \"(\"", 1),
    ("<?php while (1): echo 1;", "syntax error, unexpected end of file", 1),
    ("<?php $x = (int $y);", "syntax error, unexpected variable \"$y\"", 1),
    ("<?php $x = [1 => 2 => 3];", "syntax error, unexpected token \"=>\", expecting \"]\"", 1),
    ("<?php $x->y->;", "syntax error, unexpected token \";\", expecting identifier or variable or \"{\" or \"$\"", 1),
    ("<?php $x = 1;\n\n\n$y = ;", "syntax error, unexpected token \";\"", 4),
    ("<?php \"abc\" 1;", "syntax error, unexpected integer \"1\"", 1),
    ("<?php echo 1, ;", "syntax error, unexpected token \";\"", 1),
    ("<?php $a = &1;", "syntax error, unexpected integer \"1\"", 1),
    ("<?php $a = &$b;\n$c =& f();\n$d = & new A;", "syntax error, unexpected token \"new\"", 3),
    ("<?php function &f() {} fn&($x) => 1; 1 1;", "syntax error, unexpected integer \"1\"", 1),
    ("<?php $a instanceof;", "syntax error, unexpected token \";\"", 1),
    ("<?php clone;", "syntax error, unexpected token \";\"", 1),
    ("<?php $x = match(1) {};\n 1 1;", "syntax error, unexpected integer \"1\"", 2),
    ("<?php $x = match(1) { default => 1, default => 2 }; 1 1;", "syntax error, unexpected integer \"1\"", 1),
    ("<?php echo 1 ?>\n<?php echo 2 3;", "syntax error, unexpected integer \"3\", expecting \",\" or \";\"", 2),
    ("<?php ?>\n<?= 1 2 ?>", "syntax error, unexpected integer \"2\", expecting \",\" or \";\"", 2),
];

#[test]
fn php_error_messages() {
    for (src, msg, line) in PHP_ERRORS {
        let (m, l) = perr(src);
        assert_eq!((m.as_str(), l), (*msg, *line), "for {:?}", src);
    }
}

fn block(b: &[Stmt]) -> String {
    format!("{{{}}}", b.iter().map(st).collect::<Vec<_>>().join(" "))
}

fn list(v: &[Expr]) -> String {
    v.iter().map(sx).collect::<Vec<_>>().join(",")
}

/// Compact rendering of a statement.
fn st(s: &Stmt) -> String {
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

fn sts(src: &str) -> String {
    prog(src).iter().map(st).collect::<Vec<_>>().join(" ")
}

#[test]
fn statements() {
    assert_eq!(sts("<?php echo 1, 2; print 3;"), "echo 1,2; (print 3);");
    assert_eq!(
        sts("<?php if ($a) echo 1; elseif ($b) { echo 2; } else if ($c) echo 3; else echo 4;"),
        "if $a {echo 1;} elseif $b {echo 2;} else {if $c {echo 3;} else {echo 4;}}"
    );
    assert_eq!(
        sts("<?php if ($a): echo 1; echo 2; elseif ($b): else: echo 3; endif;"),
        "if $a {echo 1; echo 2;} elseif $b {} else {echo 3;}"
    );
    assert_eq!(sts("<?php while ($a) $a--;"), "while $a {(PostDec $a);}");
    assert_eq!(sts("<?php while ($a): endwhile;"), "while $a {}");
    assert_eq!(
        sts("<?php do { $a++; } while ($a < 3);"),
        "do {(PostInc $a);} while (Lt $a 3)"
    );
    assert_eq!(
        sts("<?php for ($i = 0, $j = 1; ; $i++, $j++) ;"),
        "for (= $i 0),(= $j 1);;(PostInc $i),(PostInc $j) {;}"
    );
    assert_eq!(sts("<?php for (;;): break; endfor;"), "for ;; {break 1;}");
    assert_eq!(
        sts("<?php foreach ($a as $v) {} foreach ($a as $k => &$v) {} foreach ($a as &$v): endforeach;"),
        "foreach $a $v {} foreach $a $k=>&$v {} foreach $a &$v {}"
    );
    assert_eq!(
        sts("<?php foreach ($a as [$x, 'k' => $y]) {} foreach ($a as $k => list(, $z)) {}"),
        "foreach $a (list $x 'k'=>$y) {} foreach $a $k=>(list _ $z) {}"
    );
    assert_eq!(
        sts("<?php switch ($a) { case 1: case 2; echo 1; break; default: echo 2; }"),
        "switch $a 1:{} 2:{echo 1; break 1;} default:{echo 2;}"
    );
    assert_eq!(
        sts("<?php switch ($a): ; case 1: endswitch;"),
        "switch $a 1:{}"
    );
    assert_eq!(
        sts("<?php while (1) { break 2; continue; continue 3; }"),
        "while 1 {break 2; continue 1; continue 3;}"
    );
    assert_eq!(sts("<?php return; return 1;"), "return _; return 1;");
    assert_eq!(
        sts("<?php { ; } global $a, $b; static $x = 1, $y;"),
        "{;} global a,b; static x=1,y=_;"
    );
    assert_eq!(
        sts("<?php const A = 1, B = A + 1;"),
        "const A=1,B=(Add A 1);"
    );
    assert_eq!(
        sts("<?php function f($a, &$b = 1, ...$c) { function g() {} return $a; }"),
        "function f/3 {function g/0 {} return $a;}"
    );
    assert_eq!(
        sts("<?php try { f(); } catch (A | \\B\\C $e) { } catch (D) { } finally { g(); }"),
        "try {(f);} catch A|B\\C e {} catch D _ {} finally {(g);}"
    );
    assert_eq!(sts("<?php throw new E('x');"), "(throw (new E 'x'));");
    assert_eq!(sts("<?php unset($a, $b[1],);"), "unset $a,$b[1];");
    assert_eq!(
        sts("<?php declare(strict_types=1);"),
        "declare strict_types=1;"
    );
    assert_eq!(
        sts("<?php exit; die(1); exit();"),
        "(exit _); (exit 1); (exit _);"
    );
    assert_eq!(
        sts("<?php include 'a.php'; require_once $f . '.php';"),
        "(Include 'a.php'); (RequireOnce (Concat $f '.php'));"
    );
}

#[test]
fn tags_and_inline_html() {
    assert_eq!(sts("a<?php echo 1 ?>\nb"), "html'a' echo 1; html'b'");
    assert_eq!(sts("<?= $x ?>\n<?= 1, 2 ?>"), "echo $x; echo 1,2;");
    assert_eq!(
        sts("<?php if ($a): ?>yes<?php else: ?>no<?php endif;"),
        "if $a {; html'yes'} else {; html'no'}"
    );
    assert!(prog("").is_empty());
    assert_eq!(
        sts("<?php switch ($a): ?>\n<?php case 1: ?>\nx\n<?php endswitch; ?>\n"),
        "switch $a 1:{; html'x\n'}"
    );
    assert_eq!(sts("<?php\n"), "");
}

#[test]
fn expressions_misc() {
    assert_eq!(ex("[1, 'a' => 2, ...$x, &$y]"), "[1 'a'=>2 ...$x &$y]");
    assert_eq!(ex("array(1, array(2))"), "[1 [2]]");
    assert_eq!(ex("[$a, [, $b]] = $c"), "(= (list $a (list _ $b)) $c)");
    assert_eq!(ex("list($a, list($b)) = $c"), "(= (list $a (list $b)) $c)");
    assert_eq!(
        ex("['x' => $a, 'y' => [&$b]] = $c"),
        "(= (list 'x'=>$a 'y'=>(list &$b)) $c)"
    );
    assert_eq!(ex("$a[] = 1"), "(= $a[] 1)");
    assert_eq!(ex("$a = &$b"), "(=& $a $b)");
    assert_eq!(ex("$$a = $$$b"), "(= $($a) $($($b)))");
    assert_eq!(ex("${'a' . 'b'}"), "$((Concat 'a' 'b'))");
    assert_eq!(ex("$o->p->q(1)?->r"), "($o->p->q 1)?->r");
    assert_eq!(ex("$o->$m()"), "($o->{$m})");
    assert_eq!(ex("$o->{'a' . 'b'}"), "$o->{(Concat 'a' 'b')}");
    assert_eq!(ex("Foo::bar(1)"), "(Foo::bar 1)");
    assert_eq!(ex("Foo::BAR"), "Foo::BAR");
    assert_eq!(ex("Foo::$x"), "Foo::$x");
    assert_eq!(
        ex("static::x() + self::Y + parent::$z"),
        "(Add (Add (static::x) self::Y) parent::$z)"
    );
    assert_eq!(ex("$c::X"), "$c::X");
    assert_eq!(ex("Foo::class"), "Foo::class");
    assert_eq!(ex("new Foo"), "(new Foo)");
    assert_eq!(ex("new \\A\\Foo(1, 2)"), "(new A\\Foo 1 2)");
    assert_eq!(ex("new $c($x)"), "(new $c $x)");
    assert_eq!(ex("new static"), "(new static)");
    assert_eq!(ex("(new Foo)->bar()"), "((new Foo)->bar)");
    assert_eq!(ex("$a instanceof $b"), "(instanceof $a $b)");
    assert_eq!(ex("clone $a->b"), "(clone $a->b)");
    assert_eq!(ex("\\strlen('x')"), "(strlen 'x')");
    assert_eq!(ex("f(...$a, x: 1)"), "(f ...$a x:1)");
    assert_eq!(ex("$f(1)(2)"), "(call (call $f 1) 2)");
    assert_eq!(ex("$a['k'](1)"), "(call $a['k'] 1)");
    assert_eq!(ex("(function () {})()"), "(call (closure 0 0 0))");
    assert_eq!(ex("'strlen'('x')"), "(call 'strlen' 'x')");
    assert_eq!(ex("[1, 2][0]"), "[1 2][0]");
    assert_eq!(ex("FOO"), "FOO");
    assert_eq!(ex("TRUE || False && NULL"), "(Or true (And false null))");
    assert_eq!(ex("isset($a, $b['x'], $c->d)"), "(isset $a $b['x'] $c->d)");
    assert_eq!(ex("empty($a)"), "(empty $a)");
    assert_eq!(
        ex("__LINE__ . __FILE__ . __DIR__ . __FUNCTION__"),
        "(Concat (Concat (Concat 1 File) Dir) '')"
    );
    assert_eq!(ex("fn($x) => $x * $k"), "(fn 1 (Mul $x $k))");
    assert_eq!(ex("static fn() => 1"), "(fn 0 1)");
    assert_eq!(
        ex("match($x) { 1, 2 => 'a', default => 'b', }"),
        "(match $x 1,2=>'a' default=>'b')"
    );
    assert_eq!(ex("$x ?? throw new E"), "(Coalesce $x (throw (new E)))");
    assert_eq!(ex("(integer)$a . (boolean)$b . (double)$c . (binary)$d . (array)$e . (object)$f"),
        "(Concat (Concat (Concat (Concat (Concat (Int $a) (Bool $b)) (Float $c)) (String $d)) (Array $e)) (Object $f))");
    assert_eq!(ex("-1"), "(Neg 1)");
    assert_eq!(ex("+$a"), "(Plus $a)");
    assert_eq!(ex("if_ ($a)"), "(if_ $a)");
    assert_eq!(ex("$a->class"), "$a->class");
    assert_eq!(ex("$a->list()"), "($a->list)");
    assert_eq!(ex("A::new()"), "(A::new)");
}

#[test]
fn closures() {
    let stmts =
        prog("<?php $f = static function &($a, int &$b = 1) use ($x, &$y): ?int { return 1; };");
    let StmtKind::Expr(Expr {
        kind: ExprKind::Assign { value, .. },
        ..
    }) = &stmts[0].kind
    else {
        panic!()
    };
    let ExprKind::Closure(c) = &value.kind else {
        panic!()
    };
    assert!(c.is_static && c.by_ref_return);
    assert_eq!(c.params[1].ty, Some(TypeHint::Named("int".into())));
    assert!(c.params[1].by_ref);
    assert_eq!(
        c.uses,
        vec![
            ClosureUse {
                name: "x".into(),
                by_ref: false
            },
            ClosureUse {
                name: "y".into(),
                by_ref: true
            }
        ]
    );
    assert_eq!(
        c.return_type,
        Some(TypeHint::Nullable(Box::new(TypeHint::Named("int".into()))))
    );
    let stmts = prog("<?php function f(int|string $a, A&B $b, mixed ...$c): static {}");
    let StmtKind::FunctionDecl(f) = &stmts[0].kind else {
        panic!()
    };
    assert_eq!(
        f.params[0].ty,
        Some(TypeHint::Union(vec![
            TypeHint::Named("int".into()),
            TypeHint::Named("string".into())
        ]))
    );
    assert!(matches!(f.params[1].ty, Some(TypeHint::Intersection(_))));
    assert!(f.params[2].variadic);
    assert_eq!(f.return_type, Some(TypeHint::Named("static".into())));
}

#[test]
fn interpolation() {
    assert_eq!(ex(r#""a $x b""#), "(interp 'a ' $x ' b')");
    assert_eq!(
        ex(r#""$x[0] $x[key] $x[-1] $x[$i] $o->p""#),
        "(interp $x[0] ' ' $x['key'] ' ' $x[-1] ' ' $x[$i] ' ' $o->p)"
    );
    assert_eq!(
        ex(r#""{$a[1][2]}{$o->p->q()}""#),
        "(interp $a[1][2] ($o->p->q))"
    );
    assert_eq!(
        ex(r#""${name}${name[1]}${'a'.'b'}""#),
        "(interp $name $name[1] $((Concat 'a' 'b')))"
    );
    assert_eq!(ex(r#""plain\n""#), "'plain\n'");
    assert_eq!(ex("<<<EOT\n  x $y\n  EOT"), "(interp 'x ' $y)");
}

#[test]
fn lines() {
    let stmts = prog("<?php\n\n$a =\n  1 +\n  2;\nf(\n1);\n");
    assert_eq!(stmts[0].line, 3);
    let StmtKind::Expr(e) = &stmts[0].kind else {
        panic!()
    };
    assert_eq!(e.line, 3);
    let ExprKind::Assign { value, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(value.line, 4);
    assert_eq!(stmts[1].line, 6);
    assert_eq!(ex("__LINE__"), "1");
}

#[test]
fn keywords_case_insensitive() {
    assert_eq!(
        sts("<?php ECHO 1 AND 2; IF (TRUE) { RETURN NULL; } Function F() {}"),
        "echo (And 1 2); if true {return null;} function F/0 {}"
    );
}

#[test]
fn unsupported_constructs() {
    for (src, what) in [
        ("<?php yield 1;", "generators (yield)"),
        ("<?php `ls`;", "shell execution (backticks)"),
        ("<?php #[A] function f() {}", "attributes"),
        ("<?php goto a;", "goto"),
        ("<?php namespace A;", "namespaces"),
        ("<?php enum E {}", "enums"),
        ("<?php strlen(...);", "first-class callable syntax"),
        ("<?php new class {};", "anonymous classes"),
        ("<?php class A { use T { a as b; } }", "trait adaptations"),
        (
            "<?php class A { function __construct(private $x) {} }",
            "constructor property promotion",
        ),
    ] {
        assert_eq!(
            perr(src).0,
            format!("hopjit does not support {} yet", what),
            "{}",
            src
        );
    }
}

/// Feeds truncated and garbled versions of a valid program; nothing may panic.
#[test]
fn no_panic_on_garbage() {
    let src: &[u8] = br#"<?php
declare(strict_types=1);
function f(int $a, &$b = [1, 'x' => 2], ...$c): ?array {
    static $n = 0;
    global $g;
    $s = "a $a {$b['k'][0]} ${a} \u{41}\x41\101" . 'q\'' . <<<EOT
      h $a
      EOT . <<<'N'
    raw
    N;
    foreach ($b as $k => [$x, , $y]) { if ($x): continue; elseif ($y): break; else: endif; }
    $f = fn($z) => $z ** -2 ?? $a ?: null;
    $m = match(true) { $a > 1, $a < 0 => 1, default => throw new E() };
    try { $o?->p::$q[1]->r(...$c); } catch (A|B $e) {} finally {}
    switch ($a) { case 1; default: }
    list('a' => $p, 'b' => list($q)) = $b;
    return [0x1F, 0b11, 0o7, 017, 1_000, 1.5e3, .5, (int)'1', @$u, !$v instanceof W];
}
?>
<html><?= f(1, $x) ?>
"#;
    let check = |s: &[u8]| {
        let r = std::panic::catch_unwind(|| parse(s, "fuzz.php"));
        assert!(r.is_ok(), "panic on {:?}", String::from_utf8_lossy(s));
    };
    for end in 0..=src.len() {
        check(&src[..end]);
        check(&src[end..]);
    }
    // Deterministic garbling: delete, duplicate or replace single bytes.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let junk = b"$'\"{}[]()\\<>?;:,.=&|-+*/%!@#`~^0x9eE_\n\t ";
    for _ in 0..4000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut v = src.to_vec();
        let i = (seed as usize) % v.len();
        let j = ((seed >> 32) as usize) % junk.len();
        match seed % 3 {
            0 => {
                v.remove(i);
            }
            1 => v.insert(i, junk[j]),
            _ => v[i] = junk[j],
        }
        check(&v);
    }
    // Deep nesting must fail cleanly rather than overflow the stack.
    let deep = format!("<?php {}1{};", "(".repeat(5000), ")".repeat(5000));
    assert!(parse(deep.as_bytes(), "deep.php").is_err());
    let deep = format!("<?php {}", "-".repeat(5000));
    let _ = parse(deep.as_bytes(), "deep.php");
    let deep = format!("<?php {}", "if(1){".repeat(3000));
    let _ = parse(deep.as_bytes(), "deep.php");
    let deep = format!("<?php {}", "[".repeat(20000));
    let _ = parse(deep.as_bytes(), "deep.php");
    let deep = format!("<?php {}", "$".repeat(20000));
    let _ = parse(deep.as_bytes(), "deep.php");
    let deep = format!("<?php {}", "f(".repeat(20000));
    let _ = parse(deep.as_bytes(), "deep.php");
    let deep = format!("<?php {}", "\"{$a[".repeat(20000));
    let _ = parse(deep.as_bytes(), "deep.php");
}

#[test]
fn classes() {
    let stmts = prog(
        "<?php\nabstract class A extends \\B implements I, J {\n  use T, U;\n  var $x = 1, $y;\n  public static ?int $z;\n  const X = 1, Y = 2;\n  final public const Z = 3;\n  abstract protected function f();\n  public static function &g(): static { return new static; }\n  function list() {}\n  private readonly array $r;\n}\ninterface I extends K, L { function f(); }\ntrait T {}\nfinal class C {}\n",
    );
    let StmtKind::ClassDecl(c) = &stmts[0].kind else {
        panic!("{:?}", stmts[0])
    };
    assert_eq!(
        (c.name.as_str(), c.kind, c.is_abstract, c.line, c.end_line),
        ("A", ClassKind::Class, true, 2, 12)
    );
    assert_eq!(c.extends.as_deref(), Some("B"));
    assert_eq!(c.implements, vec!["I".to_string(), "J".to_string()]);
    assert_eq!(c.members.len(), 9);
    assert_eq!(
        c.members[0],
        ClassMember::TraitUse(vec!["T".into(), "U".into()])
    );
    let ClassMember::Property {
        modifiers,
        props,
        ty,
    } = &c.members[1]
    else {
        panic!()
    };
    assert_eq!(
        (modifiers.visibility, props.len(), ty),
        (Visibility::Public, 2, &None)
    );
    let ClassMember::Property { modifiers, ty, .. } = &c.members[2] else {
        panic!()
    };
    assert!(modifiers.is_static && ty.is_some());
    let ClassMember::Const { consts, .. } = &c.members[3] else {
        panic!()
    };
    assert_eq!(consts.len(), 2);
    let ClassMember::Method(m) = &c.members[5] else {
        panic!()
    };
    assert!(
        !m.has_body && m.modifiers.is_abstract && m.modifiers.visibility == Visibility::Protected
    );
    let ClassMember::Method(m) = &c.members[6] else {
        panic!()
    };
    assert!(m.has_body && m.modifiers.is_static && m.func.by_ref_return && m.func.name == "g");
    let ClassMember::Method(m) = &c.members[7] else {
        panic!()
    };
    assert_eq!(m.func.name, "list");
    let ClassMember::Property { modifiers, .. } = &c.members[8] else {
        panic!()
    };
    assert!(modifiers.is_readonly && modifiers.visibility == Visibility::Private);
    let StmtKind::ClassDecl(i) = &stmts[1].kind else {
        panic!()
    };
    assert_eq!((i.kind, i.implements.len()), (ClassKind::Interface, 2));
    let StmtKind::ClassDecl(t) = &stmts[2].kind else {
        panic!()
    };
    assert_eq!(t.kind, ClassKind::Trait);
    let StmtKind::ClassDecl(f) = &stmts[3].kind else {
        panic!()
    };
    assert!(f.is_final);
    for (src, msg) in [
        (
            "<?php class A { $x; }",
            "syntax error, unexpected variable \"$x\", expecting \"function\" or \"const\"",
        ),
        (
            "<?php class A { public $x }",
            "syntax error, unexpected token \"}\", expecting \",\" or \";\"",
        ),
        (
            "<?php class A { public function f() }",
            "syntax error, unexpected token \"}\", expecting \";\" or \"{\"",
        ),
        (
            "<?php class A { public 1; }",
            "syntax error, unexpected integer \"1\", expecting variable",
        ),
        (
            "<?php class A extends { }",
            "syntax error, unexpected token \"{\"",
        ),
        (
            "<?php class { }",
            "syntax error, unexpected token \"{\", expecting identifier",
        ),
        (
            "<?php class A { public public $x; }",
            "Multiple access type modifiers are not allowed",
        ),
    ] {
        assert_eq!(perr(src).0, msg, "{}", src);
    }
}

/// Debug aid: prints each file's first echoed literal as hex (strings) or
/// `var_export` style (numbers), to compare with `php -n`.
#[test]
#[ignore]
fn dump_literals() {
    let Ok(f) = std::env::var("HOPJIT_LITS") else {
        return;
    };
    for path in std::fs::read_to_string(f).unwrap_or_default().lines() {
        let src = std::fs::read(path).unwrap_or_default();
        let out = match parse(&src, path) {
            Ok(p) => match p.stmts.first().map(|s| &s.kind) {
                Some(StmtKind::Echo(v)) => match v.first().map(|e| &e.kind) {
                    Some(ExprKind::Str(b)) => b.iter().map(|c| format!("{:02x}", c)).collect(),
                    Some(ExprKind::Int(i)) => i.to_string(),
                    Some(ExprKind::Float(f)) => format!("{:?}", f),
                    Some(ExprKind::Interp(parts)) => parts
                        .iter()
                        .map(|p| match p {
                            InterpPart::Lit(b) => b.iter().map(|c| format!("{:02x}", c)).collect(),
                            InterpPart::Expr(e) => format!("<{}>", sx(e)),
                        })
                        .collect::<Vec<String>>()
                        .join("|"),
                    other => format!("{:?}", other),
                },
                other => format!("{:?}", other),
            },
            Err(e) => format!("ERR {} on line {}", e.message, e.line),
        };
        println!("{}: {}", path, out);
    }
}

#[test]
fn more_php_behaviour() {
    assert_eq!(sts("#!/usr/bin/env php\n<?php\necho __LINE__;"), "echo 3;");
    assert_eq!(
        sts("<?php function readonly() {} readonly();"),
        "function readonly/0 {} (readonly);"
    );
    assert_eq!(ex("1.e3"), "1000.0");
    assert_eq!(ex(r#""$x[0x1A]$x[1_0]""#), "(interp $x['0x1A'] $x['1_0'])");
    assert_eq!(
        perr(r#"<?php $a = "$x[1a]";"#).0,
        "syntax error, unexpected identifier \"a\", expecting \"]\""
    );
    for (src, msg) in [
        (
            "<?php function f($this) {}",
            "Cannot use $this as parameter",
        ),
        (
            "<?php $f = function() use ($this) {};",
            "Cannot use $this as lexical variable",
        ),
        (
            "<?php function f() { global $this; }",
            "Cannot use $this as global variable",
        ),
        (
            "<?php function f() { static $this; }",
            "Cannot use $this as static variable",
        ),
    ] {
        let e = super::parse(src.as_bytes(), "t.php").unwrap_err();
        assert_eq!(e.message, msg);
        assert!(e.is_fatal());
    }
    let e = super::parse(b"<?php 1 1;", "t.php").unwrap_err();
    assert!(!e.is_fatal() && !e.is_unsupported());
    let e = super::parse(b"<?php yield 1;", "t.php").unwrap_err();
    assert!(!e.is_fatal() && e.is_unsupported());
}

#[test]
fn syntax_errors_win_over_compile_errors() {
    // PHP runs its compile-time checks only after the whole file parsed.
    assert_eq!(
        perr("<?php try {} $a = [1,,2];\n1 1;"),
        ("syntax error, unexpected integer \"1\"".into(), 2)
    );
    assert_eq!(
        perr("<?php try {} $a = [1,,2];"),
        ("Cannot use try without catch or finally".into(), 1)
    );
    assert_eq!(
        perr("<?php break 0; f()->x() = 1;"),
        ("'break' operator accepts only positive integers".into(), 1)
    );
    assert_eq!(
        perr("<?php $x = \"{$a{1}}\"; 1 1;").0,
        "syntax error, unexpected integer \"1\""
    );
}

#[test]
fn unterminated_strings() {
    assert_eq!(
        perr("<?php echo <<<EOT\nabc"),
        ("syntax error, unexpected end of file, expecting variable or heredoc end or \"${\" or \"{$\"".into(), 2)
    );
    assert_eq!(
        perr("<?php f(<<<EOT\nabc"),
        ("Unclosed '(' on line 1".into(), 2)
    );
    assert_eq!(
        perr("<?php f(1 <<<EOT\nabc"),
        (
            "syntax error, unexpected heredoc start \"<<<EOT\", expecting \")\"".into(),
            2
        )
    );
    assert_eq!(
        perr("<?php echo \"abc"),
        (
            "syntax error, unexpected end of file, expecting variable or \"${\" or \"{$\"".into(),
            1
        )
    );
    assert_eq!(perr("<?php f(\"abc"), ("Unclosed '('".into(), 1));
    assert_eq!(
        perr("<?php f(1 \"a$x\n\n"),
        (
            "syntax error, unexpected double-quote mark, expecting \")\"".into(),
            1
        )
    );
    assert_eq!(
        perr("<?php f(1, 'abc\n"),
        (
            "syntax error, unexpected string content \"abc\", expecting \")\"".into(),
            1
        )
    );
    assert_eq!(
        perr("<?php function f( default ) {}").0,
        "syntax error, unexpected token \"default\", expecting variable"
    );
}

#[test]
fn magic_constants_resolved() {
    let src = "<?php\nfunction f() { echo __FUNCTION__, __METHOD__, __CLASS__; $c = function () { echo __FUNCTION__, __METHOD__; }; }\n\
class K { function m() { echo __FUNCTION__, __METHOD__, __CLASS__, __TRAIT__; $f = fn() => __CLASS__ . __METHOD__; } }\n\
trait T { function t() { echo __CLASS__, __METHOD__, __TRAIT__; } }\necho __FUNCTION__, __CLASS__, __NAMESPACE__, __METHOD__;";
    assert_eq!(
        sts(src),
        "function f/0 {echo 'f','f',''; (= $c (closure 0 0 1));} \
class K (1 members) class T (1 members) echo '','','','';"
    );
    let stmts = prog(src);
    let StmtKind::ClassDecl(k) = &stmts[1].kind else {
        panic!()
    };
    let ClassMember::Method(m) = &k.members[0] else {
        panic!()
    };
    assert_eq!(st(&m.func.body[0]), "echo 'm','K::m','K','';");
    assert_eq!(
        st(&m.func.body[1]),
        "(= $f (fn 0 (Concat 'K' '{closure}')));"
    );
    let StmtKind::ClassDecl(t) = &stmts[2].kind else {
        panic!()
    };
    let ClassMember::Method(m) = &t.members[0] else {
        panic!()
    };
    assert_eq!(st(&m.func.body[0]), "echo Class,'T::t','T';");
    let StmtKind::FunctionDecl(f) = &stmts[0].kind else {
        panic!()
    };
    let StmtKind::Expr(Expr {
        kind: ExprKind::Assign { value, .. },
        ..
    }) = &f.body[1].kind
    else {
        panic!()
    };
    let ExprKind::Closure(c) = &value.kind else {
        panic!()
    };
    assert_eq!(st(&c.body[0]), "echo '{closure}','{closure}';");
}

/// Tiny evaluator for integer/bool expressions, to compare precedence with PHP.
#[derive(Clone, Copy, Debug)]
enum V {
    I(i64),
    B(bool),
}

fn vi(v: V) -> Option<i64> {
    Some(match v {
        V::I(i) => i,
        V::B(b) => b as i64,
    })
}

fn vb(v: V) -> bool {
    match v {
        V::I(i) => i != 0,
        V::B(b) => b,
    }
}

fn eval(e: &Expr) -> Option<V> {
    use BinaryOp::*;
    Some(match &e.kind {
        ExprKind::Int(i) => V::I(*i),
        ExprKind::Bool(b) => V::B(*b),
        ExprKind::Unary { op, expr } => {
            let v = eval(expr)?;
            match op {
                UnaryOp::Neg => V::I(vi(v)?.checked_neg()?),
                UnaryOp::Plus => V::I(vi(v)?),
                UnaryOp::Not => V::B(!vb(v)),
                UnaryOp::BitNot => match v {
                    V::I(i) => V::I(!i),
                    V::B(_) => return None,
                },
            }
        }
        ExprKind::Cast {
            ty: CastType::Int,
            expr,
        } => V::I(vi(eval(expr)?)?),
        ExprKind::Cast {
            ty: CastType::Bool,
            expr,
        } => V::B(vb(eval(expr)?)),
        ExprKind::Silence(x) => eval(x)?,
        ExprKind::Ternary { cond, then, else_ } => {
            let c = eval(cond)?;
            if vb(c) {
                match then {
                    Some(t) => eval(t)?,
                    None => c,
                }
            } else {
                eval(else_)?
            }
        }
        ExprKind::Binary { op, left, right } => {
            let l = eval(left)?;
            match op {
                And => return Some(V::B(vb(l) && vb(eval(right)?))),
                Or => return Some(V::B(vb(l) || vb(eval(right)?))),
                Coalesce => return Some(l),
                _ => {}
            }
            let r = eval(right)?;
            let (a, b) = (vi(l)?, vi(r)?);
            let same_type = matches!((l, r), (V::I(_), V::I(_)) | (V::B(_), V::B(_)));
            match op {
                Add => V::I(a.checked_add(b)?),
                Sub => V::I(a.checked_sub(b)?),
                Mul => V::I(a.checked_mul(b)?),
                Mod => V::I(a.checked_rem(b)?),
                Pow => V::I(a.checked_pow(u32::try_from(b).ok()?)?),
                Shl if (0..64).contains(&b) => V::I(a.checked_shl(b as u32)?),
                Shr if (0..64).contains(&b) => V::I(a >> b),
                BitAnd | BitOr | BitXor if matches!((l, r), (V::I(_), V::I(_))) => V::I(match op {
                    BitAnd => a & b,
                    BitOr => a | b,
                    _ => a ^ b,
                }),
                Xor => V::B(vb(l) ^ vb(r)),
                // Mixed bool/int comparisons compare as bools in PHP.
                Eq | NotEq | Lt | Le | Gt | Ge | Spaceship if !same_type => {
                    let (a, b) = (vb(l) as i64, vb(r) as i64);
                    cmp(*op, a, b)
                }
                Eq | NotEq | Lt | Le | Gt | Ge | Spaceship => cmp(*op, a, b),
                Identical => V::B(same_type && a == b),
                NotIdentical => V::B(!(same_type && a == b)),
                _ => return None,
            }
        }
        _ => return None,
    })
}

fn cmp(op: BinaryOp, a: i64, b: i64) -> V {
    match op {
        BinaryOp::Eq => V::B(a == b),
        BinaryOp::NotEq => V::B(a != b),
        BinaryOp::Lt => V::B(a < b),
        BinaryOp::Le => V::B(a <= b),
        BinaryOp::Gt => V::B(a > b),
        BinaryOp::Ge => V::B(a >= b),
        _ => V::I((a > b) as i64 - (a < b) as i64),
    }
}

/// Debug aid: `HOPJIT_EXPRS=file` evaluates each line's expression.
#[test]
#[ignore]
fn eval_exprs() {
    let Ok(f) = std::env::var("HOPJIT_EXPRS") else {
        return;
    };
    for line in std::fs::read_to_string(f).unwrap_or_default().lines() {
        let src = format!("<?php echo {};", line);
        match parse(src.as_bytes(), "e.php") {
            Err(e) => println!("ERR {}", e.message),
            Ok(p) => match &p.stmts[0].kind {
                StmtKind::Echo(v) => match eval(&v[0]) {
                    Some(V::I(i)) => println!("{}", i),
                    Some(V::B(b)) => println!("{}", b),
                    None => println!("?"),
                },
                _ => println!("?"),
            },
        }
    }
}
