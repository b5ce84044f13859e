<?php
// Calls of functions with by-reference parameters take the native call sequence
// in optimized code: the reference box the caller made is moved into the callee's
// frame and released with it. Arrays, scalars and array elements passed by
// reference; recursion; references passed on; exceptions out of the callee.
function swap(&$x, &$y) { $t = $x; $x = $y; $y = $t; }
function bump(array &$a, $i, $by) { $a[$i] += $by; return count($a); }
function fill(&$out, $n) { $out = []; for ($i = 0; $i < $n; $i++) $out[] = $i * $i; }
function depth(&$acc, $n) {
    if ($n == 0) return 0;
    $acc .= chr(65 + $n % 26);
    return 1 + depth($acc, $n - 1);
}
function pass_on(array &$a, $i) { return bump($a, $i, 10); }
function risky(&$v, $k) {
    $v = $v + 1;
    if ($k % 5 == 4) throw new RuntimeException("k=$k");
    return $v;
}
$a = 1; $b = 2;
$arr = [0, 0, 0, 0];
$counts = 0;
for ($r = 0; $r < 200; $r++) {
    swap($a, $b);
    $counts += bump($arr, $r % 4, $r);
    $counts += pass_on($arr, ($r + 1) % 4);
}
echo "$a $b $counts ", implode(",", $arr), "\n";
$m = [[1, 2], [3, 4]];
for ($r = 0; $r < 50; $r++) swap($m[0][1], $m[1][0]);
echo json_encode($m), "\n";
for ($r = 0; $r < 30; $r++) fill($sq, 5 + $r % 3);
echo implode(" ", $sq), "\n";
$s = "";
for ($r = 0; $r < 20; $r++) { $s = ""; $d = depth($s, 40 + $r); }
echo "$d $s\n";
$v = 0; $caught = 0;
for ($k = 0; $k < 40; $k++) {
    try { risky($v, $k); } catch (RuntimeException $e) { $caught++; $last = $e->getMessage(); }
}
echo "$v $caught $last\n";
$shared = [1, 2, 3];
$copy = $shared;
for ($r = 0; $r < 30; $r++) bump($shared, 0, 1);
echo implode(",", $shared), " | ", implode(",", $copy), "\n";
