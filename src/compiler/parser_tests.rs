//! Parser unit tests.

use super::ast::*;
use super::parse;
use super::test_util::*;

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
    // A literal name is the plain variable, as PHP compiles it.
    assert_eq!(ex("${'a'} = ${'b'}"), "(= $a $b)");
    assert_eq!(ex("${'this'}"), "$('this')");
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

#[test]
fn first_class_callables() {
    assert_eq!(ex("strlen(...)"), "(fcc (strlen))");
    assert_eq!(ex("$o->m(...)"), "(fcc ($o->m))");
    assert_eq!(ex("A::m(...)"), "(fcc (A::m))");
    assert_eq!(ex("$f(...)"), "(fcc (call $f))");
    assert_eq!(ex("f(g(...), ...$a)"), "(f (fcc (g)) ...$a)");
    assert_eq!(
        perr("<?php new A(...);").0,
        "Cannot create Closure for new expression"
    );
    assert_eq!(
        perr("<?php $o?->m(...);").0,
        "Cannot combine nullsafe operator with Closure creation"
    );
}

fn diags(src: &str) -> Vec<(String, String, u32)> {
    parse(src.as_bytes(), "t.php").expect("parses").warnings
}

#[test]
fn compile_time_diagnostics() {
    let d = diags("<?php\necho \"${x} a\n\\400 ${'y'}\", \"\\477\\377\\40\";");
    let kinds: Vec<(&str, u32)> = d.iter().map(|(k, _, l)| (k.as_str(), *l)).collect();
    // Scanner warnings first, then the compiler's deprecations.
    assert_eq!(
        kinds,
        [
            ("Warning", 3),
            ("Warning", 3),
            ("Deprecated", 2),
            ("Deprecated", 2)
        ]
    );
    assert_eq!(
        d[0].1,
        "Octal escape sequence overflow \\400 is greater than \\377"
    );
    assert_eq!(
        d[1].1,
        "Octal escape sequence overflow \\477 is greater than \\377"
    );
    assert_eq!(
        d[2].1,
        "Using ${var} in strings is deprecated, use {$var} instead"
    );
    assert_eq!(
        d[3].1,
        "Using ${expr} (variable variables) in strings is deprecated, use {${expr}} instead"
    );
    assert!(diags("<?php echo '\\400', \"{$x}\", <<<'E'\n\\400 ${x}\nE;\n").is_empty());
}

#[test]
fn overflowing_radix_literals() {
    use super::lexer::tokenize;
    use super::token::Tok;
    let first = |s: &str| tokenize(format!("<?php {s}").as_bytes()).0[0].tok.clone();
    assert_eq!(
        first("0xFFFFFFFFFFFFFFFF"),
        Tok::Float(18446744073709551615.0)
    );
    // zend_bin_strtod rounds `value * 2 + '1'` before subtracting '0'.
    assert_eq!(
        first(&format!("0b{}", "1".repeat(64))),
        Tok::Float(1.844674407370955e19)
    );
}
