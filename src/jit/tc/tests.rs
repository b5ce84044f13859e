use super::*;
use std::sync::{Arc, Barrier};

fn small() -> TcConfig {
    TcConfig {
        hot: 64 << 10,
        main: 64 << 10,
        prof: 64 << 10,
        cold: 32 << 10,
        frozen: 32 << 10,
    }
}

/// `mov eax, imm32; ret`
fn ret_imm(v: u32) -> [u8; 6] {
    let b = v.to_le_bytes();
    [0xb8, b[0], b[1], b[2], b[3], 0xc3]
}

/// Calls `addr` as `extern "C" fn() -> u32`.
///
/// # Safety
/// `addr` must be the executable address of fully written code following the C ABI
/// and taking no arguments, in a cache that is still alive.
unsafe fn call0(addr: usize) -> u32 {
    // SAFETY: guaranteed by the caller.
    let f: extern "C" fn() -> u32 = unsafe { std::mem::transmute(addr) };
    f()
}

#[test]
fn alloc_in_every_block() {
    let tc = CodeCache::new(small()).expect("map tc");
    let (c0, c1) = tc.code_range();
    for k in BlockKind::ALL {
        let b = tc.block(k);
        assert_eq!(b.kind(), k);
        assert_eq!(b.capacity(), small().size(k));
        let s = tc.alloc(k, 100, 16).expect("alloc");
        assert_eq!(s.rx_addr() % 16, 0);
        assert!(b.contains(s.rx_addr()) && b.contains(s.rx_addr() + 99));
        assert!(s.rx_addr() >= c0 && s.rx_addr() + 100 <= c1);
        assert_eq!(tc.rw_for_rx(s.rx_addr()), Some(s.rw()));
        let s2 = tc.alloc(k, 10, 64).expect("alloc");
        assert_eq!(s2.rx_addr() % 64, 0);
        assert!(
            s2.rx_addr() >= s.rx_addr() + 100,
            "bump allocations never overlap"
        );
        let st = tc.stats().block(k);
        assert_eq!(st.allocs, 2);
        assert_eq!(st.failed, 0);
        assert_eq!(st.capacity, small().size(k));
        assert_eq!(st.used, s2.rx_addr() + 10 - b.rx_base());
    }
    // Blocks are disjoint and in address order.
    for w in BlockKind::ALL.windows(2) {
        let a = tc.block(w[0]);
        let b = tc.block(w[1]);
        assert!(a.rx_base() + a.capacity() <= b.rx_base());
    }
    // Data block: RW, outside the code, within rel32 of it.
    let d = tc.alloc_data(24, 8).expect("data");
    let (d0, d1) = tc.data_range();
    assert!(d.addr() >= d0 && d.addr() + 24 <= d1);
    assert!(!tc.contains_code(d.addr()));
    d.write_at(0, &7u64.to_le_bytes()).unwrap();
    assert!(d.write_at(20, &[0; 8]).is_err());
    // SAFETY: d.ptr() is 8-aligned and 8 bytes were just written there.
    assert_eq!(unsafe { (d.ptr() as *const u64).read() }, 7);
    assert!(rel32(c0, d1).is_some() && rel32(d1, c0).is_some());
    assert_eq!(tc.stats().data.allocs, 1);
    // Whole cache inside one rel32 span.
    assert!((d1 - c0) as u64 <= i32::MAX as u64);
}

