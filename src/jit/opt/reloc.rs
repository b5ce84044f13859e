//! Relocation: the object file LLVM emitted, loaded into the translation cache by
//! hand (DESIGN.md decision 8).
//!
//! Executable and read-only sections (`.text*`, `.rodata*` constant pools) are laid
//! out back to back in one allocation of the TC — the `hot` block for optimized code
//! — so every PC-relative reference between them is a rel32. Runtime helpers are
//! called through absolute addresses baked into the IR, so an object normally has no
//! undefined symbols; the few LLVM may introduce on its own (`memcpy`, `memset`,
//! `fmod`, ...) get a 14-byte `jmp [rip]` trampoline (calls) or an 8-byte slot
//! (GOT-relative loads) at the end of the allocation. Writable sections are refused:
//! code must not live next to data it writes, and optimized code has none.
//! Unwind tables are not loaded: no DWARF unwinding crosses JIT frames (decision 10).

use std::collections::HashMap;
use std::fmt;

use object::elf;
use object::{
    Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget, SectionIndex,
    SectionKind, SymbolIndex,
};

/// Why an object could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelocError {
    Parse(String),
    /// A section kind or relocation type the loader does not handle.
    Unsupported(String),
    /// A PC-relative or 32-bit field cannot reach its target.
    OutOfRange(String),
    UndefinedSymbol(String),
    /// The TC block had no room.
    TcFull,
}

impl fmt::Display for RelocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RelocError::Parse(s) => write!(f, "cannot read the object: {s}"),
            RelocError::Unsupported(s) => write!(f, "unsupported object content: {s}"),
            RelocError::OutOfRange(s) => write!(f, "relocation out of range: {s}"),
            RelocError::UndefinedSymbol(s) => write!(f, "undefined symbol {s}"),
            RelocError::TcFull => write!(f, "translation cache full"),
        }
    }
}

/// Where each loaded piece goes, relative to the start of the image.
#[derive(Debug)]
pub struct Layout {
    /// (section, offset in the image).
    sections: Vec<(SectionIndex, usize)>,
    /// Undefined symbols called through a trampoline: name → (offset, address).
    trampolines: HashMap<String, (usize, usize)>,
    /// Undefined symbols loaded through a GOT slot: name → (offset, address).
    got: HashMap<String, (usize, usize)>,
    /// Total image size.
    pub size: usize,
    /// Bytes of machine code at the start of the image (the text sections).
    pub text_len: usize,
}

const TRAMPOLINE_SIZE: usize = 14;

fn align_up(x: usize, a: usize) -> usize {
    (x + a - 1) & !(a - 1)
}

/// Addresses of the external symbols LLVM may call on its own.
pub fn external_symbol(name: &str) -> Option<usize> {
    extern "C" {
        fn fmod(x: f64, y: f64) -> f64;
        fn pow(x: f64, y: f64) -> f64;
        fn floor(x: f64) -> f64;
        fn ceil(x: f64) -> f64;
    }
    let f: usize = match name {
        "memcpy" => libc::memcpy as *const () as usize,
        "memmove" => libc::memmove as *const () as usize,
        "memset" => libc::memset as *const () as usize,
        "fmod" => fmod as *const () as usize,
        "pow" => pow as *const () as usize,
        "floor" => floor as *const () as usize,
        "ceil" => ceil as *const () as usize,
        _ => return None,
    };
    Some(f)
}

fn is_loaded_kind(kind: SectionKind) -> Result<bool, String> {
    match kind {
        SectionKind::Text
        | SectionKind::ReadOnlyData
        | SectionKind::ReadOnlyString
        | SectionKind::ReadOnlyDataWithRel => Ok(true),
        SectionKind::Data | SectionKind::UninitializedData | SectionKind::Tls => {
            Err(format!("{kind:?}"))
        }
        _ => Ok(false),
    }
}

