<?php
// array_unshift/array_shift renumber int keys but keep string keys
$a = [5 => "five", "s" => "str", 9 => "nine"];
array_unshift($a, "new");
var_dump($a);
$first = array_shift($a);
var_dump($first, $a);
$a[] = "appended";
var_dump($a);
$q = [];
foreach ([3, 1, 2] as $v) array_push($q, $v);
while (($x = array_shift($q)) !== null) echo $x, " ";
echo "\n";
$stack = [];
foreach (["a", "b", "c"] as $v) $stack[] = $v;
while ($stack) echo array_pop($stack);
echo "\n";
