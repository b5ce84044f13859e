//! Expression parsing: precedence climbing over PHP 8's operator table.
//!
//! Binding powers (higher binds tighter), from php.net's precedence table:
//! `or` 1, `xor` 2, `and` 3, assignment 4, `? :` 5, `??` 6, `||` 7, `&&` 8, `|` 9,
//! `^` 10, `&` 11, equality 12, comparison 13, `.` 14, shifts 15, `+ -` 16,
//! `* / %` 17, `!` 18, `instanceof` 19, unary/casts/`@` 20, `**` 21.
//!
//! Assignment is not in the binary loop: PHP's grammar only allows a *variable* on
//! the left of `=`, so `!$a = f()` means `!($a = f())`. We therefore handle `=` right
//! after parsing a variable operand, with the right side parsed at level 4.

use super::ast::*;
use super::parser::{PResult, Parser};
use super::token::{CastTok, Tok, Token};

const BP_ASSIGN: u8 = 4;
/// PHP's expectation after something that must become a variable.
pub(super) const VARLIST: &str = "\"->\" or \"?->\" or \"{\" or \"[\"";
const BP_TERNARY: u8 = 5;
const BP_COALESCE: u8 = 6;
const BP_NOT: u8 = 18;
const BP_INSTANCEOF: u8 = 19;
const BP_UNARY: u8 = 20;
const BP_POW: u8 = 21;

fn binop(tok: &Tok) -> Option<(u8, BinaryOp)> {
    use BinaryOp::*;
    Some(match tok {
        Tok::Op(op) => match *op {
            "??" => (BP_COALESCE, Coalesce),
            "||" => (7, Or),
            "&&" => (8, And),
            "|" => (9, BitOr),
            "^" => (10, BitXor),
            "&" => (11, BitAnd),
            "==" => (12, Eq),
            "!=" | "<>" => (12, NotEq),
            "===" => (12, Identical),
            "!==" => (12, NotIdentical),
            "<=>" => (12, Spaceship),
            "<" => (13, Lt),
            "<=" => (13, Le),
            ">" => (13, Gt),
            ">=" => (13, Ge),
            "." => (14, Concat),
            "<<" => (15, Shl),
            ">>" => (15, Shr),
            "+" => (16, Add),
            "-" => (16, Sub),
            "*" => (17, Mul),
            "/" => (17, Div),
            "%" => (17, Mod),
            "**" => (BP_POW, Pow),
            _ => return None,
        },
        Tok::Ident(w) if w.eq_ignore_ascii_case("or") => (1, Or),
        Tok::Ident(w) if w.eq_ignore_ascii_case("xor") => (2, Xor),
        Tok::Ident(w) if w.eq_ignore_ascii_case("and") => (3, And),
        _ => return None,
    })
}

fn compound_op(op: &str) -> Option<BinaryOp> {
    use BinaryOp::*;
    Some(match op {
        "+=" => Add,
        "-=" => Sub,
        "*=" => Mul,
        "/=" => Div,
        ".=" => Concat,
        "%=" => Mod,
        "**=" => Pow,
        "&=" => BitAnd,
        "|=" => BitOr,
        "^=" => BitXor,
        "<<=" => Shl,
        ">>=" => Shr,
        "??=" => Coalesce,
        _ => return None,
    })
}

/// Variables and other expressions that may be assigned to.
pub(super) fn is_writable(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Var(_)
            | ExprKind::VarVar(_)
            | ExprKind::Index { .. }
            | ExprKind::Prop {
                nullsafe: false,
                ..
            }
            | ExprKind::StaticProp { .. }
    )
}

/// What a primary expression allows after it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum After {
    /// Postfix `[ ] -> :: ( )` and assignment.
    Variable,
    /// Postfix, but not assignment (`(expr)`, literals, call results).
    Deref,
    /// Nothing (`new`, `clone`, `print`, ...).
    Done,
}

impl<'f> Parser<'f> {
    /// A full expression.
    pub(super) fn expr(&mut self) -> PResult<Expr> {
        self.expr_bp(0)
    }

