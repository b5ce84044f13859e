//! Built-in functions: array set operations (diff, intersect, unique, count_values),
//! array_column, array_rand, and the variable-table functions compact and extract.

use std::collections::HashSet;

use super::array::int_or_str_key;
use super::array_sort::{flag_compare, sort_indices_unstable, SORT_STRING};
use super::{args, BuiltinDef};
use crate::runtime::array::{Key, KeyRef, PhpArray};
use crate::runtime::convert::{to_key, to_str};
use crate::runtime::value::{tag, TypedValue};
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("array_unique", "array, flags=", array_unique),
    ("array_count_values", "array", array_count_values),
    (
        "array_column",
        "array, column_key, index_key=",
        array_column,
    ),
    ("array_diff", "array, ...arrays", array_diff),
    ("array_diff_key", "array, ...arrays", array_diff_key),
    ("array_intersect", "array, ...arrays", array_intersect),
    (
        "array_intersect_key",
        "array, ...arrays",
        array_intersect_key,
    ),
    ("array_diff_assoc", "array, ...arrays", array_diff_assoc),
    (
        "array_intersect_assoc",
        "array, ...arrays",
        array_intersect_assoc,
    ),
    ("array_is_list", "array", array_is_list),
    ("array_rand", "array, num=", array_rand),
    ("compact", "var_name, ...var_names", compact),
    ("extract", "&array, flags=, prefix=", extract),
];

fn array_unique(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?.clone();
    let flags = args::opt_int(ctx, a, 1)?.unwrap_or(SORT_STRING);
    if flags == SORT_STRING {
        let mut seen: HashSet<Vec<u8>> = HashSet::new();
        let mut out = PhpArray::new();
        for (k, v) in arr.iter() {
            if seen.insert(to_str(ctx, v)?.into_owned()) {
                out.set(k, v.clone());
            }
        }
        return Ok(TypedValue::array(out));
    }
    // Other flags: a stable sort, then every run of equal values keeps its first
    // element in the original order.
    let vals: Vec<TypedValue> = arr.values();
    let order = sort_indices_unstable(vals.len(), &mut |i, j| {
        Ok(flag_compare(ctx, flags, &vals[i], &vals[j]))
    })?;
    let mut drop = vec![false; vals.len()];
    let mut kept: Option<usize> = None;
    for &i in &order {
        match kept {
            Some(k)
                if flag_compare(ctx, flags, &vals[k], &vals[i]) == std::cmp::Ordering::Equal =>
            {
                // The later of the two (in the original order) goes; the earlier one
                // stays the comparison base.
                if let Some(d) = drop.get_mut(i.max(k)) {
                    *d = true;
                }
                kept = Some(i.min(k));
            }
            _ => kept = Some(i),
        }
    }
    let mut out = PhpArray::new();
    for (n, (k, v)) in arr.iter().enumerate() {
        if !drop.get(n).copied().unwrap_or(false) {
            out.set(k, v.clone());
        }
    }
    Ok(TypedValue::array(out))
}

fn array_count_values(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?.clone();
    let mut out = PhpArray::new();
    for (_, v) in arr.iter() {
        match int_or_str_key(v) {
            Some(k) => {
                let slot = out.entry_mut(k.as_ref());
                let n = if slot.is_int() { slot.int_val() } else { 0 };
                *slot = TypedValue::int(n + 1);
            }
            None => ctx.warn(
                "array_count_values(): Can only count string and integer values, entry skipped",
            ),
        }
    }
    Ok(TypedValue::array(out))
}

/// A `string|int|null` argument as an optional key.
fn opt_key_arg(ctx: &mut ExecCtx, a: &[TypedValue], i: usize) -> VmResult<Option<Key>> {
    let Some(v) = a.get(i).map(TypedValue::deref) else {
        return Ok(None);
    };
    match v.tag() {
        tag::UNINIT | tag::NULL => Ok(None),
        tag::INT | tag::STRING => Ok(int_or_str_key(v)),
        tag::DOUBLE | tag::BOOL => Ok(Some(Key::Int(args::int(ctx, a, i)?))),
        _ => Err(args::type_error(ctx, i, "string|int|null", v)),
    }
}

fn array_column(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?.clone();
    let col = opt_key_arg(ctx, a, 1)?;
    let idx = opt_key_arg(ctx, a, 2)?;
    let mut out = PhpArray::new();
    for (_, row) in arr.iter() {
        let row = row.deref();
        let fields = if row.is_array() {
            row.arr()
        } else if row.is_object() {
            &row.obj().props
        } else {
            continue;
        };
        let val = match &col {
            None => row.clone(),
            Some(c) => match fields.get(c.as_ref()) {
                Some(v) => v.copy_value(),
                None => continue,
            },
        };
        match idx.as_ref().and_then(|i| fields.get(i.as_ref())) {
            Some(kv) => {
                let k = to_key(ctx, &kv.clone())?;
                out.set_key(k, val);
            }
            None => {
                if !out.push(val) {
                    return Err(ctx.throw(
                        "Error",
                        "Cannot add element to the array as the next element is already occupied",
                    ));
                }
            }
        }
    }
    Ok(TypedValue::array(out))
}

