<?php
// php -n: 1.053s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Heapsort of mt_rand-generated ints: array index loads/stores and compares.
function heapsort(array &$a) {
    $n = count($a);
    for ($start = ($n >> 1) - 1; $start >= 0; $start--) sift_down($a, $start, $n);
    for ($end = $n - 1; $end > 0; $end--) {
        $t = $a[0]; $a[0] = $a[$end]; $a[$end] = $t;
        sift_down($a, 0, $end);
    }
}
function sift_down(array &$a, $root, $n) {
    $v = $a[$root];
    while (true) {
        $child = 2 * $root + 1;
        if ($child >= $n) break;
        if ($child + 1 < $n && $a[$child + 1] > $a[$child]) $child++;
        if ($a[$child] <= $v) break;
        $a[$root] = $a[$child];
        $root = $child;
    }
    $a[$root] = $v;
}
mt_srand(42);
$n = 1000000;
$a = [];
for ($i = 0; $i < $n; $i++) $a[] = mt_rand(0, 1000000);
heapsort($a);
$ok = 1;
$sum = 0;
for ($i = 0; $i < $n; $i++) {
    if ($i > 0 && $a[$i - 1] > $a[$i]) $ok = 0;
    $sum = ($sum * 31 + $a[$i]) % 1000000007;
}
echo "sorted: $ok first: {$a[0]} last: {$a[$n - 1]}\n";
echo "heapsort checksum: $sum\n";
