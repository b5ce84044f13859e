//! Built-in functions: function handling, constants, error reporting, ini, process
//! information (call_user_func, func_get_args, define, trigger_error, getenv ...).

use super::{args, registry, BuiltinDef};
use crate::runtime::array::{KeyRef, PhpArray};
use crate::runtime::value::TypedValue;
use crate::vm::ctx::{ExecCtx, VmResult};

pub const FUNCS: &[BuiltinDef] = &[
    ("function_exists", "function", function_exists),
    ("call_user_func", "callback, ...args", call_user_func),
    (
        "call_user_func_array",
        "callback, args",
        call_user_func_array,
    ),
    // `Closure::fromCallable($c)` and the first-class callable syntax `f(...)`
    // (the emitter calls it by this name, which no PHP function can have).
    ("closure::fromcallable", "callback", closure_from_callable),
    ("func_get_args", "", func_get_args),
    ("func_num_args", "", func_num_args),
    ("define", "constant_name, value, case_insensitive=", define),
    ("defined", "constant_name", defined),
    ("constant", "name", constant),
    ("error_reporting", "error_level=", error_reporting),
    ("ini_get", "option", ini_get),
    ("ini_set", "option, value", ini_set),
    (
        "set_error_handler",
        "callback, error_levels=",
        set_error_handler,
    ),
    ("restore_error_handler", "", restore_error_handler),
    ("trigger_error", "message, error_level=", trigger_error),
    ("user_error", "message, error_level=", trigger_error),
    ("php_sapi_name", "", php_sapi_name),
    ("phpversion", "extension=", phpversion),
    ("memory_get_usage", "real_usage=", memory_get_usage),
    ("memory_get_peak_usage", "real_usage=", memory_get_usage),
    ("gc_collect_cycles", "", gc_collect_cycles),
    ("usleep", "microseconds", usleep),
    ("sleep", "seconds", sleep),
    ("getenv", "name=, local_only=", getenv),
    ("php_uname", "mode=", php_uname),
];

const PHP_VERSION: &str = "8.2.36";

fn function_exists(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let name = String::from_utf8_lossy(&args::str(ctx, a, 0)?).into_owned();
    let builtin = !name.contains("::") && registry::lookup(&name).is_some();
    Ok(TypedValue::bool(
        ctx.user_function(&name).is_some() || builtin,
    ))
}

fn call_user_func(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let callee = a[0].clone();
    let mut rest: Vec<TypedValue> = a[1..].iter().map(TypedValue::copy_value).collect();
    ctx.call_callable(&callee, &mut rest)
}

fn closure_from_callable(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let c = a[0].copy_value();
    if c.is_object() && c.obj().closure.is_some() {
        return Ok(c);
    }
    if c.is_string() {
        let name = String::from_utf8_lossy(c.str_bytes()).into_owned();
        if let Some(id) = ctx.user_function(&name) {
            return Ok(crate::runtime::object::new_closure(id, Vec::new()));
        }
        if let Some(b) = registry::lookup(&name) {
            return Ok(crate::runtime::object::new_builtin_closure(b));
        }
    }
    let why = if c.is_string() {
        format!(
            "function \"{}\" not found or invalid function name",
            String::from_utf8_lossy(c.str_bytes())
        )
    } else {
        "no array or string given".to_string()
    };
    let msg =
        format!("Closure::fromCallable(): Argument #1 ($callback) must be a valid callback, {why}");
    Err(ctx.type_error(msg))
}

fn call_user_func_array(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let callee = a[0].clone();
    let arr = args::array(ctx, a, 1)?.clone();
    if !ctx.is_callable(&callee) {
        return ctx.call_callable(&callee, &mut []);
    }
    crate::vm::interp_call::call_value_array(ctx, &callee, &arr, false)
}

