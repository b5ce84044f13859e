//! `jit.perf_map=1`: one line per translation in /tmp/perf-PID.map, the format
//! `perf report` reads to name JIT frames: `<start hex> <size hex> <name>`.

use std::io::Write;

use parking_lot::Mutex;

use super::meta::TranslationMeta;

static FILE: Mutex<Option<std::fs::File>> = Mutex::new(None);

pub fn record(m: &TranslationMeta) {
    let mut f = FILE.lock();
    if f.is_none() {
        let path = format!("/tmp/perf-{}.map", std::process::id());
        *f = std::fs::OpenOptions::new().create(true).append(true).open(path).ok();
    }
    if let Some(file) = f.as_mut() {
        let _ = writeln!(file, "{:x} {:x} php::{}[{}]", m.start, m.len, m.func_name, m.tier);
    }
}
