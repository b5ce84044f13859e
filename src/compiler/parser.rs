//! Parser: tokens → AST.
//!
//! A hand-written recursive-descent parser with precedence climbing for binary
//! operators. Statements live in `parser_stmt.rs`, expressions in `parser_expr.rs`,
//! class bodies in `parser_class.rs`; this file holds the token cursor, error
//! construction, and the pieces shared by functions, closures and methods
//! (parameters, types, bodies).

use super::ast;
use super::ast::{Block, Param, TypeHint};
use super::lexer::tokenize_with_warnings;
use super::token::{Tok, Token};

/// A syntax error, with PHP's message text and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The message PHP prints after "PHP Parse error: " (or "PHP Fatal error: " for
    /// the compile-time checks listed in [`ParseError::is_fatal`]).
    pub message: String,
    /// 1-based line number.
    pub line: u32,
}

impl ParseError {
    /// True when PHP reports this as "Fatal error" rather than "Parse error": a few
    /// checks PHP makes while compiling the AST (e.g. "Cannot use empty list",
    /// "'break' operator accepts only positive integers") are done by this parser.
    /// False for [`ParseError::is_unsupported`] errors.
    pub fn is_fatal(&self) -> bool {
        const PARSE: &[&str] = &[
            "syntax error",
            "Unclosed ",
            "Unmatched ",
            "Invalid ",
            "Unterminated comment",
            "The (real) cast",
        ];
        !self.is_unsupported() && !PARSE.iter().any(|p| self.message.starts_with(p))
    }

    /// True for "hopjit does not support ... yet" errors (valid PHP we reject).
    pub fn is_unsupported(&self) -> bool {
        self.message.starts_with("hopjit does not support")
    }
}

/// Parses a whole file.
pub fn parse(source: &[u8], file: &str) -> Result<ast::Program, ParseError> {
    let (toks, lex_err, mut warnings) = tokenize_with_warnings(source);
    let mut p = Parser::new(toks, lex_err, file);
    let stmts = p.top_statements()?;
    if let Some(e) = p.deferred {
        return Err(e);
    }
    // PHP scans the whole file before compiling it: scanner warnings come first.
    warnings.append(&mut p.warnings);
    Ok(ast::Program { stmts, warnings })
}

pub(super) type PResult<T> = Result<T, ParseError>;

/// Token cursor plus parsing state.
pub(super) struct Parser<'f> {
    toks: Vec<Token>,
    pos: usize,
    /// Lexical error hit after the last token; reported when the parser gets there.
    lex_err: Option<ParseError>,
    /// File name (kept for diagnostics of later features such as `__FILE__` checks).
    #[allow(dead_code)]
    pub(super) file: &'f str,
    /// Nesting depth of expression parsing; deep nesting is an error, not a stack overflow.
    pub(super) depth: u32,
    /// First compile-time ("Fatal error") check that failed. PHP only runs these
    /// after the whole file parsed, so a later syntax error must still win.
    pub(super) deferred: Option<ParseError>,
    /// Enclosing function-like bodies, innermost last (for `__FUNCTION__` etc.).
    pub(super) scopes: Vec<Scope>,
    /// Enclosing class-like declarations, innermost last.
    pub(super) classes: Vec<(String, ast::ClassKind)>,
    /// Set by `args()` when it read `(...)` (first-class callable syntax).
    pub(super) fcc: bool,
    /// Compile-time diagnostics (deprecations PHP's compiler raises), in order.
    pub(super) warnings: Vec<ast::Diag>,
}

/// A function-like body being parsed.
pub(super) enum Scope {
    /// A named function.
    Function(String),
    /// A method of the innermost class.
    Method(String),
    /// A closure or arrow function.
    Closure,
}

/// How deep expressions and statements may nest before we give up.
const MAX_DEPTH: u32 = 500;

impl<'f> Parser<'f> {
    pub(super) fn new(mut toks: Vec<Token>, lex_err: Option<ParseError>, file: &'f str) -> Self {
        if !matches!(toks.last(), Some(Token { tok: Tok::Eof, .. })) {
            let line = toks.last().map_or(1, |t| t.end_line);
            toks.push(Token {
                tok: Tok::Eof,
                line,
                end_line: line,
                text: Vec::new(),
            });
        }
        Parser {
            toks,
            pos: 0,
            lex_err,
            file,
            depth: 0,
            deferred: None,
            scopes: Vec::new(),
            classes: Vec::new(),
            fcc: false,
            warnings: Vec::new(),
        }
    }

    /// The current token (the final `Eof` once past the end).
    pub(super) fn peek(&self) -> &Token {
        self.nth(0)
    }

    /// The token `n` places ahead.
    pub(super) fn nth(&self, n: usize) -> &Token {
        let i = (self.pos + n).min(self.toks.len() - 1);
        &self.toks[i]
    }

    pub(super) fn line(&self) -> u32 {
        self.peek().line
    }

