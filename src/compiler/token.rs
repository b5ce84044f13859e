//! Tokens produced by the lexer.
//!
//! Keywords are not separate token kinds: they arrive as `Tok::Ident` and the parser
//! recognises them case-insensitively, because PHP lets most keywords appear as
//! member names after `->` and `::`.

use super::ast::CastType;
use super::parser::ParseError;

/// Which quoting produced a constant string token (affects error wording only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quote {
    /// `'...'`.
    Single,
    /// `"..."` without interpolation.
    Double,
    /// `<<<EOT` heredoc without interpolation.
    Heredoc,
    /// `<<<'EOT'` nowdoc.
    Nowdoc,
}

/// Cast token targets, including the ones PHP 8 rejects at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CastTok {
    /// A supported cast.
    Cast(CastType),
    /// `(unset)`: a fatal error in PHP 8.
    Unset,
}

/// A piece of an interpolated string, before parsing.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplatePart {
    /// Literal bytes, escapes decoded.
    Lit(Vec<u8>),
    /// Tokens of one embedded expression (`$x`, `$x[0]`, `$x->p`, `{$...}`);
    /// the parser parses them as a single expression.
    Expr(Vec<Token>, u32),
    /// Tokens between `${` and `}`: `${name}` / `${name[expr]}` name a variable,
    /// anything else is a variable-variable. The second line is the one PHP
    /// reports its 8.2 deprecation on (the start line of the part before it in
    /// the string, or its own line when it comes first).
    DollarBrace(Vec<Token>, u32, u32),
}

/// Token kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// Text outside PHP tags.
    InlineHtml(Vec<u8>),
    /// `<?=` (acts as `echo`).
    OpenTagEcho,
    /// `?>` (acts as `;`).
    CloseTag,
    /// `$name` (name without `$`).
    Var(String),
    /// A label (identifier or keyword).
    Ident(String),
    /// `A\B` namespaced name.
    QualifiedName(String),
    /// `\A\B` fully qualified name (stored without the leading `\`).
    FullyQualifiedName(String),
    /// `namespace\A` relative name (stored as written).
    RelativeName(String),
    /// Integer literal.
    Int(i64),
    /// Float literal (also integer literals that overflow).
    Float(f64),
    /// Constant string literal.
    Str(Vec<u8>, Quote),
    /// Interpolated string; `true` when it came from a heredoc.
    Template(Vec<TemplatePart>, bool),
    /// `(int)` etc.
    Cast(CastTok),
    /// Operator or punctuation, e.g. `"=="`, `"("`, `"#["`.
    Op(&'static str),
    /// An unterminated single-quoted string (the rest of the file).
    StringContent(Vec<u8>),
    /// A double-quoted string (`false`) or heredoc (`true`) with a lexical error
    /// inside (e.g. unterminated); reported as that error when parsed as an
    /// operand, and as its opening token when unexpected.
    BadString(Box<ParseError>, bool),
    /// End of input.
    Eof,
}

/// A token with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The token kind and payload.
    pub tok: Tok,
    /// Line where the token starts.
    pub line: u32,
    /// Line where the token ends (PHP reports syntax errors on this line).
    pub end_line: u32,
    /// Raw source text (used for error messages).
    pub text: Vec<u8>,
}

/// Keywords that PHP's lexer turns into dedicated tokens (lowercase). An identifier
/// with one of these spellings is reported as `token "kw"` in syntax errors.
pub const RESERVED: &[&str] = &[
    "abstract",
    "and",
    "array",
    "as",
    "break",
    "callable",
    "case",
    "catch",
    "class",
    "clone",
    "const",
    "continue",
    "declare",
    "default",
    "do",
    "echo",
    "else",
    "elseif",
    "empty",
    "enddeclare",
    "endfor",
    "endforeach",
    "endif",
    "endswitch",
    "endwhile",
    "eval",
    "exit",
    "die",
    "extends",
    "final",
    "finally",
    "fn",
    "for",
    "foreach",
    "function",
    "global",
    "goto",
    "if",
    "implements",
    "include",
    "include_once",
    "instanceof",
    "insteadof",
    "interface",
    "isset",
    "list",
    "match",
    "namespace",
    "new",
    "or",
    "print",
    "private",
    "protected",
    "public",
    "readonly",
    "require",
    "require_once",
    "return",
    "static",
    "switch",
    "throw",
    "trait",
    "try",
    "unset",
    "use",
    "var",
    "while",
    "xor",
    "yield",
    "__class__",
    "__dir__",
    "__file__",
    "__function__",
    "__line__",
    "__method__",
    "__namespace__",
    "__trait__",
    "__halt_compiler",
];

