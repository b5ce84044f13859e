//! The interpreter's out-of-line ops: everything without an inline fast path in
//! `interp::run_ops`. `ctx.line` is already set to the op's line.

use super::ctx::{ExecCtx, Fault, VmResult};
use super::interp::{deref_slot, make_ref_of, peek, read, slot, write};
use super::{exceptions, interp_call, interp_dim, interp_iter};
use crate::bytecode::op::{Capture, Op, Operand, RefUse, NO_SLOT};
use crate::bytecode::unit::{Func, Unit};
use crate::runtime::convert::to_bool;
use crate::runtime::object::new_closure;
use crate::runtime::value::{tag, TypedValue};

/// What the dispatch loop does after an out-of-line op.
pub enum Flow {
    Next,
    Jump(u32),
    Return(TypedValue),
}

/// A literal name of the unit (function, class, constant and method names).
pub(crate) fn name_of(unit: &Unit, idx: u32) -> &str {
    unit.names
        .get(idx as usize)
        .map(String::as_str)
        .unwrap_or("")
}

pub(crate) fn slow_op(
    ctx: &mut ExecCtx,
    unit: &Unit,
    func: &Func,
    frame: *mut TypedValue,
    op: &Op,
    pending: &mut Option<TypedValue>,
) -> VmResult<Flow> {
    match op {
        op if interp_dim::handles(op) => interp_dim::dim_op(ctx, func, frame, op)?,
        Op::IterInit { .. } | Op::IterNext { .. } | Op::IterFree { .. } => {
            return interp_iter::iter_op(ctx, func, frame, op);
        }
        Op::Call { .. }
        | Op::CallBuiltin { .. }
        | Op::CallName { .. }
        | Op::CallValue { .. }
        | Op::CallArray { .. }
        | Op::CheckArgs { .. }
        | Op::RecvVariadic { .. }
        | Op::VerifyParam { .. }
        | Op::VerifyReturn { .. } => interp_call::call_op(ctx, unit, func, frame, op)?,
        Op::MethodCall {
            dst,
            obj,
            name,
            args,
            argc,
        } => {
            let o = read(ctx, func, frame, *obj).clone();
            let argv = interp_call::take_args(frame, *args, *argc);
            let r = exceptions::method_call(ctx, &o, name_of(unit, *name), argv)?;
            write(frame, *dst, r);
        }
        Op::New {
            dst,
            class,
            args,
            argc,
        } => {
            let argv = interp_call::take_args(frame, *args, *argc);
            let r = exceptions::new_object(ctx, name_of(unit, *class), argv)?;
            write(frame, *dst, r);
        }
        Op::NewArgs { dst, class, arr } => {
            let cls = read(ctx, func, frame, *class).clone();
            let name = crate::runtime::convert::to_str(ctx, &cls)?.into_owned();
            let a = peek(func, frame, Operand::slot(*arr));
            let mut argv: Vec<TypedValue> = Vec::new();
            if a.is_array() {
                // Built-in constructors take (message, code, previous); named arguments
                // are placed by those names.
                for (k, v) in a.arr().iter() {
                    let pos = match k {
                        crate::runtime::array::KeyRef::Int(_) => argv.len(),
                        crate::runtime::array::KeyRef::Str(n) => match n {
                            b"message" => 0,
                            b"code" => 1,
                            b"previous" => 2,
                            _ => {
                                let n = String::from_utf8_lossy(n).into_owned();
                                return Err(
                                    ctx.throw("Error", format!("Unknown named parameter ${n}"))
                                );
                            }
                        },
                    };
                    while argv.len() <= pos {
                        argv.push(if argv.len() == 1 {
                            TypedValue::int(0)
                        } else if argv.is_empty() {
                            TypedValue::str(b"")
                        } else {
                            TypedValue::null()
                        });
                    }
                    argv[pos] = v.copy_value();
                }
            }
            let r = exceptions::new_object(ctx, &String::from_utf8_lossy(&name), argv)?;
            write(frame, *dst, r);
        }
        Op::InstanceOf { dst, src, class } => {
            let v = peek(func, frame, *src);
            let r = v.is_object()
                && v.obj()
                    .class
                    .is_subclass_of(name_of(unit, *class).trim_start_matches('\\'));
            write(frame, *dst, TypedValue::bool(r));
        }
        Op::FetchProp { dst, obj, name } | Op::FetchPropIs { dst, obj, name } => {
            let quiet = matches!(op, Op::FetchPropIs { .. });
            let o = if quiet {
                peek(func, frame, *obj).clone()
            } else {
                read(ctx, func, frame, *obj).clone()
            };
            let n = if quiet {
                peek(func, frame, *name).clone()
            } else {
                read(ctx, func, frame, *name).clone()
            };
            let n = crate::runtime::convert::to_str(ctx, &n)?.into_owned();
            let v = super::interp_prop::read_prop(ctx, &o, &n, quiet)?;
            write(frame, *dst, v);
        }
        Op::ExpectRefReturn => ctx.ref_returns.push(ctx.sp),
        Op::ReturnRef { src } => {
            let wanted = ctx.take_ref_request(frame);
            // SAFETY: src is a slot of this frame.
            let s = unsafe { slot(frame, *src) };
            let v = if wanted {
                make_ref_of(s)
            } else {
                deref_slot(s).copy_value()
            };
            return Ok(Flow::Return(v));
        }
        Op::RefNotice { src, kind } => {
            ctx.drop_ref_request();
            let msg = match kind {
                RefUse::Returned => "Only variable references should be returned by reference",
                RefUse::Passed => "Only variables should be passed by reference",
                RefUse::Iterated => "",
            };
            // SAFETY: src is a slot of this frame.
            if !msg.is_empty() && !unsafe { slot(frame, *src) }.is_ref() {
                ctx.notice(msg);
            }
        }
        Op::AssignRefResult { dst, src } => {
            ctx.drop_ref_request();
            // SAFETY: src is a slot of this frame.
            let r = unsafe { slot(frame, *src) };
            if r.is_ref() {
                let r = r.clone();
                // SAFETY: dst is a slot of this frame, distinct from src.
                let d = unsafe { slot(frame, *dst) };
                if d.tag == tag::INDIRECT {
                    // SAFETY: an INDIRECT made by FetchDimW in this statement points
                    // at a live element (see `interp::deref_slot`).
                    unsafe { *(d.data as *mut TypedValue) = r };
                } else {
                    *d = r;
                }
            } else {
                let v = r.copy_value();
                ctx.notice("Only variables should be assigned by reference");
                write(frame, *dst, v);
            }
        }
        Op::UnsetLocal { slot: s } => {
            // SAFETY: s is a slot of this frame.
            unsafe { *slot(frame, *s) = TypedValue::uninit() };
        }
        Op::IsSet { dst, src } => {
            let r = !peek(func, frame, *src).is_null();
            write(frame, *dst, TypedValue::bool(r));
        }
        Op::Empty { dst, src } => {
            let r = !to_bool(peek(func, frame, *src));
            write(frame, *dst, TypedValue::bool(r));
        }
        Op::MakeClosure {
            dst,
            func: f,
            captures,
        } => {
            let mut bound = Vec::with_capacity(captures.len());
            for (s, how) in captures.iter() {
                match how {
                    Capture::Value => {
                        bound.push(read(ctx, func, frame, Operand::slot(*s)).copy_value())
                    }
                    // SAFETY: s is a slot of this frame.
                    Capture::Ref => bound.push(make_ref_of(unsafe { slot(frame, *s) })),
                    Capture::ValueQuiet => {
                        let v = peek(func, frame, Operand::slot(*s));
                        bound.push(if v.is_uninit() {
                            TypedValue::uninit()
                        } else {
                            v.clone()
                        });
                    }
                }
            }
            write(frame, *dst, new_closure(*f, bound));
        }
        Op::DeclareFunc { func: f } => {
            let Some(callee) = unit.funcs.get(*f as usize) else {
                return Err(ctx.fatal("invalid function index"));
            };
            if ctx.user_function(&callee.name).is_some()
                || crate::runtime::builtins::registry::lookup(&callee.name).is_some()
            {
                let msg = format!("Cannot redeclare {}()", callee.name);
                return Err(ctx.fatal(msg));
            }
            ctx.dyn_funcs.insert(callee.name.to_ascii_lowercase(), *f);
        }
        Op::DeclareConst { name, val } => {
            let n = name_of(unit, *name).to_string();
            let v = read(ctx, func, frame, *val).copy_value();
            if ctx.constant(&n).is_some() {
                ctx.warn(&format!("Constant {n} already defined"));
            } else {
                ctx.constants.insert(n, v);
            }
        }
        Op::FetchConst { dst, name } => {
            let n = name_of(unit, *name).trim_start_matches('\\');
            match ctx.constant(n) {
                Some(v) => write(frame, *dst, v),
                None => {
                    let msg = format!("Undefined constant \"{n}\"");
                    return Err(ctx.throw("Error", msg));
                }
            }
        }
        Op::BindGlobal { slot: s, name } => {
            let n = name_of(unit, *name).trim_start_matches('$');
            let main = &unit.funcs[unit.main as usize];
            let r = match main
                .local_slot(n)
                .or_else(|| main.local_slot(&format!("${n}")))
            {
                Some(ms) if !ctx.main_frame.is_null() => {
                    // SAFETY: the main frame lives for the whole request; ms < its
                    // num_locals.
                    make_ref_of(unsafe { slot(ctx.main_frame, ms) })
                }
                _ => ctx
                    .extra_globals
                    .entry(n.to_string())
                    .or_insert_with(TypedValue::null)
                    .make_ref(),
            };
            // SAFETY: s is a slot of this frame.
            unsafe { *slot(frame, *s) = r };
        }
        Op::BindStatic { slot: s, idx, init } => {
            let key = (func.id, *idx);
            let r = match ctx.statics.get(&key) {
                Some(r) => r.clone(),
                None => {
                    let v = read(ctx, func, frame, *init).copy_value();
                    let r = TypedValue::new_ref(v);
                    ctx.statics.insert(key, r.clone());
                    r
                }
            };
            // SAFETY: s is a slot of this frame.
            unsafe { *slot(frame, *s) = r };
        }
        Op::BeginSilence { save } => {
            write(frame, *save, TypedValue::int(ctx.silence as i64));
            ctx.silence += 1;
        }
        Op::EndSilence { save } => {
            let v = peek(func, frame, Operand::slot(*save));
            ctx.silence = if v.is_int() {
                v.int_val().max(0) as u32
            } else {
                0
            };
        }
        Op::Throw { src } => {
            let v = read(ctx, func, frame, *src).copy_value();
            if v.is_object() && v.obj().class.is_throwable() {
                return Err(Fault::Throw(v));
            }
            return Err(ctx.throw("Error", "Can only throw objects"));
        }
        Op::Catch { class, dst, next } => {
            let cname = name_of(unit, *class).trim_start_matches('\\');
            let hit = pending
                .as_ref()
                .is_some_and(|e| e.is_object() && e.obj().class.is_subclass_of(cname));
            if !hit {
                return Ok(Flow::Jump(*next));
            }
            let e = pending.take().unwrap_or_default();
            ctx.drop_interrupted_ref_requests();
            if *dst != NO_SLOT {
                write(frame, *dst, e);
            }
        }
        Op::Rethrow => {
            return match pending.take() {
                Some(e) => Err(Fault::Throw(e)),
                None => Err(ctx.fatal("Rethrow without a pending exception")),
            };
        }
        Op::FinallyFromThrow { state, exc } => {
            let e = pending.take().unwrap_or_default();
            ctx.drop_interrupted_ref_requests();
            write(frame, *exc, e);
            write(frame, *state, TypedValue::int(1));
        }
        Op::FinallyEnd {
            state,
            exc,
            ret,
            outer,
        } => {
            let st = peek(func, frame, Operand::slot(*state));
            let st = if st.is_int() { st.int_val() } else { 0 };
            match st {
                1 => {
                    // SAFETY: exc is a slot of this frame.
                    let e = unsafe { slot(frame, *exc) }.take();
                    write(frame, *state, TypedValue::int(0));
                    return Err(Fault::Throw(e.copy_value()));
                }
                2 => {
                    // SAFETY: ret is a slot of this frame.
                    let v = unsafe { slot(frame, *ret) }.take();
                    write(frame, *state, TypedValue::int(0));
                    match outer.as_deref() {
                        Some(&(os, _oexc, oret, opc)) => {
                            write(frame, os, TypedValue::int(2));
                            write(frame, oret, v);
                            return Ok(Flow::Jump(opc));
                        }
                        // `ret` of `function &f()` holds the reference to return.
                        None if func.returns_ref && ctx.take_ref_request(frame) => {
                            let v = if v.is_ref() {
                                v
                            } else {
                                TypedValue::new_ref(v.copy_value())
                            };
                            return Ok(Flow::Return(v));
                        }
                        None => return Ok(Flow::Return(v.copy_value())),
                    }
                }
                _ => {}
            }
        }
        Op::MatchError { src } => {
            let v = read(ctx, func, frame, *src);
            let shown = match v.tag() {
                tag::STRING | tag::INT | tag::DOUBLE | tag::BOOL | tag::NULL | tag::UNINIT => {
                    exceptions::format_arg(v)
                }
                _ => format!("of type {}", v.debug_type()),
            };
            return Err(ctx.throw(
                "UnhandledMatchError",
                format!("Unhandled match case {shown}"),
            ));
        }
        Op::Exit { src } => {
            let code = match src {
                None => 0,
                Some(o) => {
                    let v = read(ctx, func, frame, *o).copy_value();
                    if v.is_int() {
                        v.int_val() as i32
                    } else {
                        let mut b = Vec::new();
                        crate::runtime::convert::append_str(ctx, &mut b, &v)?;
                        ctx.echo(&b);
                        0
                    }
                }
            };
            return Err(Fault::Exit(code));
        }
        Op::Unsupported { what } => {
            let msg = name_of(unit, *what).to_string();
            return Err(ctx.fatal(msg));
        }
        // The dispatch loop's own ops never come here; if one does, say so loudly
        // instead of skipping it.
        other => {
            return Err(ctx.fatal(format!(
                "internal error: {other:?} has no out-of-line implementation"
            )))
        }
    }
    Ok(Flow::Next)
}
