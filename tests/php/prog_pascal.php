<?php
// Pascal's triangle, binomial coefficients and row sums
function pascal(int $rows): array {
    $t = [[1]];
    for ($r = 1; $r < $rows; $r++) {
        $prev = $t[$r - 1];
        $row = [1];
        for ($k = 1; $k < $r; $k++) $row[] = $prev[$k - 1] + $prev[$k];
        $row[] = 1;
        $t[] = $row;
    }
    return $t;
}
$t = pascal(10);
$width = strlen(implode(" ", end($t)));
foreach ($t as $row) echo str_pad(implode(" ", $row), $width, " ", STR_PAD_BOTH), "\n";
function binom(int $n, int $k): int { $r = 1; for ($i = 1; $i <= $k; $i++) $r = intdiv($r * ($n - $k + $i), $i); return $r; }
echo "C(30,15)=", binom(30, 15), " C(60,30)=", binom(60, 30), "\n";
$big = pascal(67);
echo "row 66 middle: ", $big[66][33], "\n";
echo "row 66 sum: ", array_sum($big[66]), "\n";
foreach ($t as $i => $row) echo array_sum($row), $i < 9 ? "," : "\n";
foreach (pascal(16) as $row) { foreach ($row as $v) echo $v % 2 ? "#" : " "; echo "\n"; }
