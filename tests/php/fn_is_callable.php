<?php
// is_callable with strings, closures, arrays and non-callables
$vals = ["strlen", "STRLEN", "no_such_function", "", "array_map", fn() => 1, function () {}, [1, 2], 42, null, "is_callable", "echo", "isset", "empty"];
foreach ($vals as $i => $v) {
    echo $i, ": ", var_export(is_callable($v), true), "\n";
}
var_dump(function_exists("strlen"), function_exists("Strlen"), function_exists("nope"), function_exists("echo"), function_exists("array_key_first"));
$name = "strtoupper";
var_dump(is_callable($name) ? $name("called") : null);
var_dump(is_callable("strlen", false, $cn), $cn);
