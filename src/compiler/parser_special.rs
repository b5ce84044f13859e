//! Expressions introduced by keywords: `new`, `clone`, `isset`, closures, `match`, ...

use super::ast::*;
use super::parser::{PResult, Parser, Scope};
use super::token::{is_reserved, Tok};

use super::parser_expr::After;

impl<'f> Parser<'f> {
    /// A primary starting with an identifier: keyword construct or name.
    pub(super) fn keyword_or_name(&mut self) -> PResult<(Expr, After)> {
        let line = self.line();
        let name = match &self.peek().tok {
            Tok::Ident(n) => n.clone(),
            _ => return Err(self.unexpected()),
        };
        let lower = name.to_ascii_lowercase();
        let next_is_call_or_static = self.nth_is_op(1, "(") || self.nth_is_op(1, "::");
        let lit = |k| Ok((Expr::new(k, line), After::Deref));
        match lower.as_str() {
            "true" if !next_is_call_or_static => {
                self.advance();
                return lit(ExprKind::Bool(true));
            }
            "false" if !next_is_call_or_static => {
                self.advance();
                return lit(ExprKind::Bool(false));
            }
            "null" if !next_is_call_or_static => {
                self.advance();
                return lit(ExprKind::Null);
            }
            "array" => {
                self.advance();
                if !self.is_op("(") {
                    return Err(self.unexpected_expecting("\"(\""));
                }
                self.advance();
                let items = self.array_items(")")?;
                let e = Expr::new(ExprKind::Array(items), line);
                return Ok((e, After::Variable));
            }
            "list" => {
                self.advance();
                self.expect_op("(")?;
                let items = self.array_items(")")?;
                let e = self.make_pattern(Expr::new(ExprKind::Array(items), line))?;
                return Ok((e, After::Deref));
            }
            "isset" => {
                self.advance();
                self.expect_op("(")?;
                let mut args = Vec::new();
                loop {
                    let e = self.expr()?;
                    let ok = super::parser_expr::is_writable(&e)
                        || matches!(e.kind, ExprKind::Prop { .. });
                    if !ok {
                        self.fatal(
                            "Cannot use isset() on the result of an expression (you can use \"null !== expression\" instead)",
                            e.line,
                        );
                    }
                    args.push(e);
                    if !self.eat_op(",") || self.is_op(")") {
                        break;
                    }
                }
                self.expect_op(")")?;
                return Ok((Expr::new(ExprKind::Isset(args), line), After::Done));
            }
            "empty" => {
                self.advance();
                self.expect_op("(")?;
                let e = self.expr()?;
                self.expect_op_plain(")")?;
                return Ok((Expr::new(ExprKind::Empty(Box::new(e)), line), After::Done));
            }
            "exit" | "die" => {
                self.advance();
                let mut arg = None;
                if self.eat_op("(") {
                    if !self.is_op(")") {
                        arg = Some(Box::new(self.expr()?));
                    }
                    self.expect_op(")")?;
                }
                return Ok((Expr::new(ExprKind::Exit(arg), line), After::Done));
            }
            "print" => {
                self.advance();
                let e = self.expr_bp(4)?;
                return Ok((Expr::new(ExprKind::Print(Box::new(e)), line), After::Done));
            }
            "include" | "include_once" | "require" | "require_once" => {
                self.advance();
                let kind = match lower.as_str() {
                    "include" => IncludeKind::Include,
                    "include_once" => IncludeKind::IncludeOnce,
                    "require" => IncludeKind::Require,
                    _ => IncludeKind::RequireOnce,
                };
                let e = self.expr()?;
                let e = Expr::new(
                    ExprKind::Include {
                        kind,
                        path: Box::new(e),
                    },
                    line,
                );
                return Ok((e, After::Done));
            }
            "throw" => {
                self.advance();
                let e = self.expr()?;
                return Ok((Expr::new(ExprKind::Throw(Box::new(e)), line), After::Done));
            }
            "new" => return self.new_expr(),
            "clone" => {
                self.advance();
                self.enter()?;
                let e = self.clone_operand();
                self.leave();
                let e = Expr::new(ExprKind::Clone(Box::new(e?)), line);
                return Ok((e, After::Done));
            }
            "function" => return Ok((self.closure(false, line)?, After::Deref)),
            "fn" => return Ok((self.arrow_fn(false, line)?, After::Done)),
            "static" => {
                if self.nth_is_kw(1, "function") {
                    self.advance();
                    return Ok((self.closure(true, line)?, After::Deref));
                }
                if self.nth_is_kw(1, "fn") {
                    self.advance();
                    return Ok((self.arrow_fn(true, line)?, After::Done));
                }
                if self.nth_is_op(1, "::") {
                    self.advance();
                    return self.name_primary(name, line);
                }
                self.advance();
                return Err(self.unexpected_expecting("\"::\""));
            }
            "match" => return Ok((self.match_expr()?, After::Done)),
            "yield" => return Err(self.unsupported("generators (yield)", line)),
            "eval" => return Err(self.unsupported("eval()", line)),
            "__halt_compiler" => return Err(self.unsupported("__halt_compiler()", line)),
            "__line__" => {
                self.advance();
                return lit(ExprKind::Int(i64::from(line)));
            }
            "readonly" if self.nth_is_op(1, "(") => {
                self.advance();
                return self.name_primary(name, line);
            }
            _ => {}
        }
        if let Some(k) = self.magic_const(&lower) {
            self.advance();
            return lit(k);
        }
        if is_reserved(&lower) {
            return Err(self.unexpected());
        }
        self.advance();
        self.name_primary(name, line)
    }

