<?php
// `%` and `/` by a constant in optimized loops are a multiply by the divisor's
// reciprocal (powers of two a shift): every sign of dividend and divisor, the
// extremes of the int range, exact and inexact quotients (int or float), and the
// divisors kept as a real division (1, -1) or an error (0).
function rems($xs) {
    $out = [];
    $acc = 0;
    for ($i = 0; $i < count($xs); $i++) {
        $x = $xs[$i];
        $out[] = [$x % 2, $x % 3, $x % 7, $x % 10, $x % 16, $x % 641,
                  $x % 1000000007, $x % -2, $x % -7, $x % -16,
                  $x % 9223372036854775807, $x % -9223372036854775807,
                  $x % 4611686018427387905, $x % 1, $x % -1];
        $acc = ($acc + $x % 7 + $x % 1024) & 0xFFFFFFF;
    }
    return [$out, $acc];
}
$xs = [0, 1, -1, 5, -5, 6, -6, 7, -7, 13, -13, 1023, -1024, 123456789, -987654321,
       PHP_INT_MAX, PHP_INT_MIN, PHP_INT_MAX - 1, PHP_INT_MIN + 1, 4611686018427387904,
       -4611686018427387905];
for ($r = 0; $r < 3; $r++) {
    [$out, $acc] = rems($xs);
}
foreach ($out as $i => $row) {
    echo $xs[$i], ": ", implode(" ", $row), "\n";
}
echo "acc ", $acc, "\n";
function loop_sum($n) {
    $s = 0;
    for ($i = -$n; $i < $n; $i++) {
        $s += $i % 7 + $i % 8 - $i % -3;
    }
    return $s;
}
echo loop_sum(100000), "\n";
function quots($xs) {
    $out = [];
    foreach ($xs as $x) {
        $out[] = [$x / 2, $x / 3, $x / 7, $x / -4, $x / -7, $x / 1000000007,
                  $x / 9223372036854775807, $x / 1, $x / -1];
    }
    return $out;
}
for ($r = 0; $r < 3; $r++) {
    $qs = quots($xs);
}
foreach ($qs as $i => $row) {
    echo $xs[$i], ": ";
    foreach ($row as $q) echo var_export($q, true), " ";
    echo "\n";
}
function halves($n) {
    $s = 0;
    for ($i = -$n; $i < $n; $i++) {
        $h = $i / 2;
        $s += is_int($h) ? $h : 1;
        $s += intdiv($i, 3);
    }
    return $s;
}
echo halves(50000), "\n";
try {
    $z = 0;
    echo 5 % $z, "\n";
} catch (DivisionByZeroError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
