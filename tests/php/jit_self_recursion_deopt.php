<?php
// Self-recursive calls in optimized code go straight into the function's own body.
// Types that change mid-recursion (ints, then floats; overflow to float; strings)
// must deoptimize exactly, however deep the recursion is when they change.
function sum_to($n) {
    if ($n <= 0) return 0;
    return $n + sum_to($n - 1);
}
$t = 0;
for ($i = 0; $i < 200; $i++) $t += sum_to(50);
var_dump($t, sum_to(50.5), sum_to("30"));

// The argument turns into a float halfway down.
function walk($n, $depth) {
    if ($depth == 0) return $n;
    if ($depth == 20) $n = $n + 0.5;
    return walk($n + 1, $depth - 1) + 1;
}
for ($i = 0; $i < 100; $i++) walk(1, 10);
var_dump(walk(1, 10), walk(1, 40));

// Overflow deep inside the recursion.
function grow($x, $k) {
    if ($k == 0) return $x;
    return grow($x * 3, $k - 1);
}
for ($i = 0; $i < 100; $i++) grow(1, 5);
var_dump(grow(1, 30), grow(1, 45));

// Mutual recursion beside self recursion, and an exception thrown at the bottom.
function even($n) { return $n == 0 ? true : odd($n - 1); }
function odd($n) { return $n == 0 ? false : even($n - 1); }
function dive($n) {
    if ($n == 0) throw new RuntimeException("bottom");
    return dive($n - 1) + 1;
}
$c = 0;
for ($i = 0; $i < 100; $i++) {
    if (even($i)) $c++;
    try { dive(25); } catch (RuntimeException $e) { $c += 2; }
}
var_dump($c);
try {
    dive(3);
} catch (RuntimeException $e) {
    echo $e->getMessage(), " at line ", $e->getLine(), "\n";
    echo $e->getTraceAsString(), "\n";
}