#[test]
fn view_mapping() {
    let tc = CodeCache::new(small()).unwrap();
    use BlockKind::*;
    assert_eq!(tc.view(ViewKind::Profiling).kinds(), (Prof, Frozen, Frozen));
    assert_eq!(tc.view(ViewKind::Optimized).kinds(), (Hot, Cold, Frozen));
    assert_eq!(tc.view(ViewKind::Live).kinds(), (Main, Cold, Frozen));
    let v = tc.view(ViewKind::Profiling);
    let m = v.alloc_main(32, 16).unwrap();
    let c = v.alloc_cold(32, 16).unwrap();
    let f = v.alloc_frozen(32, 16).unwrap();
    assert!(tc.block(Prof).contains(m.rx_addr()));
    assert!(tc.block(Frozen).contains(c.rx_addr()));
    assert!(tc.block(Frozen).contains(f.rx_addr()));
    // Fill hot: optimized translations move to main.
    let hot = tc.block(Hot).capacity();
    assert!(tc.alloc(Hot, hot - HOT_MIN_AVAILABLE + 1, 1).is_some());
    assert_eq!(tc.view(ViewKind::Optimized).kinds(), (Main, Cold, Frozen));
    let s = tc.view(ViewKind::Optimized).alloc_main(16, 16).unwrap();
    assert!(tc.block(Main).contains(s.rx_addr()));
    // A zero-size hot block means optimized code goes to main from the start.
    let tc0 = CodeCache::new(TcConfig { hot: 0, ..small() }).unwrap();
    assert_eq!(tc0.view(ViewKind::Optimized).kinds(), (Main, Cold, Frozen));
    assert!(tc0.alloc(Hot, 1, 1).is_none());
    assert_eq!(tc0.stats().block(Hot).failed, 1);
}

#[test]
fn tiny_tc_fills_up_without_panicking() {
    let cfg = TcConfig {
        hot: 1024,
        main: 2048,
        prof: 1024,
        cold: 512,
        frozen: 512,
    };
    let tc = CodeCache::new(cfg).unwrap();
    for k in BlockKind::ALL {
        let cap = cfg.size(k);
        let mut n = 0;
        while let Some(s) = tc.alloc(k, 100, 16) {
            s.write(&ret_imm(n)).unwrap();
            n += 1;
            assert!(n as usize <= cap / 100 + 1);
        }
        assert!(n >= 1);
        // Keep hammering: every attempt fails and is counted, nothing panics.
        for _ in 0..9 {
            assert!(tc.alloc(k, 100, 16).is_none());
        }
        assert!(tc.alloc(k, usize::MAX, 16).is_none());
        assert!(tc.alloc(k, usize::MAX - 8, 4096).is_none());
        let st = tc.stats().block(k);
        assert_eq!(st.allocs, n as u64);
        assert_eq!(st.failed, 12);
        assert!(st.used <= st.capacity);
        // A smaller request may still fit in what is left.
        let left = st.available();
        if left > 0 {
            assert!(tc.alloc(k, left, 1).is_some());
            assert_eq!(tc.stats().block(k).available(), 0);
        }
        assert!(tc.alloc(k, 1, 1).is_none());
    }
    // Bad alignment is refused, not counted as "full".
    let before = tc.stats().block(BlockKind::Main).failed;
    assert!(tc.alloc(BlockKind::Main, 1, 3).is_none());
    assert!(tc.alloc(BlockKind::Main, 1, 0).is_none());
    assert_eq!(tc.stats().block(BlockKind::Main).failed, before);
    // Data block fills up the same way.
    let mut n = 0u64;
    while tc.alloc_data(4096, 8).is_some() {
        n += 1;
    }
    assert!(tc.alloc_data(1 << 30, 8).is_none());
    let st = tc.stats();
    assert_eq!(st.data.allocs, n);
    assert_eq!(st.data.failed, 2);
    assert!(st.total_failed() >= 5 * 12 + 2);
    let text = st.to_string();
    assert!(text.contains("tc.hot") && text.contains("failed=13"));
    // Overflowing a span is an error, not a panic, and writes nothing.
    let s = CodeCache::new(small()).unwrap();
    let sp = s.alloc(BlockKind::Main, 4, 1).unwrap();
    assert!(sp.write(&ret_imm(1)).is_err());
    assert!(sp.write_at(usize::MAX, &[1]).is_err());
    assert!(sp.write_at(2, &[1, 2]).is_ok());
}

#[test]
fn bad_configs_are_errors() {
    let zero = TcConfig {
        hot: 0,
        main: 0,
        prof: 0,
        cold: 0,
        frozen: 0,
    };
    assert!(matches!(CodeCache::new(zero), Err(TcError::BadSize(_))));
    let huge = TcConfig {
        hot: 1 << 30,
        main: 1 << 30,
        ..zero
    };
    assert!(matches!(CodeCache::new(huge), Err(TcError::BadSize(_))));
    let overflow = TcConfig {
        hot: usize::MAX,
        main: 1,
        ..zero
    };
    assert!(matches!(CodeCache::new(overflow), Err(TcError::BadSize(_))));
}