fn other_arrays(ctx: &mut ExecCtx, a: &[TypedValue]) -> VmResult<Vec<PhpArray>> {
    args::array(ctx, a, 0)?;
    let mut v = Vec::new();
    for i in 1..a.len() {
        v.push(super::array::variadic_array(ctx, a, i)?.clone());
    }
    Ok(v)
}

fn string_set(ctx: &mut ExecCtx, arr: &PhpArray) -> VmResult<HashSet<Vec<u8>>> {
    let mut s = HashSet::new();
    for (_, v) in arr.iter() {
        s.insert(to_str(ctx, v)?.into_owned());
    }
    Ok(s)
}

fn array_diff(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let others = other_arrays(ctx, a)?;
    let mut excluded = HashSet::new();
    for o in &others {
        excluded.extend(string_set(ctx, o)?);
    }
    let first = a[0].deref().arr().clone();
    let mut out = PhpArray::new();
    for (k, v) in first.iter() {
        if !excluded.contains(to_str(ctx, v)?.as_ref()) {
            out.set(k, v.clone());
        }
    }
    Ok(TypedValue::array(out))
}

fn array_intersect(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let others = other_arrays(ctx, a)?;
    let mut sets = Vec::new();
    for o in &others {
        sets.push(string_set(ctx, o)?);
    }
    let first = a[0].deref().arr().clone();
    let mut out = PhpArray::new();
    for (k, v) in first.iter() {
        let s = to_str(ctx, v)?;
        if sets.iter().all(|set| set.contains(s.as_ref())) {
            out.set(k, v.clone());
        }
    }
    Ok(TypedValue::array(out))
}

fn array_diff_key(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let others = other_arrays(ctx, a)?;
    let first = a[0].deref().arr();
    let mut out = PhpArray::new();
    for (k, v) in first.iter() {
        if !others.iter().any(|o| o.contains_key(k)) {
            out.set(k, v.clone());
        }
    }
    Ok(TypedValue::array(out))
}

fn array_intersect_key(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let others = other_arrays(ctx, a)?;
    let first = a[0].deref().arr();
    let mut out = PhpArray::new();
    for (k, v) in first.iter() {
        if others.iter().all(|o| o.contains_key(k)) {
            out.set(k, v.clone());
        }
    }
    Ok(TypedValue::array(out))
}

/// Whether `o` has key `k` with a value whose string form is `s`.
fn has_assoc(ctx: &mut ExecCtx, o: &PhpArray, k: KeyRef<'_>, s: &[u8]) -> VmResult<bool> {
    match o.get(k) {
        Some(w) => Ok(to_str(ctx, w)?.as_ref() == s),
        None => Ok(false),
    }
}

fn array_diff_assoc(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let others = other_arrays(ctx, a)?;
    let first = a[0].deref().arr().clone();
    let mut out = PhpArray::new();
    'entries: for (k, v) in first.iter() {
        let s = to_str(ctx, v)?.into_owned();
        for o in &others {
            if has_assoc(ctx, o, k, &s)? {
                continue 'entries;
            }
        }
        out.set(k, v.clone());
    }
    Ok(TypedValue::array(out))
}

fn array_intersect_assoc(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let others = other_arrays(ctx, a)?;
    let first = a[0].deref().arr().clone();
    let mut out = PhpArray::new();
    'entries: for (k, v) in first.iter() {
        let s = to_str(ctx, v)?.into_owned();
        for o in &others {
            if !has_assoc(ctx, o, k, &s)? {
                continue 'entries;
            }
        }
        out.set(k, v.clone());
    }
    Ok(TypedValue::array(out))
}

fn array_is_list(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::bool(args::array(ctx, a, 0)?.is_list()))
}

// ---- array_rand -------------------------------------------------------------------

/// Seeds the request's generator on first use, as PHP does (from a random source).
fn ensure_seeded(ctx: &mut ExecCtx) {
    if !ctx.mt_seeded {
        use std::hash::{BuildHasher, Hasher};
        let h = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        ctx.mt.seed(h as u32);
        ctx.mt_seeded = true;
    }
}

