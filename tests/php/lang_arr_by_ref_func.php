<?php
// Arrays passed to functions by value vs by reference, returned arrays
function appendVal(array $a) { $a[] = 'v'; return $a; }
function appendRef(array &$a) { $a[] = 'r'; }
function clear(array &$a) { $a = []; }
function &getRef(array &$a, $k) { return $a[$k]; }
$data = ['x'];
$ret = appendVal($data);
echo json_encode($data), " ", json_encode($ret), "\n";
appendRef($data);
appendRef($data);
echo json_encode($data), "\n";
$r = &getRef($data, 0);
$r = 'via ref';
echo json_encode($data), "\n";
clear($data);
var_dump($data);
$matrix = [[1, 2], [3, 4]];
function transpose(array $m) {
    $t = [];
    foreach ($m as $i => $row) foreach ($row as $j => $v) $t[$j][$i] = $v;
    return $t;
}
echo json_encode(transpose($matrix)), " ", json_encode($matrix), "\n";
function doubleAll(array &$m) { foreach ($m as &$row) foreach ($row as &$v) $v *= 2; }
doubleAll($matrix);
echo json_encode($matrix), "\n";
function pushMany(array &$a, ...$items) { foreach ($items as $i) $a[] = $i; return count($a); }
$stack = [];
echo pushMany($stack, 1, 2, 3), " ", json_encode($stack), "\n";
