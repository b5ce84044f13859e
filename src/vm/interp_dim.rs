//! Array-element ops: literals (`NewArray`, `AddElem`, `AddSpread`), reads
//! (`FetchDim*`), write fetches (`FetchDimW`), `AssignDim` and `UnsetDim`.

use super::ctx::{ExecCtx, VmResult};
use super::interp::{deref_slot_mut, peek, read, slot, write};
use crate::bytecode::op::{DimMode, Op, Operand, Slot};
use crate::bytecode::unit::Func;
use crate::runtime::array::{Key, KeyRef, PhpArray};
use crate::runtime::convert::{to_int, to_key};
use crate::runtime::value::{tag, TypedValue};

fn key_display(k: &Key) -> String {
    match k {
        Key::Int(i) => i.to_string(),
        Key::Str(s) => format!("\"{}\"", String::from_utf8_lossy(s.str_bytes())),
    }
}

fn undefined_key(ctx: &mut ExecCtx, k: &Key) {
    ctx.warn(&format!("Undefined array key {}", key_display(k)));
}

/// Reads `base[key]`. `quiet`: isset/empty/`??` (no diagnostics); `list`: list()
/// semantics (non-arrays give null silently).
pub(crate) fn fetch_dim(
    ctx: &mut ExecCtx,
    base: &TypedValue,
    key: &TypedValue,
    quiet: bool,
    list: bool,
) -> VmResult<TypedValue> {
    let base = base.deref();
    match base.tag() {
        tag::ARRAY => {
            // An int or string key naming an element: found through a borrowed key.
            if let Some(v) = base.arr().get_by_value(key.deref()) {
                return Ok(v.copy_value());
            }
            // An int or string key was looked up as it is: missing.
            if quiet && matches!(key.deref().tag(), tag::INT | tag::STRING) {
                return Ok(TypedValue::null());
            }
            let k = if quiet && (key.deref().is_array() || key.deref().is_object()) {
                return Ok(TypedValue::null());
            } else {
                to_key(ctx, key)?
            };
            match base.arr().get(k.as_ref()) {
                Some(v) => Ok(v.copy_value()),
                None => {
                    if !quiet {
                        undefined_key(ctx, &k);
                    }
                    Ok(TypedValue::null())
                }
            }
        }
        tag::STRING if !list => {
            let s = base.str_bytes();
            let key = key.deref();
            let idx = if key.is_int() {
                key.int_val()
            } else if key.is_string() {
                match crate::runtime::numeric::parse_numeric(key.str_bytes()) {
                    (
                        Some(crate::runtime::numeric::Number::Int(i)),
                        crate::runtime::numeric::NumericKind::Numeric,
                    ) => i,
                    _ => {
                        if quiet {
                            return Ok(TypedValue::null());
                        }
                        let msg = format!(
                            "Cannot access offset of type {} on string",
                            key.zend_type_name()
                        );
                        return Err(ctx.throw("TypeError", msg));
                    }
                }
            } else {
                if quiet && !(key.is_double() || key.is_bool() || key.is_null()) {
                    return Ok(TypedValue::null());
                }
                if key.is_double() || key.is_bool() || key.is_null() {
                    if !quiet {
                        ctx.warn("String offset cast occurred");
                    }
                    to_int(key)
                } else {
                    let msg = format!(
                        "Cannot access offset of type {} on string",
                        key.zend_type_name()
                    );
                    return Err(ctx.throw("TypeError", msg));
                }
            };
            let len = s.len() as i64;
            let i = if idx < 0 { idx + len } else { idx };
            if i < 0 || i >= len {
                if !quiet {
                    ctx.warn(&format!("Uninitialized string offset {idx}"));
                    return Ok(TypedValue::str(b""));
                }
                return Ok(TypedValue::null());
            }
            Ok(TypedValue::str(&s[i as usize..i as usize + 1]))
        }
        tag::OBJECT if !quiet && !list => {
            let msg = format!(
                "Cannot use object of type {} as array",
                base.obj().class_name()
            );
            Err(ctx.throw("Error", msg))
        }
        _ => {
            if !quiet && !list {
                let msg = format!(
                    "Trying to access array offset on value of type {}",
                    base.zend_type_name()
                );
                ctx.warn(&msg);
            }
            Ok(TypedValue::null())
        }
    }
}

