//! Class-like declarations.

use super::ast::*;
use super::parser::{PResult, Parser};

impl<'f> Parser<'f> {
    /// `[abstract|final|readonly] class ...`, `interface ...`, `trait ...`.
    pub(super) fn class_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.line();
        Err(self.unsupported("class declarations", line))
    }
}
