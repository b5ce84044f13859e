<?php
// array_map with one array (keeps string keys), multiple arrays, null callback
var_dump(array_map('strtoupper', ["a" => "x", "b" => "y"]));
var_dump(array_map(fn($x) => $x * 2, [3 => 1, 1 => 2]));
var_dump(array_map(fn($a, $b) => $a . $b, ["k" => "a", "b"], ["x", "y", "z"]));
var_dump(array_map(null, [1, 2], ["a", "b"]));
var_dump(array_map(null, ["k" => 1]));
var_dump(array_map(null, [1, 2, 3], [4]));
var_dump(array_map(function ($x) { return $x ?? "null"; }, [null, 0, false]));
var_dump(array_map('intval', ["1", "2x", "x"]));
var_dump(array_map(fn($x) => $x, []));
try {
    array_map("no_such_fn", [1]);
} catch (TypeError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
