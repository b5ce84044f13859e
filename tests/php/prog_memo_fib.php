<?php
// Memoised Fibonacci with a static array, compared to iterative and float overflow
function mfib(int $n): int|float {
    static $memo = [0 => 0, 1 => 1];
    static $calls = 0;
    $calls++;
    if ($n < 0) return $calls;
    if (isset($memo[$n])) return $memo[$n];
    return $memo[$n] = mfib($n - 1) + mfib($n - 2);
}
function ifib(int $n): int|float { [$a, $b] = [0, 1]; for ($i = 0; $i < $n; $i++) [$a, $b] = [$b, $a + $b]; return $a; }
foreach ([10, 50, 90, 92] as $n) echo "fib($n) = ", mfib($n), " iter=", ifib($n), "\n";
echo "calls so far: ", mfib(-1), "\n";
echo "fib(50) again: ", mfib(50), " calls: ", mfib(-1), "\n";
var_dump(mfib(93));
var_dump(ifib(93));
var_dump(ifib(100));
$evenSum = 0;
for ($i = 0; ($f = mfib($i)) < 4000000; $i++) if ($f % 2 == 0) $evenSum += $f;
echo "sum of even fibs < 4M: $evenSum\n";
$digits = 0;
for ($i = 1; ; $i++) { if (strlen((string)mfib($i)) >= 15) { $digits = $i; break; } }
echo "first fib with 15 digits: index $digits\n";
