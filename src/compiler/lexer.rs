//! Lexer: bytes → tokens, including string escapes, heredocs and interpolation.
//!
//! Lexing is eager, but PHP lexes lazily and a syntax error earlier in the file wins
//! over a lexical error later on. So `tokenize` returns the tokens up to the first
//! lexical error plus that error; the parser reports it only when it reaches the end
//! of the token list.

use super::ast::{CastType, Diag};
use super::parser::ParseError;
use super::token::{CastTok, Tok, Token};

/// Tokenizes a whole file. The token list always ends with `Tok::Eof`.
pub fn tokenize(src: &[u8]) -> (Vec<Token>, Option<ParseError>) {
    let (toks, err, _) = tokenize_with_warnings(src);
    (toks, err)
}

/// [`tokenize`], also returning the compile-time warnings the scanner raised
/// (e.g. "Octal escape sequence overflow"), in source order.
pub fn tokenize_with_warnings(src: &[u8]) -> (Vec<Token>, Option<ParseError>, Vec<Diag>) {
    let mut lx = Lexer {
        src,
        pos: 0,
        line: 1,
        out: Vec::new(),
        depth: 0,
        warnings: Vec::new(),
    };
    let err = lx.run().err();
    lx.out.push(Token {
        tok: Tok::Eof,
        line: lx.line,
        end_line: lx.line,
        text: Vec::new(),
    });
    (lx.out, err, lx.warnings)
}

/// Operators, longest first so that the first match is the longest one.
const OPS: &[&str] = &[
    "<<=", ">>=", "**=", "...", "<=>", "===", "!==", "??=", "?->", "**", "++", "--", "->", "=>",
    "::", "==", "!=", "<>", "<=", ">=", "&&", "||", "??", "+=", "-=", "*=", "/=", ".=", "%=", "&=",
    "|=", "^=", "<<", ">>", "#[", "+", "-", "*", "/", "%", "=", "<", ">", "!", ".", ",", ";", "(",
    ")", "[", "]", "{", "}", "?", ":", "&", "|", "^", "~", "@", "$", "\\", "`",
];

pub(super) fn is_label_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

pub(super) fn is_label_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

pub(super) fn err(message: impl Into<String>, line: u32) -> ParseError {
    ParseError {
        message: message.into(),
        line,
    }
}

pub(super) struct Lexer<'a> {
    pub(super) src: &'a [u8],
    pub(super) pos: usize,
    pub(super) line: u32,
    pub(super) out: Vec<Token>,
    /// Nesting of strings inside `{$...}` inside strings; bounded to protect the stack.
    pub(super) depth: u32,
    /// Compile-time warnings raised while scanning.
    pub(super) warnings: Vec<Diag>,
}

impl<'a> Lexer<'a> {
    pub(super) fn at(&self, i: usize) -> u8 {
        self.src.get(i).copied().unwrap_or(0)
    }

    pub(super) fn cur(&self) -> u8 {
        self.at(self.pos)
    }

    pub(super) fn peek(&self, n: usize) -> u8 {
        self.at(self.pos + n)
    }

    pub(super) fn starts_with(&self, s: &[u8]) -> bool {
        self.src.get(self.pos..).is_some_and(|r| r.starts_with(s))
    }

    fn starts_with_ci(&self, s: &[u8]) -> bool {
        self.src
            .get(self.pos..self.pos + s.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(s))
    }

    pub(super) fn eof(&self) -> bool {
        self.pos >= self.src.len()
    }

    /// Advances one byte, counting lines.
    pub(super) fn bump(&mut self) {
        if self.cur() == b'\n' {
            self.line += 1;
        }
        self.pos += 1;
    }

    pub(super) fn slice(&self, from: usize) -> Vec<u8> {
        self.src.get(from..self.pos).unwrap_or(&[]).to_vec()
    }