#[test]
fn write_and_call() {
    let tc = CodeCache::new(small()).unwrap();
    let s = tc.alloc(BlockKind::Main, 6, 16).unwrap();
    s.write(&ret_imm(42)).unwrap();
    // SAFETY: 6 bytes of `mov eax, 42; ret` were written through the RW alias; the
    // cache outlives the call.
    assert_eq!(unsafe { call0(s.rx_addr()) }, 42);

    // lea rax, [rdi + rsi]; ret
    let add = tc.alloc(BlockKind::Hot, 5, 16).unwrap();
    add.write(&[0x48, 0x8d, 0x04, 0x37, 0xc3]).unwrap();
    // SAFETY: the bytes are a complete SysV function (u64, u64) -> u64.
    let f: extern "C" fn(u64, u64) -> u64 = unsafe { std::mem::transmute(add.rx_addr()) };
    assert_eq!(f(40, 2), 42);
    assert_eq!(f(u64::MAX, 1), 0);

    // A rel32 call from one translation to another: call <s>; ret (after stack
    // alignment does not matter for a leaf that touches no stack).
    let caller = tc.alloc(BlockKind::Cold, 16, 16).unwrap();
    let after = caller.rx_addr() + 4 + 5; // sub rsp,8 (4 bytes) + call rel32 (5 bytes)
    let d = rel32(after, s.rx_addr()).expect("inside one cache every call fits rel32");
    let mut code = vec![0x48, 0x83, 0xec, 0x08, 0xe8];
    code.extend_from_slice(&d.to_le_bytes());
    code.extend_from_slice(&[0x48, 0x83, 0xc4, 0x08, 0xc3]); // add rsp,8; ret
    caller.write(&code).unwrap();
    // SAFETY: complete function: sub rsp,8; call s (returns 42 in eax); add rsp,8; ret.
    assert_eq!(unsafe { call0(caller.rx_addr()) }, 42);

    // Patch through rw_for_rx: change the immediate and call again.
    let p = tc.rw_for_rx(s.rx_addr() + 1).unwrap();
    // SAFETY: p is the RW alias of the imm32 of `s`, 4 bytes inside the span; no other
    // thread runs `s` now.
    unsafe { std::ptr::copy_nonoverlapping(7u32.to_le_bytes().as_ptr(), p, 4) };
    // SAFETY: same function, new immediate.
    assert_eq!(unsafe { call0(s.rx_addr()) }, 7);
}

#[test]
fn rel32_bounds() {
    assert_eq!(rel32(1000, 1042), Some(42));
    assert_eq!(rel32(1042, 1000), Some(-42));
    let base = 1usize << 40;
    assert_eq!(rel32(base, base + i32::MAX as usize), Some(i32::MAX));
    assert_eq!(rel32(base, base + i32::MAX as usize + 1), None);
    assert_eq!(
        rel32(base + 1 + i32::MAX as usize, base + 1),
        Some(i32::MIN + 1)
    );
    assert_eq!(rel32(base + (1 << 31), base), Some(i32::MIN));
    assert_eq!(rel32(base + (1 << 31) + 1, base), None);
    assert_eq!(rel32(0, usize::MAX), None);
    assert_eq!(rel32(usize::MAX, 0), None);
}

