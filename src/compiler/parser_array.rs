//! Array literals and destructuring patterns (`[...]`, `array()`, `list()`).

use super::ast::*;
use super::parser::{PResult, Parser};
use super::parser_expr::{is_writable, After};

/// A skipped slot (`[, $b]`) while we do not yet know whether a `[...]` literal is
/// an array or a destructuring pattern. `list()` with no elements is rejected at
/// parse time, so an empty `List` never comes from source.
fn hole(line: u32) -> ArrayItem {
    ArrayItem {
        key: None,
        value: Expr::new(ExprKind::List(Vec::new()), line),
        by_ref: false,
        spread: false,
    }
}

fn is_hole(it: &ArrayItem) -> bool {
    matches!(&it.value.kind, ExprKind::List(v) if v.is_empty())
}

impl<'f> Parser<'f> {
    /// Turns a `[...]` literal on the left of `=` into a destructuring pattern.
    pub(super) fn to_list(&self, e: Expr) -> PResult<Expr> {
        let line = e.line;
        let items = match e.kind {
            ExprKind::Array(items) => items,
            ExprKind::List(items) => return Ok(Expr::new(ExprKind::List(items), line)),
            _ => return Err(self.error("Assignments can only happen to writable values", line)),
        };
        if items.is_empty() {
            return Err(self.error("Cannot use empty list", line));
        }
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            if is_hole(&it) {
                out.push(None);
                continue;
            }
            if it.spread {
                return Err(self.error("Spread operator is not supported in assignments", line));
            }
            let value = self.list_target(it.value)?;
            out.push(Some(ArrayItem { value, ..it }));
        }
        if out.iter().all(|i| i.is_none()) {
            return Err(self.error("Cannot use empty list", line));
        }
        Ok(Expr::new(ExprKind::List(out), line))
    }

    fn list_target(&self, v: Expr) -> PResult<Expr> {
        match v.kind {
            ExprKind::Array(_) | ExprKind::List(_) => self.to_list(v),
            _ if is_writable(&v) => Ok(v),
            _ => Err(self.error("Assignments can only happen to writable values", v.line)),
        }
    }

    /// An array literal used as a value may not have skipped elements.
    pub(super) fn check_array_value(&self, e: &Expr) -> PResult<()> {
        if let ExprKind::Array(items) = &e.kind {
            for it in items {
                if is_hole(it) {
                    return Err(self.error("Cannot use empty array elements in arrays", e.line));
                }
                self.check_array_value(&it.value)?;
                if matches!(it.value.kind, ExprKind::List(_)) {
                    return Err(self.error("Cannot use list() as standalone expression", e.line));
                }
            }
        }
        Ok(())
    }

    /// Items of `[...]`, `array(...)` or `list(...)` up to `closer`; skipped slots
    /// become holes (see [`hole`]).
    pub(super) fn array_items(&mut self, closer: &str) -> PResult<Vec<ArrayItem>> {
        let mut items = Vec::new();
        loop {
            if self.is_op(closer) {
                break;
            }
            if self.is_op(",") {
                items.push(hole(self.line()));
                self.advance();
                continue;
            }
            if self.eat_op("...") {
                let value = self.expr()?;
                items.push(ArrayItem {
                    key: None,
                    value,
                    by_ref: false,
                    spread: true,
                });
            } else if self.eat_op("&") {
                let value = self.ref_operand()?;
                items.push(ArrayItem {
                    key: None,
                    value,
                    by_ref: true,
                    spread: false,
                });
            } else {
                let first = self.array_item_value()?;
                if self.eat_op("=>") {
                    let (value, by_ref) = if self.eat_op("&") {
                        (self.ref_operand()?, true)
                    } else {
                        (self.array_item_value()?, false)
                    };
                    items.push(ArrayItem {
                        key: Some(first),
                        value,
                        by_ref,
                        spread: false,
                    });
                } else {
                    items.push(ArrayItem {
                        key: None,
                        value: first,
                        by_ref: false,
                        spread: false,
                    });
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(closer)?;
        Ok(items)
    }

    /// The operand of `&` in arrays and foreach: a variable.
    pub(super) fn ref_operand(&mut self) -> PResult<Expr> {
        let (e, after) = self.primary_postfix()?;
        if after != After::Variable || !is_writable(&e) {
            return Err(self.unexpected());
        }
        Ok(e)
    }

    /// An element value; nested `[...]`/`list()` literals are left undecided when
    /// they stand alone, since the outer literal may turn out to be a pattern.
    fn array_item_value(&mut self) -> PResult<Expr> {
        if self.is_op("[") || (self.is_kw("list") && self.nth_is_op(1, "(")) {
            let (e, after) = self.primary_postfix()?;
            if self.is_op(",") || self.is_op("]") || self.is_op(")") || self.is_op("=>") {
                return Ok(e);
            }
            let e = self.maybe_assign(e, after)?;
            return self.expr_continue(e, 0);
        }
        self.expr()
    }
}
