<?php
// Matrix operations: multiply, transpose, determinant, identity
function mmul($a, $b) {
    $r = [];
    for ($i = 0; $i < count($a); $i++)
        for ($j = 0; $j < count($b[0]); $j++) {
            $r[$i][$j] = 0;
            for ($k = 0; $k < count($b); $k++) $r[$i][$j] += $a[$i][$k] * $b[$k][$j];
        }
    return $r;
}
function transpose($m) { $t = []; foreach ($m as $i => $row) foreach ($row as $j => $v) $t[$j][$i] = $v; return $t; }
function det($m) {
    $n = count($m);
    if ($n == 1) return $m[0][0];
    if ($n == 2) return $m[0][0] * $m[1][1] - $m[0][1] * $m[1][0];
    $d = 0;
    for ($c = 0; $c < $n; $c++) {
        $sub = [];
        for ($i = 1; $i < $n; $i++) { $row = []; for ($j = 0; $j < $n; $j++) if ($j != $c) $row[] = $m[$i][$j]; $sub[] = $row; }
        $d += ($c % 2 ? -1 : 1) * $m[0][$c] * det($sub);
    }
    return $d;
}
function identity($n) { $m = []; for ($i = 0; $i < $n; $i++) for ($j = 0; $j < $n; $j++) $m[$i][$j] = (int)($i == $j); return $m; }
function show($m) { foreach ($m as $row) echo implode("\t", $row), "\n"; echo "--\n"; }
$a = [[1, 2, 3], [4, 5, 6]];
$b = [[7, 8], [9, 10], [11, 12]];
show(mmul($a, $b));
show(transpose($a));
$sq = [[2, -3, 1], [2, 0, -1], [1, 4, 5]];
echo "det=", det($sq), "\n";
echo "det4=", det([[1, 0, 2, -1], [3, 0, 0, 5], [2, 1, 4, -3], [1, 0, 5, 0]]), "\n";
show(mmul($sq, identity(3)));
var_dump(mmul($sq, identity(3)) === $sq);
$f = [[0.5, 1.5], [2.5, 3.5]];
show(mmul($f, $f));
$p = [[1, 1], [1, 0]];
$r = identity(2);
for ($i = 0; $i < 30; $i++) $r = mmul($r, $p);
echo "fib(30) via matrix: ", $r[0][1], "\n";
