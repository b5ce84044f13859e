<?php
// different callable forms passed to array functions
$words = ["apple", "Banana", "cherry"];
print_r(array_map('strtoupper', $words));
print_r(array_map('ucfirst', $words));
print_r(array_map(fn($w) => strlen($w), $words));
$len = 'strlen';
print_r(array_map($len, $words));
$prefix = "pre-";
print_r(array_map(function ($w) use ($prefix) { return $prefix . $w; }, $words));
usort($words, 'strcasecmp');
print_r($words);
$compose = fn(callable $f, callable $g) => fn($x) => $f($g($x));
$h = $compose('strrev', 'strtoupper');
echo $h("abc"), "\n";
$fnName = "str" . "_repeat";
echo $fnName("=", 5), "\n";
echo ('trim')("  x  "), "|\n";
$counter = function () { static $n = 0; return ++$n; };
echo $counter(), $counter(), $counter(), "\n";
$s = strlen(...);
echo $s("four"), "\n";
