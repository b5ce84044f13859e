<?php
// gettype and get_debug_type over expressions
$vals = [1, 1.0, "1", true, null, [], fn() => 1, 1 + 1.0, "a" . 1, 10 / 2, 10 / 4, 7 % 2, 2 ** 63, -PHP_INT_MAX - 1, (int)"5", (bool)"0", (array)"x", (string)1.0];
foreach ($vals as $i => $v) {
    echo $i, ": ", gettype($v), " ", get_debug_type($v), "\n";
}
var_dump((array)"x", (array)null, (array)1.5);
var_dump(gettype(1 <=> 2), gettype("5" + 5), gettype("5.0" + 5));
var_dump(get_debug_type(1.0), get_debug_type(null));
var_dump(gettype(PHP_INT_MAX + 1), gettype(intdiv(10, 3)));