    /// An expression whose operators all bind at least as tightly as `min`.
    pub(super) fn expr_bp(&mut self, min: u8) -> PResult<Expr> {
        self.enter()?;
        let r = self.unary().and_then(|left| self.expr_continue(left, min));
        self.leave();
        r
    }

    /// Continues the binary-operator loop with an already-parsed left operand.
    pub(super) fn expr_continue(&mut self, mut left: Expr, min: u8) -> PResult<Expr> {
        // Tracks an unparenthesized ternary on the left (`Some(is_short)`), which
        // PHP 8 rejects when nested again.
        let mut bare_ternary: Option<bool> = None;
        // PHP checks an outer ternary before compiling its operands, so the
        // outermost violation wins over errors found inside this expression.
        let fatal_before = self.deferred.is_some();
        let mut last_nonassoc: Option<u8> = None;
        loop {
            let line = left.line;
            if self.is_kw("instanceof") {
                if BP_INSTANCEOF < min {
                    break;
                }
                self.advance();
                let class = self.class_ref()?;
                left = Expr::new(
                    ExprKind::Instanceof {
                        expr: Box::new(left),
                        class,
                    },
                    line,
                );
                bare_ternary = None;
                continue;
            }
            if self.is_op("?") {
                if BP_TERNARY < min {
                    break;
                }
                self.advance();
                let then = if self.eat_op(":") {
                    None
                } else {
                    let t = self.expr()?;
                    self.expect_op_plain(":")?;
                    Some(Box::new(t))
                };
                let short = then.is_none();
                let else_ = self.expr_bp(BP_TERNARY + 1)?;
                if let Some(prev_short) = bare_ternary {
                    if !(prev_short && short) {
                        let msg = nested_ternary_message(prev_short, short);
                        if fatal_before {
                            self.fatal(msg, line);
                        } else {
                            self.deferred = Some(super::parser::ParseError {
                                message: msg.to_string(),
                                line,
                            });
                        }
                    }
                }
                left = Expr::new(
                    ExprKind::Ternary {
                        cond: Box::new(left),
                        then,
                        else_: Box::new(else_),
                    },
                    line,
                );
                bare_ternary = Some(short);
                continue;
            }
            let Some((prec, op)) = binop(&self.peek().tok) else {
                break;
            };
            if prec < min {
                break;
            }
            if (prec == 12 || prec == 13) && last_nonassoc == Some(prec) {
                return Err(self.unexpected());
            }
            self.advance();
            let right_assoc = prec == BP_POW || prec == BP_COALESCE;
            let right = self.expr_bp(if right_assoc { prec } else { prec + 1 })?;
            left = Expr::new(
                ExprKind::Binary {
                    op,
                    left: Box::new(left),
                    right: Box::new(right),
                },
                line,
            );
            last_nonassoc = if prec == 12 || prec == 13 {
                Some(prec)
            } else {
                None
            };
            bare_ternary = None;
        }
        Ok(left)
    }

    /// Prefix operators, then an operand.
    fn unary(&mut self) -> PResult<Expr> {
        let line = self.line();
        let (op, bp) = match &self.peek().tok {
            Tok::Op("!") => (Some(UnaryOp::Not), BP_NOT),
            Tok::Op("-") => (Some(UnaryOp::Neg), BP_UNARY),
            Tok::Op("+") => (Some(UnaryOp::Plus), BP_UNARY),
            Tok::Op("~") => (Some(UnaryOp::BitNot), BP_UNARY),
            Tok::Op("@") => (None, BP_UNARY),
            Tok::Cast(CastTok::Cast(ty)) => {
                let ty = *ty;
                self.advance();
                let e = self.expr_bp(BP_UNARY)?;
                return Ok(Expr::new(
                    ExprKind::Cast {
                        ty,
                        expr: Box::new(e),
                    },
                    line,
                ));
            }
            Tok::Cast(CastTok::Unset) => {
                self.fatal("The (unset) cast is no longer supported", line);
                self.advance();
                return self.expr_bp(BP_UNARY);
            }
            Tok::Op(o @ ("++" | "--")) => {
                let op = if *o == "++" {
                    IncDecOp::PreInc
                } else {
                    IncDecOp::PreDec
                };
                self.advance();
                let start = self.mark();
                let (target, after) = self.primary_postfix()?;
                if after != After::Variable || !is_writable(&target) {
                    self.reset(start);
                    return Err(self.unexpected());
                }
                return Ok(Expr::new(
                    ExprKind::IncDec {
                        op,
                        target: Box::new(target),
                    },
                    line,
                ));
            }
            _ => return self.operand(),
        };
        self.advance();
        let e = self.expr_bp(bp)?;
        let kind = match op {
            Some(op) => ExprKind::Unary {
                op,
                expr: Box::new(e),
            },
            None => ExprKind::Silence(Box::new(e)),
        };
        Ok(Expr::new(kind, line))
    }

