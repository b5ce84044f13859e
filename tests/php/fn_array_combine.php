<?php
// array_combine with duplicates, mismatched sizes and empty arrays
var_dump(array_combine(["a", "b", "c"], [1, 2, 3]));
var_dump(array_combine(["a", "a"], [1, 2]));
var_dump(array_combine([1, "1", 1.0], ["x", "y", "z"]));
var_dump(array_combine([], []));
var_dump(array_combine(["k" => "key"], ["v" => "val"]));
try {
    array_combine([1, 2], [1]);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
