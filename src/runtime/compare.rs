//! Comparisons: PHP 8's loose `==` / `<=>` and strict `===`.
//!
//! The loose rules (zend_compare): numbers compare numerically; a number and a numeric
//! string compare numerically, a number and a non-numeric string compare as strings;
//! two strings compare numerically only when both are numeric; null and bool convert
//! the other side to bool (null vs string compares with ""); arrays compare by size,
//! then key by key.

use std::cmp::Ordering;

use super::array::PhpArray;
use super::convert::{to_bool, to_str_quiet};
use super::numeric::{compare_numeric_strings, parse_numeric, Number, NumericKind};
use super::value::{tag, TypedValue};

/// `$a === $b`.
pub fn strict_equals(a: &TypedValue, b: &TypedValue) -> bool {
    let (a, b) = (a.deref(), b.deref());
    let (ta, tb) = (norm_tag(a), norm_tag(b));
    if ta != tb {
        return false;
    }
    match ta {
        tag::NULL => true,
        tag::BOOL | tag::INT => a.data == b.data,
        tag::DOUBLE => a.double_val() == b.double_val(),
        tag::STRING => a.str_bytes() == b.str_bytes(),
        tag::ARRAY => a.cell_ptr() == b.cell_ptr() || arrays_identical(a.arr(), b.arr()),
        tag::OBJECT => a.cell_ptr() == b.cell_ptr(),
        _ => false,
    }
}

fn norm_tag(v: &TypedValue) -> u8 {
    if v.is_uninit() {
        tag::NULL
    } else {
        v.tag()
    }
}

fn arrays_identical(a: &PhpArray, b: &PhpArray) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b.iter())
            .all(|((ka, va), (kb, vb))| ka == kb && strict_equals(va, vb))
}

/// `$a == $b`.
pub fn loose_equals(a: &TypedValue, b: &TypedValue) -> bool {
    let (a, b) = (a.deref(), b.deref());
    match (norm_tag(a), norm_tag(b)) {
        (tag::INT, tag::INT) => a.int_val() == b.int_val(),
        (tag::STRING, tag::STRING) => {
            let (x, y) = (a.str_bytes(), b.str_bytes());
            if x == y {
                return true;
            }
            compare_numeric_strings(x, y) == Some(Ordering::Equal)
        }
        (tag::ARRAY, tag::ARRAY) => {
            let (x, y) = (a.arr(), b.arr());
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| loose_equals(v, w)))
        }
        _ => loose_compare(a, b) == Some(Ordering::Equal),
    }
}

fn num_cmp(x: Number, y: Number) -> Option<Ordering> {
    match (x, y) {
        (Number::Int(i), Number::Int(j)) => Some(i.cmp(&j)),
        (Number::Int(i), Number::Float(f)) => (i as f64).partial_cmp(&f),
        (Number::Float(f), Number::Int(j)) => f.partial_cmp(&(j as f64)),
        (Number::Float(f), Number::Float(g)) => f.partial_cmp(&g),
    }
}

fn as_number(v: &TypedValue) -> Option<Number> {
    match v.tag() {
        tag::INT => Some(Number::Int(v.int_val())),
        tag::DOUBLE => Some(Number::Float(v.double_val())),
        _ => None,
    }
}

/// A number against a string: numerically if the string is numeric, else the number's
/// string form against the string (PHP 8).
fn number_vs_string(n: Number, s: &[u8]) -> Option<Ordering> {
    // NaN is uncomparable with any string, whichever side it is on.
    if matches!(n, Number::Float(f) if f.is_nan()) {
        return None;
    }
    match parse_numeric(s) {
        (Some(m), NumericKind::Numeric) => num_cmp(n, m),
        _ => {
            let ns = match n {
                Number::Int(i) => i.to_string(),
                Number::Float(f) => super::convert::float_to_string(f),
            };
            Some(ns.as_bytes().cmp(s))
        }
    }
}

/// `$a <=> $b` in PHP 8 semantics. `None` means "uncomparable" (NaN involved):
/// every ordered operator then yields false.
pub fn loose_compare(a: &TypedValue, b: &TypedValue) -> Option<Ordering> {
    let (a, b) = (a.deref(), b.deref());
    let (ta, tb) = (norm_tag(a), norm_tag(b));
    match (ta, tb) {
        (tag::INT | tag::DOUBLE, tag::INT | tag::DOUBLE) => num_cmp(as_number(a)?, as_number(b)?),
        (tag::STRING, tag::STRING) => {
            let (x, y) = (a.str_bytes(), b.str_bytes());
            Some(compare_numeric_strings(x, y).unwrap_or_else(|| x.cmp(y)))
        }
        (tag::INT | tag::DOUBLE, tag::STRING) => number_vs_string(as_number(a)?, b.str_bytes()),
        (tag::STRING, tag::INT | tag::DOUBLE) => {
            number_vs_string(as_number(b)?, a.str_bytes()).map(Ordering::reverse)
        }
        (tag::NULL, tag::NULL) => Some(Ordering::Equal),
        (tag::NULL, tag::STRING) => Some(b"".as_slice().cmp(b.str_bytes())),
        (tag::STRING, tag::NULL) => Some(a.str_bytes().cmp(b"".as_slice())),
        (tag::BOOL | tag::NULL, _) | (_, tag::BOOL | tag::NULL) => {
            Some(to_bool(a).cmp(&to_bool(b)))
        }
        (tag::ARRAY, tag::ARRAY) => compare_arrays(a.arr(), b.arr()),
        (tag::ARRAY, _) => Some(Ordering::Greater),
        (_, tag::ARRAY) => Some(Ordering::Less),
        (tag::OBJECT, tag::OBJECT) => {
            if a.cell_ptr() == b.cell_ptr() {
                Some(Ordering::Equal)
            } else {
                None
            }
        }
        (tag::OBJECT, _) => Some(Ordering::Greater),
        (_, tag::OBJECT) => Some(Ordering::Less),
        _ => Some(to_str_quiet(a).cmp(&to_str_quiet(b))),
    }
}

/// Arrays: fewer elements is smaller; otherwise element by element in `a`'s order;
/// a key of `a` missing from `b` makes them uncomparable.
fn compare_arrays(a: &PhpArray, b: &PhpArray) -> Option<Ordering> {
    match a.len().cmp(&b.len()) {
        Ordering::Equal => {}
        o => return Some(o),
    }
    for (k, v) in a.iter() {
        let w = b.get(k)?;
        match loose_compare(v, w)? {
            Ordering::Equal => {}
            o => return Some(o),
        }
    }
    Some(Ordering::Equal)
}

/// `<=>` as an int (-1, 0, 1); uncomparable values give 1, as PHP does.
pub fn spaceship(a: &TypedValue, b: &TypedValue) -> i64 {
    match loose_compare(a, b) {
        Some(Ordering::Less) => -1,
        Some(Ordering::Equal) => 0,
        _ => 1,
    }
}

/// `$a < $b`.
pub fn less_than(a: &TypedValue, b: &TypedValue) -> bool {
    loose_compare(a, b) == Some(Ordering::Less)
}
/// `$a <= $b`.
pub fn less_equal(a: &TypedValue, b: &TypedValue) -> bool {
    matches!(loose_compare(a, b), Some(Ordering::Less | Ordering::Equal))
}