/// 8 threads allocate from the same block at once, each writes a function returning
/// its own id, and every thread calls every function (each thread's own right away,
/// the others after the barrier). 100 rounds, each with a fresh cache.
#[test]
fn concurrent_alloc_write_call() {
    const THREADS: u32 = 8;
    const PER_THREAD: u32 = 50;
    for round in 0..100 {
        let tc = Arc::new(CodeCache::new(small()).unwrap());
        let slots: Arc<Vec<EntrySlot>> = Arc::new(
            (0..THREADS * PER_THREAD)
                .map(|_| EntrySlot::new())
                .collect(),
        );
        let start = Arc::new(Barrier::new(THREADS as usize));
        let done = Arc::new(Barrier::new(THREADS as usize));
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let (tc, slots, start, done) =
                    (tc.clone(), slots.clone(), start.clone(), done.clone());
                std::thread::spawn(move || {
                    start.wait();
                    for i in 0..PER_THREAD {
                        let id = round * 100_000 + t * 1000 + i;
                        let s = tc.alloc(BlockKind::Main, 6, 8).expect("main has room");
                        s.write(&ret_imm(id)).unwrap();
                        // SAFETY: the span was fully written by this thread.
                        assert_eq!(unsafe { call0(s.rx_addr()) }, id);
                        slots[(t * PER_THREAD + i) as usize].publish(s.rx_addr());
                    }
                    done.wait();
                    for (n, slot) in slots.iter().enumerate() {
                        let (ot, oi) = (n as u32 / PER_THREAD, n as u32 % PER_THREAD);
                        let addr = slot.load();
                        assert_ne!(addr, 0);
                        // SAFETY: published with Release after the write; loaded with
                        // Acquire; the cache is alive (Arc held by this thread).
                        assert_eq!(unsafe { call0(addr) }, round * 100_000 + ot * 1000 + oi);
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().expect("worker panicked");
        }
        let st = tc.stats().block(BlockKind::Main);
        assert_eq!(st.allocs, (THREADS * PER_THREAD) as u64, "round {round}");
        assert_eq!(st.failed, 0);
        assert_eq!(st.used, (THREADS * PER_THREAD - 1) as usize * 8 + 6);
    }
}

/// A writer publishes while readers spin on the slot: readers that see the address
/// must see the code behind it.
#[test]
fn publish_to_spinning_readers() {
    for round in 0..100u32 {
        let tc = Arc::new(CodeCache::new(small()).unwrap());
        let slot = Arc::new(EntrySlot::new());
        let readers: Vec<_> = (0..3)
            .map(|_| {
                let slot = slot.clone();
                let tc = tc.clone();
                std::thread::spawn(move || loop {
                    let a = slot.load();
                    if a != 0 {
                        assert!(tc.contains_code(a));
                        // SAFETY: the Acquire load saw the Release publish of fully
                        // written code; tc is alive.
                        return unsafe { call0(a) };
                    }
                    std::hint::spin_loop();
                })
            })
            .collect();
        let s = tc.alloc(BlockKind::Prof, 6, 16).unwrap();
        s.write(&ret_imm(round + 1)).unwrap();
        slot.publish(s.rx_addr());
        for r in readers {
            assert_eq!(r.join().unwrap(), round + 1);
        }
    }
}

fn maps_perms(addr: usize) -> Option<String> {
    let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
    for line in maps.lines() {
        let mut it = line.split_whitespace();
        let (a, b) = it.next()?.split_once('-')?;
        let (a, b) = (
            usize::from_str_radix(a, 16).ok()?,
            usize::from_str_radix(b, 16).ok()?,
        );
        if a <= addr && addr < b {
            return Some(it.next()?.to_string());
        }
    }
    None
}

#[test]
fn views_are_w_xor_x() {
    let tc = CodeCache::new(small()).unwrap();
    let (rx0, rx1) = tc.code_range();
    let (rw0, rw1) = tc.rw_range();
    let (d0, d1) = tc.data_range();
    for a in [rx0, rx1 - 1] {
        let p = maps_perms(a).expect("rx view in maps");
        assert_eq!(&p[..3], "r-x", "rx view {p}");
        assert!(p.ends_with('s'), "rx view is a shared (memfd) mapping: {p}");
    }
    for a in [rw0, rw1 - 1] {
        let p = maps_perms(a).expect("rw view in maps");
        assert_eq!(&p[..3], "rw-", "rw view {p}");
        assert!(p.ends_with('s'));
    }
    for a in [d0, d1 - 1] {
        let p = maps_perms(a).expect("data in maps");
        assert_eq!(&p[..3], "rw-", "data {p}");
    }
    // The two code views do not overlap each other (different addresses, same bytes).
    assert!(rw1 <= rx0 || rx1 <= rw0);
    let s = tc.alloc(BlockKind::Frozen, 8, 8).unwrap();
    s.write(&[1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
    // SAFETY: rx is mapped readable; 8 bytes inside the span.
    let seen = unsafe { std::slice::from_raw_parts(s.rx(), 8) };
    assert_eq!(seen, &[1, 2, 3, 4, 5, 6, 7, 8]);
}

#[test]
fn near_text_placement() {
    let tc = CodeCache::new(TcConfig::default()).unwrap();
    let (c0, _) = tc.code_range();
    let (_, d1) = tc.data_range();
    eprintln!(
        "tc placement: near_text={} code={:#x} text={:x?} span={} MiB",
        tc.near_text(),
        c0,
        tc.text_range(),
        (d1 - c0) >> 20
    );
    if tc.near_text() {
        // A direct call from anywhere in the cache to a function in this binary fits.
        let helper = mapping::text_anchor as *const () as usize;
        assert!(rel32(c0, helper).is_some());
        assert!(rel32(d1, helper).is_some());
        if let Some((t0, t1)) = tc.text_range() {
            assert!(rel32(c0, t1).is_some() && rel32(d1, t0).is_some());
        }
        // Call a Rust function from JIT code with a direct rel32 call.
        extern "C" fn helper_fn() -> u32 {
            0x5eed
        }
        let s = tc.alloc(BlockKind::Main, 16, 16).unwrap();
        let after = s.rx_addr() + 4 + 5;
        if let Some(d) = rel32(after, helper_fn as *const () as usize) {
            let mut code = vec![0x48, 0x83, 0xec, 0x08, 0xe8];
            code.extend_from_slice(&d.to_le_bytes());
            code.extend_from_slice(&[0x48, 0x83, 0xc4, 0x08, 0xc3]);
            s.write(&code).unwrap();
            // SAFETY: sub rsp,8; call helper_fn; add rsp,8; ret — stack stays 16-aligned
            // at the call, as the SysV ABI requires.
            assert_eq!(unsafe { call0(s.rx_addr()) }, 0x5eed);
        }
    }
    assert!(tc.stats().near_text == tc.near_text());
}

#[test]
fn many_caches_map_and_unmap() {
    // Drop unmaps: creating and dropping many caches must not exhaust anything.
    for _ in 0..200 {
        let tc = CodeCache::new(small()).unwrap();
        let s = tc.alloc(BlockKind::Hot, 6, 16).unwrap();
        s.write(&ret_imm(9)).unwrap();
        // SAFETY: fully written; tc alive.
        assert_eq!(unsafe { call0(s.rx_addr()) }, 9);
    }
}

#[test]
fn placement_candidates_stay_within_reach() {
    let page = 4096;
    let gib = 1usize << 30;
    let text = (0x5555_0000_0000usize, 0x5555_0000_0000 + (32 << 20));
    let len = 200 << 20;
    let gaps = vec![
        (1 << 20, text.0 - (8 << 20)),              // huge gap below the binary
        (text.1 + (1 << 20), text.1 + (100 << 20)), // too small above
        (text.1 + (300 << 20), text.1 + 10 * gib),  // big gap above
        (0x7f00_0000_0000, 0x7f10_0000_0000),       // far away: unreachable
    ];
    let c = mapping::candidates(text, &gaps, len, page);
    assert!(!c.is_empty());
    for &s in &c {
        assert!(mapping::within_reach(s, len, text), "{s:#x}");
        assert!(
            gaps.iter().any(|&(g0, g1)| s > g0 && s + len < g1),
            "{s:#x} inside a gap with guard pages"
        );
    }
    // Nearest first: the gap right below the binary.
    assert!(c[0] + len <= text.0 && text.0 - (c[0] + len) < (16 << 20));
    // Nothing reachable: no candidates, the cache is then mapped anywhere.
    assert!(mapping::candidates(text, &gaps[3..], len, page).is_empty());
    assert!(mapping::candidates(text, &[], len, page).is_empty());
    // A reservation as large as the whole reach cannot be near a non-empty text.
    assert!(mapping::candidates(text, &gaps, i32::MAX as usize, page).is_empty());
    for s in mapping::stepping_candidates(text.0, len) {
        assert!(mapping::within_reach(s, len, (text.0, text.0 + 1)));
    }
}
