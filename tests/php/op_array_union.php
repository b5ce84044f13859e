<?php
// Array + array union keeps left-hand keys
$a = [1, 2, 3];
$b = [10, 20, 30, 40, 50];
print_r($a + $b);
print_r($b + $a);
$x = ['a' => 1, 'b' => 2];
$y = ['b' => 99, 'c' => 3];
print_r($x + $y);
print_r($y + $x);
$z = $x;
$z += ['d' => 4, 'a' => 0];
print_r($z);
var_dump([] + [] === []);
print_r([5 => 'five'] + [5 => 'FIVE', 6 => 'six']);
$m = array_merge([5 => 'five'], [5 => 'FIVE', 6 => 'six']);
print_r($m);
var_dump(count([1, 2] + [3, 4, 5]));
var_dump([1, 2] == [1, 2] + [9]);
