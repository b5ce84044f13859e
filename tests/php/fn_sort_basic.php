<?php
// sort/rsort of ints, floats, strings; return value and reindexing
$a = [5, 3, 8, 1, 9, 2];
var_dump(sort($a));
echo json_encode($a), "\n";
rsort($a);
echo json_encode($a), "\n";
$s = ["banana", "apple", "Cherry", "apple2", "Apple"];
sort($s);
echo json_encode($s), "\n";
rsort($s);
echo json_encode($s), "\n";
$f = [1.5, -2, 0.1, 10, -0.5];
sort($f);
echo json_encode($f), "\n";
$k = ["x" => 3, "y" => 1, "z" => 2];
sort($k);
var_dump($k);
$e = [];
var_dump(sort($e), $e);
