<?php
// Array spread operator with int and string keys, nested and in function calls
$a = [1, 2];
$b = [...$a, 3, ...$a];
print_r($b);
$assoc = ['x' => 1, 'y' => 2];
$merged = [...$assoc, 'y' => 'over', ...['z' => 3]];
print_r($merged);
$mixed = [...[5 => 'five', 'k' => 'v'], ...[7 => 'seven']];
var_dump($mixed);
$empty = [...[], ...[]];
var_dump($empty);
function gen3() { return [10, 20, 30]; }
echo implode(",", [0, ...gen3(), 40]), "\n";
$nested = [...[[1, 2]], ...[[3]]];
echo json_encode($nested), "\n";
$copy = [...$a];
$copy[] = 99;
echo count($a), " ", count($copy), "\n";
