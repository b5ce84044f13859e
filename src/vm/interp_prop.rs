//! Property reads (`$obj->name`, `"$obj->name"`, `isset($obj->name)`).
//!
//! Objects that exist today are the built-in classes: `stdClass` (properties from
//! `(object)` casts and `json_decode`), closures (no properties) and the Throwable
//! hierarchy, whose declared properties are all protected or private — reading them
//! from outside a class is an Error, as in PHP. Property writes are not supported yet
//! (the emitter reports them).

use super::ctx::{ExecCtx, VmResult};
use crate::runtime::array::KeyRef;
use crate::runtime::object::{declared_hidden_prop, Hidden};
use crate::runtime::value::TypedValue;

/// `obj->name` read from outside any class. `quiet` (isset/empty/`??`): whatever
/// cannot be read is null, without diagnostics.
pub fn read_prop(
    ctx: &mut ExecCtx,
    obj: &TypedValue,
    name: &[u8],
    quiet: bool,
) -> VmResult<TypedValue> {
    let obj = obj.deref();
    let shown = String::from_utf8_lossy(name);
    if !obj.is_object() {
        if !quiet {
            ctx.warn(&format!(
                "Attempt to read property \"{shown}\" on {}",
                obj.zend_type_name()
            ));
        }
        return Ok(TypedValue::null());
    }
    let o = obj.obj();
    let class = o.class_name();
    if o.class.is_throwable() {
        // Only declared (inaccessible) properties; a subclass does not see its
        // parent's private ones, which then read as undefined.
        match declared_hidden_prop(&o.class, &shown) {
            _ if quiet => return Ok(TypedValue::null()),
            Some((Hidden::Protected, _)) => {
                let msg = format!("Cannot access protected property {class}::${shown}");
                return Err(ctx.throw("Error", msg));
            }
            Some((Hidden::Private, decl)) if decl == class => {
                let msg = format!("Cannot access private property {class}::${shown}");
                return Err(ctx.throw("Error", msg));
            }
            _ => {}
        }
    } else if o.closure.is_none() {
        if let Some(v) = o.props.get(KeyRef::from_bytes(name)) {
            return Ok(v.copy_value());
        }
    }
    if !quiet {
        ctx.warn(&format!("Undefined property: {class}::${shown}"));
    }
    Ok(TypedValue::null())
}
