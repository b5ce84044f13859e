//! Parse-error tests: messages and lines exactly as `php -n -l` prints them.

use super::test_util::*;

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
