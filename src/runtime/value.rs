//! `TypedValue`: the one value layout every tier shares.
//!
//! A value is 16 bytes, `#[repr(C)]`: `data` at offset 0 and `tag` at offset 8, so JIT
//! code can guard on the tag with one byte compare and operate on `data` inline. Tag
//! numbers are fixed and documented here; JIT tiers hard-code them.
//!
//! Strings, arrays, objects and reference boxes are heap cells with a non-atomic
//! refcount at offset 0 ([`Header`]). A value lives in one request on one thread, so the
//! count needs no atomics. Literals of a compiled unit are *static*: their header has
//! [`STATIC_FLAG`] set, they are shared by every thread, and refcount operations skip
//! them (they are never written after construction).
//!
//! The Rust side manages counts with RAII: `Clone` increments, `Drop` decrements and
//! frees at zero. JIT code does the same by calling the documented helpers.

use std::cell::Cell;
use std::fmt;
use std::ptr::NonNull;

use super::array::PhpArray;
use super::object::PhpObject;
pub use super::str_cell::{StrBuf, StrCell};

/// Fixed tag numbers. `UNINIT` is an unset local (reads warn "Undefined variable").
pub mod tag {
    pub const UNINIT: u8 = 0;
    pub const NULL: u8 = 1;
    /// `data` is 0 or 1.
    pub const BOOL: u8 = 2;
    /// `data` is an `i64`.
    pub const INT: u8 = 3;
    /// `data` is the bit pattern of an `f64`.
    pub const DOUBLE: u8 = 4;
    /// Tags from `STRING` to `REF` are refcounted heap cells; `data` is the cell pointer.
    pub const STRING: u8 = 8;
    pub const ARRAY: u8 = 9;
    pub const OBJECT: u8 = 10;
    /// A reference box (`$a = &$b`): both variables hold the same `RefBox`.
    pub const REF: u8 = 11;
    /// Frame-internal: `data` points at another `TypedValue` (an array element or a
    /// local) produced by a write-fetch and consumed by the next op. Never refcounted,
    /// never escapes a single op sequence, never stored in an array.
    pub const INDIRECT: u8 = 16;

    // Frame teardown (`vm::interp::drop_slots`) tests bit 3 of the tags ORed
    // together before looking for counted values: every counted tag must have it.
    const _: () = assert!(STRING & 8 != 0 && ARRAY & 8 != 0 && OBJECT & 8 != 0 && REF & 8 != 0);
    const _: () = assert!(REF - STRING == 3);
    // `interp::deref_slot` tests `tag < REF` first: REF and INDIRECT must be the
    // only tags from REF up.
    const _: () = assert!(INDIRECT > REF && OBJECT < REF);

    /// Whether `data` is a pointer to a refcounted cell.
    #[inline(always)]
    pub const fn is_counted(tag: u8) -> bool {
        tag >= STRING && tag <= REF
    }
}

/// Header of every heap cell, at offset 0. `rc` counts owners; a static cell
/// (flag set) is immortal and never written.
#[repr(C)]
pub struct Header {
    pub rc: Cell<u32>,
    pub flags: u32,
}

pub const STATIC_FLAG: u32 = 1;

impl Header {
    #[inline]
    pub fn new() -> Header {
        Header {
            rc: Cell::new(1),
            flags: 0,
        }
    }
    #[inline(always)]
    pub fn is_static(&self) -> bool {
        self.flags & STATIC_FLAG != 0
    }
    /// Whether the holder is the only owner, so it may mutate in place.
    #[inline(always)]
    pub fn is_unique(&self) -> bool {
        !self.is_static() && self.rc.get() == 1
    }
    #[inline(always)]
    fn incref(&self) {
        if !self.is_static() {
            self.rc.set(self.rc.get() + 1);
        }
    }
    /// Returns true when the count reached zero and the cell must be freed.
    #[inline(always)]
    fn decref(&self) -> bool {
        if self.is_static() {
            return false;
        }
        let n = self.rc.get() - 1;
        self.rc.set(n);
        n == 0
    }
}

impl Default for Header {
    fn default() -> Self {
        Header::new()
    }
}

#[repr(C)]
pub struct ArrCell {
    pub hdr: Header,
    pub arr: PhpArray,
}

#[repr(C)]
pub struct ObjCell {
    pub hdr: Header,
    pub obj: PhpObject,
}

/// The box two or more variables share after `$a = &$b`. The inner value is never
/// itself a `REF`.
#[repr(C)]
pub struct RefBox {
    pub hdr: Header,
    pub val: TypedValue,
}

