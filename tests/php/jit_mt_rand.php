<?php
// mt_rand(int, int) computed by a direct helper in optimized code (no built-in call):
// the same draws in every tier, equal bounds, the full int range, a float bound
// arriving late (leaves for the built-in) and swapped bounds (ValueError).
mt_srand(42);
function draw($n, $lo, $hi) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) { $s += mt_rand($lo, $hi); }
    return $s;
}
echo draw(5000, 1, 6), "\n";
echo draw(5000, -5, 5), "\n";
echo draw(3000, PHP_INT_MIN, PHP_INT_MAX) % 1000, "\n";
echo draw(100, 7, 7), "\n";
function mixed($n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) { $hi = $i < $n - 3 ? 10 : 2.5; $s += mt_rand(1, $hi); }
    return $s;
}
echo mixed(2000), "\n";
try { for ($i = 0; $i < 2000; $i++) { $lo = $i < 1990 ? 0 : 100; mt_rand($lo, 50); } } catch (ValueError $e) { echo $e->getMessage(), " at $i\n"; }
echo mt_rand(), "\n";
