//! `jit.perf_map=1`: one line per translation in /tmp/perf-PID.map, the format
//! `perf report` reads to name JIT frames: `<start hex> <size hex> <name>`, and one
//! more for its slow paths when they were placed apart (`php::NAME[baseline.cold]`).
//! `HOPJIT_PERF_MAP_DIR` replaces /tmp (tests; perf itself only looks in /tmp).

use std::io::Write;

use parking_lot::Mutex;

use super::meta::TranslationMeta;

static FILE: Mutex<Option<std::fs::File>> = Mutex::new(None);

pub fn record(m: &TranslationMeta) {
    let mut f = FILE.lock();
    if f.is_none() {
        let dir = std::env::var_os("HOPJIT_PERF_MAP_DIR").unwrap_or_else(|| "/tmp".into());
        let path = std::path::Path::new(&dir).join(format!("perf-{}.map", std::process::id()));
        *f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .ok();
    }
    if let Some(file) = f.as_mut() {
        let _ = writeln!(
            file,
            "{:x} {:x} php::{}[{}]",
            m.start, m.len, m.func_name, m.tier
        );
        if let Some((start, len)) = m.cold {
            let _ = writeln!(
                file,
                "{:x} {:x} php::{}[{}.cold]",
                start, len, m.func_name, m.tier
            );
        }
    }
}
