<?php
// Loops whose test the optimizing tier copies into the loop's entry (so that LLVM
// sees a loop and hoists loads out of it): the copied test meets operands it did
// not expect and overflows, and array loops meet arrays that change
// representation, type and owner between and during iterations.

// A two-op test ($i * $i <= $n) entered with an int, then a float, a numeric
// string and null bound, and with a start that makes the product overflow.
function squares($from, $n) {
    $c = 0;
    for ($i = $from; $i * $i <= $n; $i++) {
        $c++;
    }
    return [$c, $i];
}
for ($r = 0; $r < 3; $r++) {
    var_dump(squares(1, 1000 + $r));
}
var_dump(squares(1, 50.5));
var_dump(squares(1, "64"));
var_dump(squares(1, null));
var_dump(squares(3037000499, PHP_INT_MAX));
var_dump(squares(0.5, 10));

// A one-op test ($i < $n) whose counter overflows to a float inside the loop.
function near_max($i, $n) {
    $c = 0;
    for (; $i < $n; $i++) {
        $c++;
        if ($c > 6) {
            break;
        }
    }
    return [$c, $i];
}
var_dump(near_max(0, 3));
var_dump(near_max(PHP_INT_MAX - 3, PHP_INT_MAX));
var_dump(near_max(PHP_INT_MAX - 2, 1.0e19));

// `while ($x)`: the test is a truthiness jump, entered with ints, bools, a
// float and a string.
function count_down($x) {
    $steps = 0;
    while ($x) {
        $steps++;
        $x = is_int($x) ? $x - 1 : false;
    }
    return $steps;
}
foreach ([5, 0, true, false, 2.5, "3", "0", ""] as $v) {
    echo count_down($v), " ";
}
echo "\n";

// Array loops: packed ints, then floats, mixed, a hash, a string.
function total($a, $n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        $s += $a[$i];
    }
    return $s;
}
var_dump(total([1, 2, 3, 4], 4));
var_dump(total([1.5, 2.5, 3.0], 3));
var_dump(total([1, 2.5, "3", true], 4));
var_dump(total([3 => 4, 0 => 1, 1 => 2, 2 => 3], 4));
var_dump(total(["a" => 1, 0 => 5], 1));
var_dump(total("12345", 3));
var_dump(total([PHP_INT_MAX, 1, 1], 3));

// In-place updates in a loop: a shared array is separated on the first
// write (the caller's copy is unchanged), an element overflows to a float in the
// middle, and an element is unset so the array stops being packed.
function bump(&$row, $n, $by) {
    for ($j = 0; $j < $n; $j++) {
        $row[$j] += $by;
        if ($j == 2 && $by == 7) {
            unset($row[4]);
        }
    }
}
$base = [1, 2, 3, 4, 5, 6];
$copy = $base;
bump($copy, 6, 10);
echo implode(",", $base), " | ", implode(",", $copy), "\n";
$big = [0, PHP_INT_MAX - 5, 0, 0];
bump($big, 4, 3);
var_dump($big);
$holey = [1, 2, 3, 4, 5, 6];
bump($holey, 6, 7);
var_dump($holey);

// Nested loops over a matrix whose rows change type between calls.
function mat_sum($m, $n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        $row = $m[$i];
        for ($j = 0; $j < $n; $j++) {
            $s += $row[$j] * ($i + 1);
        }
    }
    return $s;
}
$m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
for ($r = 0; $r < 3; $r++) {
    echo mat_sum($m, 3), " ";
}
$m[1] = [0.5, 1.5, 2.5];
echo mat_sum($m, 3), " ";
$m[2] = "123";
echo @mat_sum($m, 3), "\n";

// A loop in the script body, long enough to be entered through OSR.
$acc = 0;
$limit = 20000;
for ($k = 0; $k * 2 < $limit; $k++) {
    $acc = ($acc + $k * 7) % 1000003;
}
echo "acc: $acc k: $k\n";
