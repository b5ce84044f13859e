//! Built-in functions: arrays (core). See also `array_sort.rs` (sorts), `array_range.rs`,
//! `array_callback.rs` (functions taking callbacks, sum/product) and `array_set.rs`
//! (set operations, column, unique, rand, compact/extract).
//!
//! The internal pointer is not modelled by `PhpArray`: `reset` and `end` return the
//! first and last value; `current`, `key`, `next` and `prev` are not provided.

use super::{args, BuiltinDef};
use crate::runtime::array::{Key, KeyRef, PhpArray};
use crate::runtime::compare::{loose_equals, strict_equals};
use crate::runtime::convert::{to_key, to_str};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, Fault, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("count", "value, mode=", count),
    ("sizeof", "value, mode=", count),
    ("array_keys", "array, filter_value=, strict=", array_keys),
    ("array_values", "array", array_values),
    ("array_merge", "...arrays", array_merge),
    ("array_merge_recursive", "...arrays", array_merge_recursive),
    ("array_replace", "array, ...replacements", array_replace),
    (
        "array_slice",
        "array, offset, length=, preserve_keys=",
        array_slice,
    ),
    (
        "array_splice",
        "&array, offset, length=, replacement=",
        array_splice,
    ),
    ("array_push", "&array, ...values", array_push),
    ("array_pop", "&array", array_pop),
    ("array_shift", "&array", array_shift),
    ("array_unshift", "&array, ...values", array_unshift),
    ("array_reverse", "array, preserve_keys=", array_reverse),
    ("array_search", "needle, haystack, strict=", array_search),
    ("in_array", "needle, haystack, strict=", in_array),
    ("array_key_exists", "key, array", array_key_exists),
    ("key_exists", "key, array", array_key_exists),
    ("array_key_first", "array", array_key_first),
    ("array_key_last", "array", array_key_last),
    ("array_flip", "array", array_flip),
    ("array_fill", "start_index, count, value", array_fill),
    ("array_fill_keys", "keys, value", array_fill_keys),
    ("array_combine", "keys, values", array_combine),
    ("array_pad", "array, length, value", array_pad),
    ("array_chunk", "array, length, preserve_keys=", array_chunk),
    ("reset", "&array", reset),
    ("end", "&array", end),
];

/// Arrays above this many elements exceed PHP's default 128 MiB memory limit (16
/// bytes per packed element in PHP 8.2); we stop there instead of allocating.
pub const MAX_ELEMENTS: u64 = 128 * 1024 * 1024 / 16;

/// The fatal error PHP reports when an array would exceed the memory limit.
pub fn too_big(ctx: &mut ExecCtx, n: u64) -> Fault {
    ctx.fatal(format!(
        "Allowed memory size of 134217728 bytes exhausted (tried to allocate {} bytes)",
        n.saturating_mul(16)
    ))
}

fn cannot_add(ctx: &mut ExecCtx) -> Fault {
    ctx.throw(
        "Error",
        "Cannot add element to the array as the next element is already occupied",
    )
}

/// Appends `v` to `out` keeping string keys and renumbering int keys.
fn add_renumbered(
    ctx: &mut ExecCtx,
    out: &mut PhpArray,
    k: KeyRef<'_>,
    v: TypedValue,
) -> VmResult<()> {
    match k {
        KeyRef::Int(_) => {
            if !out.push(v) {
                return Err(cannot_add(ctx));
            }
        }
        KeyRef::Str(_) => out.set(k, v),
    }
    Ok(())
}

/// A variadic array argument at index `i` ("f(): Argument #N must be of type array").
pub fn variadic_array<'a>(
    ctx: &mut ExecCtx,
    a: &'a [TypedValue],
    i: usize,
) -> VmResult<&'a PhpArray> {
    let v = a[i].deref();
    if v.is_array() {
        return Ok(v.arr());
    }
    let msg = format!(
        "{}(): Argument #{} must be of type array, {} given",
        args::fname(ctx),
        i + 1,
        v.debug_type()
    );
    Err(ctx.type_error(msg))
}

fn count_recursive(arr: &PhpArray, depth: u32) -> i64 {
    let mut n = arr.len() as i64;
    if depth > 256 {
        return n;
    }
    for (_, v) in arr.iter() {
        let v = v.deref();
        if v.is_array() {
            n += count_recursive(v.arr(), depth + 1);
        }
    }
    n
}

