<?php
// Sorting algorithms in PHP: quicksort, mergesort, bubble sort, insertion sort
function quicksort(array $a): array {
    if (count($a) < 2) return $a;
    $pivot = array_shift($a);
    $left = $right = [];
    foreach ($a as $v) { if ($v < $pivot) $left[] = $v; else $right[] = $v; }
    return array_merge(quicksort($left), [$pivot], quicksort($right));
}
function mergesort(array $a): array {
    if (count($a) <= 1) return $a;
    $mid = intdiv(count($a), 2);
    $l = mergesort(array_slice($a, 0, $mid));
    $r = mergesort(array_slice($a, $mid));
    $out = []; $i = $j = 0;
    while ($i < count($l) && $j < count($r)) $out[] = $l[$i] <= $r[$j] ? $l[$i++] : $r[$j++];
    while ($i < count($l)) $out[] = $l[$i++];
    while ($j < count($r)) $out[] = $r[$j++];
    return $out;
}
function bubble(array $a): array {
    $n = count($a); $swaps = 0;
    do {
        $swapped = false;
        for ($i = 1; $i < $n; $i++) {
            if ($a[$i - 1] > $a[$i]) { [$a[$i - 1], $a[$i]] = [$a[$i], $a[$i - 1]]; $swapped = true; $swaps++; }
        }
        $n--;
    } while ($swapped);
    echo "bubble swaps: $swaps\n";
    return $a;
}
function insertion(array &$a): void {
    for ($i = 1; $i < count($a); $i++) {
        $key = $a[$i]; $j = $i - 1;
        while ($j >= 0 && $a[$j] > $key) { $a[$j + 1] = $a[$j]; $j--; }
        $a[$j + 1] = $key;
    }
}
$seed = 12345;
$data = [];
for ($i = 0; $i < 25; $i++) { $seed = ($seed * 1103515245 + 12345) % 2147483648; $data[] = $seed % 100; }
echo "input:     ", implode(" ", $data), "\n";
echo "quick:     ", implode(" ", quicksort($data)), "\n";
echo "merge:     ", implode(" ", mergesort($data)), "\n";
echo "bubble:    ", implode(" ", bubble($data)), "\n";
$copy = $data;
insertion($copy);
echo "insertion: ", implode(" ", $copy), "\n";
$builtin = $data;
sort($builtin);
var_dump($builtin === $copy, quicksort($data) === mergesort($data));
echo implode(",", quicksort(["pear", "apple", "fig", "banana"])), "\n";
echo implode(",", mergesort([3.5, -1, 2, 0.25])), "\n";