fn array_rand(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?.clone();
    let num = args::opt_int(ctx, a, 1)?.unwrap_or(1);
    let n = arr.len();
    if n == 0 {
        return Err(args::value_error(ctx, 0, "cannot be empty"));
    }
    if num != 1 && (num <= 0 || num as u64 > n as u64) {
        return Err(args::value_error(
            ctx,
            1,
            "must be between 1 and the number of elements in argument #1 ($array)",
        ));
    }
    ensure_seeded(ctx);
    // PhpArray does not expose deleted slots, so the draw is always the dense one.
    let picked = ctx.mt.array_rand(n, num as usize).unwrap_or_default();
    let keys: Vec<TypedValue> = arr
        .iter()
        .map(|(k, _)| k.to_owned_key().to_value())
        .collect();
    let mut chosen: Vec<TypedValue> = picked
        .iter()
        .filter_map(|&i| keys.get(i).cloned())
        .collect();
    if num == 1 {
        return Ok(chosen.pop().unwrap_or_else(TypedValue::null));
    }
    Ok(TypedValue::array(PhpArray::from_values(chosen)))
}

// ---- compact / extract ----------------------------------------------------------

/// The calling PHP function's local slot named `name` (without `$`).
fn local_slot<'c>(ctx: &'c mut ExecCtx, name: &[u8]) -> Option<&'c mut TypedValue> {
    let (frame, f) = ctx.php_frame();
    if frame.is_null() {
        return None;
    }
    let func = ctx.unit.funcs.get(f as usize)?;
    let slot = func
        .local_names
        .iter()
        .position(|n| n.strip_prefix('$').unwrap_or(n).as_bytes() == name)?;
    if slot >= func.num_locals.max(func.local_names.len() as u32) as usize {
        return None;
    }
    // SAFETY: the frame of the executing PHP function is live while its built-in
    // runs, and it holds a slot for each of its named locals (`slot` indexes
    // `local_names`, which has one entry per local slot). Nothing else borrows the
    // slot while the returned reference (tied to `ctx`) lives.
    Some(unsafe { &mut *frame.add(slot) })
}

fn in_main(ctx: &ExecCtx) -> bool {
    ctx.calls.is_empty()
}

/// The value of variable `name` in the caller's scope, if set.
fn read_var(ctx: &mut ExecCtx, name: &[u8]) -> Option<TypedValue> {
    if let Some(v) = local_slot(ctx, name) {
        return (!v.deref().is_uninit()).then(|| v.copy_value());
    }
    if in_main(ctx) {
        let key = String::from_utf8_lossy(name).into_owned();
        return ctx
            .extra_globals
            .get(&key)
            .filter(|v| !v.deref().is_uninit())
            .map(TypedValue::copy_value);
    }
    ctx.calls.last().and_then(|ci| {
        ci.dyn_vars()
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.copy_value())
    })
}

/// Assigns variable `name` in the caller's scope: through its reference if it is one,
/// or (`rebind`, EXTR_REFS) making the variable that reference box itself.
fn write_var(ctx: &mut ExecCtx, name: &[u8], v: TypedValue, rebind: bool) {
    if let Some(slot) = local_slot(ctx, name) {
        if rebind {
            *slot = v;
        } else {
            *slot.deref_mut() = v;
        }
        return;
    }
    if in_main(ctx) {
        let key = String::from_utf8_lossy(name).into_owned();
        match ctx.extra_globals.get_mut(&key) {
            Some(slot) if !rebind => *slot.deref_mut() = v,
            _ => {
                ctx.extra_globals.insert(key, v);
            }
        }
        return;
    }
    // A new variable in a function without a slot for it cannot be reached by the
    // compiled code; it lives in the call's dynamic variables (for `compact` and so
    // that EXTR_REFS references stay shared).
    if let Some(ci) = ctx.calls.last_mut() {
        let dyn_vars = &mut ci.rare_mut().dyn_vars;
        match dyn_vars.iter_mut().find(|(n, _)| n == name) {
            Some((_, slot)) if !rebind => *slot.deref_mut() = v,
            Some((_, slot)) => *slot = v,
            None => dyn_vars.push((name.to_vec(), v)),
        }
    }
}

fn compact_add(ctx: &mut ExecCtx, out: &mut PhpArray, v: &TypedValue, argn: usize, depth: u32) {
    let v = v.deref();
    if v.is_string() {
        let name = v.str_bytes();
        match read_var(ctx, name) {
            Some(val) => out.set_str(name, val),
            None => ctx.warn(&format!(
                "compact(): Undefined variable ${}",
                String::from_utf8_lossy(name)
            )),
        }
    } else if v.is_array() {
        if depth > 64 {
            ctx.warn("compact(): Recursion detected");
            return;
        }
        for (_, x) in v.arr().iter() {
            compact_add(ctx, out, x, argn, depth + 1);
        }
    } else {
        ctx.warn(&format!(
            "compact(): Argument #{} must be string or array of strings, {} given",
            argn + 1,
            v.debug_type()
        ));
    }
}

