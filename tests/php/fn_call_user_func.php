<?php
// call_user_func and call_user_func_array with various callable forms
var_dump(call_user_func('strtoupper', "abc"));
var_dump(call_user_func('str_repeat', "ab", 3));
var_dump(call_user_func(fn($a, $b) => $a + $b, 2, 3));
var_dump(call_user_func(function () { return func_get_args(); }, 1, "two", [3]));
var_dump(call_user_func_array('max', [4, 8, 2]));
var_dump(call_user_func_array('implode', [",", ["x", "y"]]));
var_dump(call_user_func_array(fn(...$xs) => count($xs), []));
var_dump(call_user_func_array('str_pad', ["string" => "x", "length" => 4, "pad_string" => "-"]));
function named($a, $b = "B", $c = "C") { return "$a|$b|$c"; }
var_dump(call_user_func_array('named', ["a" => 1, "c" => 3]));
var_dump(call_user_func('named', 'only'));
try {
    call_user_func('no_such_function');
} catch (TypeError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
try {
    call_user_func_array('str_repeat', ['x']);
} catch (ArgumentCountError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