/// The 16-byte value. See the module docs for the layout contract. Bytes 9..16
/// are padding, not a field: a field would be copied with every move, and its
/// byte-wise copy (7 bytes as two overlapping 4-byte moves) stalls on store
/// forwarding right after the value was built (measured: most of the array-write
/// helper's time in fannkuch). Nothing reads them.
#[repr(C)]
pub struct TypedValue {
    pub data: u64,
    pub tag: u8,
}

const _: () = assert!(std::mem::size_of::<TypedValue>() == 16);
const _: () = assert!(std::mem::offset_of!(TypedValue, tag) == 8);

impl TypedValue {
    #[inline(always)]
    pub const fn raw(tag: u8, data: u64) -> TypedValue {
        TypedValue { data, tag }
    }
    /// A view of a value someone else owns, given as its tag and payload (what
    /// JIT code passes to its helpers): never dropped, so it releases nothing.
    #[inline(always)]
    pub const fn view(tag: u8, data: u64) -> std::mem::ManuallyDrop<TypedValue> {
        std::mem::ManuallyDrop::new(Self::raw(tag, data))
    }
    #[inline(always)]
    pub const fn uninit() -> TypedValue {
        Self::raw(tag::UNINIT, 0)
    }
    #[inline(always)]
    pub const fn null() -> TypedValue {
        Self::raw(tag::NULL, 0)
    }
    #[inline(always)]
    pub const fn bool(b: bool) -> TypedValue {
        Self::raw(tag::BOOL, b as u64)
    }
    #[inline(always)]
    pub const fn int(i: i64) -> TypedValue {
        Self::raw(tag::INT, i as u64)
    }
    #[inline(always)]
    pub fn double(f: f64) -> TypedValue {
        Self::raw(tag::DOUBLE, f.to_bits())
    }
    /// A string value from bytes built elsewhere (copies them into a fresh cell;
    /// code that builds a string from parts should build a [`StrBuf`] instead).
    pub fn string(bytes: Vec<u8>) -> TypedValue {
        Self::str(&bytes)
    }
    /// Inlined: returned through memory, the value was reread with one wide load
    /// that the two narrow stores building it could not forward (measured in
    /// `explode`, which makes one per piece).
    #[inline]
    pub fn str(bytes: &[u8]) -> TypedValue {
        if let [b] = bytes {
            return Self::single_byte(*b);
        }
        Self::from_buf(StrBuf::from_slice(bytes))
    }
    /// The one-byte string `b`: a static cell shared by everyone (no allocation).
    #[inline]
    pub fn single_byte(b: u8) -> TypedValue {
        Self::raw(tag::STRING, super::str_cell::single_byte_cell(b) as u64)
    }
    /// A string value owning the buffer's cell (no copy).
    #[inline]
    pub fn from_buf(buf: StrBuf) -> TypedValue {
        Self::raw(tag::STRING, buf.into_cell().as_ptr() as u64)
    }
    pub fn array(arr: PhpArray) -> TypedValue {
        let cell = Box::new(ArrCell {
            hdr: Header::new(),
            arr,
        });
        Self::raw(tag::ARRAY, Box::into_raw(cell) as u64)
    }
    pub fn object(obj: PhpObject) -> TypedValue {
        let cell = Box::new(ObjCell {
            hdr: Header::new(),
            obj,
        });
        Self::raw(tag::OBJECT, Box::into_raw(cell) as u64)
    }
    /// A fresh reference box holding `val` (which must not be a `REF`).
    pub fn new_ref(val: TypedValue) -> TypedValue {
        debug_assert!(val.tag != tag::REF);
        let cell = Box::new(RefBox {
            hdr: Header::new(),
            val,
        });
        Self::raw(tag::REF, Box::into_raw(cell) as u64)
    }
    /// An INDIRECT pointer to `target`; valid only until the next op that can
    /// reallocate the container.
    #[inline(always)]
    pub fn indirect(target: *mut TypedValue) -> TypedValue {
        Self::raw(tag::INDIRECT, target as u64)
    }

    /// Makes this value immortal and shareable across threads: it and everything it
    /// contains get the static flag. Used for unit literals only, before publication.
    pub fn into_static(self) -> TypedValue {
        match self.tag {
            tag::STRING => {
                // SAFETY: freshly built literal, uniquely owned by us, not yet shared.
                unsafe { (*(self.data as *mut StrCell)).hdr.flags |= STATIC_FLAG };
            }
            tag::ARRAY => {
                // SAFETY: as above; elements are made static recursively first.
                unsafe {
                    let cell = &mut *(self.data as *mut ArrCell);
                    cell.arr.make_static();
                    cell.hdr.flags |= STATIC_FLAG;
                }
            }
            _ => {}
        }
        self
    }