    fn run(&mut self) -> Result<(), ParseError> {
        // PHP's lexer checks bracket nesting itself, so these errors win over
        // syntax errors at the same token.
        let mut open: Vec<(u8, u32)> = Vec::new();
        // The CLI skips a `#!` line at the very start of a script.
        if self.starts_with(b"#!") {
            while !self.eof() && self.cur() != b'\n' {
                self.pos += 1;
            }
            if !self.eof() {
                self.bump();
            }
        }
        self.lex_html();
        while !self.eof() {
            match self.lex_token()? {
                Some(t) => {
                    match t.tok {
                        Tok::Op("(") => open.push((b'(', t.line)),
                        Tok::Op("[" | "#[") => open.push((b'[', t.line)),
                        Tok::Op("{") => open.push((b'{', t.line)),
                        Tok::Op(c @ (")" | "]" | "}")) => check_close(&mut open, c, t.line)?,
                        _ => {}
                    }
                    let close = t.tok == Tok::CloseTag;
                    let mut t = t;
                    if let Tok::BadString(e, _) = &mut t.tok {
                        // At end of file PHP's lexer reports open brackets first.
                        if e.message
                            .starts_with("syntax error, unexpected end of file")
                        {
                            if let Some(&(c, oline)) = open.last() {
                                **e = unclosed(c, oline, self.line);
                            }
                        }
                    }
                    self.out.push(t);
                    if close {
                        self.lex_html();
                    }
                }
                None => break,
            }
        }
        if let Some(&(c, line)) = open.last() {
            return Err(unclosed(c, line, self.line));
        }
        Ok(())
    }

    /// Inline HTML up to the next open tag (short tags are on, as in `php -n`).
    fn lex_html(&mut self) {
        let start = self.pos;
        let line = self.line;
        while !self.eof() && !self.starts_with(b"<?") {
            self.bump();
        }
        if self.pos > start {
            let text = self.slice(start);
            self.out.push(Token {
                tok: Tok::InlineHtml(text.clone()),
                line,
                end_line: self.line,
                text,
            });
        }
        if self.eof() {
            return;
        }
        let line = self.line;
        if self.starts_with_ci(b"<?php") && matches!(self.peek(5), b' ' | b'\t' | b'\n' | b'\r' | 0)
        {
            self.pos += 5;
            if self.starts_with(b"\r\n") {
                self.pos += 2;
                self.line += 1;
            } else if !self.eof() {
                self.bump();
            }
        } else if self.starts_with(b"<?=") {
            self.pos += 3;
            self.out.push(Token {
                tok: Tok::OpenTagEcho,
                line,
                end_line: line,
                text: b"<?=".to_vec(),
            });
        } else {
            self.pos += 2;
        }
    }

