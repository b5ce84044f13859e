//! String literals for the lexer: quoted strings, heredoc/nowdoc, escapes and
//! interpolation.

use super::lexer::{err, is_label_char, is_label_start, Lexer};
use super::parser::ParseError;
use super::token::{Quote, TemplatePart, Tok, Token};

/// How a string body ends and which escapes apply.
#[derive(Clone, Copy)]
enum StrMode {
    Double,
    Heredoc {
        end: usize,
        indent: usize,
        tab: bool,
    },
}

impl<'a> Lexer<'a> {
    pub(super) fn single_quoted(&mut self) -> Result<Token, ParseError> {
        let start = self.pos;
        let line = self.line;
        self.pos += 1;
        let mut val = Vec::new();
        loop {
            if self.eof() {
                // PHP lexes the rest of the file as "string content", which no
                // grammar rule accepts; the parser reports it in context.
                let rest = self.src.get(start + 1..).unwrap_or(&[]).to_vec();
                return Ok(Token {
                    tok: Tok::StringContent(rest.clone()),
                    line,
                    end_line: line,
                    text: rest,
                });
            }
            match self.cur() {
                b'\'' => {
                    self.pos += 1;
                    break;
                }
                b'\\' if matches!(self.peek(1), b'\\' | b'\'') => {
                    val.push(self.peek(1));
                    self.pos += 2;
                }
                c => {
                    val.push(c);
                    self.bump();
                }
            }
        }
        Ok(self.token(Tok::Str(val, Quote::Single), start, line))
    }

    pub(super) fn double_quoted(&mut self) -> Result<Token, ParseError> {
        let start = self.pos;
        let line = self.line;
        self.pos += 1;
        match self.string_body(StrMode::Double) {
            Ok(parts) => Ok(self.template_token(parts, start, line, Quote::Double)),
            Err(e) => {
                // PHP first hands the parser the opening `"`; the error inside the
                // string only matters if a string is acceptable at this point.
                self.pos = self.src.len();
                Ok(Token {
                    tok: Tok::BadString(Box::new(e), false),
                    line,
                    end_line: line,
                    text: b"\"".to_vec(),
                })
            }
        }
    }

    fn template_token(
        &self,
        parts: Vec<TemplatePart>,
        start: usize,
        line: u32,
        quote: Quote,
    ) -> Token {
        let heredoc = quote != Quote::Double;
        let tok = if parts.iter().all(|p| matches!(p, TemplatePart::Lit(_))) {
            let mut all = Vec::new();
            for p in parts {
                if let TemplatePart::Lit(b) = p {
                    all.extend(b);
                }
            }
            Tok::Str(all, quote)
        } else {
            Tok::Template(parts, heredoc)
        };
        let interpolated = matches!(tok, Tok::Template(..));
        let mut t = self.token(tok, start, line);
        if interpolated && !heredoc {
            // PHP hands the parser a lone `"` first, so errors name its line.
            t.end_line = line;
        }
        if heredoc {
            // PHP names a heredoc by its start token (`<<<"EOT` plus the newline),
            // which ends on the next line.
            let end = t.text.iter().position(|&c| c == b'\n' || c == b'\r');
            t.text.truncate(end.unwrap_or(t.text.len()));
            if matches!(t.text.last(), Some(b'"' | b'\'')) {
                t.text.pop();
            }
            t.end_line = line + 1;
        }
        t
    }

