//! Built-in functions on objects and classes (for the built-in classes that exist
//! before user classes arrive).

use super::{args, BuiltinDef};
use crate::runtime::object::find_class;
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("get_class", "object=", get_class),
    ("get_parent_class", "object_or_class=", get_parent_class),
    ("is_a", "object_or_class, class, allow_string=", is_a),
    (
        "is_subclass_of",
        "object_or_class, class, allow_string=",
        is_subclass_of,
    ),
    ("class_exists", "class, autoload=", class_exists),
];

fn get_class(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    if a.is_empty() {
        return Err(ctx.throw(
            "Error",
            "get_class() without arguments must be called from within a class",
        ));
    }
    let v = a[0].deref();
    if !v.is_object() {
        return Err(args::type_error(ctx, 0, "object", v));
    }
    Ok(TypedValue::str(v.obj().class_name().as_bytes()))
}

fn get_parent_class(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let class = match a.first().map(|v| v.deref()) {
        Some(v) if v.is_object() => v.obj().class.clone(),
        Some(v) if v.is_string() => match find_class(&String::from_utf8_lossy(v.str_bytes())) {
            Some(c) => c,
            None => return Ok(TypedValue::bool(false)),
        },
        Some(v) => return Err(args::type_error(ctx, 0, "object|string", v)),
        None => return Ok(TypedValue::bool(false)),
    };
    Ok(match &class.parent {
        Some(p) => TypedValue::str(p.name.as_bytes()),
        None => TypedValue::bool(false),
    })
}

fn instance_test(ctx: &mut ExecCtx, a: &mut [TypedValue], strict: bool) -> VmResult<TypedValue> {
    let target = args::str(ctx, a, 1)?.into_owned();
    let target = String::from_utf8_lossy(&target).into_owned();
    let allow_string = args::opt_bool(ctx, a, 2)?.unwrap_or(strict);
    let v = a[0].deref();
    let class = if v.is_object() {
        v.obj().class.clone()
    } else if v.is_string() && allow_string {
        match find_class(&String::from_utf8_lossy(v.str_bytes())) {
            Some(c) => c,
            None => return Ok(TypedValue::bool(false)),
        }
    } else {
        return Ok(TypedValue::bool(false));
    };
    if strict
        && class
            .name
            .eq_ignore_ascii_case(target.trim_start_matches('\\'))
    {
        return Ok(TypedValue::bool(false));
    }
    Ok(TypedValue::bool(
        class.is_subclass_of(target.trim_start_matches('\\')),
    ))
}

fn is_a(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    instance_test(ctx, a, false)
}

fn is_subclass_of(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    instance_test(ctx, a, true)
}

fn class_exists(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let name = args::str(ctx, a, 0)?;
    Ok(TypedValue::bool(
        find_class(&String::from_utf8_lossy(&name)).is_some(),
    ))
}
