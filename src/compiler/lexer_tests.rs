//! Lexer unit tests.

use super::ast::CastType;
use super::lexer::tokenize;
use super::token::{CastTok, Quote, TemplatePart, Tok};

fn toks(src: &str) -> Vec<Tok> {
    let (t, e) = tokenize(src.as_bytes());
    assert!(e.is_none(), "unexpected lex error {:?}", e);
    t.into_iter().map(|t| t.tok).collect()
}

fn one(src: &str) -> Tok {
    let t = toks(&format!("<?php {}", src));
    assert_eq!(t.len(), 2, "{:?}", t);
    t[0].clone()
}

fn lex_err(src: &str) -> (String, u32) {
    let (toks, e) = tokenize(src.as_bytes());
    if let Some(e) = e {
        return (e.message, e.line);
    }
    // Errors inside double-quoted strings travel in a `BadString` token.
    for t in toks {
        if let Tok::BadString(e, _) = t.tok {
            return (e.message, e.line);
        }
    }
    panic!("expected a lex error for {:?}", src)
}

fn s(b: &str) -> Tok {
    Tok::Str(b.as_bytes().to_vec(), Quote::Double)
}

#[test]
fn integers() {
    assert_eq!(one("42"), Tok::Int(42));
    assert_eq!(one("0x1F"), Tok::Int(31));
    assert_eq!(one("0X1f"), Tok::Int(31));
    assert_eq!(one("0o17"), Tok::Int(15));
    assert_eq!(one("017"), Tok::Int(15));
    assert_eq!(one("0b101"), Tok::Int(5));
    assert_eq!(one("1_000_000"), Tok::Int(1_000_000));
    assert_eq!(one("0"), Tok::Int(0));
    assert_eq!(one("9223372036854775807"), Tok::Int(i64::MAX));
    assert_eq!(
        one("9223372036854775808"),
        Tok::Float(9223372036854775808.0)
    );
    assert_eq!(
        one("0xFFFFFFFFFFFFFFFF"),
        Tok::Float(18446744073709551615.0)
    );
    assert_eq!(lex_err("<?php 08;").0, "Invalid numeric literal");
}

#[test]
fn floats() {
    assert_eq!(one("1.5"), Tok::Float(1.5));
    assert_eq!(one(".5"), Tok::Float(0.5));
    assert_eq!(one("1e3"), Tok::Float(1000.0));
    assert_eq!(one("1E-2"), Tok::Float(0.01));
    assert_eq!(one("1_000.5"), Tok::Float(1000.5));
    assert_eq!(one("1."), Tok::Float(1.0));
    assert_eq!(one("08.5"), Tok::Float(8.5));
}

#[test]
fn underscore_rules() {
    // `1_` is the integer 1 followed by the identifier `_`, as in PHP.
    assert_eq!(toks("<?php 1_")[..2], [Tok::Int(1), Tok::Ident("_".into())]);
    assert_eq!(
        toks("<?php 1__0")[..2],
        [Tok::Int(1), Tok::Ident("__0".into())]
    );
}

#[test]
fn single_quoted() {
    assert_eq!(
        one(r"'a\'b\\c\n'"),
        Tok::Str(br"a'b\c\n".to_vec(), Quote::Single)
    );
}

