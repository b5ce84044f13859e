//! (placeholder until the numeric branch lands)
