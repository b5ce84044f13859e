//! Property tests: `hopjit::runtime::array::PhpArray` against a model ordered map with
//! PHP 8.2 semantics, over random operation sequences; plus copy-on-write of
//! `TypedValue` arrays.
//!
//! Model rules (checked with `php -n`):
//! - insertion order; overwriting a key keeps its position; a removed key that is set
//!   again goes to the end;
//! - integer-like strings ("7", not "07", "-0", " 7", "+7") are int keys;
//! - `$a[] = v` uses nNextFreeElement: one past the largest int key ever inserted
//!   (0 for none), never lowered by `unset`; saturates at PHP_INT_MAX, and pushing
//!   onto an existing PHP_INT_MAX key fails (Error "Cannot add element to the array as
//!   the next element is already occupied");
//! - `array_pop` removes the last element and lowers nNextFreeElement by one only when
//!   the popped key is an int equal to nNextFreeElement - 1 (ext/standard/array.c).
//!
//! Only non-negative int keys are generated (the push rule after negative keys changed
//! in PHP 8.3).

use hopjit::runtime::array::{Key, KeyRef, PhpArray};
use hopjit::runtime::value::TypedValue;
use proptest::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
enum MKey {
    Int(i64),
    Str(String),
}

impl MKey {
    fn as_ref(&self) -> KeyRef<'_> {
        match self {
            MKey::Int(i) => KeyRef::Int(*i),
            MKey::Str(s) => KeyRef::Str(s.as_bytes()),
        }
    }
}

/// A key as the program writes it: an int, or a string that may be integer-like.
#[derive(Clone, Debug)]
enum RawKey {
    Int(i64),
    Str(&'static str),
}

impl RawKey {
    /// PHP's normalisation, for the strings generated here.
    fn norm(&self) -> MKey {
        match self {
            RawKey::Int(i) => MKey::Int(*i),
            RawKey::Str(s) => match *s {
                "0" | "1" | "2" | "3" | "7" | "10" | "9223372036854775807" => {
                    MKey::Int(s.parse().expect("int-like"))
                }
                _ => MKey::Str(s.to_string()),
            },
        }
    }
}

#[derive(Default, Debug, Clone)]
struct Model {
    entries: Vec<(MKey, i64)>,
    next_free: i64,
}

impl Model {
    fn pos(&self, k: &MKey) -> Option<usize> {
        self.entries.iter().position(|(x, _)| x == k)
    }
    fn get(&self, k: &MKey) -> Option<i64> {
        self.pos(k).map(|p| self.entries[p].1)
    }
    fn set(&mut self, k: MKey, v: i64) {
        match self.pos(&k) {
            Some(p) => self.entries[p].1 = v,
            None => {
                if let MKey::Int(i) = k {
                    if i >= self.next_free {
                        self.next_free = i.saturating_add(1);
                    }
                }
                self.entries.push((k, v));
            }
        }
    }
    fn remove(&mut self, k: &MKey) -> Option<i64> {
        let p = self.pos(k)?;
        Some(self.entries.remove(p).1)
    }
    fn push(&mut self, v: i64) -> bool {
        let k = MKey::Int(self.next_free);
        if self.pos(&k).is_some() {
            return false;
        }
        self.set(k, v);
        true
    }
    fn pop(&mut self) -> Option<i64> {
        let (k, v) = self.entries.pop()?;
        if k == MKey::Int(self.next_free.wrapping_sub(1)) {
            self.next_free -= 1;
        }
        Some(v)
    }
    fn is_list(&self) -> bool {
        self.entries
            .iter()
            .enumerate()
            .all(|(i, (k, _))| *k == MKey::Int(i as i64))
    }
}

#[derive(Clone, Debug)]
enum Op {
    /// Via `set`, `set_int`/`set_str`, `set_key` or `entry_mut` (chosen by `api`).
    Set(RawKey, i64, u8),
    Remove(RawKey),
    Push(i64),
    Pop,
    Get(RawKey),
}

fn raw_key() -> impl Strategy<Value = RawKey> {
    prop_oneof![
        6 => (0i64..12).prop_map(RawKey::Int),
        2 => (12i64..64).prop_map(RawKey::Int),
        1 => Just(RawKey::Int(1000)),
        1 => Just(RawKey::Int(i64::MAX)),
        1 => Just(RawKey::Int(i64::MAX - 1)),
        4 => prop::sample::select(vec![
            "a", "b", "c", "", "key", "0", "1", "2", "3", "7", "10", "07", "-0", " 1", "1 ",
            "+1", "1.5", "9223372036854775807", "9223372036854775808", "0x1", "null",
        ])
        .prop_map(RawKey::Str),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => (raw_key(), any::<i64>(), 0u8..4).prop_map(|(k, v, a)| Op::Set(k, v, a)),
        2 => raw_key().prop_map(Op::Remove),
        5 => any::<i64>().prop_map(Op::Push),
        2 => Just(Op::Pop),
        2 => raw_key().prop_map(Op::Get),
    ]
}

/// Mostly-packed workloads: pushes, appends at `len`, removals at the end.
fn packed_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => any::<i64>().prop_map(Op::Push),
        2 => (0i64..20, any::<i64>(), 0u8..4).prop_map(|(k, v, a)| Op::Set(RawKey::Int(k), v, a)),
        1 => Just(Op::Pop),
        1 => (0i64..20).prop_map(|k| Op::Remove(RawKey::Int(k))),
    ]
}

