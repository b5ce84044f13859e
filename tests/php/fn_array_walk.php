<?php
// array_walk by reference with keys and extra argument
$a = ["a" => 1, "b" => 2, "c" => 3];
array_walk($a, function (&$v, $k) { $v = "$k=$v"; });
print_r($a);
$b = [1, 2, 3];
$r = array_walk($b, function (&$v, $k, $mul) { $v *= $mul; }, 10);
var_dump($r);
print_r($b);
$c = [3, 1];
array_walk($c, function ($v, $k) { echo "$k: $v\n"; });
$nested = [[1, 2], [3]];
array_walk_recursive($nested, function (&$v) { $v = -$v; });
echo json_encode($nested), "\n";
$e = [];
var_dump(array_walk($e, fn($v) => 1));
