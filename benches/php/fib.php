<?php
// php -n: 0.951s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Recursive Fibonacci: measures call/return overhead and integer add/compare.
function fib($n) {
    return $n < 2 ? $n : fib($n - 1) + fib($n - 2);
}
$n = 36;
$sum = 0;
for ($i = 0; $i < 3; $i++) {
    $sum += fib($n - $i);
}
echo "fib checksum: $sum\n";