    /// Magic constants known at parse time become literals; `__FILE__`/`__DIR__`
    /// (and `__CLASS__` inside traits, which names the using class) stay for the
    /// emitter.
    fn magic_const(&self, lower: &str) -> Option<ExprKind> {
        let str_lit = |s: &str| Some(ExprKind::Str(s.as_bytes().to_vec()));
        let class = self.classes.last();
        let in_trait = matches!(class, Some((_, ClassKind::Trait)));
        match lower {
            "__file__" => Some(ExprKind::MagicConst(MagicConst::File)),
            "__dir__" => Some(ExprKind::MagicConst(MagicConst::Dir)),
            "__namespace__" => str_lit(""),
            "__function__" => match self.scopes.last() {
                Some(Scope::Function(n) | Scope::Method(n)) => str_lit(n),
                Some(Scope::Closure) => str_lit("{closure}"),
                None => str_lit(""),
            },
            "__method__" => match self.scopes.last() {
                Some(Scope::Method(n)) => {
                    str_lit(&format!("{}::{}", class.map_or("", |c| c.0.as_str()), n))
                }
                Some(Scope::Function(n)) => str_lit(n),
                Some(Scope::Closure) => str_lit("{closure}"),
                None => str_lit(""),
            },
            "__class__" if in_trait => Some(ExprKind::MagicConst(MagicConst::Class)),
            "__class__" => str_lit(class.map_or("", |c| c.0.as_str())),
            "__trait__" if in_trait => str_lit(class.map_or("", |c| c.0.as_str())),
            "__trait__" => str_lit(""),
            _ => None,
        }
    }

    fn clone_operand(&mut self) -> PResult<Expr> {
        Ok(self.primary_postfix()?.0)
    }

    /// `new Class(args)`, `new Class`, `new $var(...)`, `new (expr)(...)`.
    fn new_expr(&mut self) -> PResult<(Expr, After)> {
        let line = self.advance().line;
        if self.is_kw("class") {
            return Err(self.unsupported("anonymous classes", line));
        }
        let class = self.class_ref()?;
        let args = if self.is_op("(") {
            self.args()?
        } else {
            Vec::new()
        };
        if std::mem::take(&mut self.fcc) {
            self.fatal("Cannot create Closure for new expression", line);
        }
        Ok((Expr::new(ExprKind::New { class, args }, line), After::Done))
    }

    /// `function [&](params) [use (...)] [: type] { body }`, at `function`.
    fn closure(&mut self, is_static: bool, line: u32) -> PResult<Expr> {
        self.advance();
        let by_ref_return = self.eat_op("&");
        let params = self.params()?;
        let mut uses = Vec::new();
        if self.eat_kw("use") {
            self.expect_op("(")?;
            while !self.is_op(")") {
                let by_ref = self.eat_op("&");
                let uline = self.line();
                let name = self.expect_var(Some("variable"))?;
                if name == "this" {
                    self.fatal("Cannot use $this as lexical variable", uline);
                }
                uses.push(ClosureUse { name, by_ref });
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")")?;
        }
        let return_type = self.return_type()?;
        self.expect_op("{")?;
        self.scopes.push(Scope::Closure);
        let body = self.statements_until(&["}"]);
        self.scopes.pop();
        let body = body?;
        let end_line = self.expect_op_plain("}")?.line;
        let decl = ClosureDecl {
            params,
            uses,
            by_ref_return,
            return_type,
            body,
            is_static,
            line,
            end_line,
        };
        Ok(Expr::new(ExprKind::Closure(Box::new(decl)), line))
    }

    /// `fn [&](params) [: type] => expr`, at `fn`.
    fn arrow_fn(&mut self, is_static: bool, line: u32) -> PResult<Expr> {
        self.advance();
        let by_ref_return = self.eat_op("&");
        let params = self.params()?;
        let return_type = self.return_type()?;
        self.expect_op("=>")?;
        self.scopes.push(Scope::Closure);
        let body = self.expr();
        self.scopes.pop();
        let body = body?;
        let decl = ArrowFnDecl {
            params,
            by_ref_return,
            return_type,
            body,
            is_static,
            line,
        };
        Ok(Expr::new(ExprKind::ArrowFn(Box::new(decl)), line))
    }

    /// `match (subject) { a, b => x, default => y }`.
    fn match_expr(&mut self) -> PResult<Expr> {
        let line = self.advance().line;
        self.expect_op("(")?;
        let subject = self.expr()?;
        self.expect_op(")")?;
        self.expect_op("{")?;
        let mut arms = Vec::new();
        while !self.is_op("}") {
            if !self.can_start_expr() && !self.is_kw("default") {
                return Err(self.unexpected_expecting("\"}\""));
            }
            let arm_line = self.line();
            let conds =
                if self.is_kw("default") && !self.nth_is_op(1, "::") && !self.nth_is_op(1, "(") {
                    self.advance();
                    self.eat_op(",");
                    None
                } else {
                    let mut conds = Vec::new();
                    loop {
                        conds.push(self.expr()?);
                        if !self.eat_op(",") || self.is_op("=>") {
                            break;
                        }
                    }
                    Some(conds)
                };
            self.expect_op("=>")?;
            let body = self.expr()?;
            arms.push(MatchArm {
                conds,
                body,
                line: arm_line,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op("}")?;
        Ok(Expr::new(
            ExprKind::Match {
                subject: Box::new(subject),
                arms,
            },
            line,
        ))
    }
}
