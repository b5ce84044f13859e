<?php
// print_r of nested empty and non-empty arrays and return flag concatenation
$a = ["one" => [], "two" => [[]], "three" => [1, [2, [3, []]]], "four" => null, "five" => false, "six" => 0.0];
print_r($a);
echo "\n";
$s = print_r($a, true);
echo strlen($s), "\n";
echo "<<" . print_r([], true) . ">>\n";
echo "<<" . print_r(0.1 + 0.2, true) . ">>\n";
echo "<<" . print_r(-0.0, true) . ">>\n";
echo "<<" . print_r(1e100, true) . ">>\n";
