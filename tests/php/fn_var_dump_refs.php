<?php
// var_dump/print_r/var_export of arrays containing references
$a = [1, 2, 3];
$r = &$a[1];
var_dump($a);
print_r($a);
echo "\n";
var_export($a);
echo "\n";
$r = 20;
var_dump($a);
unset($r);
var_dump($a);
$b = ["x" => 1];
foreach ($b as &$v) { $v *= 2; }
var_dump($b);
unset($v);
var_dump($b);
$c = [1, 2];
$d = &$c;
$d[] = 3;
var_dump($c);
echo json_encode($c), "\n";
echo serialize([&$c[0], 1]), "\n";
