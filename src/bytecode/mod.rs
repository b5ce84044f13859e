//! Bytecode: ops over frame slots, units, the emitter (AST → bytecode) and the
//! listing printed by `--dump-bytecode`.

pub mod dim_temps;
pub mod dump;
pub mod emit;
pub mod emit_expr;
pub mod emit_lvalue;
pub mod emit_scan;
pub mod emit_stmt;
pub mod op;
pub mod unit;
