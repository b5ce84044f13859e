//! Front end: PHP source → tokens → AST, with PHP's parse-error messages.

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod token;

#[cfg(test)]
mod lexer_tests;

pub use parser::{parse, ParseError};
