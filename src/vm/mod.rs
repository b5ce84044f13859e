//! The execution context, frames, calls and the interpreter.
