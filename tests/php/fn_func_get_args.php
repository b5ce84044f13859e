<?php
// func_get_args and func_num_args with defaults, extras and modifications
function f($a, $b = 2) {
    echo func_num_args(), " ", json_encode(func_get_args()), "\n";
    $a = "changed";
    echo json_encode(func_get_args()), "\n";
}
f(1);
f(1, 2);
f(1, 5, 7, 9);
function variadic(...$rest) {
    return [func_num_args(), func_get_args(), $rest];
}
echo json_encode(variadic()), "\n";
echo json_encode(variadic("a", "b")), "\n";
function none() {
    return func_num_args() . ":" . implode(",", func_get_args());
}
echo none(1, 2, 3), "\n";
echo call_user_func_array('none', [9, 8]), "\n";
$c = function () { return func_get_args(); };
echo json_encode($c(1, null, false)), "\n";
