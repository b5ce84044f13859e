<?php
// var_export of scalars, strings with quotes, nested arrays, return flag
var_export(1); echo "\n";
var_export(-0); echo "\n";
var_export(1.0); echo "\n";
var_export(0.1); echo "\n";
var_export("it's \"quoted\" \\ back"); echo "\n";
var_export("nul\0byte"); echo "\n";
var_export("multi\nline"); echo "\n";
var_export(true); echo "\n";
var_export(false); echo "\n";
var_export(null); echo "\n";
var_export([]); echo "\n";
var_export([1, 2]); echo "\n";
var_export(["a" => [], "b" => [1 => "x", 5 => "y"], -1 => null]); echo "\n";
var_export([[[1]]]); echo "\n";
$s = var_export([true, 'x' => 'y'], true);
echo strlen($s), "\n", $s, "\n";
var_dump(var_export(PHP_INT_MIN, true));
var_dump(var_export(PHP_INT_MAX, true));
var_dump(var_export("", true));
