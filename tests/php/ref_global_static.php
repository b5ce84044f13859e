<?php
// References interacting with global and static variables
$g = 1;
function rebindGlobal() { global $g; $local = 100; $g = &$local; $g = 200; return $g; }
echo rebindGlobal(), " ", $g, "\n";
function staticRef() { static $s = 0; $r = &$s; $r += 10; return $s; }
echo staticRef(), " ", staticRef(), "\n";
$arr = ['a' => 1];
function addViaGlobal() { global $arr; $ref = &$arr['b']; $ref = 2; }
addViaGlobal();
print_r($arr);
$x = 1;
$y = &$x;
function getCopy() { global $y; return $y; }
$x = 5;
echo getCopy(), "\n";
$list = [1, 2, 3];
$first = &$list[0];
$list2 = $list;
$first = 'changed';
echo json_encode($list), " ", json_encode($list2), "\n";