    #[inline(always)]
    pub fn tag(&self) -> u8 {
        self.tag
    }
    #[inline(always)]
    pub fn is_uninit(&self) -> bool {
        self.tag == tag::UNINIT
    }
    /// Null or uninit: both read as null.
    #[inline(always)]
    pub fn is_null(&self) -> bool {
        self.tag <= tag::NULL
    }
    #[inline(always)]
    pub fn is_int(&self) -> bool {
        self.tag == tag::INT
    }
    #[inline(always)]
    pub fn is_double(&self) -> bool {
        self.tag == tag::DOUBLE
    }
    #[inline(always)]
    pub fn is_string(&self) -> bool {
        self.tag == tag::STRING
    }
    #[inline(always)]
    pub fn is_array(&self) -> bool {
        self.tag == tag::ARRAY
    }
    #[inline(always)]
    pub fn is_object(&self) -> bool {
        self.tag == tag::OBJECT
    }
    #[inline(always)]
    pub fn is_ref(&self) -> bool {
        self.tag == tag::REF
    }
    #[inline(always)]
    pub fn is_bool(&self) -> bool {
        self.tag == tag::BOOL
    }

    /// Raw payloads; the caller has checked the tag.
    #[inline(always)]
    pub fn int_val(&self) -> i64 {
        self.data as i64
    }
    #[inline(always)]
    pub fn double_val(&self) -> f64 {
        f64::from_bits(self.data)
    }
    #[inline(always)]
    pub fn bool_val(&self) -> bool {
        self.data != 0
    }

    #[inline(always)]
    pub(crate) fn header(&self) -> &Header {
        debug_assert!(tag::is_counted(self.tag));
        // SAFETY: every counted cell type is #[repr(C)] with the Header at offset 0,
        // and a counted value's data is a live cell pointer while the value exists.
        unsafe { &*(self.data as *const Header) }
    }

    /// The string's bytes. Panics in debug builds if not a string.
    #[inline(always)]
    pub fn str_bytes(&self) -> &[u8] {
        debug_assert_eq!(self.tag, tag::STRING);
        // SAFETY: tag STRING means data is a live StrCell owned (in part) by self,
        // and a cell other owners can see is never mutated (see with_str_buf).
        unsafe { StrCell::bytes(self.data as *const StrCell) }
    }
    /// Runs `f` on this string's bytes as an owned, growable buffer: the cell itself
    /// when this value is its only owner (in place, no copy), else a private copy
    /// (copy-on-write). The value holds the result afterwards.
    pub fn with_str_buf<R>(&mut self, f: impl FnOnce(&mut StrBuf) -> R) -> R {
        debug_assert_eq!(self.tag, tag::STRING);
        let mut buf = if self.header().is_unique() {
            // Leave uninit behind while the buffer owns the cell, so an unwinding `f`
            // cannot free it twice.
            let cell = std::mem::replace(self, TypedValue::uninit()).into_raw().1;
            // SAFETY: the cell was unique and not static, and self gave it up.
            unsafe { StrBuf::from_cell(NonNull::new_unchecked(cell as *mut StrCell)) }
        } else {
            StrBuf::from_slice(self.str_bytes())
        };
        let r = f(&mut buf);
        *self = TypedValue::from_buf(buf);
        r
    }
    /// `$s .= bytes` for a string value (in place when unique).
    pub fn str_append(&mut self, bytes: &[u8]) {
        self.with_str_buf(|b| b.extend_from_slice(bytes))
    }
    #[inline(always)]
    pub fn arr(&self) -> &PhpArray {
        debug_assert_eq!(self.tag, tag::ARRAY);
        // SAFETY: tag ARRAY means data is a live ArrCell.
        unsafe { &(*(self.data as *const ArrCell)).arr }
    }
    /// Mutable array, separating (copy-on-write) first if shared or static.
    #[inline(always)]
    pub fn arr_mut(&mut self) -> &mut PhpArray {
        debug_assert_eq!(self.tag, tag::ARRAY);
        if !self.header().is_unique() {
            self.separate_array();
        }
        // SAFETY: now uniquely owned by self.
        unsafe { &mut (*(self.data as *mut ArrCell)).arr }
    }
    /// The packed storage of an array this value alone owns, for in-place element
    /// writes; `None` when the array is shared, static or a hash (nothing is
    /// separated: callers fall back to [`TypedValue::arr_mut`]'s paths).
    #[inline(always)]
    pub fn unique_packed_mut(&mut self) -> Option<&mut Vec<TypedValue>> {
        if self.tag != tag::ARRAY || !self.header().is_unique() {
            return None;
        }
        // SAFETY: tag ARRAY means data is a live ArrCell, owned by self alone.
        unsafe { (*(self.data as *mut ArrCell)).arr.packed_mut() }
    }
    /// Copy-on-write: replaces a shared (or static) array by a private copy.
    #[cold]
    #[inline(never)]
    fn separate_array(&mut self) {
        let mut copy = self.arr().clone();
        if self.header().is_static() && copy.is_empty() {
            copy.set_empty_literal_next_free();
        }
        *self = TypedValue::array(copy);
    }
    #[inline(always)]
    pub fn obj(&self) -> &PhpObject {
        debug_assert_eq!(self.tag, tag::OBJECT);
        // SAFETY: tag OBJECT means data is a live ObjCell.
        unsafe { &(*(self.data as *const ObjCell)).obj }
    }
    /// Objects are handles: mutation goes to the shared object (no copy-on-write).
    #[allow(clippy::mut_from_ref)]
    pub fn obj_mut(&self) -> &mut PhpObject {
        debug_assert_eq!(self.tag, tag::OBJECT);
        // SAFETY: objects have handle semantics and live on one thread; callers never
        // hold two of these borrows across a call that could re-enter the same object.
        unsafe { &mut (*(self.data as *mut ObjCell)).obj }
    }
    /// Identity of a heap cell (objects: `===`; arrays: cheap equality shortcut).
    #[inline(always)]
    pub fn cell_ptr(&self) -> usize {
        self.data as usize
    }
    /// The refcount of a counted value (for `--dump` tools and tests).
    pub fn refcount(&self) -> Option<u32> {
        tag::is_counted(self.tag).then(|| self.header().rc.get())
    }

