<?php
// array_unique keeps first occurrence and its key; flags
print_r(array_unique([1, 2, 2, 3, 1]));
print_r(array_unique(["b" => "x", "a" => "x", "c" => "y"]));
print_r(array_unique([1, "1", 1.0, true, "01", "a", "A"]));
print_r(array_unique(["10", "1e1", 10, "010"], SORT_NUMERIC));
print_r(array_unique(["10", "1e1", 10, "010"], SORT_STRING));
print_r(array_unique(["10", "1e1", 10, "010"], SORT_REGULAR));
print_r(array_unique([]));
print_r(array_unique([3, "3", "three", 3.0]));
