//! Built-in functions: the sort family (sort rsort usort uasort uksort ksort krsort
//! asort arsort) and natural-order comparison.
//!
//! PHP 8 sorts are stable: zend_sort breaks ties of the comparison by the original
//! order. We get the same result from a stable merge sort of our own, which also
//! tolerates inconsistent user comparators without panicking (the output may differ
//! from zend_sort's for inconsistent comparators only).

use std::cmp::Ordering;

use super::array_callback::check_callable;
use super::{args, BuiltinDef};
use crate::runtime::array::{Key, PhpArray};
use crate::runtime::compare::loose_compare;
use crate::runtime::convert::{to_float, to_int, to_str_quiet};
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("sort", "&array, flags=", sort),
    ("rsort", "&array, flags=", rsort),
    ("asort", "&array, flags=", asort),
    ("arsort", "&array, flags=", arsort),
    ("ksort", "&array, flags=", ksort),
    ("krsort", "&array, flags=", krsort),
    ("usort", "&array, callback", usort),
    ("uasort", "&array, callback", uasort),
    ("uksort", "&array, callback", uksort),
];

pub const SORT_REGULAR: i64 = 0;
pub const SORT_NUMERIC: i64 = 1;
pub const SORT_STRING: i64 = 2;
pub const SORT_LOCALE_STRING: i64 = 5;
pub const SORT_NATURAL: i64 = 6;
pub const SORT_FLAG_CASE: i64 = 8;

/// Stable merge sort of `0..n` (indices) with a fallible comparator. Never panics,
/// whatever the comparator answers.
pub fn sort_indices<F>(n: usize, cmp: &mut F) -> VmResult<Vec<usize>>
where
    F: FnMut(usize, usize) -> VmResult<Ordering>,
{
    let mut idx: Vec<usize> = (0..n).collect();
    // zend_sort's comparator: ties are broken by the original position.
    let mut cmp = |i: usize, j: usize| -> VmResult<Ordering> { Ok(cmp(i, j)?.then(i.cmp(&j))) };
    if n <= 5 {
        small_sort(&mut idx, &mut cmp)?;
        return Ok(idx);
    }
    let mut buf = Vec::with_capacity(n);
    msort(&mut idx, &mut buf, &mut cmp)?;
    Ok(idx)
}

