<?php
// Element reads guarded to the types baseline code fetched there (the element
// profile), with no consumer that would guard them: values only moved between
// elements. Ints first (the profile), then elements of every other type arrive
// and must leave optimized code before anything happened, with refcounts intact.
function reverse_prefix($a, $k) {
    $i = 0;
    $j = $k;
    while ($i < $j) {
        $t = $a[$i];
        $a[$i] = $a[$j];
        $a[$j] = $t;
        $i++;
        $j--;
    }
    return $a;
}
function rotate_left($a, $n) {
    $first = $a[0];
    for ($i = 0; $i < $n - 1; $i++) {
        $a[$i] = $a[$i + 1];
    }
    $a[$n - 1] = $first;
    return $a;
}
function pick_rows($m, $r, $n) {
    $out = [];
    for ($j = 0; $j < $n; $j++) {
        $out[] = $m[$r][$j];
    }
    return $out;
}
$ints = range(0, 9);
$sum = 0;
for ($round = 0; $round < 3000; $round++) {
    $p = reverse_prefix($ints, $round % 10);
    $q = rotate_left($p, 10);
    $sum += $q[0] * 3 + $p[9];
}
echo "ints: $sum ", implode(",", $p), " ", implode(",", $q), "\n";
$floats = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5];
echo "floats: ", implode(",", reverse_prefix($floats, 9)), " ", implode(",", rotate_left($floats, 10)), "\n";
$strings = [];
for ($i = 0; $i < 10; $i++) $strings[] = str_repeat(chr(97 + $i), $i + 1);
$r = reverse_prefix($strings, 9);
echo "strings: ", implode(",", $r), " | ", implode(",", $strings), "\n";
$r = rotate_left($strings, 10);
echo "rotated: ", implode(",", $r), " | ", implode(",", $strings), "\n";
$nested = [[1, 2], "two", 3.0, null, true, [4], "x", 7, false, [[8]]];
$r = reverse_prefix($nested, 9);
echo "mixed: ", json_encode($r), " ", json_encode($nested), "\n";
$r = rotate_left($nested, 10);
echo "mixed rotated: ", json_encode($r), "\n";
$x = 41;
$refs = $ints;
$refs[3] = &$x;
$r = reverse_prefix($refs, 9);
$x++;
echo "refs: ", implode(",", $r), " ", implode(",", $refs), "\n";
echo "short: ", json_encode(@reverse_prefix([1, 2, 3], 5)), "\n";
$m = [];
for ($i = 0; $i < 4; $i++) $m[] = range($i * 10, $i * 10 + 5);
for ($round = 0; $round < 3000; $round++) $row = pick_rows($m, $round % 4, 6);
echo "rows: ", implode(",", $row), "\n";
$m[2][3] = "s";
$m[1][0] = [1.5];
echo "rows mixed: ", json_encode(pick_rows($m, 2, 6)), json_encode(pick_rows($m, 1, 6)), "\n";
