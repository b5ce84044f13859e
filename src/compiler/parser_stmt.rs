//! Statement parsing, including PHP's alternative (`endif;`) syntax.

use super::ast::*;
use super::parser::{PResult, Parser};
use super::parser_expr::{is_writable, After};
use super::token::{is_reserved, Tok};

/// Keywords that can only continue an enclosing statement; at top level PHP
/// reports them with `expecting end of file`.
const CONTINUATIONS: &[&str] = &[
    "else",
    "elseif",
    "endif",
    "endwhile",
    "endfor",
    "endforeach",
    "endswitch",
    "enddeclare",
    "case",
    "default",
    "catch",
    "finally",
];

impl<'f> Parser<'f> {
    /// All statements of the file.
    pub(super) fn top_statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut stmts = Vec::new();
        while !self.at_eof() {
            if CONTINUATIONS.iter().any(|k| self.is_kw(k)) || !self.can_start_statement() {
                return Err(self.unexpected_expecting("end of file"));
            }
            stmts.push(self.statement()?);
        }
        if let Some(e) = self.pending_lex_error() {
            return Err(e);
        }
        Ok(stmts)
    }

    /// True when the current token can begin a statement.
    fn can_start_statement(&self) -> bool {
        match &self.peek().tok {
            Tok::InlineHtml(_) | Tok::OpenTagEcho | Tok::CloseTag => true,
            Tok::Op("{" | ";") => true,
            Tok::Ident(n) => {
                const STMT: &[&str] = &[
                    "echo",
                    "if",
                    "while",
                    "do",
                    "for",
                    "foreach",
                    "switch",
                    "break",
                    "continue",
                    "return",
                    "global",
                    "static",
                    "const",
                    "function",
                    "abstract",
                    "final",
                    "class",
                    "interface",
                    "trait",
                    "readonly",
                    "try",
                    "unset",
                    "declare",
                    "goto",
                    "namespace",
                    "use",
                    "__halt_compiler",
                ];
                STMT.iter().any(|k| n.eq_ignore_ascii_case(k)) || self.can_start_expr()
            }
            _ => self.can_start_expr(),
        }
    }

    /// Statements up to (not including) one of `ends` (`"}"` or end keywords).
    pub(super) fn statements_until(&mut self, ends: &[&str]) -> PResult<Block> {
        let mut stmts = Vec::new();
        loop {
            if self.at_eof() {
                return Err(self.unexpected());
            }
            if ends.iter().any(|e| self.is_op(e) || self.is_kw(e)) {
                return Ok(stmts);
            }
            if ends != ["}"] && !self.can_start_statement() {
                let list: Vec<String> = ends.iter().map(|e| format!("\"{}\"", e)).collect();
                return Err(self.unexpected_expecting(&list.join(" or ")));
            }
            stmts.push(self.statement()?);
        }
    }

    /// The body of `if`/`while`/...: a `{}` block's contents or one statement.
    fn body(&mut self) -> PResult<Block> {
        if self.eat_op("{") {
            let b = self.statements_until(&["}"])?;
            self.expect_op_plain("}")?;
            Ok(b)
        } else {
            Ok(vec![self.statement()?])
        }
    }

    /// `;` or `?>` ends a statement.
    fn end_stmt(&mut self, expecting: Option<&str>) -> PResult<()> {
        if self.eat_op(";") || self.peek().tok == Tok::CloseTag {
            if self.peek().tok == Tok::CloseTag {
                self.advance();
            }
            return Ok(());
        }
        Err(match expecting {
            Some(w) => self.unexpected_expecting(w),
            None => self.unexpected(),
        })
    }

    /// `(expr)` after `if`, `while`, `switch`, ...
    fn paren_cond(&mut self) -> PResult<Expr> {
        self.expect_op("(")?;
        let e = self.expr()?;
        self.expect_op_plain(")")?;
        Ok(e)
    }

    pub(super) fn statement(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = self.statement_inner();
        self.leave();
        r
    }

    fn statement_inner(&mut self) -> PResult<Stmt> {
        let line = self.line();
        let kind = match &self.peek().tok {
            Tok::InlineHtml(b) => {
                let b = b.clone();
                self.advance();
                StmtKind::InlineHtml(b)
            }
            Tok::OpenTagEcho => {
                self.advance();
                self.echo_list()?
            }
            Tok::CloseTag => {
                self.advance();
                StmtKind::Nop
            }
            Tok::Op("{") => {
                self.advance();
                let b = self.statements_until(&["}"])?;
                self.expect_op_plain("}")?;
                StmtKind::Block(b)
            }
            Tok::Op(";") => {
                self.advance();
                StmtKind::Nop
            }
            Tok::Op("#[") => return Err(self.unsupported("attributes", line)),
            Tok::Ident(name) => {
                let lower = name.to_ascii_lowercase();
                match self.keyword_statement(&lower, line)? {
                    Some(k) => k,
                    None => self.expr_statement()?,
                }
            }
            _ => self.expr_statement()?,
        };
        Ok(Stmt::new(kind, line))
    }

    fn expr_statement(&mut self) -> PResult<StmtKind> {
        let e = self.expr()?;
        self.end_stmt(None)?;
        Ok(StmtKind::Expr(e))
    }

    fn echo_list(&mut self) -> PResult<StmtKind> {
        let mut v = Vec::new();
        loop {
            v.push(self.expr()?);
            if !self.eat_op(",") {
                break;
            }
        }
        self.end_stmt(Some("\",\" or \";\""))?;
        Ok(StmtKind::Echo(v))
    }

    /// Statements introduced by a keyword; `None` when the identifier starts an
    /// expression instead.
    fn keyword_statement(&mut self, kw: &str, line: u32) -> PResult<Option<StmtKind>> {
        let next_is_colon = self.nth_is_op(1, ":");
        Ok(Some(match kw {
            "echo" => {
                self.advance();
                self.echo_list()?
            }
            "if" => self.if_stmt()?,
            "while" => {
                self.advance();
                let cond = self.paren_cond()?;
                let body = if self.eat_op(":") {
                    self.alt_body("endwhile")?
                } else {
                    self.body()?
                };
                StmtKind::While { cond, body }
            }
            "do" => {
                self.advance();
                let body = self.body()?;
                if !self.eat_kw("while") {
                    return Err(self.unexpected_expecting("\"while\""));
                }
                let cond = self.paren_cond()?;
                self.end_stmt(Some("\";\""))?;
                StmtKind::DoWhile { body, cond }
            }
            "for" => self.for_stmt()?,
            "foreach" => self.foreach_stmt()?,
            "switch" => self.switch_stmt()?,
            "break" | "continue" => self.break_stmt(kw)?,
            "return" => {
                self.advance();
                if self.is_op(";") || self.peek().tok == Tok::CloseTag {
                    self.end_stmt(None)?;
                    StmtKind::Return(None)
                } else {
                    let e = self.expr()?;
                    self.end_stmt(Some("\";\""))?;
                    StmtKind::Return(Some(e))
                }
            }
            "global" => {
                self.advance();
                let mut names = Vec::new();
                loop {
                    if self.is_op("$") {
                        return Err(self.unsupported("global variable-variables", line));
                    }
                    let name = self.expect_var(None)?;
                    if name == "this" {
                        self.fatal("Cannot use $this as global variable", line);
                    }
                    names.push(name);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.end_stmt(Some("\",\" or \";\""))?;
                StmtKind::Global(names)
            }
            "static" if matches!(self.nth(1).tok, Tok::Var(_)) => {
                self.advance();
                let mut vars = Vec::new();
                loop {
                    let vline = self.line();
                    let name = self.expect_var(None)?;
                    if name == "this" {
                        self.fatal("Cannot use $this as static variable", vline);
                    }
                    let init = if self.eat_op("=") {
                        Some(self.expr()?)
                    } else {
                        None
                    };
                    vars.push(StaticVarDecl {
                        name,
                        init,
                        line: vline,
                    });
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.end_stmt(Some("\",\" or \";\""))?;
                StmtKind::StaticVar(vars)
            }
            "const" => {
                self.advance();
                let consts = self.const_list()?;
                StmtKind::Const(consts)
            }
            "function"
                if matches!(self.nth(1).tok, Tok::Ident(_))
                    || (self.nth_is_op(1, "&") && matches!(self.nth(2).tok, Tok::Ident(_))) =>
            {
                StmtKind::FunctionDecl(Box::new(self.function_decl()?))
            }
            "abstract" | "final" | "class" | "interface" | "trait" => self.class_stmt()?,
            "readonly"
                if self.nth_is_kw(1, "class")
                    || self.nth_is_kw(1, "final")
                    || self.nth_is_kw(1, "abstract") =>
            {
                self.class_stmt()?
            }
            "enum" if matches!(&self.nth(1).tok, Tok::Ident(n) if !is_reserved(n)) => {
                return Err(self.unsupported("enums", line))
            }
            "try" => self.try_stmt()?,
            "unset" => {
                self.advance();
                self.expect_op("(")?;
                let mut v = Vec::new();
                while !self.is_op(")") {
                    let e = self.expr()?;
                    if !self.is_op(",") && !self.is_op(")") {
                        return Err(self.after_variable_error(&e));
                    }
                    if matches!(
                        e.kind,
                        ExprKind::Array(_)
                            | ExprKind::Str(_)
                            | ExprKind::Interp(_)
                            | ExprKind::Const(_)
                    ) {
                        return Err(self.unexpected_expecting(super::parser_expr::VARLIST));
                    }
                    v.push(e);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.expect_op(")")?;
                self.end_stmt(Some("\";\""))?;
                StmtKind::Unset(v)
            }
            "declare" => self.declare_stmt()?,
            "goto" => return Err(self.unsupported("goto", line)),
            "namespace" => return Err(self.unsupported("namespaces", line)),
            "use" => return Err(self.unsupported("use statements", line)),
            "__halt_compiler" => return Err(self.unsupported("__halt_compiler()", line)),
            _ if next_is_colon && !is_reserved(kw) => {
                return Err(self.unsupported("goto labels", line));
            }
            _ => return Ok(None),
        }))
    }

    /// Body of an alternative-syntax loop: statements, the end keyword, `;`.
    fn alt_body(&mut self, end: &str) -> PResult<Block> {
        let b = self.statements_until(&[end])?;
        self.advance();
        self.end_stmt(Some("\";\""))?;
        Ok(b)
    }

    fn if_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let cond = self.paren_cond()?;
        let mut elseifs = Vec::new();
        let mut else_ = None;
        if self.eat_op(":") {
            let ends = ["elseif", "else", "endif"];
            let then = self.statements_until(&ends)?;
            loop {
                let line = self.line();
                if self.eat_kw("elseif") {
                    let cond = self.paren_cond()?;
                    self.expect_op(":")?;
                    let body = self.statements_until(&ends)?;
                    elseifs.push(ElseIf { cond, body, line });
                } else if self.eat_kw("else") {
                    self.expect_op(":")?;
                    else_ = Some(self.statements_until(&["endif"])?);
                    break;
                } else {
                    break;
                }
            }
            if !self.eat_kw("endif") {
                return Err(self.unexpected());
            }
            self.end_stmt(Some("\";\""))?;
            return Ok(StmtKind::If {
                cond,
                then,
                elseifs,
                else_,
            });
        }
        let then = self.body()?;
        loop {
            let line = self.line();
            if self.eat_kw("elseif") {
                let cond = self.paren_cond()?;
                let body = self.body()?;
                elseifs.push(ElseIf { cond, body, line });
            } else if self.eat_kw("else") {
                else_ = Some(self.body()?);
                break;
            } else {
                break;
            }
        }
        Ok(StmtKind::If {
            cond,
            then,
            elseifs,
            else_,
        })
    }

    fn expr_list(&mut self, end: &str) -> PResult<Vec<Expr>> {
        let mut v = Vec::new();
        if !self.is_op(end) && !self.can_start_expr() {
            return Err(self.unexpected_expecting(&format!("\"{}\"", end)));
        }
        if !self.is_op(end) {
            loop {
                v.push(self.expr()?);
                if !self.eat_op(",") {
                    break;
                }
            }
        }
        self.expect_op(end)?;
        Ok(v)
    }

    fn for_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        self.expect_op("(")?;
        let init = self.expr_list(";")?;
        let cond = self.expr_list(";")?;
        let step = self.expr_list(")")?;
        let body = if self.eat_op(":") {
            self.alt_body("endfor")?
        } else {
            self.body()?
        };
        Ok(StmtKind::For {
            init,
            cond,
            step,
            body,
        })
    }

    /// A foreach key/value target: a variable or a destructuring pattern.
    fn foreach_target(&mut self) -> PResult<Expr> {
        let start = self.mark();
        let (e, after) = self.primary_postfix()?;
        let e = match e.kind {
            ExprKind::Array(_) | ExprKind::List(_) => self.make_pattern(e)?,
            _ if after == After::Variable && is_writable(&e) => e,
            _ => {
                self.reset(start);
                return Err(self.unexpected());
            }
        };
        if !self.is_op("=>") && !self.is_op(")") {
            return Err(self.after_variable_error(&e));
        }
        Ok(e)
    }

    fn foreach_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.advance().line;
        self.expect_op("(")?;
        let subject = self.expr()?;
        if !self.eat_kw("as") {
            return Err(self.unexpected());
        }
        let first_ref = self.eat_op("&");
        let first = self.foreach_target()?;
        let (key, value, by_ref) = if self.eat_op("=>") {
            if first_ref {
                self.fatal("Key element cannot be a reference", line);
            }
            if matches!(first.kind, ExprKind::List(_)) {
                self.fatal("Cannot use list as key element", line);
            }
            let by_ref = self.eat_op("&");
            (Some(first), self.foreach_target()?, by_ref)
        } else {
            (None, first, first_ref)
        };
        self.expect_op(")")?;
        let body = if self.eat_op(":") {
            self.alt_body("endforeach")?
        } else {
            self.body()?
        };
        Ok(StmtKind::Foreach {
            subject,
            key,
            value,
            by_ref,
            body,
        })
    }

    fn switch_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let subject = self.paren_cond()?;
        let alt = if self.eat_op(":") {
            true
        } else if self.eat_op("{") {
            false
        } else {
            return Err(self.unexpected_expecting("\":\" or \"{\""));
        };
        let end = if alt { "endswitch" } else { "}" };
        // An optional leading `;` (or `?>`, which acts as one) before the first case.
        if !self.eat_op(";") && self.peek().tok == Tok::CloseTag {
            self.advance();
        }
        let mut cases = Vec::new();
        loop {
            let line = self.line();
            let cond = if self.eat_kw("case") {
                Some(self.expr()?)
            } else if self.eat_kw("default") {
                None
            } else if self.is_op(end) || self.is_kw(end) {
                break;
            } else {
                return Err(
                    self.unexpected_expecting(&format!("\"case\" or \"default\" or \"{}\"", end))
                );
            };
            if !self.eat_op(":") && !self.eat_op(";") {
                return Err(self.unexpected());
            }
            let body = self.statements_until(&["case", "default", end])?;
            cases.push(SwitchCase { cond, body, line });
        }
        self.advance();
        if alt {
            self.end_stmt(Some("\";\""))?;
        }
        Ok(StmtKind::Switch { subject, cases })
    }

    fn break_stmt(&mut self, kw: &str) -> PResult<StmtKind> {
        let line = self.advance().line;
        let n = match self.peek().tok {
            Tok::Int(v) => {
                self.advance();
                if v < 1 {
                    self.fatal(
                        format!("'{}' operator accepts only positive integers", kw),
                        line,
                    );
                }
                u32::try_from(v).unwrap_or(u32::MAX).max(1)
            }
            Tok::Op(";") | Tok::CloseTag => 1,
            _ => {
                self.expr()?;
                self.fatal(
                    format!(
                        "'{}' operator with non-integer operand is no longer supported",
                        kw
                    ),
                    line,
                );
                1
            }
        };
        self.end_stmt(Some("\";\""))?;
        Ok(if kw == "break" {
            StmtKind::Break(n)
        } else {
            StmtKind::Continue(n)
        })
    }

    /// `NAME = expr, ...;` after `const`.
    pub(super) fn const_list(&mut self) -> PResult<Vec<ConstDecl>> {
        let mut v = Vec::new();
        loop {
            let line = self.line();
            let name = self.expect_any_ident()?;
            self.expect_op("=")?;
            let value = self.expr()?;
            v.push(ConstDecl { name, value, line });
            if !self.eat_op(",") {
                break;
            }
        }
        self.end_stmt(Some("\",\" or \";\""))?;
        Ok(v)
    }

    fn try_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.advance().line;
        let body = self.brace_block()?;
        let mut catches = Vec::new();
        while self.is_kw("catch") {
            let cline = self.advance().line;
            self.expect_op("(")?;
            let mut types = Vec::new();
            loop {
                types.push(self.class_name()?);
                if !self.eat_op("|") {
                    break;
                }
            }
            let var = match &self.peek().tok {
                Tok::Var(n) => {
                    let n = n.clone();
                    self.advance();
                    Some(n)
                }
                _ => None,
            };
            self.expect_op(")")?;
            let body = self.brace_block()?;
            catches.push(Catch {
                types,
                var,
                body,
                line: cline,
            });
        }
        let finally = if self.eat_kw("finally") {
            Some(self.brace_block()?)
        } else {
            None
        };
        if catches.is_empty() && finally.is_none() {
            self.fatal("Cannot use try without catch or finally", line);
        }
        Ok(StmtKind::Try {
            body,
            catches,
            finally,
        })
    }

    fn declare_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.advance().line;
        self.expect_op("(")?;
        let mut dirs = Vec::new();
        loop {
            let name = self.expect_any_ident()?;
            self.expect_op("=")?;
            let value = self.expr()?;
            dirs.push(DeclareDirective { name, value });
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        if !self.is_op(";") && self.peek().tok != Tok::CloseTag {
            if dirs
                .iter()
                .any(|d| d.name.eq_ignore_ascii_case("strict_types"))
            {
                self.fatal("strict_types declaration must not use block mode", line);
                if self.eat_op(":") {
                    self.statements_until(&["enddeclare"])?;
                    self.advance();
                    self.end_stmt(Some("\";\""))?;
                } else {
                    self.statement()?;
                }
                return Ok(StmtKind::Declare(dirs));
            }
            return Err(self.unsupported("declare blocks", line));
        }
        self.end_stmt(None)?;
        Ok(StmtKind::Declare(dirs))
    }
}
