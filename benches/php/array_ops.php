<?php
// php -n: 0.946s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Packed array operations: push, pop, foreach, indexed sum, array_sum, in-place update.
$total = 0;
for ($round = 0; $round < 100; $round++) {
    $a = [];
    for ($i = 0; $i < 200000; $i++) $a[] = $i * 3 + $round;
    $sum = 0;
    foreach ($a as $v) $sum += $v;
    $n = count($a);
    for ($i = 0; $i < $n; $i++) $a[$i] = $a[$i] ^ 0x55;
    $sum2 = 0;
    for ($i = 0; $i < $n; $i++) $sum2 += $a[$i];
    // Pop half back off, pushing onto a second stack.
    $b = [];
    for ($i = 0; $i < 100000; $i++) $b[] = array_pop($a);
    $total += $sum + $sum2 + array_sum($a) - array_sum($b) + count($a) + count($b);
    array_push($b, 1, 2, 3);
    $total += $b[count($b) - 1];
}
echo "array checksum: $total\n";