    pub(super) fn advance(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    /// Current position, to rewind to when an error should name an earlier token.
    pub(super) fn mark(&self) -> usize {
        self.pos
    }

    pub(super) fn reset(&mut self, pos: usize) {
        self.pos = pos.min(self.toks.len() - 1);
    }

    pub(super) fn is_op(&self, op: &str) -> bool {
        matches!(&self.peek().tok, Tok::Op(o) if *o == op)
    }

    pub(super) fn nth_is_op(&self, n: usize, op: &str) -> bool {
        matches!(&self.nth(n).tok, Tok::Op(o) if *o == op)
    }

    pub(super) fn eat_op(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    /// Requires `op`; the error names it as expected, as bison does when the
    /// grammar state allows only that token.
    pub(super) fn expect_op(&mut self, op: &str) -> PResult<Token> {
        if self.is_op(op) {
            Ok(self.advance())
        } else {
            Err(self.unexpected_expecting(&format!("\"{}\"", op)))
        }
    }

    /// Requires `op`; the error is a bare "unexpected X" (bison lists no expected
    /// tokens when the state allows many).
    pub(super) fn expect_op_plain(&mut self, op: &str) -> PResult<Token> {
        if self.is_op(op) {
            Ok(self.advance())
        } else {
            Err(self.unexpected())
        }
    }

    /// True when the current token is the keyword `kw` (any case).
    pub(super) fn is_kw(&self, kw: &str) -> bool {
        self.nth_is_kw(0, kw)
    }

    pub(super) fn nth_is_kw(&self, n: usize, kw: &str) -> bool {
        matches!(&self.nth(n).tok, Tok::Ident(name) if name.eq_ignore_ascii_case(kw))
    }

    pub(super) fn eat_kw(&mut self, kw: &str) -> bool {
        if self.is_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }

    pub(super) fn at_eof(&self) -> bool {
        self.peek().tok == Tok::Eof
    }

    /// "syntax error, unexpected X" for the current token, or the pending lexical
    /// error when the parser has run into it.
    pub(super) fn unexpected(&self) -> ParseError {
        self.unexpected_with(None)
    }

    pub(super) fn unexpected_expecting(&self, what: &str) -> ParseError {
        self.unexpected_with(Some(what))
    }

    fn unexpected_with(&self, expecting: Option<&str>) -> ParseError {
        let t = self.peek();
        if t.tok == Tok::Eof {
            if let Some(e) = &self.lex_err {
                return e.clone();
            }
        }
        let mut message = format!("syntax error, unexpected {}", t.describe());
        if let Some(w) = expecting {
            message.push_str(", expecting ");
            message.push_str(w);
        }
        ParseError {
            message,
            line: t.end_line,
        }
    }

    /// The lexical error waiting at the end of the tokens, if any.
    pub(super) fn pending_lex_error(&self) -> Option<ParseError> {
        self.lex_err.clone()
    }

    /// Records a compile-time error to report if the rest of the file parses.
    pub(super) fn fatal(&mut self, message: impl Into<String>, line: u32) {
        if self.deferred.is_none() {
            self.deferred = Some(ParseError {
                message: message.into(),
                line,
            });
        }
    }

    pub(super) fn error(&self, message: impl Into<String>, line: u32) -> ParseError {
        ParseError {
            message: message.into(),
            line,
        }
    }

    pub(super) fn unsupported(&self, what: &str, line: u32) -> ParseError {
        self.error(format!("hopjit does not support {} yet", what), line)
    }

    /// Guards recursion depth so hostile input cannot overflow the stack.
    pub(super) fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("hopjit does not support nesting this deep yet", self.line()));
        }
        Ok(())
    }

    pub(super) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// A variable token's name, or an error naming `expecting`.
    pub(super) fn expect_var(&mut self, expecting: Option<&str>) -> PResult<String> {
        match &self.peek().tok {
            Tok::Var(name) => {
                let name = name.clone();
                self.advance();
                Ok(name)
            }
            _ => Err(self.unexpected_with(expecting)),
        }
    }

    /// A plain identifier that is not a reserved keyword.
    pub(super) fn expect_plain_ident(&mut self, expecting: Option<&str>) -> PResult<String> {
        match &self.peek().tok {
            Tok::Ident(name) if !super::token::is_reserved(name) => {
                let name = name.clone();
                self.advance();
                Ok(name)
            }
            _ => Err(self.unexpected_with(expecting)),
        }
    }

    /// Any identifier including keywords (member and constant names).
    pub(super) fn expect_any_ident(&mut self) -> PResult<String> {
        match &self.peek().tok {
            Tok::Ident(name) => {
                let name = name.clone();
                self.advance();
                Ok(name)
            }
            _ => Err(self.unexpected()),
        }
    }

    /// A class-like name (`Foo`, `A\Foo`, `\A\Foo`), leading `\` stripped.
    pub(super) fn class_name(&mut self) -> PResult<String> {
        match &self.peek().tok {
            Tok::Ident(n) if !super::token::is_reserved(n) => {
                let n = n.clone();
                self.advance();
                Ok(n)
            }
            Tok::QualifiedName(n) | Tok::FullyQualifiedName(n) => {
                let n = n.clone();
                self.advance();
                Ok(n)
            }
            _ => Err(self.unexpected()),
        }
    }

    /// `{ statements }`.
    pub(super) fn brace_block(&mut self) -> PResult<Block> {
        self.expect_op("{")?;
        let body = self.statements_until(&["}"])?;
        self.expect_op_plain("}")?;
        Ok(body)
    }

    /// A type declaration: `?T`, `A|B`, `A&B`.
    pub(super) fn type_hint(&mut self) -> PResult<TypeHint> {
        if self.eat_op("?") {
            let t = self.single_type()?;
            return Ok(TypeHint::Nullable(Box::new(t)));
        }
        let first = self.single_type()?;
        if self.is_op("|") {
            let mut v = vec![first];
            while self.eat_op("|") {
                v.push(self.single_type()?);
            }
            return Ok(TypeHint::Union(v));
        }
        // `A & $x` is a by-ref parameter, not an intersection type.
        let type_next = |p: &Self| {
            p.is_op("&")
                && matches!(
                    p.nth(1).tok,
                    Tok::Ident(_) | Tok::QualifiedName(_) | Tok::FullyQualifiedName(_)
                )
        };
        if type_next(self) {
            let mut v = vec![first];
            while type_next(self) {
                self.advance();
                v.push(self.single_type()?);
            }
            return Ok(TypeHint::Intersection(v));
        }
        Ok(first)
    }

    fn single_type(&mut self) -> PResult<TypeHint> {
        match &self.peek().tok {
            Tok::Ident(n) => {
                let lower = n.to_ascii_lowercase();
                if super::token::is_reserved(&lower)
                    && !matches!(lower.as_str(), "array" | "callable" | "static")
                {
                    return Err(self.unexpected());
                }
                let n = n.clone();
                self.advance();
                Ok(TypeHint::Named(n))
            }
            Tok::QualifiedName(n) | Tok::FullyQualifiedName(n) => {
                let n = n.clone();
                self.advance();
                Ok(TypeHint::Named(n))
            }
            _ => Err(self.unexpected()),
        }
    }

    fn at_type_start(&self) -> bool {
        matches!(
            &self.peek().tok,
            Tok::Ident(_) | Tok::QualifiedName(_) | Tok::FullyQualifiedName(_) | Tok::Op("?")
        )
    }

    /// `(params)` of a function, closure or method.
    pub(super) fn params(&mut self) -> PResult<Vec<Param>> {
        self.expect_op("(")?;
        let mut params = Vec::new();
        while !self.is_op(")") {
            let line = self.line();
            for m in ["public", "private", "protected", "readonly"] {
                if self.is_kw(m) {
                    return Err(self.unsupported("constructor property promotion", line));
                }
            }
            if self.is_op("#[") {
                return Err(self.unsupported("attributes", line));
            }
            if let Tok::Ident(n) = &self.peek().tok {
                let l = n.to_ascii_lowercase();
                if super::token::is_reserved(&l)
                    && !matches!(l.as_str(), "array" | "callable" | "static")
                {
                    return Err(self.unexpected_expecting("variable"));
                }
            }
            let ty = if self.at_type_start() {
                Some(self.type_hint()?)
            } else {
                None
            };
            let by_ref = self.eat_op("&");
            let variadic = self.eat_op("...");
            let name = self.expect_var(Some("variable"))?;
            if name == "this" {
                self.fatal("Cannot use $this as parameter", line);
            }
            let default = if self.eat_op("=") {
                Some(self.expr()?)
            } else {
                None
            };
            params.push(Param {
                name,
                ty,
                default,
                by_ref,
                variadic,
                line,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        Ok(params)
    }

    /// Optional `: type` after a parameter list.
    pub(super) fn return_type(&mut self) -> PResult<Option<TypeHint>> {
        if self.eat_op(":") {
            Ok(Some(self.type_hint()?))
        } else {
            Ok(None)
        }
    }

    /// `function [&] name(params) [: type] { body }`, positioned at `function`.
    pub(super) fn function_decl(&mut self) -> PResult<ast::FunctionDecl> {
        let line = self.advance().line;
        let by_ref_return = self.eat_op("&");
        // PHP 8.2 still allows `readonly` as a function name.
        let name = if self.is_kw("readonly") {
            self.expect_any_ident()?
        } else {
            self.expect_plain_ident(Some("\"(\""))?
        };
        let params = self.params()?;
        let return_type = self.return_type()?;
        self.expect_op("{")?;
        self.scopes.push(Scope::Function(name.clone()));
        let body = self.statements_until(&["}"]);
        self.scopes.pop();
        let body = body?;
        let end_line = self.expect_op_plain("}")?.line;
        Ok(ast::FunctionDecl {
            name,
            params,
            by_ref_return,
            return_type,
            body,
            line,
            end_line,
        })
    }
}
