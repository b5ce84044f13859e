<?php
// array_flip with duplicates (last wins) and invalid values (warning suppressed)
print_r(array_flip(["a", "b", "c"]));
print_r(array_flip(["x" => 1, "y" => 2, "z" => 1]));
print_r(array_flip(["1", "01", "a"]));
print_r(@array_flip([1.5, true, null, "ok"]));
print_r(array_flip([]));
print_r(array_flip(array_flip(["k" => "v", "k2" => "v"])));
var_dump(array_flip(["a" => "x", "b" => "y"]));
var_dump(array_flip([10 => 0, 20 => 1]));
var_dump(array_flip(["-1", "1.0"]));
