<?php
// Closures returning closures: counters, adders, composition
function makeCounter($start = 0) {
    $count = $start;
    return [
        'inc' => function () use (&$count) { return ++$count; },
        'get' => function () use (&$count) { return $count; },
    ];
}
$c1 = makeCounter();
$c2 = makeCounter(100);
$c1['inc'](); $c1['inc']();
$c2['inc']();
echo $c1['get'](), " ", $c2['get'](), "\n";
$adder = function ($x) { return function ($y) use ($x) { return $x + $y; }; };
$add5 = $adder(5);
echo $add5(3), " ", $adder(10)(20), "\n";
$compose = fn(callable $f, callable $g) => fn($x) => $f($g($x));
$incThenDouble = $compose(fn($x) => $x * 2, fn($x) => $x + 1);
echo $incThenDouble(5), "\n";
function curry3($f) { return fn($a) => fn($b) => fn($c) => $f($a, $b, $c); }
echo curry3(fn($a, $b, $c) => "$a$b$c")('x')('y')('z'), "\n";
$gen = function () { $n = 0; return function () use (&$n) { return $n++; }; };
$g = $gen();
echo $g(), $g(), $g(), "\n";
$g2 = $gen();
echo $g2(), "\n";
$memo = function ($f) { $cache = []; return function ($n) use ($f, &$cache) {
    if (!isset($cache[$n])) { echo "[compute $n]"; $cache[$n] = $f($n); }
    return $cache[$n]; }; };
$sq = $memo(fn($n) => $n * $n);
echo $sq(4), " ", $sq(4), " ", $sq(5), "\n";
