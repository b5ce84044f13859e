<?php
// Recursion: fib, factorial, ackermann, mutual recursion, deep recursion
function fib($n) { return $n < 2 ? $n : fib($n - 1) + fib($n - 2); }
function fact($n) { return $n <= 1 ? 1 : $n * fact($n - 1); }
function ack($m, $n) {
    if ($m == 0) return $n + 1;
    if ($n == 0) return ack($m - 1, 1);
    return ack($m - 1, ack($m, $n - 1));
}
function isEven($n) { return $n == 0 ? true : isOdd($n - 1); }
function isOdd($n) { return $n == 0 ? false : isEven($n - 1); }
function sumTo($n) { return $n == 0 ? 0 : $n + sumTo($n - 1); }
function flatten($a) {
    $out = [];
    foreach ($a as $v) {
        if (is_array($v)) { foreach (flatten($v) as $w) $out[] = $w; } else $out[] = $v;
    }
    return $out;
}
for ($i = 0; $i <= 20; $i += 5) echo "fib($i)=", fib($i), "\n";
echo "fact(20)=", fact(20), "\n";
echo "fact(21)=", fact(21), "\n";
echo "ack(2,3)=", ack(2, 3), " ack(3,3)=", ack(3, 3), "\n";
var_dump(isEven(10), isOdd(7), isEven(7));
echo "sumTo(5000)=", sumTo(5000), "\n";
echo implode(",", flatten([1, [2, [3, [4, 5]], 6], [[7]]])), "\n";
function power_set($s) {
    if (!$s) return [[]];
    $first = array_shift($s);
    $rest = power_set($s);
    $out = $rest;
    foreach ($rest as $r) { array_unshift($r, $first); $out[] = $r; }
    return $out;
}
foreach (power_set(['a', 'b', 'c']) as $set) echo "{", implode(",", $set), "}";
echo "\n";
