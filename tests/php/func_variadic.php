<?php
// Variadic parameters and argument unpacking
function sum(...$nums) { return array_sum($nums); }
function tagged($tag, ...$items) { return $tag . ":" . implode(",", $items) . "(" . count($items) . ")"; }
function typed(int ...$ints) { return array_sum($ints); }
function three($a, $b, $c) { return "$a-$b-$c"; }
function refs(&...$vars) { foreach ($vars as &$v) $v *= 2; }
echo sum(), " ", sum(1), " ", sum(1, 2, 3, 4), "\n";
echo tagged("t"), " ", tagged("t", "a", "b"), "\n";
echo typed(1, "2", 3), "\n";
$args = [1, 2, 3];
echo three(...$args), "\n";
echo three(0, ...[8, 9]), "\n";
echo sum(...$args, ...[10, 20]), "\n";
echo sum(...[]), "\n";
$x = 1; $y = 2;
refs($x, $y);
echo "$x $y\n";
function showKeys(...$a) { return json_encode($a); }
echo showKeys(...['a' => 1, 'b' => 2]), "\n";
echo showKeys(1, ...['k' => 'v']), "\n";
function collect($first, ...$rest) { var_dump($first, $rest); }
collect(...[1, 2, 3]);
echo max(...[4, 9, 2]), " ", strlen(...["four"]), "\n";
try {
    echo typed(1, "x");
} catch (TypeError $e) {
    echo "TypeError: ", $e->getMessage(), "\n";
}
