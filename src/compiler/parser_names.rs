//! Names and member access (`->`, `::`, `new`/`instanceof` class operands),
//! call arguments, variable-variables and interpolated-string parts.

use super::ast::*;
use super::parser::{PResult, Parser};
use super::parser_expr::{After, VARLIST};
use super::token::{TemplatePart, Tok, Token};

impl<'f> Parser<'f> {
    /// Wraps a just-built call in `CallableRef` when its argument list was `(...)`.
    pub(super) fn wrap_call(&mut self, e: Expr) -> Expr {
        if !std::mem::take(&mut self.fcc) {
            return e;
        }
        if matches!(e.kind, ExprKind::MethodCall { nullsafe: true, .. }) {
            self.fatal(
                "Cannot combine nullsafe operator with Closure creation",
                e.line,
            );
        }
        let line = e.line;
        Expr::new(ExprKind::CallableRef(Box::new(e)), line)
    }

    /// `(args)`: positional, `...$spread` and `name: value` arguments.
    pub(super) fn args(&mut self) -> PResult<Vec<Arg>> {
        self.expect_op("(")?;
        let mut args = Vec::new();
        if self.is_op("...") && self.nth_is_op(1, ")") {
            self.advance();
            self.advance();
            self.fcc = true;
            return Ok(args);
        }
        let mut seen_named = false;
        while !self.is_op(")") {
            if let Tok::Ident(n) = &self.peek().tok {
                // Any keyword may name an argument (`f(array: 1)`), so PHP's
                // parser waits for the `:` before complaining.
                let l = n.to_ascii_lowercase();
                let needs_paren = matches!(
                    l.as_str(),
                    "array" | "list" | "isset" | "empty" | "eval" | "match"
                ) || (l == "static"
                    && !self.nth_is_kw(1, "function")
                    && !self.nth_is_kw(1, "fn")
                    && !self.nth_is_op(1, "::"));
                let needs_operand =
                    matches!(
                        l.as_str(),
                        "print"
                            | "throw"
                            | "include"
                            | "include_once"
                            | "require"
                            | "require_once"
                            | "clone"
                            | "new"
                            | "yield"
                    ) && matches!(self.nth(1).tok, Tok::Op(")" | "," | ";" | "]" | "=" | "=>"));
                let stuck = (needs_paren && !self.nth_is_op(1, "(")) || needs_operand;
                if (!self.can_start_expr() || stuck) && !self.nth_is_op(1, ":") {
                    self.advance();
                    return Err(self.unexpected_expecting("\":\""));
                }
            } else if !args.is_empty() && !self.can_start_expr() && !self.is_op("...") {
                return Err(self.unexpected_expecting("\")\""));
            }
            if self.eat_op("...") {
                let value = self.expr()?;
                if seen_named {
                    self.fatal(
                        "Cannot use argument unpacking after named arguments",
                        value.line,
                    );
                }
                args.push(Arg {
                    value,
                    spread: true,
                    name: None,
                });
            } else if matches!(self.peek().tok, Tok::Ident(_)) && self.nth_is_op(1, ":") {
                let name = self.expect_any_ident()?;
                self.advance();
                let value = self.expr()?;
                seen_named = true;
                args.push(Arg {
                    value,
                    spread: false,
                    name: Some(name),
                });
            } else {
                let value = self.expr()?;
                if seen_named {
                    self.fatal(
                        "Cannot use positional argument after named argument",
                        value.line,
                    );
                }
                args.push(Arg {
                    value,
                    spread: false,
                    name: None,
                });
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        Ok(args)
    }

    /// The name after `->`: identifier (keywords allowed), `$var` or `{expr}`.
    pub(super) fn member_name(&mut self) -> PResult<MemberName> {
        let line = self.line();
        match &self.peek().tok {
            Tok::Ident(n) => {
                let n = n.clone();
                self.advance();
                Ok(MemberName::Ident(n))
            }
            Tok::Var(n) => {
                let n = n.clone();
                self.advance();
                Ok(MemberName::Expr(Box::new(Expr::new(
                    ExprKind::Var(n),
                    line,
                ))))
            }
            Tok::Op("{") => {
                self.advance();
                let e = self.expr()?;
                self.expect_op_plain("}")?;
                Ok(MemberName::Expr(Box::new(e)))
            }
            _ => Err(self.unexpected_expecting("identifier or variable or \"{\" or \"$\"")),
        }
    }

    /// What follows `Class::`.
    pub(super) fn static_member(&mut self, class: ClassRef, line: u32) -> PResult<(Expr, After)> {
        match &self.peek().tok {
            Tok::Var(n) => {
                let n = n.clone();
                let vline = self.advance().line;
                if self.is_op("(") {
                    let args = self.args()?;
                    let name = MemberName::Expr(Box::new(Expr::new(ExprKind::Var(n), vline)));
                    Ok((
                        self.wrap_call(Expr::new(ExprKind::StaticCall { class, name, args }, line)),
                        After::Deref,
                    ))
                } else {
                    let name = MemberName::Ident(n);
                    Ok((
                        Expr::new(ExprKind::StaticProp { class, name }, line),
                        After::Variable,
                    ))
                }
            }
            Tok::Ident(n) => {
                let n = n.clone();
                self.advance();
                if self.is_op("(") {
                    let args = self.args()?;
                    let name = MemberName::Ident(n);
                    Ok((
                        self.wrap_call(Expr::new(ExprKind::StaticCall { class, name, args }, line)),
                        After::Deref,
                    ))
                } else {
                    let name = if n.eq_ignore_ascii_case("class") {
                        "class".to_string()
                    } else {
                        n
                    };
                    Ok((
                        Expr::new(ExprKind::ClassConst { class, name }, line),
                        After::Deref,
                    ))
                }
            }
            _ => Err(self.unexpected()),
        }
    }

    /// A class reference from a name (`self`, `parent`, `static` recognised).
    pub(super) fn class_ref_from_name(name: String) -> ClassRef {
        match name.to_ascii_lowercase().as_str() {
            "self" => ClassRef::SelfRef,
            "parent" => ClassRef::Parent,
            "static" => ClassRef::Static,
            _ => ClassRef::Named(name),
        }
    }

    /// The class operand of `new` and `instanceof`.
    pub(super) fn class_ref(&mut self) -> PResult<ClassRef> {
        match &self.peek().tok {
            Tok::Ident(n) if !super::token::is_reserved(n) || n.eq_ignore_ascii_case("static") => {
                let n = n.clone();
                self.advance();
                Ok(Self::class_ref_from_name(n))
            }
            Tok::QualifiedName(n) | Tok::FullyQualifiedName(n) => {
                let n = n.clone();
                self.advance();
                Ok(ClassRef::Named(n))
            }
            Tok::Var(_) | Tok::Op("$") => Ok(ClassRef::Expr(Box::new(self.new_variable()?))),
            Tok::Op("(") => {
                self.advance();
                let e = self.expr()?;
                self.expect_op(")")?;
                Ok(ClassRef::Expr(Box::new(e)))
            }
            _ => Err(self.unexpected()),
        }
    }

    /// A variable without calls: `$a`, `$a[..]`, `$a->b`, `$a::$b` (for `new $x(...)`).
    pub(super) fn new_variable(&mut self) -> PResult<Expr> {
        let mut e = self.simple_var()?;
        loop {
            let line = e.line;
            if self.eat_op("[") {
                let index = Some(Box::new(self.expr()?));
                self.expect_op("]")?;
                e = Expr::new(
                    ExprKind::Index {
                        base: Box::new(e),
                        index,
                    },
                    line,
                );
            } else if self.is_op("->") || self.is_op("?->") {
                let nullsafe = self.advance().tok == Tok::Op("?->");
                let name = self.member_name()?;
                e = Expr::new(
                    ExprKind::Prop {
                        obj: Box::new(e),
                        name,
                        nullsafe,
                    },
                    line,
                );
            } else if self.is_op("::") && matches!(self.nth(1).tok, Tok::Var(_)) {
                self.advance();
                let n = self.expect_var(None)?;
                let class = ClassRef::Expr(Box::new(e));
                e = Expr::new(
                    ExprKind::StaticProp {
                        class,
                        name: MemberName::Ident(n),
                    },
                    line,
                );
            } else {
                return Ok(e);
            }
        }
    }

    /// `$name`, `$$name`, `${expr}`.
    pub(super) fn simple_var(&mut self) -> PResult<Expr> {
        let line = self.line();
        match &self.peek().tok {
            Tok::Var(n) => {
                let n = n.clone();
                self.advance();
                Ok(Expr::new(ExprKind::Var(n), line))
            }
            Tok::Op("$") => {
                self.advance();
                self.enter()?;
                let inner = if self.eat_op("{") {
                    self.expr()
                        .and_then(|e| self.expect_op_plain("}").map(|_| e))
                } else if matches!(self.peek().tok, Tok::Var(_) | Tok::Op("$")) {
                    self.simple_var()
                } else {
                    Err(self.unexpected_expecting("variable or \"{\" or \"$\""))
                };
                self.leave();
                Ok(var_var(inner?, line))
            }
            _ => Err(self.unexpected()),
        }
    }

    /// Interpolated-string parts: each embedded token list is parsed on its own.
    pub(super) fn interp(&mut self, parts: Vec<TemplatePart>) -> PResult<Vec<InterpPart>> {
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            match p {
                TemplatePart::Lit(b) => out.push(InterpPart::Lit(b)),
                TemplatePart::Expr(toks, _) => out.push(InterpPart::Expr(self.sub_expr(toks)?)),
                TemplatePart::DollarBrace(mut toks, line, dep_line) => {
                    let named = match (toks.first().map(|t| &t.tok), toks.get(1).map(|t| &t.tok)) {
                        (Some(Tok::Ident(n)), None | Some(Tok::Op("["))) => Some(n.clone()),
                        _ => None,
                    };
                    let msg = if named.is_some() {
                        "Using ${var} in strings is deprecated, use {$var} instead"
                    } else {
                        "Using ${expr} (variable variables) in strings is deprecated, use {${expr}} instead"
                    };
                    self.warnings
                        .push(("Deprecated".to_string(), msg.to_string(), dep_line));
                    let e = if let Some(n) = named {
                        if let Some(first) = toks.first_mut() {
                            first.tok = Tok::Var(n);
                        }
                        self.sub_expr(toks)?
                    } else {
                        let inner = self.sub_expr(toks)?;
                        var_var(inner, line)
                    };
                    out.push(InterpPart::Expr(e));
                }
            }
        }
        Ok(out)
    }

    pub(super) fn sub_expr(&mut self, toks: Vec<Token>) -> PResult<Expr> {
        let mut sub = Parser::new(toks, None, self.file);
        sub.depth = self.depth;
        let e = sub.expr()?;
        if !sub.at_eof() {
            return Err(sub.after_variable_error(&e));
        }
        if let Some(d) = sub.deferred {
            self.fatal(d.message, d.line);
        }
        self.warnings.append(&mut sub.warnings);
        Ok(e)
    }

    /// Error for junk after a variable where PHP's grammar wants only a variable
    /// (`unset($a 1)`, `"{$a 1}"`).
    pub(super) fn after_variable_error(&self, e: &Expr) -> super::parser::ParseError {
        if matches!(e.kind, ExprKind::Var(_)) {
            self.unexpected_expecting(VARLIST)
        } else {
            self.unexpected()
        }
    }
}

/// `$$x` / `${expr}`. A literal name (`${'x'}`) is the plain variable `$x`, as
/// PHP compiles it (except `$this`, which a dynamic fetch does not reach).
fn var_var(inner: Expr, line: u32) -> Expr {
    if let ExprKind::Str(b) = &inner.kind {
        if let Ok(n) = std::str::from_utf8(b) {
            if n != "this" {
                return Expr::new(ExprKind::Var(n.to_string()), line);
            }
        }
    }
    Expr::new(ExprKind::VarVar(Box::new(inner)), line)
}
