<?php
// var_dump with multiple arguments and nested references
var_dump(1, "two", 3.0, [4], null, false);
$a = [1, 2];
$b = ['x' => &$a, 'y' => $a];
var_dump($b);
$nested = ['l1' => ['l2' => ['l3' => ['l4' => 'deep']]]];
var_dump($nested);
print_r($nested);
echo "\n";
var_dump([-1 => 'neg', "key with space" => 1, "" => 'empty key']);
