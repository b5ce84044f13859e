//! Built-in functions: the sort family (sort rsort usort uasort uksort ksort krsort
//! asort arsort natsort natcasesort) and natural-order comparison.
//!
//! PHP 8 sorts are stable: zend_sort breaks ties of the comparison by the original
//! order. `sort_indices` follows zend_sort step by step (insertion sort up to 16
//! elements, quicksort above), so the order — and the sequence of comparator calls —
//! is PHP's even for inconsistent user comparators; it never panics.

use std::cmp::Ordering;

use super::array_callback::check_callable;
use super::{args, BuiltinDef};
use crate::runtime::array::{Key, PhpArray};
use crate::runtime::compare::loose_compare;
use crate::runtime::convert::{to_float, to_int, to_str_quiet};
use crate::runtime::numeric::numeric_value;
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, Fault, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("sort", "&array, flags=", sort),
    ("rsort", "&array, flags=", rsort),
    ("asort", "&array, flags=", asort),
    ("arsort", "&array, flags=", arsort),
    ("ksort", "&array, flags=", ksort),
    ("krsort", "&array, flags=", krsort),
    ("natsort", "&array", natsort),
    ("natcasesort", "&array", natcasesort),
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

/// Sorts `0..n` (indices) with a fallible comparator the way PHP's `zend_sort` does:
/// ties are broken by the original position (PHP 8's stable sort), then the same
/// hybrid insertion sort / quicksort runs, so even an inconsistent user comparator
/// produces PHP's order. Never panics, whatever the comparator answers.
pub fn sort_indices<F>(n: usize, cmp: &mut F) -> VmResult<Vec<usize>>
where
    F: FnMut(usize, usize) -> VmResult<Ordering>,
{
    let mut v: Vec<usize> = (0..n).collect();
    let mut s = Sorter {
        v: &mut v,
        cmp: |i: usize, j: usize| -> VmResult<Ordering> { Ok(cmp(i, j)?.then(i.cmp(&j))) },
    };
    s.zend_sort(0, n)?;
    Ok(v)
}

/// `zend_sort` with the comparator as is, without the tie-break (array_unique).
pub fn sort_indices_unstable<F>(n: usize, cmp: &mut F) -> VmResult<Vec<usize>>
where
    F: FnMut(usize, usize) -> VmResult<Ordering>,
{
    let mut v: Vec<usize> = (0..n).collect();
    Sorter { v: &mut v, cmp }.zend_sort(0, n)?;
    Ok(v)
}

struct Sorter<'a, F> {
    v: &'a mut [usize],
    cmp: F,
}