    /// Follows a reference box; any other value is returned as is. (Not the
    /// `Deref` trait: a value is not a smart pointer, and an implicit deref would
    /// hide where references are followed.)
    #[allow(clippy::should_implement_trait)]
    #[inline(always)]
    pub fn deref(&self) -> &TypedValue {
        if self.tag == tag::REF {
            // SAFETY: tag REF means data is a live RefBox; its val is never a REF.
            unsafe { &(*(self.data as *const RefBox)).val }
        } else {
            self
        }
    }
    /// Follows a reference box for writing: writes land in the shared box.
    #[allow(clippy::should_implement_trait)]
    #[inline(always)]
    pub fn deref_mut(&mut self) -> &mut TypedValue {
        if self.tag == tag::REF {
            // SAFETY: as in deref; the box is shared on purpose (reference semantics).
            unsafe { &mut (*(self.data as *mut RefBox)).val }
        } else {
            self
        }
    }
    /// Turns this slot into a reference (boxing its current value) unless it is one,
    /// and returns a new handle to the box.
    pub fn make_ref(&mut self) -> TypedValue {
        if self.tag != tag::REF {
            let v = std::mem::take(self);
            let v = if v.is_uninit() { TypedValue::null() } else { v };
            *self = TypedValue::new_ref(v);
        }
        self.clone()
    }
    /// Reference boxes held only by one owner behave as plain values again (PHP
    /// unwraps refcount-1 references when copying array elements).
    pub fn is_lonely_ref(&self) -> bool {
        self.tag == tag::REF && self.header().rc.get() == 1
    }
    /// A copy for storing elsewhere: dereferences, and turns uninit into null.
    /// Always inlined: returned through memory, the value is written as two fields
    /// and then moved with one 16-byte load, which the store buffer cannot forward
    /// (measured: most of the array-write helper's time in fannkuch).
    #[inline(always)]
    pub fn copy_value(&self) -> TypedValue {
        let v = self.deref();
        if v.is_uninit() {
            TypedValue::null()
        } else {
            v.clone()
        }
    }
    /// Takes the value out, leaving uninit. Field by field: values taken here were
    /// often just written by JIT code as two stores (data, tag), which one 16-byte
    /// load could not forward from.
    #[inline(always)]
    pub fn take(&mut self) -> TypedValue {
        let v = TypedValue::raw(self.tag, self.data);
        self.tag = tag::UNINIT;
        self.data = 0;
        v
    }
    /// Releases ownership without touching the count (for handing to JIT code).
    #[inline(always)]
    pub fn into_raw(self) -> (u8, u64) {
        let r = (self.tag, self.data);
        std::mem::forget(self);
        r
    }