/// The arguments of the innermost active PHP function call, or `None` at top level.
fn current_args(ctx: &ExecCtx) -> Option<Vec<TypedValue>> {
    let ci = ctx.calls.last()?;
    let f = ctx.unit.funcs.get(ci.func as usize)?;
    // A variadic parameter's slot holds the packed rest; those arguments are in `extra`.
    let fixed = f.params.iter().filter(|p| !p.variadic).count() as u32;
    let declared = fixed.min(ci.argc) as usize;
    let mut out = Vec::with_capacity(declared + ci.extra().len());
    for i in 0..declared {
        // SAFETY: the frame of an active call is live and holds at least its declared
        // parameters in slots 0..params.len().
        let v = unsafe { &*ci.frame.add(i) };
        out.push(v.copy_value());
    }
    out.extend(ci.extra().iter().map(TypedValue::copy_value));
    Some(out)
}

fn func_get_args(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    match current_args(ctx) {
        Some(v) => Ok(TypedValue::array(PhpArray::from_values(v))),
        None => Err(ctx.throw(
            "Error",
            "func_get_args() cannot be called from the global scope",
        )),
    }
}

fn func_num_args(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    match ctx.calls.last() {
        Some(ci) => Ok(TypedValue::int(ci.argc as i64)),
        None => Err(ctx.throw(
            "Error",
            "func_num_args() must be called from a function context",
        )),
    }
}

fn const_name(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw)
        .trim_start_matches('\\')
        .to_string()
}

fn define(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let name = const_name(&args::str(ctx, a, 0)?);
    if name.contains("::") {
        return Err(args::value_error(ctx, 0, "cannot be a class constant"));
    }
    if args::opt_bool(ctx, a, 2)?.unwrap_or(false) {
        ctx.warn("define(): Argument #3 ($case_insensitive) is ignored since declaration of case-insensitive constants is no longer supported");
    }
    if ctx.constant(&name).is_some() {
        ctx.warn(&format!("Constant {name} already defined"));
        return Ok(TypedValue::bool(false));
    }
    let v = a[1].copy_value();
    ctx.constants.insert(name, v);
    Ok(TypedValue::bool(true))
}

fn defined(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let name = const_name(&args::str(ctx, a, 0)?);
    Ok(TypedValue::bool(ctx.constant(&name).is_some()))
}

fn constant(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let name = const_name(&args::str(ctx, a, 0)?);
    if let Some((class, cname)) = name.split_once("::") {
        // Class constants: only the built-in classes exist here, and they declare none.
        let msg = match crate::runtime::object::find_class(class) {
            Some(c) => format!("Undefined constant {}::{cname}", c.name),
            None => format!("Class \"{class}\" not found"),
        };
        return Err(ctx.throw("Error", msg));
    }
    match ctx.constant(&name) {
        Some(v) => Ok(v),
        None => Err(ctx.throw("Error", format!("Undefined constant \"{name}\""))),
    }
}

fn error_reporting(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    // The level is not tracked (needs ExecCtx support); php -n's is E_ALL.
    if let Some(v) = a
        .first()
        .map(|v| v.deref().clone())
        .filter(|v| !v.is_null())
    {
        let bad = v.is_array()
            || v.is_object()
            || (v.is_string()
                && crate::runtime::numeric::parse_numeric(v.str_bytes()).1
                    == crate::runtime::numeric::NumericKind::NonNumeric);
        if bad {
            return Err(args::type_error(ctx, 0, "?int", &v));
        }
        args::int(ctx, a, 0)?;
    }
    Ok(TypedValue::int(32767))
}

/// The ini settings of `php -n` that scripts commonly read.
fn ini_value(name: &[u8]) -> Option<&'static str> {
    Some(match name {
        b"precision" => "14",
        b"serialize_precision" => "-1",
        b"memory_limit" => "128M",
        b"display_errors" => "1",
        b"error_reporting" => "",
        b"default_charset" => "UTF-8",
        b"max_execution_time" => "0",
        b"html_errors" => "0",
        b"implicit_flush" => "1",
        b"date.timezone" => "UTC",
        b"zend.assertions" => "1",
        b"short_open_tag" => "1",
        b"output_buffering" => "0",
        _ => return None,
    })
}

fn ini_get(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let name = args::str(ctx, a, 0)?;
    Ok(match ini_value(&name) {
        Some(v) => TypedValue::str(v.as_bytes()),
        None => TypedValue::bool(false),
    })
}