    /// `<<<ID`, `<<<"ID"`, `<<<'ID'`; `None` when this is not a heredoc start.
    pub(super) fn heredoc(&mut self) -> Result<Option<Token>, ParseError> {
        let start = self.pos;
        let line = self.line;
        let mut i = self.pos + 3;
        while matches!(self.at(i), b' ' | b'\t') {
            i += 1;
        }
        let quote = self.at(i);
        let nowdoc = quote == b'\'';
        if quote == b'\'' || quote == b'"' {
            i += 1;
        }
        let lstart = i;
        if !is_label_start(self.at(i)) {
            return Ok(None);
        }
        while is_label_char(self.at(i)) && i < self.src.len() {
            i += 1;
        }
        let label = self.src.get(lstart..i).unwrap_or(&[]).to_vec();
        if quote == b'\'' || quote == b'"' {
            if self.at(i) != quote {
                return Ok(None);
            }
            i += 1;
        }
        match (self.at(i), self.at(i + 1)) {
            (b'\r', b'\n') => i += 2,
            (b'\n', _) | (b'\r', _) => i += 1,
            _ => return Ok(None),
        }
        self.pos = i;
        self.line += 1;
        let body_start = i;
        // Find the closing marker: a line whose first non-blank text is the label.
        let mut ls = body_start;
        let (close_line_start, indent, close_end) = loop {
            if ls >= self.src.len() {
                let body = self.src.get(body_start..).unwrap_or(&[]);
                let interpolates = body.windows(2).any(|w| {
                    (w[0] == b'$' && (is_label_start(w[1]) || w[1] == b'{')) || w == b"{$"
                });
                self.pos = self.src.len();
                self.line += count_lines(body);
                let msg = if nowdoc || !interpolates {
                    "syntax error, unexpected end of file, expecting variable or heredoc end or \"${\" or \"{$\""
                } else {
                    "syntax error, unexpected end of file"
                };
                let mut text = self.src.get(start..body_start).unwrap_or(&[]).to_vec();
                while matches!(text.last(), Some(b'\n' | b'\r' | b'"' | b'\'')) {
                    text.pop();
                }
                return Ok(Some(Token {
                    tok: Tok::BadString(Box::new(err(msg, self.line)), true),
                    line,
                    end_line: line + 1,
                    text,
                }));
            }
            let mut j = ls;
            while matches!(self.at(j), b' ' | b'\t') {
                j += 1;
            }
            if self.src.get(j..).is_some_and(|r| r.starts_with(&label))
                && !is_label_char(self.at(j + label.len()))
            {
                break (ls, j - ls, j + label.len());
            }
            while j < self.src.len() && self.at(j) != b'\n' {
                j += 1;
            }
            ls = j + 1;
        };
        let ind = self
            .src
            .get(close_line_start..close_line_start + indent)
            .unwrap_or(&[]);
        if ind.contains(&b' ') && ind.contains(&b'\t') {
            return Err(err(
                "Invalid indentation - tabs and spaces cannot be mixed",
                self.line,
            ));
        }
        let tab = ind.first() == Some(&b'\t');
        // The newline before the closing marker is not part of the string.
        let mut body_end = close_line_start;
        if body_end > body_start {
            body_end -= 1;
            if body_end > body_start && self.at(body_end - 1) == b'\r' {
                body_end -= 1;
            }
        }
        let parts = if nowdoc {
            let mut v = Vec::new();
            let mut at_line_start = true;
            while self.pos < body_end {
                if at_line_start {
                    self.dedent(indent, tab)?;
                    at_line_start = false;
                    continue;
                }
                let c = self.cur();
                v.push(c);
                self.bump();
                at_line_start = c == b'\n';
            }
            vec![TemplatePart::Lit(v)]
        } else {
            self.string_body(StrMode::Heredoc {
                end: body_end,
                indent,
                tab,
            })?
        };
        // Move past the closing marker, counting the skipped lines.
        while self.pos < close_end {
            self.bump();
        }
        let q = if nowdoc {
            Quote::Nowdoc
        } else {
            Quote::Heredoc
        };
        Ok(Some(self.template_token(parts, start, line, q)))
    }

    /// Removes a heredoc line's indentation (at most `indent` blanks).
    fn dedent(&mut self, indent: usize, tab: bool) -> Result<(), ParseError> {
        let mut n = 0;
        while n < indent && matches!(self.cur(), b' ' | b'\t') {
            if (self.cur() == b'\t') != tab {
                return Err(err(
                    "Invalid indentation - tabs and spaces cannot be mixed",
                    self.line,
                ));
            }
            self.pos += 1;
            n += 1;
        }
        if n < indent && !matches!(self.cur(), b'\n' | b'\r') && !self.eof() {
            return Err(err(
                format!(
                    "Invalid body indentation level (expecting an indentation level of at least {})",
                    indent
                ),
                self.line,
            ));
        }
        Ok(())
    }

