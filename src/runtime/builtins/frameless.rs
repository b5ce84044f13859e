//! Which built-in calls leave no frame in PHP's stack traces.
//!
//! PHP compiles some calls of built-ins to opcodes of their own
//! (`zend_try_compile_special_func`): `strlen($s)` is `ZEND_STRLEN`, `count($a)` is
//! `ZEND_COUNT`, and so on. Those run inside the calling function, so an exception
//! they throw (`strlen([])`'s TypeError) has no `strlen(...)` line in its trace, while
//! the same function called the ordinary way (with another argument count) does.
//! `call_user_func` compiles to a direct call of its callback, which therefore
//! appears as called from the user code, not from `[internal function]`.

/// A bit per argument count (0..=7) for which a call of built-in `name` compiles to
/// an opcode; 0 for built-ins that always get a frame.
pub fn frameless_argcs(name: &str) -> u8 {
    const ZERO: u8 = 1 << 0;
    const ONE: u8 = 1 << 1;
    const TWO: u8 = 1 << 2;
    match name {
        "strlen" | "is_null" | "is_bool" | "is_long" | "is_int" | "is_integer" | "is_float"
        | "is_double" | "is_string" | "is_array" | "is_object" | "is_resource" | "is_scalar"
        | "boolval" | "intval" | "floatval" | "doubleval" | "strval" | "count" | "sizeof"
        | "gettype" => ONE,
        "func_num_args" | "func_get_args" => ZERO,
        "get_class" => ZERO | ONE,
        "array_key_exists" => TWO,
        // INIT_USER_CALL: one callback argument at least; the array form takes two.
        "call_user_func" => !ZERO,
        "call_user_func_array" => TWO,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::frameless_argcs;

    #[test]
    fn only_the_opcode_forms_are_frameless() {
        assert_eq!(frameless_argcs("strlen") & (1 << 1), 1 << 1);
        assert_eq!(
            frameless_argcs("strlen") & 1,
            0,
            "strlen() is an ordinary call"
        );
        assert_eq!(frameless_argcs("intdiv"), 0);
        assert_ne!(frameless_argcs("call_user_func") & (1 << 3), 0);
        assert_eq!(frameless_argcs("call_user_func") & 1, 0);
    }
}
