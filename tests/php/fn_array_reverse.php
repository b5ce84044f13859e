<?php
// array_reverse with and without preserve_keys
print_r(array_reverse([1, 2, 3]));
print_r(array_reverse([1, 2, 3], true));
print_r(array_reverse(["a" => 1, 2, "b" => 3, 4]));
print_r(array_reverse(["a" => 1, 2, "b" => 3, 4], true));
print_r(array_reverse([]));
print_r(array_reverse([[1, 2], [3]]));
var_dump(array_reverse([5 => "a", "k" => "b", 9 => "c"]));
var_dump(array_reverse(["x" => [1, 2]], true));
var_dump(array_reverse([null, false]));