fn count(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let v = a[0].deref();
    if !v.is_array() {
        return Err(args::type_error(ctx, 0, "Countable|array", &v.clone()));
    }
    let mode = args::opt_int(ctx, a, 1)?.unwrap_or(0);
    if mode != 0 && mode != 1 {
        return Err(args::value_error(
            ctx,
            1,
            "must be either COUNT_NORMAL or COUNT_RECURSIVE",
        ));
    }
    let arr = a[0].deref().arr();
    Ok(TypedValue::int(if mode == 1 {
        count_recursive(arr, 0)
    } else {
        arr.len() as i64
    }))
}

// ---- keys, values, merging ------------------------------------------------------

fn array_keys(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array(ctx, a, 0)?;
    let strict = args::opt_bool(ctx, a, 2)?.unwrap_or(false);
    let arr = a[0].deref().arr();
    let filter = a.get(1).map(|v| v.deref());
    let mut out = Vec::new();
    for (k, v) in arr.iter() {
        let keep = match filter {
            None => true,
            Some(f) if strict => strict_equals(v, f),
            Some(f) => loose_equals(v, f),
        };
        if keep {
            out.push(k.to_owned_key().to_value());
        }
    }
    Ok(TypedValue::array(PhpArray::from_values(out)))
}

fn array_values(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?;
    if arr.is_packed() {
        return Ok(a[0].deref().clone());
    }
    Ok(TypedValue::array(PhpArray::from_values(
        arr.iter().map(|(_, v)| v.copy_value()).collect(),
    )))
}

fn array_merge(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    for i in 0..a.len() {
        variadic_array(ctx, a, i)?;
    }
    let mut out = PhpArray::new();
    for v in a.iter() {
        for (k, v) in v.deref().arr().iter() {
            add_renumbered(ctx, &mut out, k, v.copy_value())?;
        }
    }
    Ok(TypedValue::array(out))
}

fn merge_recursive(
    ctx: &mut ExecCtx,
    dest: &mut PhpArray,
    src: &PhpArray,
    depth: u32,
) -> VmResult<()> {
    if depth > 256 {
        return Err(ctx.throw("Error", "Recursion detected"));
    }
    for (k, v) in src.iter() {
        let v = v.copy_value();
        match k {
            KeyRef::Str(_) if dest.contains_key(k) => {
                let slot = dest.entry_mut(k);
                let cur = slot.copy_value();
                let mut d = if cur.is_array() {
                    cur
                } else {
                    let mut arr = PhpArray::new();
                    arr.push(cur);
                    TypedValue::array(arr)
                };
                if v.is_array() {
                    merge_recursive(ctx, d.arr_mut(), v.arr(), depth + 1)?;
                } else if !d.arr_mut().push(v) {
                    return Err(cannot_add(ctx));
                }
                *dest.entry_mut(k) = d;
            }
            _ => add_renumbered(ctx, dest, k, v)?,
        }
    }
    Ok(())
}

fn array_merge_recursive(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    for i in 0..a.len() {
        variadic_array(ctx, a, i)?;
    }
    let mut out = PhpArray::new();
    for v in a.iter() {
        merge_recursive(ctx, &mut out, v.deref().arr(), 0)?;
    }
    Ok(TypedValue::array(out))
}

fn array_replace(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array(ctx, a, 0)?;
    for i in 1..a.len() {
        variadic_array(ctx, a, i)?;
    }
    let mut out = a[0].deref().clone();
    for v in a[1..].iter() {
        for (k, v) in v.deref().arr().iter() {
            out.arr_mut().set(k, v.copy_value());
        }
    }
    Ok(out)
}

// ---- slicing ------------------------------------------------------------------------