/// Makes `c` (the storage a slot designates) an array for writing, following PHP's
/// auto-vivification rules. Returns false when `c` cannot become an array silently
/// (after raising the error).
fn vivify(ctx: &mut ExecCtx, c: &mut TypedValue) -> VmResult<()> {
    match c.tag() {
        tag::ARRAY => Ok(()),
        tag::UNINIT | tag::NULL => {
            *c = TypedValue::array(PhpArray::new());
            Ok(())
        }
        tag::BOOL if !c.bool_val() => {
            ctx.deprecated("Automatic conversion of false to array is deprecated");
            *c = TypedValue::array(PhpArray::new());
            Ok(())
        }
        tag::STRING => Err(ctx.throw("Error", "Cannot use string offset as an array")),
        tag::OBJECT => {
            let msg = format!(
                "Cannot use object of type {} as array",
                c.obj().class_name()
            );
            Err(ctx.throw("Error", msg))
        }
        _ => Err(ctx.throw("Error", "Cannot use a scalar value as an array")),
    }
}

fn full_array(ctx: &mut ExecCtx) -> super::ctx::Fault {
    ctx.throw(
        "Error",
        "Cannot add element to the array as the next element is already occupied",
    )
}

/// `$s[i] = v` on a string.
fn assign_string_offset(
    ctx: &mut ExecCtx,
    c: &mut TypedValue,
    key: &TypedValue,
    v: &TypedValue,
) -> VmResult<TypedValue> {
    let key = key.deref();
    if !key.is_int() {
        return Err(ctx.throw("Error", "Cannot access offset of type string on string"));
    }
    let len = c.str_bytes().len() as i64;
    let i = if key.int_val() < 0 {
        key.int_val() + len
    } else {
        key.int_val()
    };
    if i < 0 {
        ctx.warn(&format!("Illegal string offset {}", key.int_val()));
        return Ok(TypedValue::null());
    }
    let mut b = Vec::new();
    crate::runtime::convert::append_str(ctx, &mut b, v)?;
    let Some(&ch) = b.first() else {
        return Err(ctx.throw("Error", "Cannot assign an empty string to a string offset"));
    };
    if b.len() > 1 {
        ctx.warn("Only the first byte will be assigned to the string offset");
    }
    let i = i as usize;
    c.with_str_buf(|bytes| {
        if i >= bytes.len() {
            bytes.resize(i, b' ');
            bytes.push(ch);
        } else {
            bytes[i] = ch;
        }
    });
    Ok(TypedValue::str(&[ch]))
}

/// Whether `op` is one [`dim_op`] implements (array construction and element
/// access): what JIT code's out-of-line array path may hand it directly.
pub(crate) fn handles(op: &Op) -> bool {
    matches!(
        op,
        Op::NewArray { .. }
            | Op::AddElem { .. }
            | Op::AddSpread { .. }
            | Op::FetchDim { .. }
            | Op::FetchDimIs { .. }
            | Op::FetchListDim { .. }
            | Op::FetchDimW { .. }
            | Op::AssignDim { .. }
            | Op::UnsetDim { .. }
    )
}

