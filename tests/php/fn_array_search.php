<?php
// array_search and in_array loose vs strict comparisons (PHP 8 semantics)
$a = [0, "1", 2, "abc", null, false, "", 1.5, "2e1"];
$needles = [0, "0", 1, "1", "abc", null, false, "", 20, "20", 1.5, true, "x"];
foreach ($needles as $n) {
    echo str_pad(var_export($n, true), 8), " search=", var_export(array_search($n, $a), true),
        " strict=", var_export(array_search($n, $a, true), true),
        " in=", var_export(in_array($n, $a), true),
        " in_strict=", var_export(in_array($n, $a, true), true), "\n";
}
var_dump(in_array("abc", [0]), in_array(0, ["abc"]), in_array(null, [0]), in_array("1e1", ["10"]));
var_dump(array_search("x", []), array_search(1, ["a" => 1, "b" => 1]));
