<?php
// N-queens: count solutions and print the first for several N
function solve(int $n, int $row, array &$cols, array &$d1, array &$d2, array &$pos, array &$first, int &$count): void {
    if ($row == $n) { if ($count == 0) $first = $pos; $count++; return; }
    for ($c = 0; $c < $n; $c++) {
        if (isset($cols[$c]) || isset($d1[$row + $c]) || isset($d2[$row - $c + $n])) continue;
        $cols[$c] = $d1[$row + $c] = $d2[$row - $c + $n] = true;
        $pos[$row] = $c;
        solve($n, $row + 1, $cols, $d1, $d2, $pos, $first, $count);
        unset($cols[$c], $d1[$row + $c], $d2[$row - $c + $n]);
    }
}
for ($n = 1; $n <= 8; $n++) {
    $cols = $d1 = $d2 = $pos = $first = [];
    $count = 0;
    solve($n, 0, $cols, $d1, $d2, $pos, $first, $count);
    echo "n=$n solutions=$count\n";
    if ($n == 6 || $n == 8) {
        foreach ($first as $c) echo str_repeat(". ", $c), "Q ", str_repeat(". ", $n - $c - 1), "\n";
    }
}