impl<F> Sorter<'_, F>
where
    F: FnMut(usize, usize) -> VmResult<Ordering>,
{
    /// Whether the element at position `a` sorts after the one at `b`.
    fn gt(&mut self, a: usize, b: usize) -> VmResult<bool> {
        match (self.v.get(a), self.v.get(b)) {
            (Some(&x), Some(&y)) => Ok((self.cmp)(x, y)? == Ordering::Greater),
            _ => Ok(false),
        }
    }
    fn swap(&mut self, a: usize, b: usize) {
        if a < self.v.len() && b < self.v.len() {
            self.v.swap(a, b);
        }
    }
    fn sort3(&mut self, a: usize, b: usize, c: usize) -> VmResult<()> {
        if !self.gt(a, b)? {
            if !self.gt(b, c)? {
                return Ok(());
            }
            self.swap(b, c);
            if self.gt(a, b)? {
                self.swap(a, b);
            }
            return Ok(());
        }
        if !self.gt(c, b)? {
            self.swap(a, c);
            return Ok(());
        }
        self.swap(a, b);
        if self.gt(b, c)? {
            self.swap(b, c);
        }
        Ok(())
    }
    /// Sorts positions `p[0..]` after the first `p.len() - 1` are sorted: the last
    /// one sinks left while its left neighbour is greater (zend_sort_4/5's tail).
    fn sink(&mut self, p: &[usize]) -> VmResult<()> {
        let mut k = p.len() - 1;
        while k > 0 && self.gt(p[k - 1], p[k])? {
            self.swap(p[k - 1], p[k]);
            k -= 1;
        }
        Ok(())
    }
    fn sort5(&mut self, p: [usize; 5]) -> VmResult<()> {
        self.sort3(p[0], p[1], p[2])?;
        self.sink(&p[..4])?;
        self.sink(&p)
    }
    /// Moves the element at `i` down to position `j` (`j <= i`).
    fn rotate_into(&mut self, i: usize, j: usize) {
        let mut k = i;
        while k > j {
            self.swap(k, k - 1);
            k -= 1;
        }
    }
    fn insert_sort(&mut self, start: usize, n: usize) -> VmResult<()> {
        match n {
            0 | 1 => {}
            2 => {
                if self.gt(start, start + 1)? {
                    self.swap(start, start + 1);
                }
            }
            3 => self.sort3(start, start + 1, start + 2)?,
            4 => {
                self.sort3(start, start + 1, start + 2)?;
                self.sink(&[start, start + 1, start + 2, start + 3])?;
            }
            5 => self.sort5([start, start + 1, start + 2, start + 3, start + 4])?,
            _ => {
                let end = start + n;
                let sentry = start + 6;
                for i in start + 1..sentry {
                    let mut j = i - 1;
                    if !self.gt(j, i)? {
                        continue;
                    }
                    while j != start {
                        j -= 1;
                        if !self.gt(j, i)? {
                            j += 1;
                            break;
                        }
                    }
                    self.rotate_into(i, j);
                }
                for i in sentry..end {
                    let mut j = i - 1;
                    if !self.gt(j, i)? {
                        continue;
                    }
                    loop {
                        j -= 2;
                        if !self.gt(j, i)? {
                            j += 1;
                            if !self.gt(j, i)? {
                                j += 1;
                            }
                            break;
                        }
                        if j == start {
                            break;
                        }
                        if j == start + 1 {
                            j -= 1;
                            if self.gt(i, j)? {
                                j += 1;
                            }
                            break;
                        }
                    }
                    self.rotate_into(i, j);
                }
            }
        }
        Ok(())
    }
    fn zend_sort(&mut self, mut start: usize, mut n: usize) -> VmResult<()> {
        loop {
            if n <= 16 {
                return self.insert_sort(start, n);
            }
            let end = start + n;
            let offset = n >> 1;
            let pivot = start + offset;
            if n >> 10 != 0 {
                let delta = offset >> 1;
                self.sort5([start, start + delta, pivot, pivot + delta, end - 1])?;
            } else {
                self.sort3(start, pivot, end - 1)?;
            }
            self.swap(start + 1, pivot);
            let pivot = start + 1;
            let mut i = pivot + 1;
            let mut j = end - 1;
            'part: loop {
                while self.gt(pivot, i)? {
                    i += 1;
                    if i == j {
                        break 'part;
                    }
                }
                j -= 1;
                if j == i {
                    break;
                }
                while self.gt(j, pivot)? {
                    j -= 1;
                    if j == i {
                        break 'part;
                    }
                }
                self.swap(i, j);
                i += 1;
                if i == j {
                    break;
                }
            }
            self.swap(pivot, i - 1);
            if (i - 1) - start < end - i {
                self.zend_sort(start, (i - start) - 1)?;
                start = i;
                n = end - i;
            } else {
                self.zend_sort(i, end - i)?;
                n = (i - start) - 1;
            }
        }
    }
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
fn write_back(
    args: &mut [TypedValue],
    entries: Vec<(Key, TypedValue)>,
    order: Vec<usize>,
    renumber: bool,
) {
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

fn flag_sort(
    ctx: &mut ExecCtx,
    args: &mut [TypedValue],
    by: By,
    reverse: bool,
    renumber: bool,
) -> VmResult<TypedValue> {
    let entries = entries_of(ctx, args)?;
    let flags = args::opt_int(ctx, args, 1)?.unwrap_or(SORT_REGULAR);
    // Reverse sorts swap the operands; ties keep the original order either way.
    let order = match FastKeys::build(&entries, by, flags) {
        Some(fast) => sort_indices(entries.len(), &mut |i, j| {
            let (i, j) = if reverse { (j, i) } else { (i, j) };
            Ok(fast.cmp(i, j))
        })?,
        None => sort_indices(entries.len(), &mut |i, j| {
            let (i, j) = if reverse { (j, i) } else { (i, j) };
            let (a, b) = (&entries[i], &entries[j]);
            Ok(match by {
                By::Value => flag_compare(ctx, flags, &a.1, &b.1),
                By::Key => key_compare(ctx, flags, &a.0, &b.0),
            })
        })?,
    };
    write_back(args, entries, order, renumber);
    Ok(TypedValue::bool(true))
}

/// Precomputed sort keys for the common homogeneous cases, where the flag's
/// comparison reduces to comparing them (same results as `flag_compare`, without
/// its per-comparison dispatch).
enum FastKeys<'a> {
    Ints(Vec<i64>),
    Floats(Vec<f64>),
    Bytes(Vec<&'a [u8]>),
}

impl<'a> FastKeys<'a> {
    fn build(entries: &'a [(Key, TypedValue)], by: By, flags: i64) -> Option<FastKeys<'a>> {
        let items = || {
            entries.iter().map(move |(k, v)| match by {
                By::Value => Item::Val(v.deref()),
                By::Key => Item::Key(k),
            })
        };
        let regular = flags == SORT_REGULAR;
        if regular || flags == SORT_NUMERIC {
            if let Some(v) = items().map(|x| x.int()).collect::<Option<Vec<i64>>>() {
                // Under SORT_NUMERIC ints compare as floats: exact only below 2^53.
                if regular || v.iter().all(|i| i.unsigned_abs() < 1 << 53) {
                    return Some(FastKeys::Ints(v));
                }
            }
        }
        if regular || flags == SORT_NUMERIC {
            if let Some(v) = items().map(|x| x.float()).collect::<Option<Vec<f64>>>() {
                if v.iter().all(|f| !f.is_nan()) {
                    return Some(FastKeys::Floats(v));
                }
            }
        }
        if regular || flags == SORT_STRING {
            let v = items().map(|x| x.bytes()).collect::<Option<Vec<&[u8]>>>()?;
            // SORT_REGULAR compares two strings numerically when both are numeric.
            if flags == SORT_STRING || v.iter().all(|s| numeric_value(s).is_none()) {
                return Some(FastKeys::Bytes(v));
            }
        }
        None
    }
    fn cmp(&self, i: usize, j: usize) -> Ordering {
        match self {
            FastKeys::Ints(v) => v[i].cmp(&v[j]),
            FastKeys::Floats(v) => three_way_f(v[i], v[j]),
            FastKeys::Bytes(v) => v[i].cmp(v[j]),
        }
    }
}

enum Item<'a> {
    Val(&'a TypedValue),
    Key(&'a Key),
}

impl<'a> Item<'a> {
    fn int(&self) -> Option<i64> {
        match self {
            Item::Val(v) if v.is_int() => Some(v.int_val()),
            Item::Key(Key::Int(i)) => Some(*i),
            _ => None,
        }
    }
    fn float(&self) -> Option<f64> {
        match self {
            Item::Val(v) if v.is_double() => Some(v.double_val()),
            _ => None,
        }
    }
    fn bytes(&self) -> Option<&'a [u8]> {
        match self {
            Item::Val(v) if v.is_string() => Some(v.str_bytes()),
            Item::Key(Key::Str(s)) => Some(s.str_bytes()),
            _ => None,
        }
    }
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
fn natsort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    nat(ctx, a, SORT_NATURAL)
}
fn natcasesort(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    nat(ctx, a, SORT_NATURAL | SORT_FLAG_CASE)
}
fn nat(ctx: &mut ExecCtx, args: &mut [TypedValue], flags: i64) -> VmResult<TypedValue> {
    let entries = entries_of(ctx, args)?;
    let mut cmp = |i: usize, j: usize| -> VmResult<Ordering> {
        Ok(flag_compare(ctx, flags, &entries[i].1, &entries[j].1))
    };
    let order = sort_indices(entries.len(), &mut cmp)?;
    write_back(args, entries, order, false);
    Ok(TypedValue::bool(true))
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

fn user_sort(
    ctx: &mut ExecCtx,
    args: &mut [TypedValue],
    by: By,
    renumber: bool,
) -> VmResult<TypedValue> {
    let entries = entries_of(ctx, args)?;
    let cb = check_callable(ctx, args, 1)?;
    let mut warned = false;
    // Like PHP: once the callback has thrown, it is not called again, the remaining
    // comparisons report "equal" (so the original order decides), the array is still
    // replaced by the sorted copy, and then the exception propagates.
    let mut thrown: Option<Fault> = None;
    let mut cmp = |i: usize, j: usize| -> VmResult<Ordering> {
        if thrown.is_some() {
            return Ok(Ordering::Equal);
        }
        let (a, b) = (&entries[i], &entries[j]);
        let r = match by {
            By::Value => user_compare(ctx, &cb, &a.1, &b.1, &mut warned),
            By::Key => user_compare(ctx, &cb, &a.0.to_value(), &b.0.to_value(), &mut warned),
        };
        r.or_else(|e| {
            thrown = Some(e);
            Ok(Ordering::Equal)
        })
    };
    let order = sort_indices(entries.len(), &mut cmp)?;
    write_back(args, entries, order, renumber);
    match thrown {
        Some(e) => Err(e),
        None => Ok(TypedValue::bool(true)),
    }
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
