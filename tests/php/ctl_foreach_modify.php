<?php
// foreach iterates over a copy when by value; modifying the array during iteration
$a = [1, 2, 3];
foreach ($a as $k => $v) {
    if ($k == 0) { $a[] = 4; $a[1] = 20; }
    echo "$k=>$v ";
}
echo "\n";
print_r($a);
$b = [1, 2, 3];
foreach ($b as $k => &$v) {
    if ($k == 0) { $b[] = 4; }
    echo "$k=>$v ";
}
unset($v);
echo "\n";
$c = [1, 2, 3, 4];
foreach ($c as $k => $v) {
    unset($c[$k]);
}
var_dump($c);
$d = ['a' => 1, 'b' => 2];
foreach ($d as $k => $v) {
    $d[$k . $k] = $v * 10;
}
print_r($d);
$e = [5, 6];
foreach ($e as $v) { $e = ['replaced']; echo $v, " "; }
echo "\n";
print_r($e);