    /// PHP's `gettype()` names.
    pub fn type_name(&self) -> &'static str {
        match self.deref().tag {
            tag::UNINIT | tag::NULL => "NULL",
            tag::BOOL => "boolean",
            tag::INT => "integer",
            tag::DOUBLE => "double",
            tag::STRING => "string",
            tag::ARRAY => "array",
            tag::OBJECT => "object",
            _ => "unknown type",
        }
    }
    /// The type names PHP 8 uses in TypeError messages (`get_debug_type`).
    pub fn debug_type(&self) -> String {
        match self.deref().tag {
            tag::UNINIT | tag::NULL => "null".into(),
            tag::BOOL => "bool".into(),
            tag::INT => "int".into(),
            tag::DOUBLE => "float".into(),
            tag::STRING => "string".into(),
            tag::ARRAY => "array".into(),
            tag::OBJECT => self.deref().obj().class_name().to_string(),
            _ => "unknown".into(),
        }
    }
    /// Type names as the engine's "Unsupported operand types" message spells them.
    pub fn zend_type_name(&self) -> &'static str {
        match self.deref().tag {
            tag::UNINIT | tag::NULL => "null",
            tag::BOOL => "bool",
            tag::INT => "int",
            tag::DOUBLE => "float",
            tag::STRING => "string",
            tag::ARRAY => "array",
            tag::OBJECT => "object",
            _ => "unknown",
        }
    }
}

impl Clone for TypedValue {
    #[inline(always)]
    fn clone(&self) -> TypedValue {
        if tag::is_counted(self.tag) {
            self.header().incref();
        }
        TypedValue::raw(self.tag, self.data)
    }
}

impl Drop for TypedValue {
    #[inline(always)]
    fn drop(&mut self) {
        if tag::is_counted(self.tag) && self.header().decref() {
            release_cell(self.tag, self.data);
        }
    }
}

/// Frees a cell whose count reached zero. Out of line: the fast path is the compare.
#[cold]
#[inline(never)]
fn release_cell(tag_: u8, data: u64) {
    // SAFETY: the count reached zero, so this was the last owner; data was created by
    // Box::into_raw of the cell type matching the tag (strings: StrCell::alloc).
    unsafe {
        match tag_ {
            tag::STRING => StrCell::free(data as *mut StrCell),
            tag::ARRAY => drop(Box::from_raw(data as *mut ArrCell)),
            tag::OBJECT => drop(Box::from_raw(data as *mut ObjCell)),
            tag::REF => drop(Box::from_raw(data as *mut RefBox)),
            _ => {}
        }
    }
}

impl Default for TypedValue {
    fn default() -> Self {
        TypedValue::null()
    }
}

impl fmt::Debug for TypedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.tag {
            tag::UNINIT => write!(f, "uninit"),
            tag::NULL => write!(f, "null"),
            tag::BOOL => write!(f, "{}", self.bool_val()),
            tag::INT => write!(f, "{}", self.int_val()),
            tag::DOUBLE => write!(f, "{:?}", self.double_val()),
            tag::STRING => write!(f, "{:?}", String::from_utf8_lossy(self.str_bytes())),
            tag::ARRAY => write!(f, "{:?}", self.arr()),
            tag::OBJECT => write!(f, "object({})", self.obj().class_name()),
            tag::REF => write!(f, "&{:?}", self.deref()),
            tag::INDIRECT => write!(f, "indirect({:#x})", self.data),
            t => write!(f, "tag{t}"),
        }
    }
}

/// A non-null pointer wrapper for values that are shared read-only across threads
/// (unit literal tables).
#[derive(Clone, Copy)]
pub struct StaticPtr(pub NonNull<TypedValue>);

/// A table of static literals. Sound to share because static cells are never written
/// (refcount operations skip them) and only hold other static cells.
pub struct StaticValues(pub Vec<TypedValue>);
// SAFETY: every value inside is a scalar or a static (immortal, never mutated) cell.
unsafe impl Send for StaticValues {}
// SAFETY: as above.
unsafe impl Sync for StaticValues {}

impl std::ops::Deref for StaticValues {
    type Target = [TypedValue];
    fn deref(&self) -> &[TypedValue] {
        &self.0
    }
}