pub(crate) fn dim_op(
    ctx: &mut ExecCtx,
    func: &Func,
    frame: *mut TypedValue,
    op: &Op,
) -> VmResult<()> {
    match op {
        Op::NewArray { dst, cap } => {
            write(
                frame,
                *dst,
                TypedValue::array(PhpArray::with_capacity((*cap as usize).min(1 << 16))),
            );
        }
        Op::AddElem { arr, key, val } => {
            let v = if !val.is_const() && val.0 >= func.num_locals {
                // SAFETY: val names a temp slot of this frame; a REF there is a
                // `[&$x]` element made by MakeRef and is consumed here.
                let s = unsafe { slot(frame, val.0) };
                if s.is_ref() {
                    s.take()
                } else {
                    super::interp::deref_slot(s).copy_value()
                }
            } else {
                read(ctx, func, frame, *val).copy_value()
            };
            let k = match key {
                Some(k) => {
                    let kv = read(ctx, func, frame, *k);
                    Some(to_key(ctx, kv)?)
                }
                None => None,
            };
            // SAFETY: arr is a temp slot of this frame holding the array being built.
            let a = deref_slot_mut(unsafe { slot(frame, *arr) });
            if !a.is_array() {
                *a = TypedValue::array(PhpArray::new());
            }
            match k {
                Some(k) => a.arr_mut().set_key(k, v),
                None => {
                    if !a.arr_mut().push(v) {
                        return Err(full_array(ctx));
                    }
                }
            }
        }
        Op::AddSpread { arr, src } => {
            let s = read(ctx, func, frame, *src).clone();
            if !s.is_array() {
                return Err(ctx.throw("Error", "Only arrays and Traversables can be unpacked"));
            }
            // SAFETY: arr is a temp slot of this frame.
            let a = deref_slot_mut(unsafe { slot(frame, *arr) });
            if !a.is_array() {
                *a = TypedValue::array(PhpArray::new());
            }
            let target = a.arr_mut();
            for (k, v) in s.arr().iter() {
                let v = v.copy_value();
                match k {
                    KeyRef::Int(_) => {
                        if !target.push(v) {
                            return Err(full_array(ctx));
                        }
                    }
                    KeyRef::Str(_) => target.set(k, v),
                }
            }
        }
        Op::FetchDim { dst, base, key } => {
            let b = peek(func, frame, *base);
            let k = peek(func, frame, *key);
            if b.is_array() && k.is_int() {
                if let Some(v) = b.arr().packed().and_then(|p| p.get(k.int_val() as usize)) {
                    if k.int_val() >= 0 {
                        let v = v.copy_value();
                        write(frame, *dst, v);
                        return Ok(());
                    }
                }
            }
            let b = read(ctx, func, frame, *base);
            let k = read(ctx, func, frame, *key);
            let r = fetch_dim(ctx, b, k, false, false)?;
            write(frame, *dst, r);
        }
        Op::FetchDimIs { dst, base, key } => {
            let mut b = peek(func, frame, *base);
            if b.is_uninit() {
                if let Some(g) = super::interp::globals_on_read(ctx, func, frame, *base) {
                    b = g;
                }
            }
            let k = peek(func, frame, *key);
            let r = fetch_dim(ctx, b, k, true, false)?;
            write(frame, *dst, r);
        }
        Op::FetchListDim { dst, base, key } => {
            let b = peek(func, frame, *base);
            let k = read(ctx, func, frame, *key);
            let r = fetch_dim(ctx, b, k, false, true)?;
            write(frame, *dst, r);
        }
        Op::FetchDimW {
            dst,
            base,
            key,
            mode,
        } => fetch_dim_w(ctx, func, frame, *dst, *base, *key, *mode)?,
        Op::AssignDim {
            dst,
            base,
            key,
            val,
        } => {
            let v = read(ctx, func, frame, *val).copy_value();
            let k = key.map(|k| read(ctx, func, frame, k).clone());
            check_undefined_base(ctx, func, frame, *base);
            // SAFETY: base is a local or INDIRECT temp of this frame.
            let c = deref_slot_mut(unsafe { slot(frame, *base) });
            if c.is_string() {
                let Some(k) = k else {
                    return Err(ctx.throw("Error", "[] operator not supported for strings"));
                };
                let r = assign_string_offset(ctx, c, &k, &v)?;
                write(frame, *dst, r);
                return Ok(());
            }
            vivify(ctx, c)?;
            match k {
                Some(k) => {
                    let key = to_key(ctx, &k)?;
                    let e = c.arr_mut().entry_mut_owned(&key);
                    if *dst == crate::bytecode::op::NO_SLOT {
                        *e.deref_mut() = v;
                        return Ok(());
                    }
                    *e.deref_mut() = v.clone();
                }
                None => {
                    if !c.arr_mut().push(v.clone()) {
                        return Err(full_array(ctx));
                    }
                }
            }
            write(frame, *dst, v);
        }
        Op::UnsetDim { base, key } => {
            let k = read(ctx, func, frame, *key).clone();
            warn_undefined_local(ctx, func, frame, *base);
            // SAFETY: base is a local or INDIRECT temp of this frame.
            let c = deref_slot_mut(unsafe { slot(frame, *base) });
            if c.is_array() {
                let key = to_key(ctx, &k)?;
                if c.arr().contains_key(key.as_ref()) {
                    c.arr_mut().remove(key.as_ref());
                }
            } else if c.is_string() {
                return Err(ctx.throw("Error", "Cannot unset string offsets"));
            } else if c.is_object() {
                let msg = format!(
                    "Cannot use object of type {} as array",
                    c.obj().class_name()
                );
                return Err(ctx.throw("Error", msg));
            }
        }
        _ => {}
    }
    Ok(())
}

