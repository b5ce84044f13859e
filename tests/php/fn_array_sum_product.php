<?php
// array_sum and array_product with ints, floats, numeric strings, empty
var_dump(array_sum([1, 2, 3]), array_sum([1, 2.5]), array_sum([]), array_sum(["3", "4.5"]), array_sum([true, true, null]));
var_dump(array_product([2, 3, 4]), array_product([]), array_product([2, 0.5]), array_product(["2", "3"]));
var_dump(array_sum([PHP_INT_MAX, 1]), array_product([PHP_INT_MAX, 2]));
var_dump(array_sum([0.1, 0.2]), array_sum([-1, 1]), array_product([-1, -1, -1]));
var_dump(array_sum(["k" => 5, "j" => 6]));
var_dump(array_product([1.0]));
var_dump(array_sum([1, "2", 3.5, "x" => 4]));
var_dump(array_product([3, "0.5", true]));
var_dump(array_sum([[1], 2]));
var_dump(array_product([[]]));
