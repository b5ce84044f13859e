<?php
// References through functions, closures and array functions
function addOne(array &$arr) { foreach ($arr as &$v) $v++; }
$nums = [1, 2, 3];
addOne($nums);
print_r($nums);
$counter = 0;
$incr = function () use (&$counter) { $counter++; };
$incr(); $incr();
echo $counter, "\n";
$items = ['b' => 2, 'a' => 1, 'c' => 3];
ksort($items);
print_r($items);
array_walk($items, function (&$v, $k) { $v = "$k=$v"; });
print_r($items);
$stack = [1, 2];
array_push($stack, 3, 4);
echo array_pop($stack), array_shift($stack), json_encode($stack), "\n";
function setByRef(&$target, $value) { $target = $value; }
$cfg = [];
setByRef($cfg['db']['host'], 'localhost');
echo json_encode($cfg), "\n";
$refs = [];
$vals = [10, 20];
foreach ($vals as $i => &$val) $refs[] = &$val;
unset($val);
$refs[0] = 'ten';
print_r($vals);
function modifyGlobal() { global $g; $local = &$g; $local = 'set via local ref'; }
modifyGlobal();
echo $g, "\n";
$str = "abc";
$sr = &$str;
$sr[0] = 'X';
echo $str, "\n";