/// zend_sort's networks for 2 to 5 elements (`zend_sort_2` .. `zend_sort_5`), so that
/// even inconsistent comparators give PHP's order on small arrays.
fn small_sort<F>(v: &mut [usize], cmp: &mut F) -> VmResult<()>
where
    F: FnMut(usize, usize) -> VmResult<Ordering>,
{
    let mut gt = |v: &[usize], x: usize, y: usize| -> VmResult<bool> {
        match (v.get(x), v.get(y)) {
            (Some(&a), Some(&b)) => Ok(cmp(a, b)? == Ordering::Greater),
            _ => Ok(false),
        }
    };
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    if n == 2 {
        if gt(v, 0, 1)? {
            v.swap(0, 1);
        }
        return Ok(());
    }
    // zend_sort_3
    if !gt(v, 0, 1)? {
        if gt(v, 1, 2)? {
            v.swap(1, 2);
            if gt(v, 0, 1)? {
                v.swap(0, 1);
            }
        }
    } else if !gt(v, 2, 1)? {
        v.swap(0, 2);
    } else {
        v.swap(0, 1);
        if gt(v, 1, 2)? {
            v.swap(1, 2);
        }
    }
    // zend_sort_4 and zend_sort_5 insert the next element from the right.
    for last in 3..n {
        let mut j = last;
        while j > 0 && gt(v, j - 1, j)? {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
    Ok(())
}

fn msort<F>(idx: &mut [usize], buf: &mut Vec<usize>, cmp: &mut F) -> VmResult<()>
where
    F: FnMut(usize, usize) -> VmResult<Ordering>,
{
    let n = idx.len();
    if n <= 1 {
        return Ok(());
    }
    if n <= 16 {
        // Insertion sort: moves an element left only past strictly greater ones.
        for i in 1..n {
            let mut j = i;
            while j > 0 && cmp(idx[j - 1], idx[j])? == Ordering::Greater {
                idx.swap(j - 1, j);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    msort(&mut idx[..mid], buf, cmp)?;
    msort(&mut idx[mid..], buf, cmp)?;
    buf.clear();
    let (mut i, mut j) = (0, mid);
    while i < mid && j < n {
        if cmp(idx[i], idx[j])? == Ordering::Greater {
            buf.push(idx[j]);
            j += 1;
        } else {
            buf.push(idx[i]);
            i += 1;
        }
    }
    buf.extend_from_slice(&idx[i..mid]);
    buf.extend_from_slice(&idx[j..n]);
    idx.copy_from_slice(buf);
    Ok(())
}

/// PHP's `strnatcmp_ex` (natural order), optionally case-insensitive.
pub fn strnatcmp(a: &[u8], b: &[u8], fold_case: bool) -> Ordering {
    if a.is_empty() || b.is_empty() {
        return a.len().cmp(&b.len());
    }
    let at = |i: usize| a.get(i).copied().unwrap_or(0);
    let bt = |i: usize| b.get(i).copied().unwrap_or(0);
    let (aend, bend) = (a.len(), b.len());
    let (mut ap, mut bp) = (0usize, 0usize);
    let mut leading = true;
    loop {
        let mut ca = at(ap);
        let mut cb = bt(bp);
        while leading && ca == b'0' && ap + 1 < aend && at(ap + 1).is_ascii_digit() {
            ap += 1;
            ca = at(ap);
        }
        while leading && cb == b'0' && bp + 1 < bend && bt(bp + 1).is_ascii_digit() {
            bp += 1;
            cb = bt(bp);
        }
        leading = false;
        while is_c_space(ca) {
            ap += 1;
            ca = at(ap);
        }
        while is_c_space(cb) {
            bp += 1;
            cb = bt(bp);
        }
        if ca.is_ascii_digit() && cb.is_ascii_digit() {
            let fractional = ca == b'0' || cb == b'0';
            let r = if fractional {
                compare_left(a, &mut ap, b, &mut bp)
            } else {
                compare_right(a, &mut ap, b, &mut bp)
            };
            if r != Ordering::Equal {
                return r;
            } else if ap >= aend && bp >= bend {
                return Ordering::Equal;
            } else if ap >= aend {
                return Ordering::Less;
            } else if bp >= bend {
                return Ordering::Greater;
            }
            ca = at(ap);
            cb = bt(bp);
        }
        if fold_case {
            ca = ca.to_ascii_uppercase();
            cb = cb.to_ascii_uppercase();
        }
        match ca.cmp(&cb) {
            Ordering::Equal => {}
            o => return o,
        }
        ap += 1;
        bp += 1;
        if ap >= aend && bp >= bend {
            return Ordering::Equal;
        } else if ap >= aend {
            return Ordering::Less;
        } else if bp >= bend {
            return Ordering::Greater;
        }
    }
}

fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn digit_at(s: &[u8], i: usize) -> Option<u8> {
    s.get(i).copied().filter(u8::is_ascii_digit)
}

fn compare_right(a: &[u8], ap: &mut usize, b: &[u8], bp: &mut usize) -> Ordering {
    let mut bias = Ordering::Equal;
    loop {
        match (digit_at(a, *ap), digit_at(b, *bp)) {
            (None, None) => return bias,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                if bias == Ordering::Equal {
                    bias = x.cmp(&y);
                }
            }
        }
        *ap += 1;
        *bp += 1;
    }
}

fn compare_left(a: &[u8], ap: &mut usize, b: &[u8], bp: &mut usize) -> Ordering {
    loop {
        match (digit_at(a, *ap), digit_at(b, *bp)) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => match x.cmp(&y) {
                Ordering::Equal => {}
                o => return o,
            },
        }
        *ap += 1;
        *bp += 1;
    }
}

/// The string form of a value for SORT_STRING comparisons ("Array to string
/// conversion" is warned for arrays, as `zval_get_string` does).
fn sort_str<'a>(ctx: &mut ExecCtx, v: &'a TypedValue) -> std::borrow::Cow<'a, [u8]> {
    if v.deref().is_array() {
        ctx.warn("Array to string conversion");
    }
    to_str_quiet(v)
}

fn three_way_f(a: f64, b: f64) -> Ordering {
    if a == b {
        Ordering::Equal
    } else if a < b {
        Ordering::Less
    } else {
        Ordering::Greater
    }
}

/// Compares two values the way PHP's sort flag `flags` asks.
pub fn flag_compare(ctx: &mut ExecCtx, flags: i64, a: &TypedValue, b: &TypedValue) -> Ordering {
    let (a, b) = (a.deref(), b.deref());
    match flags & !SORT_FLAG_CASE {
        // numeric_compare_function: both sides as floats, even two ints.
        SORT_NUMERIC => three_way_f(to_float(a), to_float(b)),
        SORT_STRING | SORT_LOCALE_STRING => {
            let (x, y) = (sort_str(ctx, a), sort_str(ctx, b));
            if flags & SORT_FLAG_CASE != 0 {
                let lx = x.iter().map(u8::to_ascii_lowercase);
                let ly = y.iter().map(u8::to_ascii_lowercase);
                lx.cmp(ly)
            } else {
                x.cmp(&y)
            }
        }
        SORT_NATURAL => {
            let (x, y) = (sort_str(ctx, a), sort_str(ctx, b));
            strnatcmp(&x, &y, flags & SORT_FLAG_CASE != 0)
        }
        _ => loose_compare(a, b).unwrap_or(Ordering::Greater),
    }
}

/// Key comparison (ksort/krsort): two int keys compare as ints; otherwise like
/// values.
fn key_compare(ctx: &mut ExecCtx, flags: i64, a: &Key, b: &Key) -> Ordering {
    if let (Key::Int(x), Key::Int(y)) = (a, b) {
        if flags & !SORT_FLAG_CASE != SORT_STRING && flags & !SORT_FLAG_CASE != SORT_NATURAL {
            return x.cmp(y);
        }
    }
    flag_compare(ctx, flags, &a.to_value(), &b.to_value())
}

#[derive(Clone, Copy)]
enum By {
    Value,
    Key,
}

/// Writes the sorted entries back through the by-reference argument.
fn write_back(args: &mut [TypedValue], entries: Vec<(Key, TypedValue)>, order: Vec<usize>, renumber: bool) {
    let mut slots: Vec<Option<(Key, TypedValue)>> = entries.into_iter().map(Some).collect();
    let mut sorted = Vec::with_capacity(order.len());
    for i in order {
        if let Some(e) = slots.get_mut(i).and_then(Option::take) {
            sorted.push(e);
        }
    }
    let arr = if renumber {
        PhpArray::from_values(sorted.into_iter().map(|(_, v)| v).collect())
    } else {
        PhpArray::from_entries(sorted)
    };
    args::set_ref(args, 0, TypedValue::array(arr));
}

fn entries_of(ctx: &mut ExecCtx, args: &mut [TypedValue]) -> VmResult<Vec<(Key, TypedValue)>> {
    Ok(args::array_mut(ctx, args, 0)?.clone().into_entries())
}

fn flag_sort(ctx: &mut ExecCtx, args: &mut [TypedValue], by: By, reverse: bool, renumber: bool) -> VmResult<TypedValue> {
    let flags = args::opt_int(ctx, args, 1)?.unwrap_or(SORT_REGULAR);
    let entries = entries_of(ctx, args)?;
    let mut cmp = |i: usize, j: usize| -> VmResult<Ordering> {
        let (i, j) = if reverse { (j, i) } else { (i, j) };
        let (a, b) = (&entries[i], &entries[j]);
        Ok(match by {
            By::Value => flag_compare(ctx, flags, &a.1, &b.1),
            By::Key => key_compare(ctx, flags, &a.0, &b.0),
        })
    };
    // Reverse sorts swap the operands; ties keep the original order either way.
    let order = sort_indices(entries.len(), &mut cmp)?;
    write_back(args, entries, order, renumber);
    Ok(TypedValue::bool(true))
}

fn sort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    flag_sort(ctx, a, By::Value, false, true)
}
fn rsort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    flag_sort(ctx, a, By::Value, true, true)
}
fn asort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    flag_sort(ctx, a, By::Value, false, false)
}
fn arsort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    flag_sort(ctx, a, By::Value, true, false)
}
fn ksort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    flag_sort(ctx, a, By::Key, false, false)
}
fn krsort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    flag_sort(ctx, a, By::Key, true, false)
}

