<?php
// array_map key handling: single array keeps keys, multiple arrays reindex
$a = ["a" => 1, "b" => 2, 7 => 3];
var_dump(array_map(fn($v) => $v * 10, $a));
var_dump(array_map(fn($v, $w) => [$v, $w], $a, $a));
var_dump(array_map(null, $a));
var_dump(array_map(fn($v) => $v, [3 => "x", 1 => "y"]));
var_dump(array_map(fn($x, $y) => $x ?? $y, [1, null], ["a", "b", "c"]));
$keys = array_keys($a);
var_dump(array_combine($keys, array_map(fn($k, $v) => "$k:$v", $keys, $a)));