fn int_of(v: Option<&TypedValue>) -> Option<i64> {
    v.map(|v| {
        assert!(v.is_int(), "stored value is not an int: {}", v.type_name());
        v.int_val()
    })
}

fn apply(arr: &mut PhpArray, m: &mut Model, op: &Op) -> Result<(), TestCaseError> {
    match op {
        Op::Set(k, v, api) => {
            let val = TypedValue::int(*v);
            match (api, k) {
                (0, RawKey::Int(i)) => arr.set(KeyRef::Int(*i), val),
                (0, RawKey::Str(s)) => arr.set(KeyRef::from_bytes(s.as_bytes()), val),
                (1, RawKey::Int(i)) => arr.set_int(*i, val),
                (1, RawKey::Str(s)) => arr.set_str(s.as_bytes(), val),
                (2, _) => {
                    let key = match k.norm() {
                        MKey::Int(i) => Key::Int(i),
                        MKey::Str(s) => Key::str(s.as_bytes()),
                    };
                    arr.set_key(key, val)
                }
                _ => {
                    let nk = k.norm();
                    *arr.entry_mut(nk.as_ref()) = val;
                }
            }
            m.set(k.norm(), *v);
        }
        Op::Remove(k) => {
            let nk = k.norm();
            let got = int_of(arr.remove(nk.as_ref()).as_ref());
            prop_assert_eq!(got, m.remove(&nk), "remove {:?}", k);
        }
        Op::Push(v) => {
            let ok = arr.push(TypedValue::int(*v));
            prop_assert_eq!(ok, m.push(*v), "push");
        }
        Op::Pop => {
            let got = int_of(arr.pop().as_ref());
            prop_assert_eq!(got, m.pop(), "pop");
        }
        Op::Get(k) => {
            let nk = k.norm();
            prop_assert_eq!(int_of(arr.get(nk.as_ref())), m.get(&nk), "get {:?}", k);
            if let RawKey::Str(s) = k {
                prop_assert_eq!(
                    int_of(arr.get_str(s.as_bytes())),
                    m.get(&nk),
                    "get_str {:?}",
                    s
                );
            }
        }
    }
    Ok(())
}

fn key_of(k: KeyRef<'_>) -> MKey {
    match k {
        KeyRef::Int(i) => MKey::Int(i),
        KeyRef::Str(s) => MKey::Str(String::from_utf8(s.to_vec()).expect("utf-8 key")),
    }
}

fn check_same(arr: &PhpArray, m: &Model, ctx: &str) -> Result<(), TestCaseError> {
    let got: Vec<(MKey, i64)> = arr
        .iter()
        .map(|(k, v)| (key_of(k), int_of(Some(v)).unwrap_or_default()))
        .collect();
    prop_assert_eq!(&got, &m.entries, "iteration order after {}", ctx);
    prop_assert_eq!(arr.len(), m.entries.len(), "len after {}", ctx);
    prop_assert_eq!(arr.is_empty(), m.entries.is_empty());
    prop_assert_eq!(arr.is_list(), m.is_list(), "is_list after {}", ctx);
    if arr.is_packed() {
        prop_assert!(m.is_list(), "packed array with non-list keys after {}", ctx);
    }
    prop_assert_eq!(arr.next_free(), m.next_free, "next free key after {}", ctx);
    for (k, v) in &m.entries {
        prop_assert_eq!(
            int_of(arr.get(k.as_ref())),
            Some(*v),
            "get {:?} after {}",
            k,
            ctx
        );
        prop_assert!(arr.contains_key(k.as_ref()));
    }
    prop_assert_eq!(
        arr.first().map(|(k, v)| (key_of(k), v.int_val())),
        m.entries.first().cloned()
    );
    prop_assert_eq!(
        arr.last().map(|(k, v)| (key_of(k), v.int_val())),
        m.entries.last().cloned()
    );
    // Position-based iteration (foreach) sees the same sequence.
    let mut pos = 0;
    let mut via_pos = Vec::new();
    while let Some((p, k, v)) = arr.entry_from(pos) {
        via_pos.push((key_of(k), v.int_val()));
        pos = p + 1;
    }
    prop_assert_eq!(&via_pos, &m.entries, "entry_from walk after {}", ctx);
    Ok(())
}