/// True when `name` (any case) is a reserved keyword.
pub fn is_reserved(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    RESERVED.contains(&lower.as_str())
}

/// Cuts token text the way PHP's error messages do: at the first newline, and to
/// 30 bytes plus `...` when longer than 33.
fn clip(text: &[u8]) -> String {
    let mut t = text;
    if let Some(nl) = t.iter().position(|&c| c == b'\n') {
        t = &t[..nl];
    }
    if t.len() > 33 {
        format!("{}...", String::from_utf8_lossy(&t[..30]))
    } else {
        String::from_utf8_lossy(t).into_owned()
    }
}

impl Token {
    /// How PHP names this token after "unexpected " in a syntax error.
    pub fn describe(&self) -> String {
        match &self.tok {
            Tok::Eof => "end of file".to_string(),
            Tok::Var(_) => format!("variable \"{}\"", clip(&self.text)),
            Tok::Ident(name) => {
                let lower = name.to_ascii_lowercase();
                if lower == "die" {
                    "token \"exit\"".to_string()
                } else if lower.starts_with("__") && is_reserved(&lower) {
                    format!("token \"{}\"", name.to_ascii_uppercase())
                } else if is_reserved(&lower) {
                    format!("token \"{}\"", lower)
                } else {
                    format!("identifier \"{}\"", clip(&self.text))
                }
            }
            Tok::QualifiedName(_) => format!("namespaced name \"{}\"", clip(&self.text)),
            Tok::FullyQualifiedName(_) => {
                format!("fully qualified name \"{}\"", clip(&self.text))
            }
            Tok::RelativeName(_) => {
                format!("namespace-relative name \"{}\"", clip(&self.text))
            }
            Tok::Int(_) => format!("integer \"{}\"", clip(&self.text)),
            Tok::Float(_) => format!("floating-point number \"{}\"", clip(&self.text)),
            Tok::Str(_, Quote::Single) => {
                format!(
                    "single-quoted string \"{}\"",
                    clip(strip_quotes(&self.text))
                )
            }
            Tok::Str(_, Quote::Double) => {
                format!(
                    "double-quoted string \"{}\"",
                    clip(strip_quotes(&self.text))
                )
            }
            Tok::Str(_, Quote::Heredoc | Quote::Nowdoc) | Tok::Template(_, true) => {
                format!("heredoc start \"{}\"", clip(&self.text))
            }
            Tok::Template(_, false) | Tok::BadString(_, false) => "double-quote mark".to_string(),
            Tok::BadString(_, true) => format!("heredoc start \"{}\"", clip(&self.text)),
            Tok::StringContent(_) => format!("string content \"{}\"", clip(&self.text)),
            Tok::Cast(CastTok::Unset) => "token \"(unset)\"".to_string(),
            Tok::Cast(CastTok::Cast(c)) => format!(
                "token \"({})\"",
                match c {
                    CastType::Int => "int",
                    CastType::Float => "double",
                    CastType::String => "string",
                    CastType::Bool => "bool",
                    CastType::Array => "array",
                    CastType::Object => "object",
                }
            ),
            Tok::Op(op) => format!("token \"{}\"", op),
            Tok::OpenTagEcho => "token \"<?=\"".to_string(),
            // PHP's grammar treats `?>` as the token ";".
            Tok::CloseTag => "token \";\"".to_string(),
            Tok::InlineHtml(_) => format!("inline html \"{}\"", clip(&self.text)),
        }
    }
}

fn strip_quotes(text: &[u8]) -> &[u8] {
    if text.len() >= 2 {
        &text[1..text.len() - 1]
    } else {
        text
    }
}