    /// Scans a double-quoted or heredoc body into literal and expression parts.
    fn string_body(&mut self, mode: StrMode) -> Result<Vec<TemplatePart>, ParseError> {
        if self.depth >= 64 {
            return Err(err(
                "hopjit does not support nesting this deep yet",
                self.line,
            ));
        }
        self.depth += 1;
        let r = self.string_body_inner(mode);
        self.depth -= 1;
        r
    }

    fn string_body_inner(&mut self, mode: StrMode) -> Result<Vec<TemplatePart>, ParseError> {
        let mut parts = Vec::new();
        let mut lit = Vec::new();
        let mut at_line_start = true;
        // Start line of the literal being collected, and of the last part pushed.
        let mut lit_start = self.line;
        let mut prev_line: Option<u32> = None;
        loop {
            if lit.is_empty() {
                lit_start = self.line;
            }
            if let StrMode::Heredoc { end, indent, tab } = mode {
                if self.pos >= end {
                    break;
                }
                if at_line_start {
                    at_line_start = false;
                    self.dedent(indent, tab)?;
                    continue;
                }
            }
            if self.eof() {
                // After an embedded expression PHP's parser state lists no
                // expected tokens.
                let msg = if parts.iter().any(|p| !matches!(p, TemplatePart::Lit(_))) {
                    "syntax error, unexpected end of file"
                } else {
                    "syntax error, unexpected end of file, expecting variable or \"${\" or \"{$\""
                };
                return Err(err(msg, self.line));
            }
            let c = self.cur();
            match c {
                b'"' if matches!(mode, StrMode::Double) => {
                    self.pos += 1;
                    break;
                }
                b'\\' => self.escape(&mut lit, mode)?,
                b'$' if is_label_start(self.peek(1)) => {
                    flush(&mut parts, &mut lit);
                    let line = self.line;
                    prev_line = Some(line);
                    let toks = self.simple_interp()?;
                    parts.push(TemplatePart::Expr(toks, line));
                }
                b'$' if self.peek(1) == b'{' => {
                    if !lit.is_empty() {
                        prev_line = Some(lit_start);
                    }
                    flush(&mut parts, &mut lit);
                    let line = self.line;
                    self.pos += 2;
                    let toks = self.tokens_until_brace(line)?;
                    let own = toks.first().map_or(line, |t| t.line);
                    parts.push(TemplatePart::DollarBrace(
                        toks,
                        line,
                        prev_line.unwrap_or(own),
                    ));
                    prev_line = Some(own);
                }
                b'{' if self.peek(1) == b'$' => {
                    flush(&mut parts, &mut lit);
                    let line = self.line;
                    prev_line = Some(line);
                    self.pos += 1;
                    let toks = self.tokens_until_brace(line)?;
                    parts.push(TemplatePart::Expr(toks, line));
                }
                _ => {
                    lit.push(c);
                    self.bump();
                    at_line_start = c == b'\n';
                }
            }
        }
        flush(&mut parts, &mut lit);
        Ok(parts)
    }

