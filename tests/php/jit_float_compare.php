<?php
// Comparisons of floats in compiled code: both operands floats (inline), a float
// literal against a float, mixed int/float and NaN/INF/-0.0, the result stored
// and branched on.
function cmp_all($a, $b) {
    $r = [];
    $r[] = $a < $b;
    $r[] = $a <= $b;
    $r[] = $a > $b;
    $r[] = $a >= $b;
    $r[] = $a == $b;
    $r[] = $a != $b;
    $r[] = $a === $b;
    $r[] = $a !== $b;
    $s = '';
    foreach ($r as $x) $s .= $x ? '1' : '0';
    return $s;
}
function against_literals($d) {
    $c = 0;
    if ($d > 4.0) $c += 1;
    if ($d < 4.0) $c += 2;
    if ($d == 4.0) $c += 4;
    if ($d != 4.0) $c += 8;
    if ($d <= -0.0) $c += 16;
    $t = $d >= 0.5;
    return $c . ($t ? 'y' : 'n');
}
$vals = [0.0, -0.0, 1.5, -1.5, 4.0, 1e308, INF, -INF, NAN, 3, 4, 0, PHP_INT_MAX, 9007199254740993];
for ($round = 0; $round < 3; $round++) {
    $out = [];
    foreach ($vals as $a) {
        foreach ($vals as $b) {
            $out[] = cmp_all($a, $b);
        }
        $out[] = against_literals($a);
    }
    echo implode(' ', $out), "\n";
}
// A loop whose condition compares floats.
$x = 0.0;
$n = 0;
while ($x * $x + 0.25 < 100.0) { $x += 0.5; $n++; }
echo $n, ' ', $x, "\n";
