<?php
// var_dump of nested arrays with mixed keys
$a = [
    "name" => "test",
    5 => [1, 2, [3, [4, []]]],
    "-3" => "neg string key becomes int",
    "05" => "stays string",
    true => "bool key",
    null => "null key",
    "1.5" => "float string key",
    7.0 => "float key integral",
];
var_dump($a);
var_dump(array_keys($a));
var_dump([[[]]]);
var_dump(["a" => null, "b" => false, "c" => 0.0, "d" => ""]);
