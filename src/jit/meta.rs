//! CGMeta: what each translation leaves behind besides its code — the function's
//! symbol, where each bytecode op starts in the machine code, the helper call sites —
//! built thread-locally while translating and committed under the metadata lock
//! before the code is published (DESIGN.md decision 7: publish metadata before code).

use parking_lot::Mutex;

/// One committed translation.
#[derive(Clone, Debug)]
pub struct TranslationMeta {
    /// `name` of the function (for `--dump-asm`, perf maps).
    pub func_name: String,
    pub func_id: u32,
    /// Identity of the unit (its address), so equal function ids of different units
    /// are told apart.
    pub unit: usize,
    pub tier: &'static str,
    /// Start of the code in the executable view, and its length.
    pub start: usize,
    pub len: usize,
    /// The slow paths, placed apart (start, length), when the translation has them;
    /// offsets past `len` (pcs, helper calls) lie there, at `offset - len`.
    pub cold: Option<(usize, usize)>,
    /// (bytecode pc, offset of its first instruction) for each op.
    pub pc_offsets: Vec<(u32, u32)>,
    /// Offsets of calls to runtime helpers.
    pub helper_calls: Vec<u32>,
}

static METADATA: Mutex<Vec<TranslationMeta>> = Mutex::new(Vec::new());

/// Commits a translation's metadata (under the metadata lock).
pub fn commit(meta: TranslationMeta) {
    if super::config::get().perf_map {
        super::perf_map::record(&meta);
    }
    METADATA.lock().push(meta);
}

/// Translations of functions named `name` (case-insensitive), oldest first.
pub fn find(name: &str) -> Vec<TranslationMeta> {
    METADATA
        .lock()
        .iter()
        .filter(|m| m.func_name.eq_ignore_ascii_case(name))
        .cloned()
        .collect()
}

/// Number of committed translations.
pub fn count() -> usize {
    METADATA.lock().len()
}
