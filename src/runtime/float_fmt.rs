//! (placeholder until the numeric branch lands; replaced wholesale on merge)
pub fn format_float_precision(f: f64, _precision: usize) -> String { format!("{f}") }
pub fn format_float_repr(f: f64) -> String { format!("{f}") }
