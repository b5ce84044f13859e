<?php
// Keyed element writes in optimized code leave for the tier below for whatever
// their inline path does not take, unless baseline code saw them need their helper:
// a copy-on-write array shared after the function was optimized, a counted value
// over an int, an index past the end (a hash array), a string key.
function fill(&$a, $n, $v) {
    for ($i = 0; $i < $n; $i++) {
        $a[$i] = is_int($v) ? $v + $i : $v . $i;
    }
}
$a = array_fill(0, 300, 0);
fill($a, 300, 1);
echo array_sum($a), "\n";
$b = $a;
fill($a, 300, 2);
echo array_sum($a), " ", array_sum($b), "\n";
fill($a, 300, "x");
echo $a[0], $a[299], "\n";
fill($a, 310, 3);
echo count($a), " ", $a[309], "\n";
$h = ['k' => 1];
fill($h, 5, 4);
echo json_encode($h), "\n";
function swap_all(array $p, $n) {
    for ($r = 0; $r < $n; $r++) {
        $q = $p;
        for ($i = 0, $j = count($q) - 1; $i < $j; $i++, $j--) {
            $t = $q[$i]; $q[$i] = $q[$j]; $q[$j] = $t;
        }
        $p[$r % count($p)] = $q[0];
    }
    return implode(",", $p) . " / " . implode(",", $q);
}
echo swap_all(range(1, 9), 400), "\n";
echo swap_all(["a", "b", "c", "d"], 300), "\n";
