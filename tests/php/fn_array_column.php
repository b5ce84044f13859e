<?php
// array_column with column key, index key, null column and missing keys
$rows = [
    ["id" => 3, "name" => "Ann", "age" => 30],
    ["id" => 7, "name" => "Bob"],
    ["id" => 9, "name" => "Cy", "age" => 25],
    ["name" => "NoId", "age" => 40],
];
print_r(array_column($rows, "name"));
print_r(array_column($rows, "age"));
print_r(array_column($rows, "name", "id"));
print_r(array_column($rows, "age", "name"));
print_r(array_column($rows, null, "id"));
print_r(array_column([[1, 2], [3, 4]], 1));
print_r(array_column([[1, 2], [3, 4]], 1, 0));
print_r(array_column([], "x"));
print_r(array_column([["a" => 1, "k" => 2.0], ["a" => 2, "k" => true], ["a" => 3, "k" => null]], "a", "k"));
