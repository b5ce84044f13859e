<?php
// array_fill and array_fill_keys incl. negative start and zero count
var_dump(array_fill(5, 3, "x"));
var_dump(array_fill(-3, 3, 0));
var_dump(array_fill(0, 0, 1));
var_dump(array_fill(0, 2, [1]));
try {
    array_fill(0, -1, 1);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
var_dump(array_fill_keys(["a", 5, "5", 1.5, true], null));
var_dump(array_fill_keys([], 1));
var_dump(array_fill_keys(["x", "y"], [0]));
