<?php
// Pre/post increment and decrement on ints, floats, null, bools
$i = 5;
var_dump($i++, $i, ++$i, $i, $i--, $i, --$i, $i);
$f = 1.5;
$f++; var_dump($f);
$f--; $f--; var_dump($f);
$n = null;
$n++; var_dump($n);
$m = null;
$m--; var_dump($m);
$b = true;
$b++; var_dump($b);
$b2 = false;
$b2--; var_dump($b2);
$x = PHP_INT_MAX;
$x++; var_dump($x);
$y = PHP_INT_MIN;
$y--; var_dump($y);
$arr = [0, 0];
$arr[0]++;
++$arr[1];
$arr[1]++;
print_r($arr);
$j = 0;
$k = $j++ + $j++;
var_dump($j, $k);
$j = 0;
$k = ++$j + ++$j;
var_dump($j, $k);
$cnt = [];
foreach (['a', 'b', 'a', 'c', 'a'] as $w) { $cnt[$w] = ($cnt[$w] ?? 0) + 1; }
print_r($cnt);
