<?php
// By-reference parameters with scalars and arrays
function inc(&$x) { $x++; }
function addItem(array &$arr, $item) { $arr[] = $item; }
function byVal(array $arr) { $arr[] = 'local'; return count($arr); }
function swap(&$a, &$b) { $t = $a; $a = $b; $b = $t; }
function setDeep(&$arr) { $arr['x']['y'] = 'deep'; }
$n = 1;
inc($n); inc($n);
var_dump($n);
$list = [];
addItem($list, 'a');
addItem($list, 'b');
print_r($list);
echo byVal($list), " ", count($list), "\n";
$p = "first"; $q = "second";
swap($p, $q);
echo "$p $q\n";
$cfg = [];
setDeep($cfg);
print_r($cfg);
$arr = [1, 2, 3];
inc($arr[1]);
print_r($arr);
function makeNew(&$undef) { $undef = "created"; }
makeNew($fresh);
var_dump($fresh);
makeNew($arr2['key']);
var_dump($arr2);
function modifyCopy($a) { $a[0] = 'changed'; return $a; }
$orig = ['orig'];
$new = modifyCopy($orig);
echo $orig[0], " ", $new[0], "\n";
$data = [3, 1, 2];
sort($data);
print_r($data);