/// Plans where every loaded section, trampoline and GOT slot of `file` goes.
pub fn plan(file: &object::File<'_>) -> Result<Layout, RelocError> {
    let mut size = 0usize;
    let mut sections = Vec::new();
    let mut text_len = 0;
    // Text first (the entry symbols), then read-only data.
    for want_text in [true, false] {
        for s in file.sections() {
            let loaded = is_loaded_kind(s.kind()).map_err(|k| {
                RelocError::Unsupported(format!(
                    "writable section {} ({k})",
                    s.name().unwrap_or("?")
                ))
            })?;
            if !loaded || s.size() == 0 || (s.kind() == SectionKind::Text) != want_text {
                continue;
            }
            let align = (s.align() as usize).clamp(1, 4096);
            size = align_up(size, align);
            sections.push((s.index(), size));
            size += s.size() as usize;
        }
        if want_text {
            text_len = size;
        }
    }
    let mut trampolines = HashMap::new();
    let mut got = HashMap::new();
    for (idx, _) in &sections {
        let s = file
            .section_by_index(*idx)
            .map_err(|e| RelocError::Parse(e.to_string()))?;
        for (_, r) in s.relocations() {
            let RelocationTarget::Symbol(si) = r.target() else {
                continue;
            };
            let sym = file
                .symbol_by_index(si)
                .map_err(|e| RelocError::Parse(e.to_string()))?;
            if !sym.is_undefined() {
                continue;
            }
            let name = sym.name().unwrap_or("").to_string();
            let addr =
                external_symbol(&name).ok_or_else(|| RelocError::UndefinedSymbol(name.clone()))?;
            let r_type = match r.flags() {
                RelocationFlags::Elf { r_type } => r_type,
                f => return Err(RelocError::Unsupported(format!("{f:?}"))),
            };
            let table = match r_type {
                elf::R_X86_64_GOTPCREL | elf::R_X86_64_GOTPCRELX | elf::R_X86_64_REX_GOTPCRELX => {
                    &mut got
                }
                _ => &mut trampolines,
            };
            table.entry(name).or_insert((0, addr));
        }
    }
    for (_, (off, _)) in trampolines.iter_mut() {
        size = align_up(size, 8);
        *off = size;
        size += TRAMPOLINE_SIZE;
    }
    for (_, (off, _)) in got.iter_mut() {
        size = align_up(size, 8);
        *off = size;
        size += 8;
    }
    Ok(Layout {
        sections,
        trampolines,
        got,
        size: size.max(1),
        text_len,
    })
}

impl Layout {
    fn section_offset(&self, idx: SectionIndex) -> Option<usize> {
        self.sections
            .iter()
            .find(|(i, _)| *i == idx)
            .map(|(_, o)| *o)
    }

    /// Address a symbol has once the image starts at `base`.
    fn symbol_addr(
        &self,
        file: &object::File<'_>,
        si: SymbolIndex,
        base: usize,
    ) -> Result<usize, RelocError> {
        let sym = file
            .symbol_by_index(si)
            .map_err(|e| RelocError::Parse(e.to_string()))?;
        if sym.is_undefined() {
            let name = sym.name().unwrap_or("");
            return match self.trampolines.get(name) {
                Some((off, _)) => Ok(base + off),
                None => external_symbol(name)
                    .ok_or_else(|| RelocError::UndefinedSymbol(name.to_string())),
            };
        }
        let sec = sym
            .section_index()
            .ok_or_else(|| RelocError::Unsupported(format!("symbol {:?}", sym.name())))?;
        let off = self.section_offset(sec).ok_or_else(|| {
            RelocError::Unsupported(format!("symbol {:?} in an unloaded section", sym.name()))
        })?;
        Ok(base + off + sym.address() as usize)
    }

    /// Address of a named defined symbol once the image starts at `base`.
    pub fn named_symbol(&self, file: &object::File<'_>, name: &str, base: usize) -> Option<usize> {
        let sym = file.symbols().find(|s| s.name() == Ok(name))?;
        self.symbol_addr(file, sym.index(), base).ok()
    }