    /// True when the current token can begin an expression (used to pick PHP's
    /// "expecting" wording in lists).
    pub(super) fn can_start_expr(&self) -> bool {
        match &self.peek().tok {
            Tok::Ident(n) => {
                let l = n.to_ascii_lowercase();
                !super::token::is_reserved(&l)
                    || l.starts_with("__")
                    || matches!(
                        l.as_str(),
                        "new"
                            | "clone"
                            | "function"
                            | "fn"
                            | "static"
                            | "isset"
                            | "empty"
                            | "exit"
                            | "die"
                            | "print"
                            | "include"
                            | "include_once"
                            | "require"
                            | "require_once"
                            | "list"
                            | "array"
                            | "match"
                            | "throw"
                            | "yield"
                            | "eval"
                    )
            }
            Tok::Op(o) => matches!(
                *o,
                "$" | "(" | "[" | "!" | "-" | "+" | "~" | "@" | "++" | "--" | "`" | "#["
            ),
            Tok::Eof
            | Tok::CloseTag
            | Tok::InlineHtml(_)
            | Tok::OpenTagEcho
            | Tok::StringContent(_) => false,
            _ => true,
        }
    }

    /// A primary with postfix operators, followed by an optional assignment.
    fn operand(&mut self) -> PResult<Expr> {
        let (e, after) = self.primary_postfix()?;
        self.maybe_assign(e, after)
    }

