<?php
// array_slice with offsets/lengths of every sign and preserve_keys
$a = [10, 20, 30, 40, 50];
echo json_encode(array_slice($a, 1)), "\n";
echo json_encode(array_slice($a, 1, 2)), "\n";
echo json_encode(array_slice($a, -2)), "\n";
echo json_encode(array_slice($a, -3, -1)), "\n";
echo json_encode(array_slice($a, 1, -10)), "\n";
echo json_encode(array_slice($a, 10)), "\n";
echo json_encode(array_slice($a, -10, 2)), "\n";
echo json_encode(array_slice($a, 2, null)), "\n";
echo json_encode(array_slice($a, 2, 0)), "\n";
var_dump(array_slice($a, 1, 2, true));
$m = ["a" => 1, 5 => 2, "b" => 3, 9 => 4];
var_dump(array_slice($m, 1));
var_dump(array_slice($m, 1, 3, true));
var_dump(array_slice([], 0, 5));
