<?php
// array_reduce with initial values, empty arrays and various callables
var_dump(array_reduce([1, 2, 3, 4], fn($c, $i) => $c + $i, 0));
var_dump(array_reduce([1, 2, 3, 4], fn($c, $i) => $c * $i, 1));
var_dump(array_reduce([], fn($c, $i) => $c + $i));
var_dump(array_reduce([], fn($c, $i) => $c + $i, "init"));
var_dump(array_reduce(["a", "b", "c"], fn($c, $i) => $c . $i, ""));
var_dump(array_reduce([3, 9, 2], 'max', PHP_INT_MIN));
var_dump(array_reduce([1, 2, 3], function ($carry, $item) {
    $carry[] = $item * $item;
    return $carry;
}, []));
var_dump(array_reduce(["x" => 1, "y" => 2], fn($c, $i) => $c + $i));
