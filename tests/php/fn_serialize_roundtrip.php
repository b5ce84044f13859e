<?php
// serialize/unserialize round trips preserve types, keys and order
$data = [
    "ints" => [3 => 1, 1 => 2, 2 => 3],
    "mixed" => [null, true, 1.25, "s", ["x" => [], "y" => [0]]],
    "unicode" => "日本語",
    "bin" => "\x00\x01\xff",
    "empty" => "",
    10 => -10,
];
$s = serialize($data);
echo strlen($s), "\n";
echo $s, "\n";
$back = unserialize($s);
var_dump($back === $data);
var_dump($back);
var_dump(unserialize(serialize(1.0)), unserialize(serialize(PHP_INT_MIN)));
var_dump(unserialize('a:2:{i:5;s:1:"a";s:1:"5";s:1:"b";}'));
var_dump(unserialize('d:1e3;'), unserialize('i:-0;'), unserialize('d:.5;'));
