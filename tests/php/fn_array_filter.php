<?php
// array_filter preserves keys; default truthiness; USE_KEY and USE_BOTH modes
$a = [0, 1, "", "0", "a", null, false, [], [0], 2.5, " "];
var_dump(array_filter($a));
$n = [1, 2, 3, 4, 5, 6];
print_r(array_filter($n, fn($x) => $x % 2 == 0));
print_r(array_values(array_filter($n, fn($x) => $x > 3)));
$m = ["a" => 1, "bb" => 2, "ccc" => 3, "d" => 4];
print_r(array_filter($m, fn($k) => strlen($k) > 1, ARRAY_FILTER_USE_KEY));
print_r(array_filter($m, fn($v, $k) => $v > 1 && $k !== "ccc", ARRAY_FILTER_USE_BOTH));
print_r(array_filter([]));
print_r(array_filter(["x" => "keep", "y" => ""], 'strlen'));
