//! Where a baseline translation's pieces go: the body in the profiling view's main
//! block, the slow paths apart in its cold block (`src/jit/tc/split.rs`). Its own
//! test binary: translating commits metadata, which reads the process-wide JIT
//! configuration, and `tests/jit_tc_small.rs` must be the first to set that.

use hopjit::jit::tc::{BlockKind, TcConfig};

/// A baseline translation puts its slow paths apart from its body: the body in the
/// profiling view's main block (prof), the out-of-line paths in its cold block
/// (frozen), with the metadata naming both pieces. (Running such code is what the
/// corpus does in every JIT mode.)
#[test]
fn slow_paths_go_to_the_frozen_block() {
    use hopjit::jit::tc::CodeCache;
    let src = b"<?php function split_me($n) { $s = 0; for ($i = 0; $i < $n; $i++) { $s += $i * 2; } return $s; } echo split_me(3);";
    let prog = hopjit::compiler::parse(src, "split.php").unwrap();
    let unit = hopjit::bytecode::emit::compile(&prog, "split.php", "split.php").unwrap();
    let func = unit.funcs.iter().find(|f| f.name == "split_me").unwrap();
    let tc = CodeCache::with_data_size(TcConfig::default(), 64 << 10).unwrap();
    let entry = hopjit::jit::baseline::translate(&tc, &unit, func, None).expect("translated");
    let st = tc.stats();
    let (prof, frozen) = (st.block(BlockKind::Prof), st.block(BlockKind::Frozen));
    assert!(
        prof.used > 0 && frozen.used > 0,
        "prof {prof:?} frozen {frozen:?}"
    );
    let meta = hopjit::jit::meta::find("split_me");
    let m = meta
        .iter()
        .find(|m| m.start == entry)
        .expect("metadata committed");
    let (cold_start, cold_len) = m.cold.expect("slow paths placed apart");
    assert!(cold_len > 0 && cold_len as u64 <= frozen.used as u64);
    assert!(cold_start.abs_diff(entry) > m.len, "the pieces are apart");
}
