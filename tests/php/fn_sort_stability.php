<?php
// sorting is stable in PHP 8: equal elements keep their original order
$items = [["k" => 2, "id" => "a"], ["k" => 1, "id" => "b"], ["k" => 2, "id" => "c"], ["k" => 1, "id" => "d"], ["k" => 2, "id" => "e"], ["k" => 0, "id" => "f"]];
usort($items, fn($x, $y) => $x["k"] <=> $y["k"]);
echo implode(",", array_map(fn($i) => $i["k"] . $i["id"], $items)), "\n";
$m = ["a" => 1, "b" => 0, "c" => 1, "d" => 0, "e" => 1];
asort($m);
echo json_encode($m), "\n";
arsort($m);
echo json_encode($m), "\n";
uasort($m, fn($x, $y) => 0);
echo json_encode($m), "\n";
$w = ["bb", "a", "cc", "d", "ee", "f"];
usort($w, fn($x, $y) => strlen($x) <=> strlen($y));
echo json_encode($w), "\n";
$mixed = [3 => "x", 1 => "x", 2 => "x"];
asort($mixed);
echo json_encode($mixed), "\n";
$nums = ["1", 1, 1.0, "01"];
sort($nums);
var_dump($nums);
