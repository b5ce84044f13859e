<?php
// min/max with arrays, varargs, mixed types and errors
var_dump(max(1, 2, 3), min(1, 2, 3), max([4, 9, 2]), min([4, 9, 2]));
var_dump(max(1, 1.0), max(1.0, 1), min("10", 9), max("abc", 0), min("abc", 0));
var_dump(max("apple", "banana"), min("apple", "Apple"), max([1, 2], [1, 3]), max([1, 2, 3], [5]));
var_dump(max(null, false), min(-INF, PHP_INT_MIN), max(NAN, 1), max(1, NAN));
var_dump(max("1e1", "9"), min("", "0"), max(true, 2), max([0 => "a"], "z"));
var_dump(max(["k" => 5, "j" => 7]), min([-0.0, 0]));
foreach ([fn() => max([]), fn() => min([]), fn() => max(5), fn() => min()] as $f) {
    try {
        var_dump($f());
    } catch (Throwable $e) {
        echo get_class($e) . ": " . $e->getMessage(), "\n";
    }
}
