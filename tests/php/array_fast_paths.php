<?php
// Element reads and writes on packed arrays with int keys (the fast paths every
// tier tries first) next to the cases that must take the general path: shared
// arrays (copy-on-write), references into elements, keys out of range, negative or
// non-int keys, appends, self-assignment and undefined values.
function fill($n) {
    $a = [];
    for ($i = 0; $i < $n; $i++) { $a[] = $i * 2; }
    return $a;
}
function bump(&$a, $n) {
    for ($i = 0; $i < $n; $i++) { $a[$i] += 1; $a[$i] = $a[$i] * 3; }
}
$a = fill(6);
$b = $a;                 // shared: writes must separate
bump($a, 6);
echo implode(",", $a), " | ", implode(",", $b), "\n";
$r = &$a[2];             // an element that is a reference
$a[2] = 100;
echo $r, " ", $a[2], "\n";
$r = 7;
echo $a[2], "\n";
$a[10] = 1;              // past the end: becomes a hash
$a[-1] = 5;
$a["3"] = 33;            // numeric string key
$a[1.7] = 17;            // float key (truncated, deprecated warning)
var_dump(count($a), $a[3], $a[1], $a[-1]);
echo $a[99] ?? "none", "\n";
echo @$a[98], "|\n";
$s = [1, 2];
$s[] = $s;               // appends a copy of the old array
$s[0] = 9;
echo count($s), " ", count($s[2]), " ", $s[2][0], "\n";
function undef_val() {
    $x = [1, 2, 3];
    $x[1] = $nope;
    var_dump($x);
}
undef_val();
function grid($n) {
    $g = [];
    for ($i = 0; $i < $n; $i++) { $g[] = array_fill(0, $n, 0); }
    for ($k = 0; $k < 3; $k++) {
        for ($i = 0; $i < $n; $i++) {
            for ($j = 0; $j < $n; $j++) { $g[$i][$j] += $i * $j + $k; }
        }
    }
    $copy = $g;
    $g[1][1] = -1;
    return [$g[1][1], $copy[1][1], $g[$n - 1][$n - 1]];
}
for ($t = 0; $t < 3; $t++) { echo implode(" ", grid(5)), "\n"; }
$str = "abc";
$str[1] = "X";
echo $str, "\n";
$nul = null;
$nul[3] = 4;
var_dump($nul);
