<?php
// foreach by reference and the classic leftover-reference bug
$a = [1, 2, 3];
foreach ($a as &$v) {
    $v *= 10;
}
print_r($a);
foreach ($a as $v) {
    echo "v=$v ";
}
echo "\n";
print_r($a);
$b = [1, 2, 3];
foreach ($b as &$w) { $w++; }
unset($w);
foreach ($b as $w) {}
print_r($b);
$c = ['x' => 1, 'y' => 2];
foreach ($c as $k => &$val) { $val = "$k$val"; }
unset($val);
var_dump($c);
$nested = [[1, 2], [3, 4]];
foreach ($nested as &$row) {
    foreach ($row as &$cell) { $cell = $cell * $cell; }
    unset($cell);
}
unset($row);
print_r($nested);
