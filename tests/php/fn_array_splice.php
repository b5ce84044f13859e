<?php
// array_splice removing, inserting, replacing; return value and reindexing
$a = [1, 2, 3, 4, 5];
$removed = array_splice($a, 1, 2);
echo json_encode($removed), " ", json_encode($a), "\n";
$a = [1, 2, 3, 4, 5];
$removed = array_splice($a, -2, 1, ["x", "y"]);
echo json_encode($removed), " ", json_encode($a), "\n";
$a = [1, 2, 3];
array_splice($a, 1, 0, "inserted");
echo json_encode($a), "\n";
$a = [1, 2, 3];
array_splice($a, 3, 0, [4, 5]);
echo json_encode($a), "\n";
$a = [1, 2, 3, 4];
array_splice($a, 1);
echo json_encode($a), "\n";
$a = [1, 2, 3, 4];
array_splice($a, 1, -1, ["mid"]);
echo json_encode($a), "\n";
$a = ["a" => 1, 5 => 2, "b" => 3, 9 => 4];
$r = array_splice($a, 1, 1, ["k" => "new"]);
var_dump($r, $a);
$a = [1, 2];
array_splice($a, 0, 0, [[9, 9]]);
echo json_encode($a), "\n";
