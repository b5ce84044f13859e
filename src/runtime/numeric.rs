//! (placeholder until the numeric branch lands; replaced wholesale on merge)
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number { Int(i64), Float(f64) }
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumericKind { Numeric, LeadingNumeric, NonNumeric }
pub fn parse_numeric(s: &[u8]) -> (Option<Number>, NumericKind) {
    let t = std::str::from_utf8(s).unwrap_or("").trim();
    if let Ok(i) = t.parse::<i64>() { return (Some(Number::Int(i)), NumericKind::Numeric); }
    if let Ok(f) = t.parse::<f64>() { return (Some(Number::Float(f)), NumericKind::Numeric); }
    (None, NumericKind::NonNumeric)
}
pub fn is_numeric(s: &[u8]) -> bool { parse_numeric(s).1 == NumericKind::Numeric }
pub fn str_to_int(s: &[u8]) -> i64 { match parse_numeric(s).0 { Some(Number::Int(i)) => i, Some(Number::Float(f)) => f as i64, None => 0 } }
pub fn str_to_float(s: &[u8]) -> f64 { match parse_numeric(s).0 { Some(Number::Int(i)) => i as f64, Some(Number::Float(f)) => f, None => 0.0 } }
pub fn float_to_int(f: f64) -> i64 { if f.is_finite() { f as i64 } else { 0 } }
pub fn str_increment(s: &[u8]) -> Vec<u8> { s.to_vec() }
pub fn compare_numeric_strings(a: &[u8], b: &[u8]) -> Option<std::cmp::Ordering> {
    match (parse_numeric(a), parse_numeric(b)) {
        ((Some(x), NumericKind::Numeric), (Some(y), NumericKind::Numeric)) => {
            let f = |n| match n { Number::Int(i) => i as f64, Number::Float(f) => f };
            f(x).partial_cmp(&f(y))
        }
        _ => None,
    }
}
