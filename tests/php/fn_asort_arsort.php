<?php
// asort/arsort keep key association; flags
$a = ["x" => 3, "y" => 1, "z" => 2, 5 => 1, "w" => 10];
$b = $a; var_dump(asort($b)); print_r($b);
$b = $a; arsort($b); print_r($b);
$s = ["k1" => "10", "k2" => "9", "k3" => "100"];
$b = $s; asort($b); echo json_encode($b), "\n";
$b = $s; asort($b, SORT_STRING); echo json_encode($b), "\n";
$b = $s; arsort($b, SORT_STRING); echo json_encode($b), "\n";
$f = ["a" => 1.5, "b" => -1, "c" => 1.25];
asort($f); echo json_encode($f), "\n";
