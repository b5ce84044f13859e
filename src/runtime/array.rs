//! PHP arrays: ordered maps with a packed fast form.
//!
//! *Packed*: keys are exactly `0..len` in order, stored as a plain `Vec` — what JIT
//! code inlines for `$a[$i]`. *Hash*: insertion-ordered entries plus an index from key
//! to entry position; deletions leave tombstones (so positions held by iterators stay
//! valid) that are compacted when they outnumber live entries at growth time.
//!
//! Copy-on-write lives one level up: a `TypedValue` array separates in `arr_mut` when
//! its cell is shared, so a `PhpArray` itself is always uniquely owned when mutated.

use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher};

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use super::value::{tag, TypedValue};

/// An owned array key: PHP normalises integer-like strings to ints before storing.
#[derive(Clone)]
pub enum Key {
    Int(i64),
    /// Always a `STRING` value (shares the string cell instead of copying bytes).
    Str(TypedValue),
}

/// A borrowed key for lookups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyRef<'a> {
    Int(i64),
    Str(&'a [u8]),
}

impl Key {
    pub fn str(bytes: &[u8]) -> Key {
        Key::Str(TypedValue::str(bytes))
    }
    #[inline]
    pub fn as_ref(&self) -> KeyRef<'_> {
        match self {
            Key::Int(i) => KeyRef::Int(*i),
            Key::Str(s) => KeyRef::Str(s.str_bytes()),
        }
    }
    /// The key as a PHP value (`foreach ($a as $k => ...)`, `array_keys`).
    pub fn to_value(&self) -> TypedValue {
        match self {
            Key::Int(i) => TypedValue::int(*i),
            Key::Str(s) => s.clone(),
        }
    }
}

