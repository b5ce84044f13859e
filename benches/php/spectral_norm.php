<?php
// php -n: 0.846s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1): float math
// on packed arrays with a small function called in the innermost loop.
function A($i, $j) {
    return 1.0 / ((($i + $j) * ($i + $j + 1) >> 1) + $i + 1);
}
function mulAv($n, $v) {
    $av = [];
    for ($i = 0; $i < $n; $i++) {
        $sum = 0.0;
        for ($j = 0; $j < $n; $j++) $sum += A($i, $j) * $v[$j];
        $av[] = $sum;
    }
    return $av;
}
function mulAtv($n, $v) {
    $atv = [];
    for ($i = 0; $i < $n; $i++) {
        $sum = 0.0;
        for ($j = 0; $j < $n; $j++) $sum += A($j, $i) * $v[$j];
        $atv[] = $sum;
    }
    return $atv;
}
function mulAtAv($n, $v) {
    return mulAtv($n, mulAv($n, $v));
}
$n = 1000;
$u = array_fill(0, $n, 1.0);
for ($i = 0; $i < 10; $i++) {
    $v = mulAtAv($n, $u);
    $u = mulAtAv($n, $v);
}
$vBv = 0.0; $vv = 0.0;
for ($i = 0; $i < $n; $i++) {
    $vBv += $u[$i] * $v[$i];
    $vv += $v[$i] * $v[$i];
}
echo sprintf("%0.9f", sqrt($vBv / $vv)), "\n";
