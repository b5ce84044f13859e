//! Bytecode: ops over frame slots, units, the emitter and the listing.

pub mod op;
pub mod unit;