fn run_ops(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut arr = PhpArray::new();
    let mut m = Model::default();
    for (i, op) in ops.iter().enumerate() {
        apply(&mut arr, &mut m, op)?;
        check_same(&arr, &m, &format!("op #{i} {op:?}"))?;
    }
    // Round trips.
    let entries = arr.clone().into_entries();
    let keys: Vec<MKey> = entries.iter().map(|(k, _)| key_of(k.as_ref())).collect();
    let want: Vec<MKey> = m.entries.iter().map(|(k, _)| k.clone()).collect();
    prop_assert_eq!(keys, want, "into_entries");
    let rebuilt = PhpArray::from_entries(entries);
    let got: Vec<(MKey, i64)> = rebuilt
        .iter()
        .map(|(k, v)| (key_of(k), v.int_val()))
        .collect();
    prop_assert_eq!(&got, &m.entries, "from_entries(into_entries)");
    let vals: Vec<i64> = arr.values().iter().map(|v| v.int_val()).collect();
    let want_vals: Vec<i64> = m.entries.iter().map(|(_, v)| *v).collect();
    prop_assert_eq!(vals, want_vals, "values");
    Ok(())
}

fn model_of(arr: &PhpArray) -> Vec<(MKey, i64)> {
    arr.iter().map(|(k, v)| (key_of(k), v.int_val())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn array_matches_model(ops in prop::collection::vec(op(), 0..60)) {
        run_ops(&ops)?;
    }

    #[test]
    fn packed_workloads_match_model(ops in prop::collection::vec(packed_op(), 0..80)) {
        run_ops(&ops)?;
    }

    /// Pushes and appends at index `len` alone keep an array packed.
    #[test]
    fn pushes_stay_packed(vals in prop::collection::vec(any::<i64>(), 0..100), use_set in any::<bool>()) {
        let mut arr = PhpArray::new();
        for (i, v) in vals.iter().enumerate() {
            if use_set {
                arr.set_int(i as i64, TypedValue::int(*v));
            } else {
                prop_assert!(arr.push(TypedValue::int(*v)));
            }
            prop_assert!(arr.is_packed(), "not packed after {} appends", i + 1);
        }
        prop_assert_eq!(arr.len(), vals.len());
        prop_assert_eq!(arr.next_free(), vals.len() as i64);
    }

    /// Copy-on-write: a clone of an array value shares storage until one side writes.
    #[test]
    fn copy_on_write(
        setup in prop::collection::vec(op(), 0..30),
        ops in prop::collection::vec(op(), 1..30),
        mutate_original in any::<bool>(),
    ) {
        let mut arr = PhpArray::new();
        let mut m = Model::default();
        for op in &setup {
            apply(&mut arr, &mut m, op)?;
        }
        let mut a = TypedValue::array(arr);
        let mut b = a.clone();
        prop_assert_eq!(a.cell_ptr(), b.cell_ptr(), "clone shares the cell");
        let snapshot = model_of(a.arr());
        let next = a.arr().next_free();
        let (w, r) = if mutate_original { (&mut a, &b) } else { (&mut b, &a) };
        let mut m2 = Model { entries: snapshot.clone(), next_free: next };
        for op in &ops {
            apply(w.arr_mut(), &mut m2, op)?;
        }
        prop_assert_eq!(model_of(r.arr()), snapshot.clone(), "untouched side changed");
        prop_assert_eq!(r.arr().next_free(), next);
        prop_assert_eq!(model_of(w.arr()), m2.entries, "written side");
        let wp = w.cell_ptr();
        prop_assert_ne!(wp, r.cell_ptr(), "write separated");
        // A uniquely owned array is written in place.
        let _ = w.arr_mut();
        prop_assert_eq!(w.cell_ptr(), wp);
    }
}

/// php -n -r '$a=[0,1,2]; unset($a[2]); array_pop($a); $a[]="x"; var_dump(array_keys($a));'
/// gives keys 0, 3 (array_pop lowers nNextFreeElement only when the popped key is
/// nNextFreeElement - 1).
#[test]
fn bug_pop_next_free_after_unset() {
    let mut a = PhpArray::from_values(vec![
        TypedValue::int(0),
        TypedValue::int(1),
        TypedValue::int(2),
    ]);
    a.remove(KeyRef::Int(2));
    a.pop();
    a.push(TypedValue::str(b"x"));
    let keys: Vec<_> = a.iter().map(|(k, _)| key_of(k)).collect();
    assert_eq!(keys, vec![MKey::Int(0), MKey::Int(3)]);
}

/// php -n -r '$a=[PHP_INT_MAX=>1, "s"=>2]; array_pop($a); $a[]=3;' throws Error "Cannot
/// add element to the array as the next element is already occupied" (the array stays
/// [PHP_INT_MAX=>1]). hopjit: `max_int_key() + 1` overflows (a panic in debug
/// builds; wraps to PHP_INT_MIN in release, and the push then succeeds with that key).
#[test]
fn bug_pop_next_free_overflow() {
    let mut a = PhpArray::new();
    a.set_int(i64::MAX, TypedValue::int(1));
    a.set_str(b"s", TypedValue::int(2));
    a.pop();
    assert!(
        !a.push(TypedValue::int(3)),
        "push must fail: next element occupied"
    );
    assert_eq!(a.len(), 1);
}
