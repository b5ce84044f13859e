<?php
// Towers of Hanoi with explicit peg state
function hanoi(int $n, string $from, string $to, string $via, array &$pegs, int &$moves, bool $verbose) {
    if ($n == 0) return;
    hanoi($n - 1, $from, $via, $to, $pegs, $moves, $verbose);
    $disk = array_pop($pegs[$from]);
    if ($pegs[$to] && end($pegs[$to]) < $disk) throw new LogicException("illegal move");
    $pegs[$to][] = $disk;
    $moves++;
    if ($verbose) echo "move disk $disk $from -> $to\n";
    hanoi($n - 1, $via, $to, $from, $pegs, $moves, $verbose);
}
foreach ([3 => true, 10 => false, 15 => false] as $n => $verbose) {
    $pegs = ['A' => range($n, 1), 'B' => [], 'C' => []];
    $moves = 0;
    hanoi($n, 'A', 'C', 'B', $pegs, $moves, $verbose);
    echo "n=$n moves=$moves expected=", 2 ** $n - 1, " C=", implode(",", array_slice($pegs['C'], 0, 5)), "...\n";
}
