<?php
// Loop-invariant type guards checked once at the loop's entry (irgen_tags'
// entry guards), and the cells of invariant arrays loaded once per loop: the
// loops must still see every value that reaches them, including values the
// entry check rejects and loops that would never have reached their guard.

// An invariant array and bound: hoisted tag checks of $a and $n.
function sum_first($a, $n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        $s += $a[$i];
    }
    return $s;
}

// The element read sits on a path most iterations skip.
function sum_late($a, $n, $from) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        if ($i >= $from) {
            $s += $a[$i];
        }
    }
    return $s;
}

// Rows read by the inner loop: written by the outer one, invariant in the inner.
function dot_rows($m, $v) {
    $out = [];
    foreach ($m as $r => $row) {
        $acc = 0;
        for ($j = 0; $j < count($v); $j++) {
            $acc += $row[$j] * $v[$j];
        }
        $out[] = $acc;
    }
    return $out;
}

// In-place updates of an invariant array inside a counted loop.
function scale_in_place(&$a, $k) {
    $n = count($a);
    for ($i = 0; $i < $n; $i++) {
        $a[$i] *= $k;
    }
}

// A bound that is not an int on some calls.
function count_up($n) {
    $c = 0;
    while ($c < $n) {
        $c++;
    }
    return $c;
}

$ints = range(1, 20);
$floats = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5];
for ($round = 0; $round < 60; $round++) {
    $t = sum_first($ints, 20) + sum_first($floats, 6) + sum_late($ints, 20, 15);
    if ($round % 20 == 0) {
        echo "round $round: $t\n";
    }
}

// Values the entry check rejects: a string (offsets), null, and loops that run
// zero times or never reach their read.
echo sum_first("12345", 5), "\n";
echo sum_first("", 0), "\n";
echo sum_first(null, 0), "\n";
echo sum_first(42, 0), "\n";
echo sum_late(null, 10, 100), "\n";
echo sum_late("987654321", 9, 4), "\n";
echo sum_first([1, 2, 3], 2.5), "\n";
echo sum_first([1, 2, 3], "3"), "\n";
echo sum_first(['a' => 1, 0 => 7, 1 => 8], 2), "\n";
echo sum_first(null, 2), "\n";

// Enough rejected entries to drop the translation: the next one keeps its guards
// inside the loop, and every call still answers right.
$acc = 0;
for ($k = 0; $k < 40; $k++) {
    $acc += sum_first($k % 2 ? $ints : "0123456789", 10);
    $acc += sum_late($k % 3 ? $ints : null, 12, 100);
}
echo "mixed: $acc\n";

for ($round = 0; $round < 30; $round++) {
    $rows = dot_rows([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [1, 0, 2]);
}
echo implode(',', $rows), "\n";
echo implode(',', dot_rows([[1, 2, 3], "456", [0.5, 0.25, 2]], [2, 2, 2])), "\n";
echo implode(',', dot_rows([], [1])), "\n";

$data = [1, 2, 3, 4];
for ($round = 0; $round < 30; $round++) {
    scale_in_place($data, 1);
}
scale_in_place($data, 3);
$copy = $data;
scale_in_place($copy, 2);
echo implode(',', $data), ' / ', implode(',', $copy), "\n";
$mixed = [1, 2.5, "3", 4];
scale_in_place($mixed, 2);
var_dump($mixed);

for ($round = 0; $round < 40; $round++) {
    $c = count_up(50);
}
echo $c, ' ', count_up(7.5), ' ', count_up("12"), ' ', count_up(null), ' ', count_up(-3), "\n";

// Slots that other code may change: a script-body loop whose bound and array a
// function rebinds through `global`, a closure's captured array, a static.
function bump() { global $lim; $lim = "3"; }
function arr() { global $data; $data = "xyz"; }
$lim = 5;
$s = 0;
for ($i = 0; $i < $lim; $i++) { $s += $i; if ($i == 1) bump(); }
echo $s, "\n";
$data = [1, 2, 3, 4, 5, 6];
$t = 0;
for ($r = 0; $r < 50; $r++) {
  for ($i = 0; $i < 3; $i++) { $t .= $data[$i]; if ($r == 40 && $i == 1) arr(); }
}
echo $t, "\n";
$m = [[1,2],[3,4]];
$acc = 0;
for ($r = 0; $r < 200; $r++) { foreach ($m as $row) { for ($j = 0; $j < 2; $j++) $acc += $row[$j]; } }
echo $acc, "\n";
function closure_loop() {
    $arr = [1, 2, 3];
    $f = function ($n) use ($arr) { $s = 0; for ($i = 0; $i < $n; $i++) $s += $arr[$i]; return $s; };
    $r = 0;
    for ($k = 0; $k < 40; $k++) $r += $f(3);
    return $r;
}
echo closure_loop(), "\n";
function statics($n) { static $tab = [1, 2, 3]; $s = 0; for ($i = 0; $i < $n; $i++) $s += $tab[$i]; $tab = "987"; return $s; }
echo statics(3), statics(3), statics(2), "\n";
