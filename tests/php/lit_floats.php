<?php
// Float literals and their printing with echo vs var_dump
$fs = [1.0, 0.1, 1.5e3, 1E-5, .5, 7., 1_000.5, 0.1 + 0.2, 1/3, -0.0, 1e15, 1e16, 1.5e20, 2.5e-10, 123456789012345678.0, 3.0e0, 100.0, -1.25];
foreach ($fs as $f) {
    echo $f, " | ";
    var_dump($f);
}
echo 10/4, "\n";
echo 1e100, "\n";
var_dump(1e308 * 10);
var_dump(-1e308 * 10);
var_dump(0.30000000000000004);
var_dump(PHP_FLOAT_MAX);
var_dump(PHP_FLOAT_MIN);
echo PHP_FLOAT_EPSILON, "\n";
print_r([0.5, 2.0, 1e25]);
var_export(2.0); echo "\n";
var_export(0.1); echo "\n";
echo strval(1.0), " ", (string)2.50, "\n";
