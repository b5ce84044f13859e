//! Output: a buffered stdout plus PHP's output-buffer stack (`ob_start` and friends).
//!
//! Everything a program prints — echo, print, printf, var_dump and the error messages
//! PHP displays — goes through [`Output::write`], so `ob_start()` captures warnings too,
//! exactly as in PHP.

use std::io::Write;

const FLUSH_AT: usize = 1 << 16;

#[derive(Default)]
pub struct Output {
    stdout: Vec<u8>,
    /// Active output buffers, innermost last.
    buffers: Vec<Vec<u8>>,
    /// Set when stdout has gone away (a closed pipe): further output is dropped.
    broken: bool,
    /// Embedding and tests: keep everything in memory instead of writing stdout.
    captured: Option<Vec<u8>>,
}

impl Output {
    pub fn new() -> Output {
        Output::default()
    }

    #[inline]
    pub fn write(&mut self, bytes: &[u8]) {
        match self.buffers.last_mut() {
            Some(b) => b.extend_from_slice(bytes),
            None => {
                self.stdout.extend_from_slice(bytes);
                if self.stdout.len() >= FLUSH_AT {
                    self.flush_stdout();
                }
            }
        }
    }

    /// `flush()`: pushes what reached stdout to the OS (buffers stay buffered).
    pub fn flush_stdout(&mut self) {
        if let Some(c) = self.captured.as_mut() {
            c.extend_from_slice(&self.stdout);
            self.stdout.clear();
            return;
        }
        if !self.broken && !self.stdout.is_empty() {
            let mut out = std::io::stdout().lock();
            if out
                .write_all(&self.stdout)
                .and_then(|_| out.flush())
                .is_err()
            {
                self.broken = true;
            }
        }
        self.stdout.clear();
    }

    /// An output that collects what the program prints (see `take_captured`).
    pub fn capturing() -> Output {
        Output {
            captured: Some(Vec::new()),
            ..Output::default()
        }
    }
    /// Everything printed so far by a capturing output.
    pub fn take_captured(&mut self) -> Vec<u8> {
        self.flush_stdout();
        self.captured
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    pub fn start_buffer(&mut self) {
        self.buffers.push(Vec::new());
    }
    pub fn level(&self) -> usize {
        self.buffers.len()
    }
    /// Contents of the innermost buffer (`ob_get_contents`).
    pub fn contents(&self) -> Option<&[u8]> {
        self.buffers.last().map(|b| b.as_slice())
    }
    /// Removes the innermost buffer and returns what it held.
    pub fn pop_buffer(&mut self) -> Option<Vec<u8>> {
        self.buffers.pop()
    }
    /// Empties the innermost buffer (`ob_clean`).
    pub fn clean_buffer(&mut self) -> bool {
        match self.buffers.last_mut() {
            Some(b) => {
                b.clear();
                true
            }
            None => false,
        }
    }
    /// At exit PHP flushes every buffer outward, innermost first.
    pub fn finish(&mut self) {
        while let Some(b) = self.buffers.pop() {
            self.write(&b);
        }
        self.flush_stdout();
    }
}
