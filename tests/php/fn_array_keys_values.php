<?php
// array_keys (with search value, strict) and array_values
$a = ["a" => 1, "b" => "1", "c" => 2, 5 => 1, "d" => true, "e" => null];
print_r(array_keys($a));
print_r(array_keys($a, 1));
print_r(array_keys($a, 1, true));
print_r(array_keys($a, "1", true));
print_r(array_keys($a, null));
print_r(array_values($a));
print_r(array_keys([]));
print_r(array_values([5 => "x", 2 => "y"]));
var_dump(array_keys(["10" => 1, "01" => 2, "-5" => 3, "1.5" => 4]));
