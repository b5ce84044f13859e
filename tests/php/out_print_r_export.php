<?php
// print_r, var_export, var_dump output formats for nested arrays and scalars
$data = ['int' => 1, 'float' => 1.5, 'neg' => -0.5, 'str' => "a'b\"c", 'bool' => true, 'f' => false, 'null' => null,
         'list' => [1, [2, [3]]], 'empty' => [], 5 => 'five', 'whole' => 2.0];
print_r($data);
echo "\n";
var_export($data);
echo "\n";
var_dump($data);
echo print_r(1.0, true), "|", print_r(false, true), "|", print_r(null, true), "|", print_r("s", true), "\n";
var_export("multi\nline"); echo "\n";
var_export('back\\slash'); echo "\n";
var_export(PHP_INT_MIN); echo "\n";
var_export(1e100); echo "\n";
var_dump(-0.0, 1e-7, 123456789012345.0, 0.1 + 0.2, 1/3);
var_dump("", "0", [[]]);