fn array_slice(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array(ctx, a, 0)?;
    let mut offset = args::int(ctx, a, 1)?;
    let length = match a.get(2) {
        Some(v) if !v.deref().is_null() => Some(args::int(ctx, a, 2)?),
        _ => None,
    };
    let preserve = args::opt_bool(ctx, a, 3)?.unwrap_or(false);
    let arr = a[0].deref().arr();
    let n = arr.len() as i64;
    if offset > n {
        return Ok(TypedValue::array(PhpArray::new()));
    }
    if offset < 0 {
        offset = (n + offset).max(0);
    }
    let mut length = length.unwrap_or(n);
    if length < 0 {
        length += n - offset;
    } else if (offset as u64).saturating_add(length as u64) > n as u64 {
        length = n - offset;
    }
    if length <= 0 {
        return Ok(TypedValue::array(PhpArray::new()));
    }
    let (start, len) = (offset as usize, length as usize);
    if let Some(vals) = arr.packed() {
        // Packed fast path: a direct sub-slice, keys 0.. (or kept, with preserve_keys).
        let part = vals
            .get(start..start.saturating_add(len).min(vals.len()))
            .unwrap_or(&[]);
        let part: Vec<TypedValue> = part.iter().map(TypedValue::copy_value).collect();
        if !preserve || start == 0 {
            return Ok(TypedValue::array(PhpArray::from_values(part)));
        }
        let mut out = PhpArray::new();
        for (i, v) in part.into_iter().enumerate() {
            out.set_int((start + i) as i64, v);
        }
        return Ok(TypedValue::array(out));
    }
    let mut out = PhpArray::new();
    for (k, v) in arr.iter().skip(start).take(len) {
        if preserve {
            out.set(k, v.copy_value());
        } else {
            add_renumbered(ctx, &mut out, k, v.copy_value())?;
        }
    }
    Ok(TypedValue::array(out))
}

/// A value converted to an array as `(array)` does for scalars (null → []).
fn to_array_value(v: &TypedValue) -> PhpArray {
    let v = v.deref();
    if v.is_array() {
        v.arr().clone()
    } else if v.is_null() {
        PhpArray::new()
    } else if v.is_object() {
        v.obj().props.clone()
    } else {
        PhpArray::from_values(vec![v.clone()])
    }
}

fn array_splice(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array_mut(ctx, a, 0)?;
    let offset = args::int(ctx, a, 1)?;
    let length = match a.get(2) {
        Some(v) if !v.deref().is_null() => Some(args::int(ctx, a, 2)?),
        _ => None,
    };
    let repl = a.get(3).map(to_array_value);
    let arr = a[0].deref().arr();
    let n = arr.len() as i64;
    let mut length = length.unwrap_or(n);
    let mut offset = offset;
    if offset > n {
        offset = n;
    } else if offset < 0 {
        offset = (n + offset).max(0);
    }
    if length < 0 {
        length += n - offset;
    } else if (offset as u64).saturating_add(length as u64) > n as u64 {
        length = n - offset;
    }
    let length = length.max(0);
    let mut out = PhpArray::new();
    let mut removed = PhpArray::new();
    for (i, (k, v)) in arr.iter().enumerate() {
        let i = i as i64;
        if i == offset {
            if let Some(r) = &repl {
                for (_, rv) in r.iter() {
                    out.push(rv.copy_value());
                }
            }
        }
        if i >= offset && i < offset + length {
            add_renumbered(ctx, &mut removed, k, v.clone())?;
        } else {
            add_renumbered(ctx, &mut out, k, v.clone())?;
        }
    }
    if offset >= n {
        if let Some(r) = &repl {
            for (_, rv) in r.iter() {
                out.push(rv.copy_value());
            }
        }
    }
    args::set_ref(a, 0, TypedValue::array(out));
    Ok(TypedValue::array(removed))
}

// ---- stack and queue ------------------------------------------------------------

fn array_push(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array_mut(ctx, a, 0)?;
    let vals: Vec<TypedValue> = a[1..].iter().map(TypedValue::copy_value).collect();
    let arr = a[0].deref_mut().arr_mut();
    for v in vals {
        if !arr.push(v) {
            return Err(cannot_add(ctx));
        }
    }
    Ok(TypedValue::int(a[0].deref().arr().len() as i64))
}

fn array_pop(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array_mut(ctx, a, 0)?;
    // `pop` lowers the next free key as PHP does.
    let v = arr.pop();
    Ok(v.map_or_else(TypedValue::null, |v| v.copy_value()))
}

fn array_shift(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array_mut(ctx, a, 0)?;
    let Some((_, first)) = arr.first() else {
        return Ok(TypedValue::null());
    };
    let first = first.copy_value();
    let mut out = PhpArray::with_capacity(arr.len());
    for (k, v) in arr.iter().skip(1) {
        match k {
            KeyRef::Int(_) => {
                out.push(v.clone());
            }
            KeyRef::Str(_) => out.set(k, v.clone()),
        }
    }
    *arr = out;
    Ok(first)
}

