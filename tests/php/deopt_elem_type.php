<?php
// Element reads guarded to the type their consumer is specialized to: an element
// of another type must leave optimized code before anything happened and the
// result must be what PHP computes (ints turning floats, strings, nulls from
// missing keys, booleans in a branch, references, nested rows).
function dot($a, $b, $n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        $x = $a[$i];
        $s += $x * $b[$i];
    }
    return $s;
}
function count_set($flags, $n) {
    $c = 0;
    for ($i = 0; $i < $n; $i++) {
        if ($flags[$i]) $c++;
    }
    return $c;
}
function row_sum($m, $r, $n) {
    $s = 0;
    for ($j = 0; $j < $n; $j++) {
        $v = $m[$r][$j] - 1;
        $s += $v;
    }
    return $s;
}
function lt_count($a, $n, $lim) {
    $c = 0;
    for ($i = 0; $i < $n; $i++) {
        $x = $a[$i];
        if ($x < $lim) $c++;
    }
    return $c;
}
$ints = range(1, 40);
$floats = array_map(fn($x) => $x + 0.5, $ints);
for ($round = 0; $round < 2000; $round++) {
    $r1 = dot($ints, $ints, 40);
    $r2 = dot($ints, $floats, 40);
    $r3 = dot($floats, $ints, 40);
}
echo "dot: $r1 $r2 $r3\n";
$mixed = $ints;
$mixed[7] = "3";
$mixed[9] = 2.25;
$mixed[11] = true;
$mixed[13] = null;
echo "dot mixed: ", dot($mixed, $ints, 40), "\n";
echo "dot short: ", @dot([1, 2, 3], [4, 5, 6, 7], 4), "\n";
try {
    echo dot(["a" => 1], [1], 1), "\n";
} catch (Throwable $e) {
    echo get_class($e), "\n";
}
$s = ["x", "y"];
try {
    echo dot($s, [1, 2], 2), "\n";
} catch (TypeError $e) {
    echo "TypeError: ", $e->getMessage(), "\n";
}
$flags = [];
for ($i = 0; $i < 50; $i++) $flags[] = $i % 3 == 0;
for ($round = 0; $round < 2000; $round++) $c1 = count_set($flags, 50);
$flags[4] = 1;
$flags[5] = "0";
$flags[6] = 0.0;
$flags[7] = [];
$flags[8] = [1];
echo "flags: $c1 ", count_set($flags, 50), "\n";
$m = [];
for ($r = 0; $r < 5; $r++) {
    $row = [];
    for ($j = 0; $j < 20; $j++) $row[] = $r * 20 + $j;
    $m[] = $row;
}
for ($round = 0; $round < 2000; $round++) $rs = row_sum($m, 2, 20);
$m[3][4] = 1.5;
$m[4][0] = "10";
echo "rows: $rs ", row_sum($m, 3, 20), " ", row_sum($m, 4, 20), "\n";
$x = 5;
$refd = $ints;
$refd[2] = &$x;
echo "ref: ", dot($refd, $ints, 40), "\n";
$x = 7.5;
echo "ref float: ", dot($refd, $ints, 40), "\n";
for ($round = 0; $round < 2000; $round++) $l1 = lt_count($ints, 40, 20);
echo "lt: $l1 ", lt_count($floats, 40, 20), " ", lt_count(["5", "50", "abc", null, false], 5, 20), "\n";
$big = [PHP_INT_MAX, 2];
echo "overflow: ", dot($big, [2, 3], 2), "\n";