impl<'a> KeyRef<'a> {
    /// Normalises a string key the way PHP does: a canonical decimal integer
    /// ("0", "-5", but not "05", "+5", " 5" or "-0") becomes an int key.
    pub fn from_bytes(b: &'a [u8]) -> KeyRef<'a> {
        match canonical_int(b) {
            Some(i) => KeyRef::Int(i),
            None => KeyRef::Str(b),
        }
    }
    /// The key an int or string value names (a canonical decimal string is its
    /// int); `None` for the types element access converts first, with diagnostics.
    #[inline(always)]
    pub fn of_value(v: &'a TypedValue) -> Option<KeyRef<'a>> {
        match v.tag() {
            tag::INT => Some(KeyRef::Int(v.int_val())),
            tag::STRING => Some(KeyRef::from_bytes(v.str_bytes())),
            _ => None,
        }
    }
    pub fn to_owned_key(self) -> Key {
        match self {
            KeyRef::Int(i) => Key::Int(i),
            KeyRef::Str(s) => Key::str(s),
        }
    }
}

/// Parses a canonical decimal integer string (PHP's `ZEND_HANDLE_NUMERIC_STR`).
pub fn canonical_int(b: &[u8]) -> Option<i64> {
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 19 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if digits[0] == b'0' && (digits.len() > 1 || neg) {
        return None;
    }
    let mut v: i64 = 0;
    for &d in digits {
        v = v.checked_mul(10)?;
        v = if neg {
            v.checked_sub((d - b'0') as i64)?
        } else {
            v.checked_add((d - b'0') as i64)?
        };
    }
    Some(v)
}

/// 32 bits of a key's hash: what the index stores next to each position.
fn hash_key(k: KeyRef<'_>) -> u32 {
    let mut h = FxBuildHasher.build_hasher();
    match k {
        KeyRef::Int(i) => i.hash(&mut h),
        KeyRef::Str(s) => {
            0xffu8.hash(&mut h);
            s.hash(&mut h);
        }
    }
    (h.finish() >> 32) as u32
}

/// The hash the index table works with, derived from the stored 32 bits alone so
/// that growing the table never touches the entries (or hashes key strings again).
fn table_hash(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// An index slot: the entry's position and its key's [`hash_key`].
type Slot32 = (u32, u32);

#[derive(Clone)]
struct Entry {
    key: Key,
    /// `UNINIT` marks a deleted entry (tombstone).
    val: TypedValue,
}

#[derive(Clone, Default)]
struct HashRepr {
    entries: Vec<Entry>,
    /// Positions into `entries` with their keys' hashes (compared before the key).
    index: HashTable<Slot32>,
    live: usize,
}

/// `repr(C, u8)`: a tag byte (0 packed, 1 hash) then the variant's fields at the
/// next 8-byte boundary — a defined layout, which the optimizing tier's inline
/// element access relies on (see `array_layout.rs`).
#[derive(Clone)]
#[repr(C, u8)]
enum Repr {
    Packed(Vec<TypedValue>),
    Hash(HashRepr),
}

/// A PHP array. See the module docs.
#[derive(Clone)]
pub struct PhpArray {
    repr: Repr,
    /// The key `$a[] = v` uses next (PHP's nNextFreeElement); never below `len` for
    /// packed arrays. `NO_KEY_YET` (PHP's ZEND_LONG_MIN) until an int key is used:
    /// then the first int key k makes it k+1 even when k is negative (PHP 8.2).
    next_free: i64,
}

impl Default for PhpArray {
    fn default() -> Self {
        PhpArray::new()
    }
}

/// Where `PhpArray::repr` (its tag byte first) sits in a `PhpArray`.
pub(crate) const REPR_OFFSET: usize = std::mem::offset_of!(PhpArray, repr);
/// Where `PhpArray::next_free` sits in a `PhpArray` (JIT code appending inline).
pub(crate) const NEXT_FREE_OFFSET: usize = std::mem::offset_of!(PhpArray, next_free);

/// `next_free` of an array that has had no int key yet.
const NO_KEY_YET: i64 = i64::MIN;

impl PhpArray {
    pub fn new() -> PhpArray {
        PhpArray {
            repr: Repr::Packed(Vec::new()),
            next_free: NO_KEY_YET,
        }
    }
    pub fn with_capacity(n: usize) -> PhpArray {
        PhpArray {
            repr: Repr::Packed(Vec::with_capacity(n)),
            next_free: NO_KEY_YET,
        }
    }
    /// PHP's shared empty array (the literal `[]`) starts counting at 0: negative
    /// keys written into a copy of it do not move the next free key.
    pub fn set_empty_literal_next_free(&mut self) {
        if self.next_free == NO_KEY_YET {
            self.next_free = 0;
        }
    }
    /// A packed array from values (keys 0..n).
    pub fn from_values(v: Vec<TypedValue>) -> PhpArray {
        let n = v.len() as i64;
        PhpArray {
            repr: Repr::Packed(v),
            next_free: n,
        }
    }
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Packed(v) => v.len(),
            Repr::Hash(h) => h.live,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn is_packed(&self) -> bool {
        matches!(self.repr, Repr::Packed(_))
    }
    /// Whether keys are exactly 0..len in order (a "list"), whatever the storage.
    pub fn is_list(&self) -> bool {
        match &self.repr {
            Repr::Packed(_) => true,
            Repr::Hash(_) => self
                .iter()
                .enumerate()
                .all(|(i, (k, _))| k == KeyRef::Int(i as i64)),
        }
    }
    pub fn next_free(&self) -> i64 {
        if self.next_free == NO_KEY_YET {
            0
        } else {
            self.next_free
        }
    }
    /// Packed storage, for fast paths.
    pub fn packed(&self) -> Option<&Vec<TypedValue>> {
        match &self.repr {
            Repr::Packed(v) => Some(v),
            Repr::Hash(_) => None,
        }
    }
    pub fn packed_mut(&mut self) -> Option<&mut Vec<TypedValue>> {
        match &mut self.repr {
            Repr::Packed(v) => Some(v),
            Repr::Hash(_) => None,
        }
    }

    pub fn get(&self, k: KeyRef<'_>) -> Option<&TypedValue> {
        match &self.repr {
            Repr::Packed(v) => match k {
                KeyRef::Int(i) if i >= 0 => v.get(i as usize),
                _ => None,
            },
            Repr::Hash(h) => h.find(k).map(|p| &h.entries[p].val),
        }
    }
    pub fn get_mut(&mut self, k: KeyRef<'_>) -> Option<&mut TypedValue> {
        match &mut self.repr {
            Repr::Packed(v) => match k {
                KeyRef::Int(i) if i >= 0 => v.get_mut(i as usize),
                _ => None,
            },
            Repr::Hash(h) => h.find(k).map(move |p| &mut h.entries[p].val),
        }
    }
    /// The element for an int or string key value (a string normalised as PHP
    /// does: `"5"` is 5); `None` for a missing element or a key of another type,
    /// which the generic element access converts (with its diagnostics).
    #[inline]
    pub fn get_by_value(&self, key: &TypedValue) -> Option<&TypedValue> {
        self.get(KeyRef::of_value(key)?)
    }
    pub fn get_int(&self, i: i64) -> Option<&TypedValue> {
        self.get(KeyRef::Int(i))
    }
    pub fn get_str(&self, s: &[u8]) -> Option<&TypedValue> {
        self.get(KeyRef::from_bytes(s))
    }
    pub fn contains_key(&self, k: KeyRef<'_>) -> bool {
        self.get(k).is_some()
    }

    /// Inserts or overwrites; keeps the position of an existing key.
    pub fn set(&mut self, k: KeyRef<'_>, val: TypedValue) {
        *self.entry_mut(k) = val;
    }
    pub fn set_int(&mut self, i: i64, val: TypedValue) {
        self.set(KeyRef::Int(i), val)
    }
    pub fn set_str(&mut self, s: &[u8], val: TypedValue) {
        self.set(KeyRef::from_bytes(s), val)
    }
    /// Sets with an already-owned key (avoids re-allocating string keys).
    pub fn set_key(&mut self, k: Key, val: TypedValue) {
        if let (Key::Str(s), Repr::Hash(_)) = (&k, &self.repr) {
            if self.get(KeyRef::Str(s.str_bytes())).is_none() {
                self.insert_new_hash(k, val);
                return;
            }
        }
        self.set(k.as_ref(), val)
    }

    /// The slot for `k`, created as null if missing (write fetch, `$a[k][..] = v`).
    pub fn entry_mut(&mut self, k: KeyRef<'_>) -> &mut TypedValue {
        self.entry_mut_with(k, || k.to_owned_key())
    }

    /// [`PhpArray::entry_mut`] with an owned key: a new string key shares the
    /// key's string cell instead of copying its bytes.
    pub fn entry_mut_owned(&mut self, k: &Key) -> &mut TypedValue {
        self.entry_mut_with(k.as_ref(), || k.clone())
    }

    /// The slot for `k`, created as null if missing; `owned` makes the stored key
    /// of a new entry (one lookup either way).
    fn entry_mut_with(&mut self, k: KeyRef<'_>, owned: impl FnOnce() -> Key) -> &mut TypedValue {
        if let (Repr::Packed(v), KeyRef::Int(i)) = (&self.repr, k) {
            let len = v.len();
            if i >= 0 && (i as usize) < len {
                return self.packed_slot(i as usize);
            }
            if i >= 0 && i as usize == len && i >= self.next_free() {
                self.next_free = i + 1;
                if let Repr::Packed(v) = &mut self.repr {
                    v.push(TypedValue::null());
                }
                return self.packed_slot(len);
            }
        }
        if self.is_packed() {
            self.convert_to_hash();
        }
        // One hash of the key for the lookup and, when missing, the insertion.
        let hash = hash_key(k);
        let pos = match &self.repr {
            Repr::Hash(h) => h.find_hashed(k, hash),
            Repr::Packed(_) => unreachable!("converted above"),
        };
        let pos = match pos {
            Some(p) => p,
            None => self.insert_new_hashed(owned(), TypedValue::null(), hash),
        };
        match &mut self.repr {
            Repr::Hash(h) => &mut h.entries[pos].val,
            Repr::Packed(_) => unreachable!("converted above"),
        }
    }

    fn packed_slot(&mut self, i: usize) -> &mut TypedValue {
        match &mut self.repr {
            Repr::Packed(v) => &mut v[i],
            Repr::Hash(_) => unreachable!("caller checked the array is packed"),
        }
    }

    /// `$a[] = v`. Returns false (and changes nothing) when the next key would
    /// overflow, which PHP reports as "Cannot add element to the array as the next
    /// element is already occupied".
    pub fn push(&mut self, val: TypedValue) -> bool {
        self.push_slot().map(|slot| *slot = val).is_some()
    }
    /// The new slot `$a[]` creates, holding null.
    pub fn push_slot(&mut self) -> Option<&mut TypedValue> {
        if let Repr::Packed(v) = &self.repr {
            let len = v.len();
            if self.next_free() == len as i64 {
                self.next_free = len as i64 + 1;
                if let Repr::Packed(v) = &mut self.repr {
                    v.push(TypedValue::null());
                }
                return Some(self.packed_slot(len));
            }
        }
        if self.next_free == i64::MAX && self.contains_key(KeyRef::Int(i64::MAX)) {
            return None;
        }
        let k = self.next_free();
        Some(self.entry_mut(KeyRef::Int(k)))
    }

    /// Removes a key; returns the old value.
    pub fn remove(&mut self, k: KeyRef<'_>) -> Option<TypedValue> {
        if let Repr::Packed(v) = &mut self.repr {
            match k {
                KeyRef::Int(i) if i >= 0 && (i as usize) < v.len() => {
                    if i as usize == v.len() - 1 {
                        return v.pop();
                    }
                    self.convert_to_hash();
                }
                _ => return None,
            }
        }
        match &mut self.repr {
            Repr::Hash(h) => h.remove(k),
            Repr::Packed(_) => unreachable!("converted above"),
        }
    }

    /// `array_pop`: removes the last element and resets the next free key.
    pub fn pop(&mut self) -> Option<TypedValue> {
        let (k, _) = self.last()?;
        let k = k.to_owned_key();
        let v = self.remove(k.as_ref());
        // PHP lowers the next free key only when the popped key was the last used.
        if let Key::Int(i) = k {
            if self.next_free != NO_KEY_YET && i == self.next_free.wrapping_sub(1) {
                self.next_free = i;
            }
        }
        v
    }

    pub fn first(&self) -> Option<(KeyRef<'_>, &TypedValue)> {
        self.iter().next()
    }
    pub fn last(&self) -> Option<(KeyRef<'_>, &TypedValue)> {
        match &self.repr {
            Repr::Packed(v) => v.last().map(|x| (KeyRef::Int(v.len() as i64 - 1), x)),
            Repr::Hash(h) => h
                .entries
                .iter()
                .rev()
                .find(|e| !e.val.is_uninit())
                .map(|e| (e.key.as_ref(), &e.val)),
        }
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter { arr: self, pos: 0 }
    }
    /// Values in order (cloned handles).
    pub fn values(&self) -> Vec<TypedValue> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }
    /// Keys and values in order, consuming the array (for sorts and rebuilds).
    pub fn into_entries(self) -> Vec<(Key, TypedValue)> {
        match self.repr {
            Repr::Packed(v) => v
                .into_iter()
                .enumerate()
                .map(|(i, v)| (Key::Int(i as i64), v))
                .collect(),
            Repr::Hash(h) => h
                .entries
                .into_iter()
                .filter(|e| !e.val.is_uninit())
                .map(|e| (e.key, e.val))
                .collect(),
        }
    }
    /// Builds from ordered entries; later duplicates overwrite earlier ones in place.
    pub fn from_entries(entries: impl IntoIterator<Item = (Key, TypedValue)>) -> PhpArray {
        let mut a = PhpArray::new();
        for (k, v) in entries {
            a.set_key(k, v);
        }
        a
    }

    /// Position-based iteration used by `foreach`: the entry at or after `pos`, and
    /// the position to continue from. Positions survive inserts and deletions.
    pub fn entry_from(&self, pos: usize) -> Option<(usize, KeyRef<'_>, &TypedValue)> {
        match &self.repr {
            Repr::Packed(v) => v.get(pos).map(|x| (pos, KeyRef::Int(pos as i64), x)),
            Repr::Hash(h) => h
                .live_from(pos)
                .map(|p| (p, h.entries[p].key.as_ref(), &h.entries[p].val)),
        }
    }
    /// Like [`PhpArray::entry_from`], with the key as a value: a string key shares
    /// the stored string (no copy), as `foreach ($a as $k => ...)` wants it.
    pub fn entry_value_from(&self, pos: usize) -> Option<(usize, TypedValue, &TypedValue)> {
        match &self.repr {
            Repr::Packed(v) => v.get(pos).map(|x| (pos, TypedValue::int(pos as i64), x)),
            Repr::Hash(h) => h
                .live_from(pos)
                .map(|p| (p, h.entries[p].key.to_value(), &h.entries[p].val)),
        }
    }
    /// Mutable element at an iteration position (by-reference `foreach`).
    pub fn value_at_mut(&mut self, pos: usize) -> Option<&mut TypedValue> {
        match &mut self.repr {
            Repr::Packed(v) => v.get_mut(pos),
            Repr::Hash(h) => h.entries.get_mut(pos).map(|e| &mut e.val),
        }
    }
    /// Iteration positions stay stable only while no compaction happens; by-reference
    /// foreach disables it for the array it walks.
    pub fn ensure_hash(&mut self) {
        if self.is_packed() {
            self.convert_to_hash();
        }
    }

    fn convert_to_hash(&mut self) {
        let Repr::Packed(v) = std::mem::replace(&mut self.repr, Repr::Packed(Vec::new())) else {
            return;
        };
        // At least PHP's smallest hash (8 elements): growing from nothing
        // reallocates and rehashes at 1, 2, 4 and 8 elements.
        let cap = v.len().max(8);
        let mut h = HashRepr {
            entries: Vec::with_capacity(cap),
            index: HashTable::with_capacity(cap),
            live: 0,
        };
        for (i, val) in v.into_iter().enumerate() {
            h.append(Key::Int(i as i64), val);
        }
        self.repr = Repr::Hash(h);
    }

    fn insert_new_hash(&mut self, k: Key, val: TypedValue) -> usize {
        if self.is_packed() {
            self.convert_to_hash();
        }
        let hash = hash_key(k.as_ref());
        self.insert_new_hashed(k, val, hash)
    }

    /// [`PhpArray::insert_new_hash`] into a hash array, of a key whose
    /// [`hash_key`] is `hash`: an int key moves the next free key past it.
    fn insert_new_hashed(&mut self, k: Key, val: TypedValue, hash: u32) -> usize {
        if let Key::Int(i) = k {
            if i >= self.next_free {
                self.next_free = i.saturating_add(1);
            }
        }
        match &mut self.repr {
            Repr::Hash(h) => h.append_hashed(k, val, hash),
            Repr::Packed(_) => unreachable!("callers convert to a hash first"),
        }
    }

    /// Marks every nested cell static (unit literals).
    pub(crate) fn make_static(&mut self) {
        let vals: Vec<&mut TypedValue> = match &mut self.repr {
            Repr::Packed(v) => v.iter_mut().collect(),
            Repr::Hash(h) => {
                for e in h.entries.iter_mut() {
                    if let Key::Str(s) = &mut e.key {
                        *s = s.take().into_static();
                    }
                }
                h.entries.iter_mut().map(|e| &mut e.val).collect()
            }
        };
        for v in vals {
            *v = v.take().into_static();
        }
    }

    /// Whether any element is a reference box (copying such arrays must keep sharing).
    pub fn has_refs(&self) -> bool {
        self.iter().any(|(_, v)| v.tag() == tag::REF)
    }
}

impl HashRepr {
    /// The first live (not deleted) entry at or after `pos`.
    fn live_from(&self, pos: usize) -> Option<usize> {
        (pos..self.entries.len()).find(|&p| !self.entries[p].val.is_uninit())
    }
    fn find(&self, k: KeyRef<'_>) -> Option<usize> {
        self.find_hashed(k, hash_key(k))
    }
    /// [`HashRepr::find`] for a key whose [`hash_key`] is `h`.
    fn find_hashed(&self, k: KeyRef<'_>, h: u32) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(table_hash(h), |&(p, ph)| {
                ph == h && entries[p as usize].key.as_ref() == k
            })
            .map(|&(p, _)| p as usize)
    }
    fn append(&mut self, k: Key, val: TypedValue) -> usize {
        let hash = hash_key(k.as_ref());
        self.append_hashed(k, val, hash)
    }
    /// [`HashRepr::append`] of a key whose [`hash_key`] is `hash`.
    fn append_hashed(&mut self, k: Key, val: TypedValue, hash: u32) -> usize {
        if self.entries.len() == self.entries.capacity()
            && self.entries.len() > 8
            && self.live * 2 < self.entries.len()
        {
            self.compact();
        }
        let pos = self.entries.len();
        Self::insert_slot(&mut self.index, pos, hash);
        self.entries.push(Entry { key: k, val });
        self.live += 1;
        pos
    }
    fn remove(&mut self, k: KeyRef<'_>) -> Option<TypedValue> {
        let h = hash_key(k);
        let entries = &self.entries;
        let found = self
            .index
            .find_entry(table_hash(h), |&(p, ph)| {
                ph == h && entries[p as usize].key.as_ref() == k
            })
            .ok()?;
        let ((pos, _), _) = found.remove();
        self.live -= 1;
        Some(self.entries[pos as usize].val.take())
    }
    /// Drops tombstones and rebuilds the index.
    fn compact(&mut self) {
        self.entries.retain(|e| !e.val.is_uninit());
        self.index.clear();
        for p in 0..self.entries.len() {
            let h = hash_key(self.entries[p].key.as_ref());
            Self::insert_slot(&mut self.index, p, h);
        }
    }
    /// Adds the slot (`pos`, `h`); regrowing rehashes from the stored hashes alone.
    fn insert_slot(index: &mut HashTable<Slot32>, pos: usize, h: u32) {
        index.insert_unique(table_hash(h), (pos as u32, h), |&(_, ph)| table_hash(ph));
    }
}

pub struct Iter<'a> {
    arr: &'a PhpArray,
    pos: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (KeyRef<'a>, &'a TypedValue);
    fn next(&mut self) -> Option<Self::Item> {
        let (p, k, v) = self.arr.entry_from(self.pos)?;
        self.pos = p + 1;
        Some((k, v))
    }
}

impl fmt::Debug for PhpArray {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for (k, v) in self.iter() {
            match k {
                KeyRef::Int(i) => m.entry(&i, v),
                KeyRef::Str(s) => m.entry(&String::from_utf8_lossy(s), v),
            };
        }
        m.finish()
    }
}
