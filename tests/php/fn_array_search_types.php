<?php
// in_array/array_search with numeric strings, floats, nulls, nested arrays
$hay = ["1.0", "01", 1e1, [1, 2], null, "", "abc"];
$needles = ["1", 1, "10", 10, [1, 2], [2, 1], 0, "0", null, false, "ABC"];
foreach ($needles as $n) {
    echo json_encode($n), ": loose=", var_export(array_search($n, $hay), true), " strict=", var_export(array_search($n, $hay, true), true), "\n";
}
var_dump(in_array("1e3", ["1000"]), in_array("1e3", ["1000"], true), in_array(" 1", [1]), in_array("1 ", [1]));
var_dump(in_array(0, [null]), in_array(0, [false]), in_array("", [null]), in_array([], [false]));
var_dump(array_search("", [0, null, ""]), array_search("", [0, null, ""], true));
var_dump(in_array(INF, [INF]), in_array(NAN, [NAN]));
