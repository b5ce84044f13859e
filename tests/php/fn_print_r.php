<?php
// print_r formatting of scalars, nested arrays and the return flag
print_r(1); echo "|\n";
print_r(1.0); echo "|\n";
print_r("str"); echo "|\n";
print_r(true); echo "|\n";
print_r(false); echo "|\n";
print_r(null); echo "|\n";
print_r([]); echo "|\n";
print_r([1, [2, [3]], "k" => ["x" => null, "y" => false, "z" => true]]);
echo "|\n";
$s = print_r(["a" => 1], true);
var_dump($s);
var_dump(print_r("x", true));
var_dump(print_r(null, true));
$r = print_r("printed ");
echo "\n";
var_dump($r);
print_r([[]]);
