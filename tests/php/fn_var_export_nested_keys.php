<?php
// var_export/print_r of deep nesting with int/string/negative keys
$a = [
    -1 => "neg",
    0 => [],
    "0x" => ["a" => ["b" => ["c" => [true, null]]]],
    "k'q" => "quote key",
    PHP_INT_MAX => "max",
];
var_export($a);
echo "\n";
print_r($a);
echo "\n";
var_dump($a);
$code = var_export([1, "two" => [3]], true);
echo str_replace("\n", "\\n", $code), "\n";