    /// Decodes one backslash escape in a double-quoted/heredoc string.
    fn escape(&mut self, lit: &mut Vec<u8>, mode: StrMode) -> Result<(), ParseError> {
        let n = self.peek(1);
        let simple = match n {
            b'n' => Some(b'\n'),
            b't' => Some(b'\t'),
            b'r' => Some(b'\r'),
            b'v' => Some(0x0b),
            b'e' => Some(0x1b),
            b'f' => Some(0x0c),
            b'\\' => Some(b'\\'),
            b'$' => Some(b'$'),
            b'"' if matches!(mode, StrMode::Double) => Some(b'"'),
            _ => None,
        };
        if let Some(b) = simple {
            lit.push(b);
            self.pos += 2;
            return Ok(());
        }
        match n {
            b'0'..=b'7' => {
                self.pos += 1;
                let mut v: u32 = 0;
                let mut k = 0;
                let start = self.pos;
                while k < 3 && matches!(self.cur(), b'0'..=b'7') {
                    v = v * 8 + u32::from(self.cur() - b'0');
                    self.pos += 1;
                    k += 1;
                }
                if k == 3 && v > 0o377 {
                    let digits = String::from_utf8_lossy(&self.src[start..self.pos]).into_owned();
                    self.warnings.push((
                        "Warning".to_string(),
                        format!("Octal escape sequence overflow \\{digits} is greater than \\377"),
                        self.line,
                    ));
                }
                lit.push((v & 0xff) as u8);
            }
            b'x' if self.peek(2).is_ascii_hexdigit() => {
                self.pos += 2;
                let mut v: u32 = 0;
                let mut k = 0;
                while k < 2 && self.cur().is_ascii_hexdigit() {
                    v = v * 16 + hex_val(self.cur());
                    self.pos += 1;
                    k += 1;
                }
                lit.push(v as u8);
            }
            b'u' if self.peek(2) == b'{' => {
                let line = self.line;
                self.pos += 3;
                let mut v: u64 = 0;
                let mut k = 0;
                while self.cur().is_ascii_hexdigit() {
                    v = (v * 16 + u64::from(hex_val(self.cur()))).min(0xFFFF_FFFF);
                    self.pos += 1;
                    k += 1;
                }
                if k == 0 || self.cur() != b'}' {
                    return Err(err("Invalid UTF-8 codepoint escape sequence", line));
                }
                self.pos += 1;
                match char::from_u32(v as u32) {
                    Some(ch) => {
                        let mut buf = [0u8; 4];
                        lit.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                    }
                    None if v > 0x10FFFF => {
                        return Err(err(
                            "Invalid UTF-8 codepoint escape sequence: Codepoint too large",
                            line,
                        ))
                    }
                    None => {
                        // Surrogates: PHP encodes them as 3-byte sequences anyway.
                        let v = v as u32;
                        lit.push(0xE0 | (v >> 12) as u8);
                        lit.push(0x80 | ((v >> 6) & 0x3F) as u8);
                        lit.push(0x80 | (v & 0x3F) as u8);
                    }
                }
            }
            b'{' => {
                // `\{` keeps both bytes and stops `{$` from starting an expression.
                lit.extend_from_slice(b"\\{");
                self.pos += 2;
            }
            _ => {
                // Unknown escapes keep the backslash; the next byte is scanned normally.
                lit.push(b'\\');
                self.pos += 1;
            }
        }
        Ok(())
    }

    /// `$name`, `$name[key]`, `$name->prop` inside a string, as expression tokens.
    fn simple_interp(&mut self) -> Result<Vec<Token>, ParseError> {
        let start = self.pos;
        let line = self.line;
        self.pos += 1;
        let name = self.label();
        let mut toks = vec![self.token(Tok::Var(name), start, line)];
        if self.cur() == b'[' {
            let s = self.pos;
            self.pos += 1;
            toks.push(self.token(Tok::Op("["), s, line));
            let s = self.pos;
            let c = self.cur();
            let key = if c == b'$' && is_label_start(self.peek(1)) {
                self.pos += 1;
                Tok::Var(self.label())
            } else if is_label_start(c) {
                Tok::Str(self.label().into_bytes(), Quote::Single)
            } else if c.is_ascii_digit() || (c == b'-' && self.peek(1).is_ascii_digit()) {
                if c == b'-' {
                    self.pos += 1;
                }
                let prefixed =
                    self.cur() == b'0' && matches!(self.peek(1) | 0x20, b'x' | b'b' | b'o');
                let ok: fn(u8) -> bool = if prefixed {
                    self.pos += 2;
                    |c| c.is_ascii_hexdigit()
                } else {
                    |c| c.is_ascii_digit()
                };
                while (ok(self.cur()) || (self.cur() == b'_' && ok(self.peek(1)))) && !self.eof() {
                    self.pos += 1;
                }
                let text = self.slice(s);
                num_string(&text)
            } else {
                return Err(self.interp_error());
            };
            toks.push(self.token(key, s, line));
            if is_label_start(self.cur()) {
                let l = self.label();
                let msg = format!(
                    "syntax error, unexpected identifier \"{}\", expecting \"]\"",
                    l
                );
                return Err(err(msg, self.line));
            }
            if self.cur() != b']' {
                let msg = "syntax error, unexpected string content \"\", expecting \"]\"";
                return Err(err(msg, self.line));
            }
            let s = self.pos;
            self.pos += 1;
            toks.push(self.token(Tok::Op("]"), s, line));
        } else if (self.starts_with(b"->") && is_label_start(self.peek(2)))
            || (self.starts_with(b"?->") && is_label_start(self.peek(3)))
        {
            let s = self.pos;
            let op = if self.cur() == b'?' { "?->" } else { "->" };
            self.pos += op.len();
            toks.push(self.token(Tok::Op(op), s, line));
            let s = self.pos;
            let prop = self.label();
            toks.push(self.token(Tok::Ident(prop), s, line));
        }
        Ok(toks)
    }

