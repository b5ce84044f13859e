<?php
// Comparisons between ints, floats and numeric strings at precision edges
var_dump(0.1 + 0.2 <=> 0.3);
var_dump(1 == 1.0, "1" == "1.0", "1e0" == "1", "100" == "1e2", "abc" == "ABC");
var_dump("1e1000" == "1e1001", "1e1000" == INF);
var_dump("9223372036854775807" == "9223372036854775808");
var_dump("9223372036854775807" < "9223372036854775808");
var_dump(PHP_INT_MAX == PHP_INT_MAX + 0.0);
var_dump(0 == "", 0 == "0", 0 == " ", 0.0 == "0.0", "0" == "", null == "0");
var_dump("  1" == "1", "1  " == "1", "\n1" == "1", "1\n" == "1");
var_dump("0x0" == "0", "0b1" == "1", "011" == "11", "011" == 11);
var_dump(-0 === 0, 1e3 === 1000.0, (int)"1e3" === 1000);
$list = [10, "9", 9.5, "10.0", "abc", true];
sort($list);
var_dump($list);
var_dump(in_array("abc", [0]), in_array(0, ["abc"]), in_array("1e1", ["10"]), in_array(null, [0]), in_array(null, [0], true));
var_dump(array_search("1", [0, 1, "1"]), array_search("1", [0, 1, "1"], true));
