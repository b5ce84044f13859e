<?php
// `.` chains built as one string (`ConcatN`) where that changes no observable
// order, and left as separate `.`s where it would: undefined variables, arrays
// converted with a warning, calls with side effects, in every position.

function f($tag) { echo "[f $tag]"; return "F$tag"; }
function arr() { echo "[arr]"; return [1]; }

$i = 7;
$fl = 1.5;
$t = true;
$n = null;
echo 'x' . $i . ',', "\n";
echo f(1) . ' ' . $i, "\n";
echo 'a' . f(2) . $i . 'b' . $fl . $t . $n . 'c', "\n";
echo $i . '-' . $i . '-' . $i, "\n";
echo ('p' . 'q') . $i . ('r' . 's'), "\n";
echo 'x' . ($i . 'y' . $i) . 'z', "\n";
echo 1.25 . ' ' . $i . ' ' . -3, "\n";

// Undefined variables and arrays: warnings in PHP's order.
echo 'u' . $undef1 . '-' . $undef2 . '.', "\n";
echo $undef3 . 'v' . $i, "\n";
$a = [1, 2];
echo 'arr:' . $a . ':' . $i, "\n";
echo $a . $undef4 . 'w', "\n";
echo arr() . ' ' . $undef5, "\n";
echo $a . ' ' . $undef6 . f(3), "\n";
echo f(4) . f(5) . f(6), "\n";
echo 'k' . f(7) . $undef7 . f(8), "\n";

// Into variables, including the variable being built.
$s = 'start';
$s = '<' . $s . '>' . $i;
echo $s, "\n";
for ($k = 0; $k < 5; $k++) {
    $s .= 'x' . $k . ',';
    $line = f("L$k") . ' ' . $k;
    echo $line, "|";
}
echo "\n", $s, "\n";