    /// Skips whitespace and comments.
    fn skip_trivia(&mut self) -> Result<(), ParseError> {
        loop {
            match self.cur() {
                b' ' | b'\t' | b'\n' | b'\r' if !self.eof() => self.bump(),
                b'#' if self.peek(1) != b'[' => self.skip_line_comment(),
                b'/' if self.peek(1) == b'/' => self.skip_line_comment(),
                b'/' if self.peek(1) == b'*' => {
                    let line = self.line;
                    self.pos += 2;
                    loop {
                        if self.eof() {
                            return Err(err(
                                format!("Unterminated comment starting line {}", line),
                                line,
                            ));
                        }
                        if self.starts_with(b"*/") {
                            self.pos += 2;
                            break;
                        }
                        self.bump();
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// `//` and `#` comments end at a newline or just before `?>`.
    fn skip_line_comment(&mut self) {
        while !self.eof() && self.cur() != b'\n' && !self.starts_with(b"?>") {
            self.pos += 1;
        }
    }

    pub(super) fn token(&self, tok: Tok, start: usize, line: u32) -> Token {
        Token {
            tok,
            line,
            end_line: self.line,
            text: self.slice(start),
        }
    }

    /// Lexes one token in PHP mode; `None` at end of input.
    pub(super) fn lex_token(&mut self) -> Result<Option<Token>, ParseError> {
        self.skip_trivia()?;
        if self.eof() {
            return Ok(None);
        }
        let start = self.pos;
        let line = self.line;
        let c = self.cur();
        if c == b'$' && is_label_start(self.peek(1)) {
            self.pos += 1;
            let name = self.label();
            return Ok(Some(self.token(Tok::Var(name), start, line)));
        }
        if is_label_start(c) || (c == b'\\' && is_label_start(self.peek(1))) {
            let tok = self.name();
            return Ok(Some(self.token(tok, start, line)));
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek(1).is_ascii_digit()) {
            let tok = self.number()?;
            return Ok(Some(self.token(tok, start, line)));
        }
        match c {
            b'\'' => return self.single_quoted().map(Some),
            b'"' => return self.double_quoted().map(Some),
            b'?' if self.peek(1) == b'>' => {
                self.pos += 2;
                let t = self.token(Tok::CloseTag, start, line);
                if self.starts_with(b"\r\n") {
                    self.pos += 2;
                    self.line += 1;
                } else if self.cur() == b'\n' {
                    self.bump();
                }
                return Ok(Some(t));
            }
            b'<' if self.starts_with(b"<<<") => {
                if let Some(t) = self.heredoc()? {
                    return Ok(Some(t));
                }
            }
            b'(' => {
                if let Some(t) = self.cast()? {
                    return Ok(Some(t));
                }
            }
            _ => {}
        }
        for op in OPS {
            if self.starts_with(op.as_bytes()) {
                self.pos += op.len();
                return Ok(Some(self.token(Tok::Op(op), start, line)));
            }
        }
        Err(err(
            format!("syntax error, unexpected character 0x{:02X}", c),
            line,
        ))
    }

    pub(super) fn label(&mut self) -> String {
        let start = self.pos;
        while is_label_char(self.cur()) && !self.eof() {
            self.pos += 1;
        }
        String::from_utf8_lossy(&self.slice(start)).into_owned()
    }

    /// A label or namespaced name (`A\B`, `\A`, `namespace\A`).
    fn name(&mut self) -> Tok {
        let fully = self.cur() == b'\\';
        if fully {
            self.pos += 1;
        }
        let mut name = self.label();
        let mut qualified = false;
        while self.cur() == b'\\' && is_label_start(self.peek(1)) {
            self.pos += 1;
            name.push('\\');
            name.push_str(&self.label());
            qualified = true;
        }
        if fully {
            Tok::FullyQualifiedName(name)
        } else if qualified && name.len() > 10 && name[..10].eq_ignore_ascii_case("namespace\\") {
            Tok::RelativeName(name)
        } else if qualified {
            Tok::QualifiedName(name)
        } else {
            Tok::Ident(name)
        }
    }

    /// Digits of one radix; `_` is allowed only between two digits.
    fn digits(&mut self, ok: fn(u8) -> bool) -> String {
        let mut s = String::new();
        loop {
            let c = self.cur();
            if ok(c) && !self.eof() {
                s.push(c as char);
                self.pos += 1;
            } else if c == b'_' && ok(self.peek(1)) && !s.is_empty() {
                self.pos += 1;
            } else {
                return s;
            }
        }
    }

    fn number(&mut self) -> Result<Tok, ParseError> {
        let c1 = self.peek(1) | 0x20;
        if self.cur() == b'0' && c1 == b'x' && self.peek(2).is_ascii_hexdigit() {
            self.pos += 2;
            return Ok(int_radix(&self.digits(|c| c.is_ascii_hexdigit()), 16));
        }
        if self.cur() == b'0' && c1 == b'b' && matches!(self.peek(2), b'0' | b'1') {
            self.pos += 2;
            return Ok(int_radix(&self.digits(|c| c == b'0' || c == b'1'), 2));
        }
        if self.cur() == b'0' && c1 == b'o' && matches!(self.peek(2), b'0'..=b'7') {
            self.pos += 2;
            return Ok(int_radix(&self.digits(|c| matches!(c, b'0'..=b'7')), 8));
        }
        let line = self.line;
        let int_part = self.digits(|c| c.is_ascii_digit());
        let mut text = int_part.clone();
        let mut is_float = false;
        if self.cur() == b'.' && (self.peek(1).is_ascii_digit() || !int_part.is_empty()) {
            self.pos += 1;
            text.push('.');
            text.push_str(&self.digits(|c| c.is_ascii_digit()));
            is_float = true;
        }
        if self.cur() | 0x20 == b'e' {
            let sign = matches!(self.peek(1), b'+' | b'-');
            let d = if sign { self.peek(2) } else { self.peek(1) };
            if d.is_ascii_digit() {
                text.push('e');
                if sign {
                    text.push(self.peek(1) as char);
                    self.pos += 1;
                }
                self.pos += 1;
                text.push_str(&self.digits(|c| c.is_ascii_digit()));
                is_float = true;
            }
        }
        if is_float {
            let t = if text.starts_with('.') {
                format!("0{}", text)
            } else {
                text
            };
            return Ok(Tok::Float(t.parse::<f64>().unwrap_or(0.0)));
        }
        if int_part.len() > 1 && int_part.starts_with('0') {
            if int_part.bytes().any(|c| c == b'8' || c == b'9') {
                return Err(err("Invalid numeric literal", line));
            }
            return Ok(int_radix(&int_part, 8));
        }
        Ok(match int_part.parse::<i64>() {
            Ok(v) => Tok::Int(v),
            Err(_) => Tok::Float(int_part.parse::<f64>().unwrap_or(f64::INFINITY)),
        })
    }

    fn cast(&mut self) -> Result<Option<Token>, ParseError> {
        let start = self.pos;
        let line = self.line;
        let mut i = self.pos + 1;
        while matches!(self.at(i), b' ' | b'\t') {
            i += 1;
        }
        let ws = i;
        while self.at(i).is_ascii_alphabetic() {
            i += 1;
        }
        let word = self.src.get(ws..i).unwrap_or(&[]).to_ascii_lowercase();
        while matches!(self.at(i), b' ' | b'\t') {
            i += 1;
        }
        if self.at(i) != b')' {
            return Ok(None);
        }
        let kind = match &word[..] {
            b"int" | b"integer" => CastTok::Cast(CastType::Int),
            b"bool" | b"boolean" => CastTok::Cast(CastType::Bool),
            b"float" | b"double" => CastTok::Cast(CastType::Float),
            b"string" | b"binary" => CastTok::Cast(CastType::String),
            b"array" => CastTok::Cast(CastType::Array),
            b"object" => CastTok::Cast(CastType::Object),
            b"unset" => CastTok::Unset,
            b"real" => {
                return Err(err(
                    "The (real) cast has been removed, use (float) instead",
                    line,
                ))
            }
            _ => return Ok(None),
        };
        self.pos = i + 1;
        Ok(Some(self.token(Tok::Cast(kind), start, line)))
    }
}

fn unclosed(c: u8, open_line: u32, eof_line: u32) -> ParseError {
    let at = if open_line == eof_line {
        String::new()
    } else {
        format!(" on line {}", open_line)
    };
    err(format!("Unclosed '{}'{}", c as char, at), eof_line)
}

fn check_close(open: &mut Vec<(u8, u32)>, close: &str, line: u32) -> Result<(), ParseError> {
    let want = match close {
        ")" => b'(',
        "]" => b'[',
        _ => b'{',
    };
    match open.pop() {
        None => Err(err(format!("Unmatched '{}'", close), line)),
        Some((c, _)) if c == want => Ok(()),
        Some((c, oline)) => {
            let at = if oline == line {
                String::new()
            } else {
                format!(" on line {}", oline)
            };
            Err(err(
                format!("Unclosed '{}'{} does not match '{}'", c as char, at, close),
                line,
            ))
        }
    }
}

/// An integer literal in a radix; values past i64 become floats, as in PHP.
fn int_radix(digits: &str, radix: u32) -> Tok {
    match i64::from_str_radix(digits, radix) {
        Ok(v) => Tok::Int(v),
        Err(_) => {
            // zend_hex_strtod adds the digit value; zend_oct_strtod and
            // zend_bin_strtod compute `value * radix + c - '0'` in double
            // arithmetic left to right (the character code is added before
            // '0' is subtracted, which rounds differently).
            let mut f = 0.0f64;
            for c in digits.bytes() {
                if radix == 16 {
                    let d = char::from(c).to_digit(16).unwrap_or(0);
                    f = f * 16.0 + f64::from(d);
                } else {
                    f = f * f64::from(radix) + f64::from(c) - f64::from(b'0');
                }
            }
            Tok::Float(f)
        }
    }
}
