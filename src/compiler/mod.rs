//! Front end: PHP source → tokens → AST, with PHP's parse-error messages.

pub mod ast;
pub mod lexer;
mod lexer_str;
pub mod parser;
mod parser_array;
mod parser_class;
mod parser_expr;
mod parser_names;
mod parser_special;
mod parser_stmt;
pub mod token;

#[cfg(test)]
mod lexer_tests;
#[cfg(test)]
mod parser_debug_tests;
#[cfg(test)]
mod parser_error_tests;
#[cfg(test)]
mod parser_tests;
#[cfg(test)]
mod test_util;

pub use parser::{parse, ParseError};
