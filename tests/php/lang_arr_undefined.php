<?php
// Undefined index/offset warnings and reading index of null/int/bool/string
$a = [1, 2, 'k' => 'v'];
echo "start\n";
var_dump($a[5]);
var_dump($a['missing']);
var_dump($a["5"]);
$null = null;
var_dump($null[0]);
var_dump($null['x']['y']);
$int = 42;
var_dump($int[0]);
$bool = true;
var_dump($bool['k']);
$f = 1.5;
var_dump($f[1]);
$arr2 = [[1]];
var_dump($arr2[0][5]);
var_dump($arr2[3][0]);
var_dump(isset($a[5]), isset($null[0]), isset($int[0]), empty($a['missing']));
echo "end\n";