    pub(super) fn maybe_assign(&mut self, e: Expr, after: After) -> PResult<Expr> {
        let line = e.line;
        let op = match &self.peek().tok {
            Tok::Op(op) => *op,
            _ => "",
        };
        let is_array = matches!(e.kind, ExprKind::Array(_));
        if op == "=" {
            if is_array && after == After::Variable {
                let target = self.make_pattern(e)?;
                self.advance();
                if self.is_op("&") {
                    return Err(self.unexpected());
                }
                let value = self.expr_bp(BP_ASSIGN)?;
                return Ok(Expr::new(
                    ExprKind::Assign {
                        target: Box::new(target),
                        value: Box::new(value),
                    },
                    line,
                ));
            }
            if matches!(e.kind, ExprKind::List(_)) {
                self.advance();
                let value = self.expr_bp(BP_ASSIGN)?;
                return Ok(Expr::new(
                    ExprKind::Assign {
                        target: Box::new(e),
                        value: Box::new(value),
                    },
                    line,
                ));
            }
        }
        if matches!(e.kind, ExprKind::List(_)) {
            return Err(self.unexpected_expecting("\"=\""));
        }
        if is_array {
            self.check_array_value(&e);
        }
        if after == After::Done {
            return Ok(e);
        }
        if after == After::Deref || !is_writable(&e) {
            if op == "=" || compound_op(op).is_some() {
                let what = match e.kind {
                    ExprKind::MethodCall { .. } | ExprKind::StaticCall { .. } => "method",
                    ExprKind::Call { .. } | ExprKind::CallExpr { .. } => "function",
                    ExprKind::Prop { nullsafe: true, .. } => "nullsafe",
                    _ => return Ok(e),
                };
                if what == "nullsafe" {
                    self.fatal("Can't use nullsafe operator in write context", line);
                } else {
                    self.fatal(
                        format!("Can't use {} return value in write context", what),
                        line,
                    );
                }
            } else {
                return Ok(e);
            }
        }
        if op == "=" {
            self.advance();
            if self.eat_op("&") {
                let ok_start = match &self.peek().tok {
                    Tok::Var(_)
                    | Tok::Op("$")
                    | Tok::QualifiedName(_)
                    | Tok::FullyQualifiedName(_) => true,
                    Tok::Ident(n) => {
                        !super::token::is_reserved(n) || n.eq_ignore_ascii_case("static")
                    }
                    Tok::Str(..) | Tok::Template(..) | Tok::Op("(" | "[") => true,
                    _ => false,
                };
                if !ok_start {
                    return Err(self.unexpected());
                }
                let (value, after) = self.primary_postfix()?;
                let callish = matches!(
                    value.kind,
                    ExprKind::Call { .. }
                        | ExprKind::CallExpr { .. }
                        | ExprKind::MethodCall { .. }
                        | ExprKind::StaticCall { .. }
                );
                if !callish && (after != After::Variable || !is_writable(&value)) {
                    return Err(self.unexpected_expecting(VARLIST));
                }
                return Ok(Expr::new(
                    ExprKind::AssignRef {
                        target: Box::new(e),
                        value: Box::new(value),
                    },
                    line,
                ));
            }
            let value = self.expr_bp(BP_ASSIGN)?;
            return Ok(Expr::new(
                ExprKind::Assign {
                    target: Box::new(e),
                    value: Box::new(value),
                },
                line,
            ));
        }
        if let Some(bop) = compound_op(op) {
            self.advance();
            let value = self.expr_bp(BP_ASSIGN)?;
            return Ok(Expr::new(
                ExprKind::CompoundAssign {
                    op: bop,
                    target: Box::new(e),
                    value: Box::new(value),
                },
                line,
            ));
        }
        Ok(e)
    }

    /// A primary expression and its postfix chain.
    pub(super) fn primary_postfix(&mut self) -> PResult<(Expr, After)> {
        self.enter()?;
        let r = self.primary_postfix_inner();
        self.leave();
        r
    }

    fn primary_postfix_inner(&mut self) -> PResult<(Expr, After)> {
        let (mut e, mut after) = self.primary()?;
        if after == After::Done {
            return Ok((e, after));
        }
        loop {
            let line = e.line;
            match &self.peek().tok {
                Tok::Op("[") => {
                    self.advance();
                    if !self.is_op("]") && !self.can_start_expr() {
                        return Err(self.unexpected_expecting("\"]\""));
                    }
                    let index = if self.is_op("]") {
                        None
                    } else {
                        Some(Box::new(self.expr()?))
                    };
                    self.expect_op("]")?;
                    e = Expr::new(
                        ExprKind::Index {
                            base: Box::new(e),
                            index,
                        },
                        line,
                    );
                    after = After::Variable;
                }
                Tok::Op("{") => {
                    self.advance();
                    let index = Some(Box::new(self.expr()?));
                    self.expect_op_plain("}")?;
                    self.fatal(
                        "Array and string offset access syntax with curly braces is no longer supported",
                        line,
                    );
                    e = Expr::new(
                        ExprKind::Index {
                            base: Box::new(e),
                            index,
                        },
                        line,
                    );
                    after = After::Variable;
                }
                Tok::Op(op @ ("->" | "?->")) => {
                    let nullsafe = *op == "?->";
                    self.advance();
                    let name = self.member_name()?;
                    if self.is_op("(") {
                        let args = self.args()?;
                        e = Expr::new(
                            ExprKind::MethodCall {
                                obj: Box::new(e),
                                name,
                                args,
                                nullsafe,
                            },
                            line,
                        );
                        e = self.wrap_call(e);
                        after = After::Deref;
                    } else {
                        e = Expr::new(
                            ExprKind::Prop {
                                obj: Box::new(e),
                                name,
                                nullsafe,
                            },
                            line,
                        );
                        after = After::Variable;
                    }
                }
                Tok::Op("::") => {
                    self.advance();
                    let (s, a) = self.static_member(ClassRef::Expr(Box::new(e)), line)?;
                    e = s;
                    after = a;
                }
                Tok::Op("(") => {
                    let args = self.args()?;
                    e = Expr::new(
                        ExprKind::CallExpr {
                            callee: Box::new(e),
                            args,
                        },
                        line,
                    );
                    e = self.wrap_call(e);
                    after = After::Deref;
                }
                Tok::Op(op @ ("++" | "--")) if after == After::Variable && is_writable(&e) => {
                    let op = if *op == "++" {
                        IncDecOp::PostInc
                    } else {
                        IncDecOp::PostDec
                    };
                    self.advance();
                    let e = Expr::new(
                        ExprKind::IncDec {
                            op,
                            target: Box::new(e),
                        },
                        line,
                    );
                    return Ok((e, After::Done));
                }
                _ => return Ok((e, after)),
            }
        }
    }

