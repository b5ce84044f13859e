<?php
// Copy-on-write on the array-write fast path (a shared packed array is separated
// before the write, never written under another holder), foreach by value with and
// without keys (string keys shared with the array, packed and hash arrays, holes
// left by unset), and ++/-- on array elements.
function reverse_prefix($perm, $k) {
    $copy = $perm;
    $i = 0; $j = $k;
    while ($i < $j) {
        $t = $copy[$i]; $copy[$i] = $copy[$j]; $copy[$j] = $t;
        $i++; $j--;
    }
    return $copy;
}
function sum_values($a) { $s = 0; foreach ($a as $v) { $s += $v; } return $s; }
function keys_and_values($a) {
    $out = '';
    foreach ($a as $k => $v) { $out .= "$k=$v;"; }
    return $out;
}
function bump(&$counts, $keys) {
    foreach ($keys as $k) { $counts[$k]++; $counts[$k] += 0; }
    $counts[0]--;
    --$counts[1];
    return $counts[0] + $counts[1];
}
$base = [0, 1, 2, 3, 4, 5];
for ($round = 0; $round < 3; $round++) {
    $r = reverse_prefix($base, 3 + $round);
    echo implode(',', $base), ' | ', implode(',', $r), "\n";
    $lit = [9, 8, 7];
    $lit2 = $lit;
    $lit2[0] = 1;
    $lit[] = 6;
    echo implode(',', $lit), ' ', implode(',', $lit2), "\n";
    $static = [1, 2];      // a literal array: static, shared by every run
    $static[1] = 5;
    echo implode(',', $static), "\n";
    $nested = [[1, 2], [3, 4]];
    $inner = $nested[0];
    $inner[0] = 100;
    echo $nested[0][0], ' ', $inner[0], "\n";

    echo sum_values([1, 2, 3, 4.5]), ' ', sum_values([]), ' ', sum_values(['a' => 1, 'b' => 2]), "\n";
    $h = ['x' => 1, 'y' => 2, 10 => 3, 'z' => 4];
    unset($h['y']);
    echo keys_and_values($h), ' ', keys_and_values([5, 6, 7]), "\n";
    $p = [1, 2, 3, 4];
    unset($p[1]);
    echo keys_and_values($p), "\n";
    $loop = [1, 2, 3];
    foreach ($loop as $v) { $loop[] = $v * 10; }   // iterates the original three
    echo implode(',', $loop), "\n";
    $keys = [];
    foreach (['k1' => 1, 'k2' => 2] as $k => $v) { $keys[] = $k; $k .= '!'; }
    echo implode(',', $keys), "\n";

    $counts = [5, 5, 5];
    echo bump($counts, [0, 2, 2, 1]), ' ', implode(',', $counts), "\n";
    $big = [PHP_INT_MAX, PHP_INT_MIN];
    $big[0]++;
    $big[1]--;
    var_dump($big);
}