fn compact(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let mut out = PhpArray::new();
    for (i, v) in a.iter().enumerate() {
        compact_add(ctx, &mut out, v, i, 0);
    }
    Ok(TypedValue::array(out))
}

fn valid_var_name(s: &[u8]) -> bool {
    let ok_first = |c: u8| c.is_ascii_alphabetic() || c == b'_' || c >= 0x7f;
    match s.split_first() {
        Some((&c, rest)) => ok_first(c) && rest.iter().all(|&c| ok_first(c) || c.is_ascii_digit()),
        None => false,
    }
}

const EXTR_OVERWRITE: i64 = 0;
const EXTR_SKIP: i64 = 1;
const EXTR_PREFIX_SAME: i64 = 2;
const EXTR_PREFIX_ALL: i64 = 3;
const EXTR_PREFIX_INVALID: i64 = 4;
const EXTR_PREFIX_IF_EXISTS: i64 = 5;
const EXTR_IF_EXISTS: i64 = 6;
const EXTR_REFS: i64 = 256;

fn prefixed(prefix: &[u8], key: &[u8]) -> Vec<u8> {
    let mut n = prefix.to_vec();
    n.push(b'_');
    n.extend_from_slice(key);
    n
}

/// Entries with their iteration positions (stable while the array's shape does not
/// change: EXTR_REFS only boxes values in place).
fn positions(arr: &PhpArray) -> Vec<(usize, (KeyRef<'_>, &TypedValue))> {
    let mut out = Vec::with_capacity(arr.len());
    let mut pos = 0;
    while let Some((p, k, v)) = arr.entry_from(pos) {
        out.push((p, (k, v)));
        pos = p + 1;
    }
    out
}

fn extract(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let arr = args::array(ctx, a, 0)?.clone();
    let flags = args::opt_int(ctx, a, 1)?.unwrap_or(EXTR_OVERWRITE);
    let mode = flags & 0xff;
    if !(EXTR_OVERWRITE..=EXTR_IF_EXISTS).contains(&mode) || flags & !0xff & !EXTR_REFS != 0 {
        return Err(args::value_error(ctx, 1, "must be a valid extract type"));
    }
    let prefix = args::opt_str(ctx, a, 2)?.map(|p| p.into_owned());
    if mode > EXTR_SKIP && mode <= EXTR_PREFIX_IF_EXISTS && prefix.is_none() {
        return Err(args::value_error(
            ctx,
            2,
            "is required when using this extract type",
        ));
    }
    let prefix = prefix.unwrap_or_default();
    if !prefix.is_empty() && !valid_var_name(&prefix) {
        return Err(args::value_error(ctx, 2, "must be a valid identifier"));
    }
    let refs = flags & EXTR_REFS != 0;
    let mut count = 0;
    for (p, (k, v)) in positions(&arr) {
        let key: Vec<u8> = match k {
            KeyRef::Str(s) => s.to_vec(),
            KeyRef::Int(i) if mode == EXTR_PREFIX_ALL || mode == EXTR_PREFIX_INVALID => {
                i.to_string().into_bytes()
            }
            KeyRef::Int(_) => continue,
        };
        let is_int = matches!(k, KeyRef::Int(_));
        let exists = read_var(ctx, &key).is_some();
        let name = match mode {
            EXTR_OVERWRITE => key,
            EXTR_SKIP if exists => continue,
            EXTR_SKIP => key,
            EXTR_IF_EXISTS if !exists => continue,
            EXTR_IF_EXISTS => key,
            EXTR_PREFIX_SAME if exists => prefixed(&prefix, &key),
            EXTR_PREFIX_SAME => key,
            EXTR_PREFIX_ALL => prefixed(&prefix, &key),
            EXTR_PREFIX_INVALID if is_int || !valid_var_name(&key) => prefixed(&prefix, &key),
            EXTR_PREFIX_INVALID => key,
            EXTR_PREFIX_IF_EXISTS if exists => prefixed(&prefix, &key),
            _ => continue,
        };
        if !valid_var_name(&name) {
            continue;
        }
        if name == b"this" {
            return Err(ctx.throw("Error", "Cannot re-assign $this"));
        }
        if refs {
            // EXTR_REFS: the element becomes a reference shared with the variable.
            let Some(slot) = a[0].deref_mut().arr_mut().value_at_mut(p) else {
                continue;
            };
            let r = slot.make_ref();
            write_var(ctx, &name, r, true);
        } else {
            write_var(ctx, &name, v.copy_value(), false);
        }
        count += 1;
    }
    Ok(TypedValue::int(count))
}
