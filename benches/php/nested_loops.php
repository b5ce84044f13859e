<?php
// php -n: 1.115s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Nested integer loops with arithmetic, modulo and bit ops; the result is masked so it
// never overflows into a float.
function nested($n) {
    $acc = 0;
    for ($a = 0; $a < $n; $a++) {
        for ($b = 0; $b < $n; $b++) {
            for ($c = 0; $c < $n; $c++) {
                $acc = ($acc + ($a * $b) ^ $c + ($a + $b + $c) % 7) & 0xFFFFFFF;
            }
        }
    }
    return $acc;
}
$total = 0;
for ($r = 0; $r < 3; $r++) {
    $total += nested(330 + $r);
}
echo "nested checksum: $total\n";
