<?php
// array_pad to the right and (negative size) to the left
echo json_encode(array_pad([1, 2], 5, 0)), "\n";
echo json_encode(array_pad([1, 2], -5, 0)), "\n";
echo json_encode(array_pad([1, 2], 1, 0)), "\n";
echo json_encode(array_pad([1, 2], -2, 0)), "\n";
echo json_encode(array_pad([], 3, null)), "\n";
var_dump(array_pad(["a" => 1, 5 => 2], 4, "x"));
var_dump(array_pad(["a" => 1, 5 => 2], -4, "x"));
echo json_encode(array_pad([1], 0, 9)), "\n";
echo json_encode(array_pad([1], -1, 9)), "\n";