    /// Builds the image as it must be at address `base`: section bytes, applied
    /// relocations, trampolines and GOT slots.
    pub fn image(&self, file: &object::File<'_>, base: usize) -> Result<Vec<u8>, RelocError> {
        let mut img = vec![0u8; self.size];
        for (idx, off) in &self.sections {
            let s = file
                .section_by_index(*idx)
                .map_err(|e| RelocError::Parse(e.to_string()))?;
            let data = s.data().map_err(|e| RelocError::Parse(e.to_string()))?;
            img[*off..*off + data.len()].copy_from_slice(data);
        }
        for (off, addr) in self.trampolines.values() {
            // jmp qword ptr [rip + 0]; .quad addr
            img[*off..*off + 6].copy_from_slice(&[0xFF, 0x25, 0, 0, 0, 0]);
            img[*off + 6..*off + 14].copy_from_slice(&(*addr as u64).to_le_bytes());
        }
        for (off, addr) in self.got.values() {
            img[*off..*off + 8].copy_from_slice(&(*addr as u64).to_le_bytes());
        }
        for (idx, sec_off) in &self.sections {
            let s = file
                .section_by_index(*idx)
                .map_err(|e| RelocError::Parse(e.to_string()))?;
            for (r_off, r) in s.relocations() {
                let at = sec_off + r_off as usize;
                let p = (base + at) as i64;
                let r_type = match r.flags() {
                    RelocationFlags::Elf { r_type } => r_type,
                    f => return Err(RelocError::Unsupported(format!("{f:?}"))),
                };
                let (target, name) = match r.target() {
                    RelocationTarget::Symbol(si) => {
                        let name = file
                            .symbol_by_index(si)
                            .ok()
                            .and_then(|s| s.name().ok().map(str::to_string))
                            .unwrap_or_default();
                        (self.symbol_addr(file, si, base)?, name)
                    }
                    RelocationTarget::Section(sec) => {
                        let off = self.section_offset(sec).ok_or_else(|| {
                            RelocError::Unsupported("relocation to an unloaded section".into())
                        })?;
                        (base + off, String::new())
                    }
                    t => return Err(RelocError::Unsupported(format!("target {t:?}"))),
                };
                let s_a = target as i64 + r.addend();
                match r_type {
                    elf::R_X86_64_64 => write(&mut img, at, &(s_a as u64).to_le_bytes())?,
                    elf::R_X86_64_PC32 | elf::R_X86_64_PLT32 => {
                        let v = i32::try_from(s_a - p)
                            .map_err(|_| RelocError::OutOfRange(format!("rel32 to {name}")))?;
                        write(&mut img, at, &v.to_le_bytes())?
                    }
                    elf::R_X86_64_GOTPCREL
                    | elf::R_X86_64_GOTPCRELX
                    | elf::R_X86_64_REX_GOTPCRELX => {
                        let slot = match self.got.get(&name) {
                            Some((off, _)) => base + off,
                            None => {
                                return Err(RelocError::Unsupported(format!(
                                    "GOT reference to the defined symbol {name}"
                                )))
                            }
                        };
                        let v = i32::try_from(slot as i64 + r.addend() - p)
                            .map_err(|_| RelocError::OutOfRange(format!("GOT slot of {name}")))?;
                        write(&mut img, at, &v.to_le_bytes())?
                    }
                    elf::R_X86_64_32 => {
                        let v = u32::try_from(s_a)
                            .map_err(|_| RelocError::OutOfRange(format!("abs32 to {name}")))?;
                        write(&mut img, at, &v.to_le_bytes())?
                    }
                    elf::R_X86_64_32S => {
                        let v = i32::try_from(s_a)
                            .map_err(|_| RelocError::OutOfRange(format!("abs32s to {name}")))?;
                        write(&mut img, at, &v.to_le_bytes())?
                    }
                    t => return Err(RelocError::Unsupported(format!("relocation type {t}"))),
                }
            }
        }
        Ok(img)
    }
}

fn write(img: &mut [u8], at: usize, bytes: &[u8]) -> Result<(), RelocError> {
    img.get_mut(at..at + bytes.len())
        .ok_or_else(|| RelocError::Parse(format!("relocation at {at} past its section")))?
        .copy_from_slice(bytes);
    Ok(())
}

/// Parses an ELF object (a thin wrapper so callers need not name the crate).
pub fn parse(obj: &[u8]) -> Result<object::File<'_>, RelocError> {
    object::File::parse(obj).map_err(|e| RelocError::Parse(e.to_string()))
}

#[cfg(test)]
#[path = "reloc_tests.rs"]
mod tests;
