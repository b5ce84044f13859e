<?php
// php -n: 1.065s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Dense matrix multiply on packed arrays of arrays (ints, reduced mod a prime so the
// checksum stays an int), plus one float pass.
function make_matrix($n, $seed) {
    $m = [];
    for ($i = 0; $i < $n; $i++) {
        $row = [];
        for ($j = 0; $j < $n; $j++) $row[] = ($i * 31 + $j * 17 + $seed) % 100;
        $m[] = $row;
    }
    return $m;
}
function mat_mul($a, $b, $n) {
    $c = [];
    for ($i = 0; $i < $n; $i++) {
        $ai = $a[$i];
        $row = array_fill(0, $n, 0);
        for ($k = 0; $k < $n; $k++) {
            $aik = $ai[$k];
            $bk = $b[$k];
            for ($j = 0; $j < $n; $j++) $row[$j] += $aik * $bk[$j];
        }
        $c[] = $row;
    }
    return $c;
}
$n = 330;
$a = make_matrix($n, 1);
$b = make_matrix($n, 7);
$c = mat_mul($a, $b, $n);
$c = mat_mul($c, $a, $n);
$sum = 0;
foreach ($c as $row) foreach ($row as $x) $sum = ($sum + $x) % 1000000007;
echo "int checksum: $sum\n";
// Float variant: scale to [0,1) so the values stay small.
$fa = [];
foreach ($a as $row) { $r = []; foreach ($row as $x) $r[] = $x / 100.0; $fa[] = $r; }
$fc = mat_mul($fa, $fa, $n);
$fs = 0.0;
foreach ($fc as $row) foreach ($row as $x) $fs += $x;
echo sprintf("float checksum: %.6f\n", $fs);
