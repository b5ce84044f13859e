//! `$GLOBALS`: the emitter compiles it as an ordinary local, so the runtime fills that
//! local with an array of references to the defined globals — when a function that
//! uses it is called, and in the main script when it is first read while unset.
//! Reads and writes of existing globals through it are live; globals created after the
//! array was built are not in it (a dedicated op would fix that; see the report).

use super::ctx::ExecCtx;
use crate::bytecode::unit::{CallShape, Func};
use crate::runtime::array::PhpArray;
use crate::runtime::value::TypedValue;

/// The slot of a local named `$GLOBALS`, if the function has one.
pub fn globals_slot(func: &Func) -> Option<u32> {
    // (Derived from the local names once per function: `CallShape::of`.)
    Some(func.call_shape.globals_slot).filter(|&s| s != CallShape::NONE)
}

/// Builds the `$GLOBALS` array: a reference to every defined global.
pub fn globals_array(ctx: &mut ExecCtx) -> TypedValue {
    let mut arr = PhpArray::new();
    let unit = ctx.unit.clone();
    if let Some(main) = unit.funcs.get(unit.main as usize) {
        if !ctx.main_frame.is_null() {
            for (i, name) in main.local_names.iter().enumerate() {
                if i as u32 >= main.num_locals {
                    break;
                }
                let n = name.trim_start_matches('$');
                if n == "GLOBALS" || n == "this" {
                    continue;
                }
                // SAFETY: the main frame lives for the whole request and has
                // num_locals initialised local slots.
                let s = unsafe { &mut *ctx.main_frame.add(i) };
                if s.deref().is_uninit() {
                    continue;
                }
                arr.set_str(n.as_bytes(), s.make_ref());
            }
        }
    }
    let mut extra: Vec<(&String, &mut TypedValue)> = ctx.extra_globals.iter_mut().collect();
    extra.sort_by(|a, b| a.0.cmp(b.0));
    for (n, v) in extra {
        if !v.deref().is_uninit() {
            arr.set_str(n.as_bytes(), v.make_ref());
        }
    }
    TypedValue::array(arr)
}