/// Settings are read-only here: setting the current value succeeds (returns the old
/// value, as PHP does); any change fails with false.
fn ini_set(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let name = args::str(ctx, a, 0)?.into_owned();
    let v = a[1].deref();
    let new = if v.is_null() {
        Vec::new()
    } else {
        crate::runtime::convert::to_str_quiet(v).into_owned()
    };
    Ok(match ini_value(&name) {
        Some(cur) if cur.as_bytes() == new.as_slice() => TypedValue::str(cur.as_bytes()),
        _ => TypedValue::bool(false),
    })
}

fn set_error_handler(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let cb = a[0].copy_value();
    if !cb.is_null() && !ctx.is_callable(&cb) {
        let why = if cb.is_string() {
            format!(
                "function \"{}\" not found or invalid function name",
                String::from_utf8_lossy(cb.str_bytes())
            )
        } else {
            "no array or string given".to_string()
        };
        let msg = format!(
            "set_error_handler(): Argument #1 ($callback) must be a valid callback or null, {why}"
        );
        return Err(ctx.type_error(msg));
    }
    let levels = args::opt_int(ctx, a, 1)?.unwrap_or(32767);
    let prev = ctx
        .error_handlers
        .last()
        .map_or_else(TypedValue::null, |(h, _)| h.clone());
    ctx.error_handlers.push((cb, levels));
    Ok(prev)
}

fn restore_error_handler(ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    ctx.error_handlers.pop();
    Ok(TypedValue::bool(true))
}

fn trigger_error(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let msg = String::from_utf8_lossy(&args::str(ctx, a, 0)?).into_owned();
    let level = args::opt_int(ctx, a, 1)?.unwrap_or(1024);
    match level {
        256 => return Err(ctx.fatal(msg)),
        512 | 1024 | 16384 => ctx.raise(level, &msg),
        _ => {
            return Err(args::value_error(
                ctx,
                1,
                "must be one of E_USER_ERROR, E_USER_WARNING, E_USER_NOTICE, or E_USER_DEPRECATED",
            ))
        }
    }
    Ok(TypedValue::bool(true))
}

fn php_sapi_name(_ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::str(b"cli"))
}

fn phpversion(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    if a.first().is_some_and(|v| !v.deref().is_null()) {
        let ext = args::str(ctx, a, 0)?.to_ascii_lowercase();
        let known: &[&[u8]] = &[
            b"core",
            b"standard",
            b"date",
            b"pcre",
            b"json",
            b"random",
            b"spl",
            b"reflection",
            b"hash",
        ];
        if !known.contains(&ext.as_slice()) {
            return Ok(TypedValue::bool(false));
        }
    }
    Ok(TypedValue::str(PHP_VERSION.as_bytes()))
}

fn memory_get_usage(_ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::int(2097152))
}

fn gc_collect_cycles(_ctx: &mut ExecCtx, _a: &mut [TypedValue]) -> VmResult<TypedValue> {
    Ok(TypedValue::int(0))
}

fn usleep(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let us = args::int(ctx, a, 0)?;
    if us < 0 {
        return Err(args::value_error(
            ctx,
            0,
            "must be greater than or equal to 0",
        ));
    }
    ctx.out.flush_stdout();
    std::thread::sleep(std::time::Duration::from_micros(us as u64));
    Ok(TypedValue::null())
}

fn sleep(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let s = args::int(ctx, a, 0)?;
    if s < 0 {
        return Err(args::value_error(
            ctx,
            0,
            "must be greater than or equal to 0",
        ));
    }
    ctx.out.flush_stdout();
    std::thread::sleep(std::time::Duration::from_secs(s as u64));
    Ok(TypedValue::int(0))
}

