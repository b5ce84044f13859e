<?php
// Recursive closures via use (&$f)
$fact = function ($n) use (&$fact) { return $n <= 1 ? 1 : $n * $fact($n - 1); };
echo $fact(10), "\n";
$fib = function ($n) use (&$fib) { return $n < 2 ? $n : $fib($n - 1) + $fib($n - 2); };
echo implode(",", array_map($fib, range(0, 12))), "\n";
$walk = function ($tree, $depth = 0) use (&$walk) {
    foreach ($tree as $k => $v) {
        echo str_repeat("  ", $depth), is_array($v) ? $k : "$k=$v", "\n";
        if (is_array($v)) $walk($v, $depth + 1);
    }
};
$walk(['root' => ['a' => 1, 'b' => ['c' => 2, 'd' => 3]], 'e' => 4]);
$noRef = function ($n) use ($noRef) { return $n; };
echo "defined\n";
$hanoiMoves = 0;
$hanoi = function ($n, $from, $to, $via) use (&$hanoi, &$hanoiMoves) {
    if ($n == 0) return;
    $hanoi($n - 1, $from, $via, $to);
    $hanoiMoves++;
    $hanoi($n - 1, $via, $to, $from);
};
$hanoi(6, 'A', 'C', 'B');
echo "moves=$hanoiMoves\n";
