<?php
// Arrow functions capture by value automatically
$factor = 3;
$times = fn($x) => $x * $factor;
$factor = 10;
echo $times(2), "\n";
$nested = fn($x) => fn($y) => $x + $y + $factor;
echo $nested(1)(2), "\n";
$arr = [1, 2, 3, 4];
print_r(array_map(fn($v) => $v ** 2, $arr));
print_r(array_filter($arr, fn($v) => $v % 2 == 0));
$mod = fn() => $factor++;
echo $mod(), " ", $mod(), " factor still $factor\n";
$withDefault = fn($a, $b = 5) => $a + $b;
echo $withDefault(1), " ", $withDefault(1, 1), "\n";
$typed = fn(int $x): string => "int $x";
echo $typed("7"), "\n";
$byRefArg = fn(&$r) => $r = 'changed';
$val = 'orig';
$byRefArg($val);
echo $val, "\n";
$variadic = fn(...$xs) => count($xs);
echo $variadic(1, 2, 3), "\n";
echo array_sum(array_map(fn($p) => $p[0] * $p[1], [[1, 2], [3, 4]])), "\n";
$keys = ['b' => 2, 'a' => 1];
uksort($keys, fn($x, $y) => strcmp($x, $y));
print_r($keys);