    fn interp_error(&self) -> ParseError {
        self.interp_error_expecting("\"-\" or identifier or variable or number")
    }

    fn interp_error_expecting(&self, what: &str) -> ParseError {
        let c = self.cur();
        let found = if self.eof() {
            "end of file".to_string()
        } else if c == b'"' {
            "double-quote mark".to_string()
        } else {
            let mut j = self.pos;
            while j < self.src.len() && !matches!(self.at(j), b'"' | b'$' | b'{' | b'\\' | b'\n') {
                j += 1;
            }
            let s =
                String::from_utf8_lossy(self.src.get(self.pos..j.max(self.pos + 1)).unwrap_or(&[]))
                    .into_owned();
            format!("string content \"{}\"", s)
        };
        err(
            format!("syntax error, unexpected {}, expecting {}", found, what),
            self.line,
        )
    }

    /// Lexes PHP tokens up to the `}` matching an already-consumed `{`.
    fn tokens_until_brace(&mut self, line: u32) -> Result<Vec<Token>, ParseError> {
        let mut toks = Vec::new();
        let mut depth = 0usize;
        loop {
            let t = match self.lex_token()? {
                Some(t) => t,
                None => {
                    return Err(err(
                        "syntax error, unexpected end of file",
                        self.line.max(line),
                    ))
                }
            };
            match t.tok {
                Tok::Op("{") => depth += 1,
                Tok::Op("}") if depth == 0 => return Ok(toks),
                Tok::Op("}") => depth -= 1,
                Tok::CloseTag => {
                    return Err(err("syntax error, unexpected token \"?>\"", t.line));
                }
                _ => {}
            }
            toks.push(t);
        }
    }
}

fn flush(parts: &mut Vec<TemplatePart>, lit: &mut Vec<u8>) {
    if !lit.is_empty() {
        parts.push(TemplatePart::Lit(std::mem::take(lit)));
    }
}

fn hex_val(c: u8) -> u32 {
    (c as char).to_digit(16).unwrap_or(0)
}

fn count_lines(b: &[u8]) -> u32 {
    b.iter().filter(|&&c| c == b'\n').count() as u32
}

/// An array key written inside a string (`"$a[12]"`): canonical decimal integers
/// are ints, anything else (`"$a[012]"`, `"$a[0x1]"`) is a string key.
fn num_string(text: &[u8]) -> Tok {
    let s = String::from_utf8_lossy(text).into_owned();
    let digits = s.strip_prefix('-').unwrap_or(&s);
    let canonical = !digits.is_empty()
        && digits.bytes().all(|c| c.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && s != "-0";
    match s.parse::<i64>() {
        Ok(v) if canonical => Tok::Int(v),
        _ => Tok::Str(text.to_vec(), Quote::Single),
    }
}