/// "Undefined variable $x" when local `base` is unset (`unset($x['k'])`).
fn warn_undefined_local(ctx: &mut ExecCtx, func: &Func, frame: *mut TypedValue, base: Slot) {
    if base >= func.num_locals {
        return;
    }
    // SAFETY: base is a local of this frame.
    if !unsafe { &*frame.add(base as usize) }.is_uninit() {
        return;
    }
    let name = func
        .local_names
        .get(base as usize)
        .map(String::as_str)
        .unwrap_or("");
    ctx.warn(&format!(
        "Undefined variable ${}",
        name.trim_start_matches('$')
    ));
}

/// `$a[k] .= v` and friends on an undefined local warn like a read would; plain
/// writes vivify silently.
fn check_undefined_base(_ctx: &mut ExecCtx, _func: &Func, _frame: *mut TypedValue, _base: Slot) {}

#[allow(clippy::too_many_arguments)]
fn fetch_dim_w(
    ctx: &mut ExecCtx,
    func: &Func,
    frame: *mut TypedValue,
    dst: Slot,
    base: Slot,
    key: Option<Operand>,
    mode: DimMode,
) -> VmResult<()> {
    let k = key.map(|k| read(ctx, func, frame, k).clone());
    // SAFETY: base is a local or INDIRECT temp of this frame, distinct from dst
    // (dst is written only after this borrow ends).
    let c = deref_slot_mut(unsafe { slot(frame, base) });
    let target: *mut TypedValue = if mode == DimMode::Unset {
        if c.is_uninit() {
            warn_undefined_local(ctx, func, frame, base);
        }
        // SAFETY: as above (the warning did not touch the frame).
        let c = deref_slot_mut(unsafe { slot(frame, base) });
        if !c.is_array() {
            if c.is_string() {
                return Err(ctx.throw("Error", "Cannot unset string offsets"));
            }
            std::ptr::null_mut()
        } else {
            let kk = match &k {
                Some(k) => to_key(ctx, k)?,
                None => return Err(ctx.throw("Error", "Cannot use [] for unsetting")),
            };
            if c.arr().contains_key(kk.as_ref()) {
                c.arr_mut().entry_mut(kk.as_ref())
            } else {
                std::ptr::null_mut()
            }
        }
    } else {
        if mode == DimMode::ReadWrite && c.is_uninit() && base < func.num_locals {
            let name = func
                .local_names
                .get(base as usize)
                .map(String::as_str)
                .unwrap_or("");
            ctx.warn(&format!(
                "Undefined variable ${}",
                name.trim_start_matches('$')
            ));
        }
        vivify(ctx, c)?;
        match &k {
            Some(k) => {
                let kk = to_key(ctx, k)?;
                let arr = c.arr_mut();
                // A read-modify-write of an element that exists finds it once.
                let found = match mode {
                    DimMode::ReadWrite => arr.get_mut(kk.as_ref()).map(|v| v as *mut TypedValue),
                    _ => None,
                };
                match found {
                    Some(v) => v,
                    None => {
                        if mode == DimMode::ReadWrite {
                            undefined_key(ctx, &kk);
                        }
                        arr.entry_mut_owned(&kk)
                    }
                }
            }
            None => match c.arr_mut().push_slot() {
                Some(s) => s,
                None => return Err(full_array(ctx)),
            },
        }
    };
    let v = if target.is_null() {
        TypedValue::uninit()
    } else {
        TypedValue::indirect(target)
    };
    if dst != crate::bytecode::op::NO_SLOT {
        // SAFETY: dst is a temp of this frame; an INDIRECT temp is overwritten, not
        // written through.
        unsafe { *slot(frame, dst) = v };
    }
    Ok(())
}
