<?php
// ksort/krsort with int, string and mixed keys and flags
$a = ["b" => 1, "a" => 2, "c" => 3, "10" => 4, "9" => 5, 1 => 6];
$x = $a; var_dump(ksort($x)); echo json_encode($x), "\n";
$x = $a; krsort($x); echo json_encode($x), "\n";
$x = $a; ksort($x, SORT_STRING); echo json_encode($x), "\n";
$x = $a; krsort($x, SORT_STRING); echo json_encode($x), "\n";
$n = [10 => "a", 2 => "b", -5 => "c", 0 => "d"];
ksort($n); echo json_encode($n), "\n";
krsort($n); echo json_encode($n), "\n";
$s = ["B" => 1, "a" => 2, "C" => 3];
ksort($s); echo json_encode($s), "\n";
ksort($s, SORT_STRING | SORT_FLAG_CASE); echo json_encode($s), "\n";
$e = [];
var_dump(ksort($e));