#[test]
fn double_quoted_escapes() {
    assert_eq!(one(r#""\n\t\r\v\e\f\\\$\"""#), s("\n\t\r\x0b\x1b\x0c\\$\""));
    assert_eq!(
        one(r#""\101\0\400""#),
        Tok::Str(vec![b'A', 0, 0], Quote::Double)
    );
    assert_eq!(
        one(r#""\x41\x4g\xq""#),
        Tok::Str(b"A\x04g\\xq".to_vec(), Quote::Double)
    );
    assert_eq!(one(r#""\u{1F600}\u{41}""#), s("\u{1F600}A"));
    assert_eq!(one(r#""\q\u""#), s("\\q\\u"));
    assert_eq!(
        lex_err(r#"<?php "\u{zz}";"#).0,
        "Invalid UTF-8 codepoint escape sequence"
    );
    assert_eq!(
        lex_err(r#"<?php "\u{110000}";"#).0,
        "Invalid UTF-8 codepoint escape sequence: Codepoint too large"
    );
}

fn parts(t: Tok) -> Vec<TemplatePart> {
    match t {
        Tok::Template(p, _) => p,
        other => panic!("not a template: {:?}", other),
    }
}

fn expr_toks(p: &TemplatePart) -> Vec<Tok> {
    match p {
        TemplatePart::Expr(t, _) | TemplatePart::DollarBrace(t, _, _) => {
            t.iter().map(|t| t.tok.clone()).collect()
        }
        TemplatePart::Lit(_) => panic!("literal part"),
    }
}

#[test]
fn interpolation_forms() {
    let p = parts(one(r#""a $x b""#));
    assert_eq!(p.len(), 3);
    assert_eq!(p[0], TemplatePart::Lit(b"a ".to_vec()));
    assert_eq!(expr_toks(&p[1]), [Tok::Var("x".into())]);
    let p = parts(one(r#""$x[0]$x[key]$x[-1]$x[$i]$x[01]""#));
    assert_eq!(expr_toks(&p[0])[2], Tok::Int(0));
    assert_eq!(
        expr_toks(&p[1])[2],
        Tok::Str(b"key".to_vec(), Quote::Single)
    );
    assert_eq!(expr_toks(&p[2])[2], Tok::Int(-1));
    assert_eq!(expr_toks(&p[3])[2], Tok::Var("i".into()));
    assert_eq!(expr_toks(&p[4])[2], Tok::Str(b"01".to_vec(), Quote::Single));
    let p = parts(one(r#""$o->p->q""#));
    assert_eq!(expr_toks(&p[0]).len(), 3);
    assert_eq!(p[1], TemplatePart::Lit(b"->q".to_vec()));
    let p = parts(one(r#""{$a[1][2]}x${name}""#));
    assert_eq!(expr_toks(&p[0]).len(), 7);
    assert!(matches!(p[2], TemplatePart::DollarBrace(_, _, _)));
    // `$` not followed by a name and `{` not followed by `$` are literal.
    assert_eq!(one(r#""$ {x} $1""#), s("$ {x} $1"));
}

#[test]
fn heredoc_and_nowdoc() {
    let t = one("<<<EOT\n  a\n   b\n  EOT");
    assert_eq!(t, Tok::Str(b"a\n b".to_vec(), Quote::Heredoc));
    let t = one("<<<\"EOT\"\nx\\ty \\\"\nEOT");
    assert_eq!(t, Tok::Str(b"x\ty \\\"".to_vec(), Quote::Heredoc));
    let t = one("<<<'EOT'\n    a $x\\n\n    EOT");
    assert_eq!(t, Tok::Str(b"a $x\\n".to_vec(), Quote::Nowdoc));
    let t = one("<<<EOT\nEOT");
    assert_eq!(t, Tok::Str(Vec::new(), Quote::Heredoc));
    let p = parts(one("<<<EOT\n  v=$x\n  EOT"));
    assert_eq!(p[0], TemplatePart::Lit(b"v=".to_vec()));
    let (m, l) = lex_err("<?php\n $x = <<<EOT\n   a\n  b\n   EOT;");
    assert_eq!(
        m,
        "Invalid body indentation level (expecting an indentation level of at least 3)"
    );
    assert_eq!(l, 4);
    // The closing marker may be followed by more code on its line.
    let t = toks("<?php f(<<<EOT\n  a\n  EOT, 1);");
    assert_eq!(t[3], Tok::Op(","));
}

#[test]
fn comments_and_tags() {
    let t = toks("a<?php // c ?>\nb<?php # x\n/* y */ /** z */ 1 ?>c");
    assert_eq!(
        t,
        [
            Tok::InlineHtml(b"a".to_vec()),
            Tok::CloseTag,
            Tok::InlineHtml(b"b".to_vec()),
            Tok::Int(1),
            Tok::CloseTag,
            Tok::InlineHtml(b"c".to_vec()),
            Tok::Eof
        ]
    );
    assert_eq!(toks("<?= 1 ?>\n\nx")[0], Tok::OpenTagEcho);
    assert_eq!(toks("<?php ?>\n\nx")[1], Tok::InlineHtml(b"\nx".to_vec()));
    assert_eq!(toks("<?php #[A]")[0], Tok::Op("#["));
    assert_eq!(
        lex_err("<?php /* abc").0,
        "Unterminated comment starting line 1"
    );
}

#[test]
fn casts() {
    assert_eq!(one("(int)"), Tok::Cast(CastTok::Cast(CastType::Int)));
    assert_eq!(one("( INTEGER )"), Tok::Cast(CastTok::Cast(CastType::Int)));
    assert_eq!(one("(boolean)"), Tok::Cast(CastTok::Cast(CastType::Bool)));
    assert_eq!(one("(double)"), Tok::Cast(CastTok::Cast(CastType::Float)));
    assert_eq!(one("(binary)"), Tok::Cast(CastTok::Cast(CastType::String)));
    assert_eq!(one("(unset)"), Tok::Cast(CastTok::Unset));
    assert_eq!(
        lex_err("<?php (real)$x;").0,
        "The (real) cast has been removed, use (float) instead"
    );
    assert_eq!(toks("<?php (foo)")[0], Tok::Op("("));
}

#[test]
fn names_and_ops() {
    assert_eq!(one("\\foo"), Tok::FullyQualifiedName("foo".into()));
    assert_eq!(one("A\\b"), Tok::QualifiedName("A\\b".into()));
    assert_eq!(one("$x"), Tok::Var("x".into()));
    assert_eq!(toks("<?php $$x")[0], Tok::Op("$"));
    assert_eq!(toks("<?php a<=>b**=c?->d")[1], Tok::Op("<=>"));
    assert_eq!(toks("<?php a<=>b**=c?->d")[3], Tok::Op("**="));
    assert_eq!(toks("<?php a<=>b**=c?->d")[5], Tok::Op("?->"));
}

#[test]
fn token_lines() {
    let (t, _) = tokenize(b"<?php\n\"a\nb\" 3");
    assert_eq!((t[0].line, t[0].end_line), (2, 3));
    assert_eq!(t[1].line, 3);
}

#[test]
fn heredoc_indentation_errors() {
    let (m, l) = lex_err("<?php echo <<<EOT\n \ta\n \tEOT;");
    assert_eq!(
        (m.as_str(), l),
        ("Invalid indentation - tabs and spaces cannot be mixed", 2)
    );
    let (m, l) = lex_err("<?php echo <<<EOT\n\ta\n  EOT;");
    assert_eq!(
        (m.as_str(), l),
        ("Invalid indentation - tabs and spaces cannot be mixed", 2)
    );
    assert_eq!(
        one("<<<EOT\n\ta\n\t\tb\n\tEOT"),
        Tok::Str(b"a\n\tb".to_vec(), Quote::Heredoc)
    );
    assert_eq!(
        one("<<<EOT\n  x\n  EOTX\n  EOT"),
        Tok::Str(b"x\nEOTX".to_vec(), Quote::Heredoc)
    );
    assert_eq!(
        one("<<<EOT\r\na\r\nEOT"),
        Tok::Str(b"a".to_vec(), Quote::Heredoc)
    );
}

#[test]
fn escaped_brace_blocks_interpolation_start() {
    // PHP keeps `\{` and then interpolates `$x` as a simple variable.
    let p = parts(one(r#""\{$x}""#));
    assert_eq!(p[0], TemplatePart::Lit(b"\\{".to_vec()));
    assert_eq!(expr_toks(&p[1]), [Tok::Var("x".into())]);
    assert_eq!(p[2], TemplatePart::Lit(b"}".to_vec()));
}