fn getenv(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    if a.first().is_none_or(|v| v.deref().is_null()) {
        let mut arr = PhpArray::new();
        for (k, v) in std::env::vars_os() {
            let k = k.to_string_lossy().into_owned();
            arr.set(
                KeyRef::from_bytes(k.as_bytes()),
                TypedValue::str(v.to_string_lossy().as_bytes()),
            );
        }
        return Ok(TypedValue::array(arr));
    }
    let name = String::from_utf8_lossy(&args::str(ctx, a, 0)?).into_owned();
    if name.is_empty() || name.contains(['=', '\0']) {
        return Ok(TypedValue::bool(false));
    }
    Ok(match std::env::var_os(&name) {
        Some(v) => TypedValue::str(v.to_string_lossy().as_bytes()),
        None => TypedValue::bool(false),
    })
}

fn proc_kernel(file: &str, fallback: &str) -> String {
    std::fs::read_to_string(format!("/proc/sys/kernel/{file}"))
        .map(|s| s.trim_end().to_string())
        .unwrap_or_else(|_| fallback.to_string())
}

fn php_uname(ctx: &mut ExecCtx, a: &mut [TypedValue]) -> VmResult<TypedValue> {
    let mode = args::opt_str(ctx, a, 0)?
        .and_then(|m| m.first().copied())
        .unwrap_or(b'a');
    let s = || proc_kernel("ostype", "Linux");
    let n = || proc_kernel("hostname", "localhost");
    let r = || proc_kernel("osrelease", "");
    let v = || proc_kernel("version", "");
    let m = || std::env::consts::ARCH.to_string();
    let out = match mode {
        b's' => s(),
        b'n' => n(),
        b'r' => r(),
        b'v' => v(),
        b'm' => m(),
        _ => format!("{} {} {} {} {}", s(), n(), r(), v(), m()),
    };
    Ok(TypedValue::string(out.into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::ctx::Fault;

    fn run(
        ctx: &mut ExecCtx,
        f: super::super::BuiltinFn,
        name: &str,
        args: &mut [TypedValue],
    ) -> Result<TypedValue, String> {
        ctx.cur_builtin = registry::lookup(name).unwrap();
        f(ctx, args).map_err(|e| match e {
            Fault::Throw(v) => {
                let o = v.obj();
                format!(
                    "{}: {}",
                    o.class_name(),
                    String::from_utf8_lossy(o.prop("message").unwrap().str_bytes())
                )
            }
            Fault::Fatal { msg, .. } => format!("Fatal: {msg}"),
            other => format!("{other:?}"),
        })
    }
    fn s(x: &str) -> TypedValue {
        TypedValue::str(x.as_bytes())
    }

    #[test]
    fn constants() {
        let mut ctx = ExecCtx::for_tests();
        ctx.out.start_buffer();
        assert!(run(
            &mut ctx,
            define,
            "define",
            &mut [s("FOO"), TypedValue::int(1)]
        )
        .unwrap()
        .bool_val());
        assert!(!run(
            &mut ctx,
            define,
            "define",
            &mut [s("FOO"), TypedValue::int(2)]
        )
        .unwrap()
        .bool_val());
        assert!(run(&mut ctx, defined, "defined", &mut [s("FOO")])
            .unwrap()
            .bool_val());
        assert!(run(&mut ctx, defined, "defined", &mut [s("\\FOO")])
            .unwrap()
            .bool_val());
        assert!(run(&mut ctx, defined, "defined", &mut [s("PHP_EOL")])
            .unwrap()
            .bool_val());
        assert_eq!(
            run(&mut ctx, constant, "constant", &mut [s("FOO")])
                .unwrap()
                .int_val(),
            1
        );
        assert_eq!(
            run(&mut ctx, constant, "constant", &mut [s("NOPE")]).unwrap_err(),
            "Error: Undefined constant \"NOPE\""
        );
        assert!(!run(
            &mut ctx,
            define,
            "define",
            &mut [s("PHP_EOL"), TypedValue::int(2)]
        )
        .unwrap()
        .bool_val());
        assert_eq!(
            run(
                &mut ctx,
                define,
                "define",
                &mut [s("A::B"), TypedValue::int(2)]
            )
            .unwrap_err(),
            "ValueError: define(): Argument #1 ($constant_name) cannot be a class constant"
        );
        assert_eq!(
            run(&mut ctx, constant, "constant", &mut [s("A::B")]).unwrap_err(),
            "Error: Class \"A\" not found"
        );
        assert_eq!(
            run(&mut ctx, constant, "constant", &mut [s("stdclass::B")]).unwrap_err(),
            "Error: Undefined constant stdClass::B"
        );
        assert!(!run(&mut ctx, defined, "defined", &mut [s("A::B")])
            .unwrap()
            .bool_val());
        let out = String::from_utf8(ctx.out.pop_buffer().unwrap()).unwrap();
        assert_eq!(
            out,
            "\nWarning: Constant FOO already defined in test.php on line 0\n\nWarning: Constant PHP_EOL already defined in test.php on line 0\n"
        );
    }

    #[test]
    fn errors_and_ini() {
        let mut ctx = ExecCtx::for_tests();
        ctx.out.start_buffer();
        let i = TypedValue::int;
        assert!(
            run(&mut ctx, trigger_error, "trigger_error", &mut [s("hello")])
                .unwrap()
                .bool_val()
        );
        run(
            &mut ctx,
            trigger_error,
            "trigger_error",
            &mut [s("w"), i(512)],
        )
        .unwrap();
        run(
            &mut ctx,
            trigger_error,
            "user_error",
            &mut [s("d"), i(16384)],
        )
        .unwrap();
        assert_eq!(
            run(
                &mut ctx,
                trigger_error,
                "trigger_error",
                &mut [s("f"), i(256)]
            )
            .unwrap_err(),
            "Fatal: f"
        );
        assert_eq!(
            run(&mut ctx, trigger_error, "trigger_error", &mut [s("x"), i(2)]).unwrap_err(),
            "ValueError: trigger_error(): Argument #2 ($error_level) must be one of E_USER_ERROR, E_USER_WARNING, E_USER_NOTICE, or E_USER_DEPRECATED"
        );
        let out = String::from_utf8(ctx.out.pop_buffer().unwrap()).unwrap();
        assert_eq!(
            out,
            "\nNotice: hello in test.php on line 0\n\nWarning: w in test.php on line 0\n\nDeprecated: d in test.php on line 0\n"
        );
        assert_eq!(
            run(&mut ctx, ini_get, "ini_get", &mut [s("precision")])
                .unwrap()
                .str_bytes(),
            b"14"
        );
        assert_eq!(
            run(
                &mut ctx,
                ini_get,
                "ini_get",
                &mut [s("serialize_precision")]
            )
            .unwrap()
            .str_bytes(),
            b"-1"
        );
        assert!(!run(&mut ctx, ini_get, "ini_get", &mut [s("foo")])
            .unwrap()
            .bool_val());
        assert_eq!(
            run(&mut ctx, ini_set, "ini_set", &mut [s("precision"), i(14)])
                .unwrap()
                .str_bytes(),
            b"14"
        );
        assert!(!run(&mut ctx, ini_set, "ini_set", &mut [s("foo"), i(1)])
            .unwrap()
            .bool_val());
        assert_eq!(
            run(&mut ctx, error_reporting, "error_reporting", &mut [i(0)])
                .unwrap()
                .int_val(),
            32767
        );
        assert_eq!(
            run(
                &mut ctx,
                error_reporting,
                "error_reporting",
                &mut [TypedValue::null()]
            )
            .unwrap()
            .int_val(),
            32767
        );
        assert_eq!(
            run(&mut ctx, error_reporting, "error_reporting", &mut [TypedValue::array(PhpArray::new())]).unwrap_err(),
            "TypeError: error_reporting(): Argument #1 ($error_level) must be of type ?int, array given"
        );
        assert!(run(
            &mut ctx,
            restore_error_handler,
            "restore_error_handler",
            &mut []
        )
        .unwrap()
        .bool_val());
    }

    #[test]
    fn scope_and_misc() {
        let mut ctx = ExecCtx::for_tests();
        assert_eq!(
            run(&mut ctx, func_get_args, "func_get_args", &mut []).unwrap_err(),
            "Error: func_get_args() cannot be called from the global scope"
        );
        assert_eq!(
            run(&mut ctx, func_num_args, "func_num_args", &mut []).unwrap_err(),
            "Error: func_num_args() must be called from a function context"
        );
        assert!(run(
            &mut ctx,
            function_exists,
            "function_exists",
            &mut [s("Function_Exists")]
        )
        .unwrap()
        .bool_val());
        assert!(!run(
            &mut ctx,
            function_exists,
            "function_exists",
            &mut [s("nope")]
        )
        .unwrap()
        .bool_val());
        assert_eq!(
            run(&mut ctx, php_sapi_name, "php_sapi_name", &mut [])
                .unwrap()
                .str_bytes(),
            b"cli"
        );
        assert_eq!(
            run(&mut ctx, phpversion, "phpversion", &mut [])
                .unwrap()
                .str_bytes(),
            b"8.2.36"
        );
        assert!(!run(
            &mut ctx,
            getenv,
            "getenv",
            &mut [s("HOPJIT_SURELY_UNSET_VAR")]
        )
        .unwrap()
        .bool_val());
        assert!(run(&mut ctx, getenv, "getenv", &mut []).unwrap().is_array());
        assert_eq!(
            run(&mut ctx, usleep, "usleep", &mut [TypedValue::int(-1)]).unwrap_err(),
            "ValueError: usleep(): Argument #1 ($microseconds) must be greater than or equal to 0"
        );
        assert_eq!(
            run(&mut ctx, sleep, "sleep", &mut [TypedValue::int(0)])
                .unwrap()
                .int_val(),
            0
        );
        let u = run(&mut ctx, php_uname, "php_uname", &mut [s("m")]).unwrap();
        assert_eq!(u.str_bytes(), std::env::consts::ARCH.as_bytes());
        assert_eq!(
            run(&mut ctx, call_user_func, "call_user_func", &mut [s("nope")]).unwrap_err(),
            "TypeError: call_user_func(): Argument #1 ($callback) must be a valid callback, function \"nope\" not found or invalid function name"
        );
        let r = run(
            &mut ctx,
            call_user_func,
            "call_user_func",
            &mut [s("php_sapi_name")],
        )
        .unwrap();
        assert_eq!(r.str_bytes(), b"cli");
        let arr = TypedValue::array(PhpArray::from_values(vec![s("FOO"), TypedValue::int(3)]));
        assert!(run(
            &mut ctx,
            call_user_func_array,
            "call_user_func_array",
            &mut [s("define"), arr]
        )
        .unwrap()
        .bool_val());
        let mut named = PhpArray::new();
        named.set_str(b"constant_name", s("BAR"));
        named.set_str(b"value", TypedValue::int(4));
        let named = TypedValue::array(named);
        assert!(run(
            &mut ctx,
            call_user_func_array,
            "call_user_func_array",
            &mut [s("define"), named]
        )
        .unwrap()
        .bool_val());
        assert_eq!(ctx.constant("BAR").unwrap().int_val(), 4);
        let mut bad = PhpArray::new();
        bad.set_str(b"zz", TypedValue::int(1));
        assert_eq!(
            run(
                &mut ctx,
                call_user_func_array,
                "call_user_func_array",
                &mut [s("define"), TypedValue::array(bad)]
            )
            .unwrap_err(),
            "Error: Unknown named parameter $zz"
        );
    }

    #[test]
    fn closure_from_builtin_name() {
        let mut ctx = ExecCtx::for_tests();
        let c = run(
            &mut ctx,
            closure_from_callable,
            "closure::fromcallable",
            &mut [TypedValue::str(b"strlen")],
        )
        .unwrap();
        assert!(c.is_object() && ctx.is_callable(&c));
        let r = ctx
            .call_callable(&c, &mut [TypedValue::str(b"abcd")])
            .unwrap();
        assert_eq!(r.int_val(), 4);
        let e = run(
            &mut ctx,
            closure_from_callable,
            "closure::fromcallable",
            &mut [TypedValue::str(b"nope")],
        )
        .unwrap_err();
        assert_eq!(e, "TypeError: Closure::fromCallable(): Argument #1 ($callback) must be a valid callback, function \"nope\" not found or invalid function name");
    }
}
