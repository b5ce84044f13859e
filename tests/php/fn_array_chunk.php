<?php
// array_chunk with and without preserve_keys; invalid size
echo json_encode(array_chunk([1, 2, 3, 4, 5], 2)), "\n";
echo json_encode(array_chunk([1, 2, 3], 5)), "\n";
echo json_encode(array_chunk([], 2)), "\n";
var_dump(array_chunk(["a" => 1, "b" => 2, "c" => 3], 2));
var_dump(array_chunk(["a" => 1, "b" => 2, "c" => 3], 2, true));
var_dump(array_chunk([5 => "x", 9 => "y"], 1, true));
try {
    array_chunk([1], 0);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
