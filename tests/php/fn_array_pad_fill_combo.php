<?php
// array_pad/array_fill/array_fill_keys combined to build grids and defaults
$grid = array_fill(0, 3, array_fill(0, 4, "."));
$grid[1][2] = "#";
foreach ($grid as $row) echo implode("", $row), "\n";
$defaults = array_fill_keys(["host", "port", "user"], null);
$config = array_merge($defaults, ["port" => 8080, "extra" => true]);
var_dump($config);
echo json_encode(array_pad(str_split("abc"), -6, "_")), "\n";
echo json_encode(array_pad([], -2, [])), "\n";
echo implode("", array_pad(str_split(strrev("42")), 5, "0")), "\n";