fn array_unshift(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array_mut(ctx, a, 0)?;
    let mut out = PhpArray::from_values(a[1..].iter().map(TypedValue::copy_value).collect());
    for (k, v) in a[0].deref().arr().iter() {
        add_renumbered(ctx, &mut out, k, v.clone())?;
    }
    let n = out.len();
    *a[0].deref_mut() = TypedValue::array(out);
    Ok(TypedValue::int(n as i64))
}

fn array_reverse(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array(ctx, a, 0)?;
    let preserve = args::opt_bool(ctx, a, 1)?.unwrap_or(false);
    let arr = a[0].deref().arr();
    let entries: Vec<(KeyRef<'_>, &TypedValue)> = arr.iter().collect();
    let mut out = PhpArray::with_capacity(entries.len());
    for (k, v) in entries.into_iter().rev() {
        match k {
            KeyRef::Int(_) if !preserve => {
                out.push(v.copy_value());
            }
            _ => out.set(k, v.copy_value()),
        }
    }
    Ok(TypedValue::array(out))
}

// ---- searching ----------------------------------------------------------------------

fn search(ctx: &mut ExecCtx, a: &[TypedValue]) -> VmResult<Option<TypedValue>> {
    args::array(ctx, a, 1)?;
    let strict = args::opt_bool(ctx, a, 2)?.unwrap_or(false);
    let arr = a[1].deref().arr();
    let needle = a[0].deref();
    for (k, v) in arr.iter() {
        let hit = if strict {
            strict_equals(v, needle)
        } else {
            loose_equals(v, needle)
        };
        if hit {
            return Ok(Some(k.to_owned_key().to_value()));
        }
    }
    Ok(None)
}

fn array_search(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(search(ctx, a)?.unwrap_or(TypedValue::bool(false)))
}

fn in_array(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::bool(search(ctx, a)?.is_some()))
}

fn array_key_exists(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array(ctx, a, 1)?;
    // A direct `array_key_exists()` call compiles to an opcode whose message for an
    // array key is "Illegal offset type" (as `to_key` says); `key_exists` and dynamic
    // calls run the function, which words it as an argument error.
    if args::fname(ctx) == "key_exists" && matches!(a[0].deref().tag(), tag::ARRAY | tag::OBJECT) {
        return Err(
            ctx.type_error("key_exists(): Argument #1 ($key) must be a valid array offset type")
        );
    }
    let k = to_key(ctx, &a[0])?;
    Ok(TypedValue::bool(
        a[1].deref().arr().contains_key(k.as_ref()),
    ))
}

fn array_key_first(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?;
    Ok(arr
        .first()
        .map_or_else(TypedValue::null, |(k, _)| k.to_owned_key().to_value()))
}

fn array_key_last(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?;
    Ok(arr
        .last()
        .map_or_else(TypedValue::null, |(k, _)| k.to_owned_key().to_value()))
}

/// An int or string value as an array key (`None` for other types).
pub fn int_or_str_key(v: &TypedValue) -> Option<Key> {
    let v = v.deref();
    match v.tag() {
        tag::INT => Some(Key::Int(v.int_val())),
        tag::STRING => Some(match KeyRef::from_bytes(v.str_bytes()) {
            KeyRef::Int(i) => Key::Int(i),
            KeyRef::Str(_) => Key::Str(v.clone()),
        }),
        _ => None,
    }
}

fn array_flip(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?.clone();
    let mut out = PhpArray::new();
    for (k, v) in arr.iter() {
        match int_or_str_key(v) {
            Some(key) => out.set_key(key, k.to_owned_key().to_value()),
            None => {
                ctx.warn("array_flip(): Can only flip string and integer values, entry skipped")
            }
        }
    }
    Ok(TypedValue::array(out))
}

// ---- building -----------------------------------------------------------------------

