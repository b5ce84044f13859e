<?php
// array_merge renumbers int keys, string keys overwrite; + operator comparison
print_r(array_merge([1, 2], [3, 4]));
print_r(array_merge([5 => "a", 9 => "b"], [5 => "c"]));
print_r(array_merge(["x" => 1, "y" => 2], ["x" => 10, "z" => 3]));
print_r(array_merge(["a", "k" => "v"], ["b", "k" => "w"], [7 => "c"]));
print_r(array_merge());
print_r(array_merge([]));
print_r(array_merge(["3" => "numeric string key"]));
print_r([5 => "a", "x" => 1] + [5 => "b", 6 => "c", "x" => 2]);
print_r(array_merge_recursive(["a" => [1], "b" => 2], ["a" => [3], "b" => 4]));
print_r(array_replace([1, 2, 3], [1 => "b"], [3 => "d"]));
try {
    array_merge([1], "x");
} catch (TypeError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
