<?php
// array_slice string keys always preserved; int keys only with preserve_keys
$a = ["x" => 1, 10 => 2, "y" => 3, 20 => 4, 30 => 5];
foreach ([false, true] as $pk) {
    echo "preserve=", var_export($pk, true), "\n";
    echo json_encode(array_slice($a, 0, null, $pk)), "\n";
    echo json_encode(array_slice($a, 1, 3, $pk)), "\n";
    echo json_encode(array_slice($a, -2, 1, $pk)), "\n";
}
var_dump(array_slice($a, 1, 2));
var_dump(array_slice([5 => "only"], 0));
var_dump(array_slice([5 => "only"], 0, 1, true));