/// Calls a user comparator and turns its result into an ordering, with PHP 8.2's
/// deprecation for bool results (once per sort call) and its retry with swapped
/// operands when the comparator returned false.
fn user_compare(
    ctx: &mut ExecCtx,
    cb: &TypedValue,
    a: &TypedValue,
    b: &TypedValue,
    warned: &mut bool,
) -> VmResult<Ordering> {
    let r = ctx.call_callable(cb, &mut [a.clone(), b.clone()])?;
    let r = r.deref();
    if r.is_bool() {
        if !*warned {
            *warned = true;
            let msg = format!(
                "{}(): Returning bool from comparison function is deprecated, return an integer less than, equal to, or greater than zero",
                args::fname(ctx)
            );
            ctx.deprecated(&msg);
        }
        if !r.bool_val() {
            let r2 = ctx.call_callable(cb, &mut [b.clone(), a.clone()])?;
            return Ok(0.cmp(&to_int(&r2).signum()));
        }
    }
    Ok(to_int(r).cmp(&0))
}

fn user_sort(ctx: &mut ExecCtx, args: &mut [TypedValue], by: By, renumber: bool) -> VmResult<TypedValue> {
    let entries = entries_of(ctx, args)?;
    let cb = check_callable(ctx, args, 1)?;
    let mut warned = false;
    let mut cmp = |i: usize, j: usize| -> VmResult<Ordering> {
        let (a, b) = (&entries[i], &entries[j]);
        match by {
            By::Value => user_compare(ctx, &cb, &a.1, &b.1, &mut warned),
            By::Key => user_compare(ctx, &cb, &a.0.to_value(), &b.0.to_value(), &mut warned),
        }
    };
    let order = sort_indices(entries.len(), &mut cmp)?;
    write_back(args, entries, order, renumber);
    Ok(TypedValue::bool(true))
}

fn usort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    user_sort(ctx, a, By::Value, true)
}
fn uasort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    user_sort(ctx, a, By::Value, false)
}
fn uksort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    user_sort(ctx, a, By::Key, false)
}
