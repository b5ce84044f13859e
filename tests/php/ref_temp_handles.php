<?php
// Binding an array element by reference leaves no reference handle behind in a
// temporary that later expressions reuse (they would write through it).
$x = 1;
$a = [];
$a[0] = &$x;
echo ($x + 10) . ($x + 20) . ($x + 30), "\n";
var_dump($x, $a);

$src = [1];
$dst = [1];
[&$dst[1]] = $src;
echo ($src[0] + 1) . ($src[0] + 2), "\n";
var_dump($src, $dst);

$y = 1;
$c = [];
$d = ($c['k'] = &$y);
echo ($y + 1) . ($y + 2), "\n";
var_dump($d, $y, $c);
$c['k'] = 7;
var_dump($y);
