<?php
// Negative keys and the next index after them
$a = [-5 => 'a'];
$a[] = 'b';
var_dump($a);
$b = [];
$b[-3] = 'x';
$b[] = 'y';
$b[] = 'z';
var_dump($b);
$c = [-10 => 'p', -20 => 'q'];
$c[] = 'r';
print_r($c);
$d = [5 => 'a', -1 => 'b'];
$d[] = 'c';
print_r($d);
$e = [3 => 'x'];
unset($e[3]);
$e[] = 'after unset';
print_r($e);
$f = array_fill(-4, 3, 'fill');
print_r($f);
