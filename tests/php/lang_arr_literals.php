<?php
// Array literals with mixed keys, implicit keys and next index
$a = [1, 2, 'x' => 'ex', 3, 10 => 'ten', 'eleven', 'y' => 'why', 'last'];
var_dump($a);
$b = array(5 => 'a', 'b', 2 => 'c', 'd');
print_r($b);
$c = [3 => 'a', 1 => 'b'];
$c[] = 'c';
print_r($c);
$d = ['a' => 1, 'a' => 2, 0 => 'z', 0 => 'zz'];
var_dump($d);
$e = [[1, 2], ['k' => [3]], []];
echo count($e), " ", count($e, COUNT_RECURSIVE), "\n";
var_export($e); echo "\n";
$f = [...[1, 2], ...[3], 0 => 'x'];
print_r($f);
$g = [...['a' => 1, 'b' => 2], ...['b' => 3, 'c' => 4]];
print_r($g);
$h = [PHP_INT_MAX => 'max'];
try { $h[] = 'overflow'; } catch (Error $e2) { echo get_class($e2), ": ", $e2->getMessage(), "\n"; }
var_dump(array_keys($h));
