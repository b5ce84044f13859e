<?php
// Closure calls and calls that omit defaulted parameters, which the interpreter
// runs in its own loop: captures by value and by reference, statics, recursion
// through a captured reference, defaults, too few arguments, faults.
$k = 3;
$scale = function ($x) use ($k) { $k++; return $x * $k; };
echo $scale(5), " ", $scale(6), " k=$k\n";
$count = 0;
$bump = function ($by = 1) use (&$count) { $count += $by; return $count; };
$bump(); $bump(5);
echo "count=$count\n";
$fact = function ($n) use (&$fact) { return $n <= 1 ? 1 : $n * $fact($n - 1); };
echo $fact(10), "\n";
$ticker = function () { static $t = 0; return ++$t; };
$ticker(); $ticker();
echo "ticks=", $ticker(), "\n";
$m = 10;
$add = fn($x, $y = 2) => $x + $y + $m;
echo $add(1), " ", $add(1, 1), "\n";
function mix($a, $b, $c, $d = 1) { return ($a * $b + $c * $d) & 0xFFFFF; }
function pad_default($s, $len = 5, $ch = ".") { return str_pad($s, $len, $ch); }
$t = 0;
for ($i = 0; $i < 1000; $i++) {
    $t = ($t + mix($i, 3, $k) + mix($i, 2, 1, 4)) & 0xFFFF;
}
echo $t, " ", pad_default("a"), pad_default("b", 3), pad_default("c", 4, "-"), "\n";
function needs_two($a, $b = 0, ...$rest) { return $a + $b + count($rest); }
echo needs_two(1), needs_two(1, 2), needs_two(1, 2, 3, 4), "\n";
$thrower = function ($v) { if ($v > 2) throw new InvalidArgumentException("too big: $v"); return $v; };
$sum = 0;
try {
    foreach ([1, 2, 3, 4] as $v) {
        $sum += $thrower($v);
    }
} catch (InvalidArgumentException $e) {
    echo $e->getMessage(), " after sum=$sum line ", $e->getLine(), "\n";
}
$make = function ($base) { return function ($x) use ($base) { return $base . $x; }; };
$hello = $make("hello ");
echo $hello("world"), "\n";
$two = function ($a, $b) { return $a . $b; };
try {
    echo $two("only");
} catch (ArgumentCountError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
function strict_two($a, $b) { return $a + $b; }
echo strict_two(1);