    /// Primary expressions.
    fn primary(&mut self) -> PResult<(Expr, After)> {
        let line = self.line();
        let t = self.peek();
        let kind = match &t.tok {
            Tok::Var(_) | Tok::Op("$") => return Ok((self.simple_var()?, After::Variable)),
            Tok::Int(v) => {
                let k = ExprKind::Int(*v);
                self.advance();
                return Ok((Expr::new(k, line), After::Done));
            }
            Tok::Float(v) => {
                let k = ExprKind::Float(*v);
                self.advance();
                return Ok((Expr::new(k, line), After::Done));
            }
            Tok::Str(b, _) => {
                let k = ExprKind::Str(b.clone());
                self.advance();
                k
            }
            Tok::Template(..) => {
                let Token { tok, .. } = self.advance();
                let Tok::Template(parts, _) = tok else {
                    return Err(self.unexpected());
                };
                ExprKind::Interp(self.interp(parts)?)
            }
            Tok::Op("(") => {
                self.advance();
                let e = self.expr()?;
                self.expect_op_plain(")")?;
                return Ok((e, After::Deref));
            }
            Tok::Op("[") => {
                self.advance();
                let items = self.array_items("]")?;
                return Ok((Expr::new(ExprKind::Array(items), line), After::Variable));
            }
            Tok::BadString(e, _) => return Err((**e).clone()),
            Tok::Op("`") => return Err(self.unsupported("shell execution (backticks)", line)),
            Tok::Op("#[") => return Err(self.unsupported("attributes", line)),
            Tok::Ident(_) => return self.keyword_or_name(),
            Tok::QualifiedName(n) | Tok::FullyQualifiedName(n) => {
                let n = n.clone();
                self.advance();
                return self.name_primary(n, line);
            }
            Tok::RelativeName(_) => return Err(self.unsupported("namespaces", line)),
            _ => return Err(self.unexpected()),
        };
        Ok((Expr::new(kind, line), After::Deref))
    }

    /// A bare name: function call, class access or constant.
    pub(super) fn name_primary(&mut self, name: String, line: u32) -> PResult<(Expr, After)> {
        if self.is_op("(") {
            let args = self.args()?;
            let e = self.wrap_call(Expr::new(ExprKind::Call { name, args }, line));
            return Ok((e, After::Deref));
        }
        if self.eat_op("::") {
            return self.static_member(Self::class_ref_from_name(name), line);
        }
        Ok((Expr::new(ExprKind::Const(name), line), After::Deref))
    }
}

fn nested_ternary_message(prev_short: bool, short: bool) -> &'static str {
    match (prev_short, short) {
        (false, false) => "Unparenthesized `a ? b : c ? d : e` is not supported. Use either `(a ? b : c) ? d : e` or `a ? b : (c ? d : e)`",
        (true, false) => "Unparenthesized `a ?: b ? c : d` is not supported. Use either `(a ?: b) ? c : d` or `a ?: (b ? c : d)`",
        _ => "Unparenthesized `a ? b : c ?: d` is not supported. Use either `(a ? b : c) ?: d` or `a ? b : (c ?: d)`",
    }
}
