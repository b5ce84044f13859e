//! Class-like declarations: `class`, `interface`, `trait` (enums are unsupported).

use super::ast::*;
use super::parser::{PResult, Parser, Scope};
use super::token::Tok;

impl<'f> Parser<'f> {
    /// `[abstract|final|readonly] class ...`, `interface ...`, `trait ...`.
    pub(super) fn class_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.line();
        let (mut is_abstract, mut is_final, mut is_readonly) = (false, false, false);
        loop {
            if self.eat_kw("abstract") {
                is_abstract = true;
            } else if self.eat_kw("final") {
                is_final = true;
            } else if self.eat_kw("readonly") {
                is_readonly = true;
            } else {
                break;
            }
        }
        let kind = if self.eat_kw("class") {
            ClassKind::Class
        } else if self.eat_kw("interface") {
            ClassKind::Interface
        } else if self.eat_kw("trait") {
            ClassKind::Trait
        } else {
            return Err(self.unexpected());
        };
        let name = self.expect_plain_ident(Some("identifier"))?;
        let mut extends = None;
        let mut implements = Vec::new();
        if self.eat_kw("extends") {
            if kind == ClassKind::Interface {
                implements = self.name_list()?;
            } else {
                extends = Some(self.class_name()?);
            }
        }
        if kind == ClassKind::Class && self.eat_kw("implements") {
            implements = self.name_list()?;
        }
        self.expect_op("{")?;
        let mut members = Vec::new();
        self.classes.push((name.clone(), kind));
        let r = self.class_members(&mut members);
        self.classes.pop();
        r?;
        let end_line = self.advance().line;
        Ok(StmtKind::ClassDecl(Box::new(ClassDecl {
            name,
            kind,
            is_abstract,
            is_final,
            is_readonly,
            extends,
            implements,
            members,
            line,
            end_line,
        })))
    }

    fn class_members(&mut self, members: &mut Vec<ClassMember>) -> PResult<()> {
        while !self.is_op("}") {
            if self.at_eof() {
                return Err(self.unexpected());
            }
            members.push(self.class_member()?);
        }
        Ok(())
    }

    fn name_list(&mut self) -> PResult<Vec<String>> {
        let mut v = Vec::new();
        loop {
            v.push(self.class_name()?);
            if !self.eat_op(",") {
                return Ok(v);
            }
        }
    }

    fn class_member(&mut self) -> PResult<ClassMember> {
        let line = self.line();
        if self.is_op("#[") {
            return Err(self.unsupported("attributes", line));
        }
        if self.eat_kw("use") {
            let names = self.name_list()?;
            if self.is_op("{") {
                return Err(self.unsupported("trait adaptations", line));
            }
            if !self.eat_op(";") {
                return Err(self.unexpected_expecting("\",\" or \";\" or \"{\""));
            }
            return Ok(ClassMember::TraitUse(names));
        }
        let mut m = Modifiers::NONE;
        let mut any = false;
        let mut seen_vis = false;
        loop {
            let vis = if self.is_kw("public") || self.is_kw("var") {
                Some(Visibility::Public)
            } else if self.is_kw("protected") {
                Some(Visibility::Protected)
            } else if self.is_kw("private") {
                Some(Visibility::Private)
            } else {
                None
            };
            if let Some(v) = vis {
                if seen_vis {
                    self.fatal("Multiple access type modifiers are not allowed", line);
                }
                seen_vis = true;
                m.visibility = v;
            } else if self.is_kw("static") {
                m.is_static = true;
            } else if self.is_kw("abstract") {
                m.is_abstract = true;
            } else if self.is_kw("final") {
                m.is_final = true;
            } else if self.is_kw("readonly") {
                m.is_readonly = true;
            } else {
                break;
            }
            self.advance();
            any = true;
        }
        if self.eat_kw("const") {
            let consts = self.const_list()?;
            return Ok(ClassMember::Const {
                modifiers: m,
                consts,
            });
        }
        if self.is_kw("function") {
            return self.method(m);
        }
        if self.is_kw("case") {
            return Err(self.unsupported("enums", line));
        }
        if !any {
            return Err(self.unexpected_expecting("\"function\" or \"const\""));
        }
        let ty = match self.peek().tok {
            Tok::Var(_) => None,
            Tok::Ident(_) | Tok::QualifiedName(_) | Tok::FullyQualifiedName(_) | Tok::Op("?") => {
                Some(self.type_hint()?)
            }
            _ => return Err(self.unexpected_expecting("variable")),
        };
        let mut props = Vec::new();
        loop {
            let pline = self.line();
            let name = self.expect_var(Some("variable"))?;
            let default = if self.eat_op("=") {
                Some(self.expr()?)
            } else {
                None
            };
            props.push(PropertyDecl {
                name,
                default,
                line: pline,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.eat_op(";") {
            return Err(self.unexpected_expecting("\",\" or \";\""));
        }
        Ok(ClassMember::Property {
            modifiers: m,
            ty,
            props,
        })
    }

    fn method(&mut self, modifiers: Modifiers) -> PResult<ClassMember> {
        let line = self.advance().line;
        let by_ref_return = self.eat_op("&");
        let name = self.expect_any_ident()?;
        let params = self.params()?;
        let return_type = self.return_type()?;
        let (body, has_body, end_line) = if self.is_op(";") {
            (Vec::new(), false, self.advance().line)
        } else if self.eat_op("{") {
            self.scopes.push(Scope::Method(name.clone()));
            let body = self.statements_until(&["}"]);
            self.scopes.pop();
            let body = body?;
            let end = self.expect_op_plain("}")?.line;
            (body, true, end)
        } else {
            return Err(self.unexpected_expecting("\";\" or \"{\""));
        };
        let func = FunctionDecl {
            name,
            params,
            by_ref_return,
            return_type,
            body,
            line,
            end_line,
        };
        Ok(ClassMember::Method(Box::new(Method {
            modifiers,
            func,
            has_body,
        })))
    }
}
