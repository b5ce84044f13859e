<?php
// php -n: 0.965s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Many small calls: several-argument functions, default args, closures with use(),
// and closures passed to array_map/array_reduce.
function add3($a, $b, $c) { return $a + $b + $c; }
function mix($a, $b, $c, $d = 1) { return ($a * $b + $c * $d) & 0xFFFFF; }
function pick($flag, $x, $y) { return $flag ? $x : $y; }
$k = 3;
$scale = function ($x) use ($k) { return $x * $k; };
$inc = fn($x) => $x + 1;
$acc = 0;
for ($i = 0; $i < 11000000; $i++) {
    $acc = add3($acc, $i & 7, mix($i, 3, $k));
    $acc = pick($i & 1, $scale($acc & 1023), $inc($acc)) + ($acc >> 10);
    $acc &= 0xFFFFFFF;
}
$arr = range(1, 1000);
$s = 0;
for ($r = 0; $r < 550; $r++) {
    $m = array_map($scale, $arr);
    $s += array_reduce($m, fn($carry, $v) => $carry + $v, 0);
}
echo "call checksum: $acc $s\n";
