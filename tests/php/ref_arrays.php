<?php
// References into arrays and arrays containing references
$arr = [1, 2, 3];
$r = &$arr[1];
$r = 'two';
print_r($arr);
$copy = $arr;
$copy[1] = 'modified in copy';
$copy[0] = 'only copy';
print_r($arr);
print_r($copy);
unset($r);
$copy2 = $arr;
$copy2[1] = 'now independent?';
print_r($arr);
$x = 'X';
$holder = ['ref' => &$x, 'val' => $x];
$x = 'changed';
print_r($holder);
$holder['ref'] = 'via array';
echo $x, "\n";
$data = ['a' => ['b' => 1]];
$deep = &$data['a']['b'];
$deep = 42;
echo json_encode($data), "\n";
$auto = [];
$ref = &$auto['new']['path'];
var_dump($auto);
$list = [1, 2, 3];
foreach ($list as $k => $v) { $refs[$k] = &$list[$k]; }
foreach ($refs as &$rv) { $rv *= 100; }
unset($rv);
print_r($list);
$a1 = [1];
$a2 = &$a1;
$a2[] = 2;
$a3 = $a1;
$a3[] = 3;
echo count($a1), count($a2), count($a3), "\n";
