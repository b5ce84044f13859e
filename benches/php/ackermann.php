<?php
// php -n: 1.089s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Ackermann function: deep, non-tail recursion with tiny bodies.
function ack($m, $n) {
    if ($m == 0) return $n + 1;
    if ($n == 0) return ack($m - 1, 1);
    return ack($m - 1, ack($m, $n - 1));
}
$total = 0;
for ($n = 1; $n <= 10; $n++) {
    $r = ack(2, $n * 100) + ack(3, $n);
    $total += $r;
    echo "ack $n: $r\n";
}
echo "ackermann checksum: $total\n";