fn array_fill(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let start = args::int(ctx, a, 0)?;
    let count = args::int(ctx, a, 1)?;
    if count < 0 {
        return Err(args::value_error(
            ctx,
            1,
            "must be greater than or equal to 0",
        ));
    }
    if count as u64 >= 0x4000_0000 {
        return Err(ctx.fatal(format!(
            "Possible integer overflow in memory allocation ({count} * 32 + 32)"
        )));
    }
    if count as u64 > MAX_ELEMENTS {
        return Err(too_big(ctx, count as u64));
    }
    let v = a[2].copy_value();
    if start == 0 {
        return Ok(TypedValue::array(PhpArray::from_values(vec![
            v;
            count as usize
        ])));
    }
    let mut out = PhpArray::new();
    for i in 0..count {
        match start.checked_add(i) {
            Some(k) => out.set_int(k, v.clone()),
            None => return Err(cannot_add(ctx)),
        }
    }
    Ok(TypedValue::array(out))
}

/// A key from any value the way array_fill_keys / array_combine take it: ints stay
/// ints, everything else goes through its string form.
fn key_via_string(ctx: &mut ExecCtx, v: &TypedValue) -> VmResult<Key> {
    let v = v.deref();
    if v.is_int() {
        return Ok(Key::Int(v.int_val()));
    }
    if v.is_string() {
        return Ok(int_or_str_key(v).unwrap_or(Key::Int(0)));
    }
    let s = to_str(ctx, v)?;
    Ok(KeyRef::from_bytes(&s).to_owned_key())
}

fn array_fill_keys(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let keys = args::array(ctx, a, 0)?.clone();
    let v = a[1].copy_value();
    let mut out = PhpArray::new();
    for (_, k) in keys.iter() {
        let key = key_via_string(ctx, k)?;
        out.set_key(key, v.clone());
    }
    Ok(TypedValue::array(out))
}

fn array_combine(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let keys = args::array(ctx, a, 0)?.clone();
    let vals = args::array(ctx, a, 1)?.clone();
    if keys.len() != vals.len() {
        return Err(ctx.value_error(
            "array_combine(): Argument #1 ($keys) and argument #2 ($values) must have the same number of elements",
        ));
    }
    let mut out = PhpArray::new();
    for ((_, k), (_, v)) in keys.iter().zip(vals.iter()) {
        let key = key_via_string(ctx, k)?;
        out.set_key(key, v.copy_value());
    }
    Ok(TypedValue::array(out))
}

fn array_pad(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array(ctx, a, 0)?;
    let size = args::int(ctx, a, 1)?;
    let arr = a[0].deref().arr();
    let n = arr.len() as i64;
    let abs = size.checked_abs();
    match abs {
        Some(s) if s - n <= 1_048_576 => {}
        _ => {
            return Err(args::value_error(
                ctx,
                1,
                "must be less than or equal to 1048576",
            ))
        }
    }
    let abs = abs.unwrap_or(0);
    if n >= abs {
        return Ok(a[0].deref().clone());
    }
    let pad = (abs - n) as usize;
    let v = a[2].copy_value();
    let mut out = PhpArray::with_capacity(abs as usize);
    if size < 0 {
        for _ in 0..pad {
            out.push(v.clone());
        }
    }
    for (k, x) in arr.iter() {
        add_renumbered(ctx, &mut out, k, x.clone())?;
    }
    if size > 0 {
        for _ in 0..pad {
            out.push(v.clone());
        }
    }
    Ok(TypedValue::array(out))
}

fn array_chunk(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    args::array(ctx, a, 0)?;
    let size = args::int(ctx, a, 1)?;
    let preserve = args::opt_bool(ctx, a, 2)?.unwrap_or(false);
    if size < 1 {
        return Err(args::value_error(ctx, 1, "must be greater than 0"));
    }
    let arr = a[0].deref().arr();
    let mut out = PhpArray::new();
    let mut cur = PhpArray::new();
    for (k, v) in arr.iter() {
        if preserve {
            cur.set(k, v.copy_value());
        } else {
            cur.push(v.copy_value());
        }
        if cur.len() as i64 >= size {
            out.push(TypedValue::array(std::mem::take(&mut cur)));
        }
    }
    if !cur.is_empty() {
        out.push(TypedValue::array(cur));
    }
    Ok(TypedValue::array(out))
}

// ---- internal pointer (partial) -------------------------------------------------

fn reset(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?;
    Ok(arr
        .first()
        .map_or(TypedValue::bool(false), |(_, v)| v.copy_value()))
}

fn end(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?;
    Ok(arr
        .last()
        .map_or(TypedValue::bool(false), |(_, v)| v.copy_value()))
}
