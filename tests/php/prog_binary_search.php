<?php
// Binary search (iterative and recursive), lower bound
function bsearch(array $a, $x): int {
    $lo = 0; $hi = count($a) - 1; $steps = 0;
    while ($lo <= $hi) {
        $steps++;
        $mid = ($lo + $hi) >> 1;
        if ($a[$mid] == $x) { echo "[$steps steps]"; return $mid; }
        if ($a[$mid] < $x) $lo = $mid + 1; else $hi = $mid - 1;
    }
    echo "[$steps steps]";
    return -1;
}
function bsearchRec(array $a, $x, int $lo, int $hi): int {
    if ($lo > $hi) return -1;
    $mid = intdiv($lo + $hi, 2);
    return match (true) {
        $a[$mid] == $x => $mid,
        $a[$mid] < $x => bsearchRec($a, $x, $mid + 1, $hi),
        default => bsearchRec($a, $x, $lo, $mid - 1),
    };
}
function lowerBound(array $a, $x): int {
    $lo = 0; $hi = count($a);
    while ($lo < $hi) { $mid = ($lo + $hi) >> 1; if ($a[$mid] < $x) $lo = $mid + 1; else $hi = $mid; }
    return $lo;
}
$arr = [];
for ($i = 0; $i < 1000; $i++) $arr[] = $i * 3;
foreach ([0, 3, 300, 2997, 1, -5, 3000, 1500] as $t) {
    echo "find $t: ", bsearch($arr, $t), " rec=", bsearchRec($arr, $t, 0, count($arr) - 1), " lb=", lowerBound($arr, $t), "\n";
}
$words = ["ant", "bee", "cat", "dog", "eel", "fox"];
echo bsearch($words, "dog"), " ", bsearch($words, "cow"), "\n";
