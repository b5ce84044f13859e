<?php
// Element reads in optimized code have no rejoining helper call: a destination
// holding a counted value is released after the element is taken (even when it
// is the array itself), and anything else leaves for the tier below — an index
// out of range (warning), a hash array, a destination that is a reference.
function strings($a, $n) {
    $s = '';
    $len = 0;
    for ($i = 0; $i < $n; $i++) {
        $s = $a[$i % 3];
        $len += strlen($s);
    }
    return "$len $s";
}
$a = [str_repeat('x', 3), str_repeat('y', 5), str_repeat('z', 7)];
echo strings($a, 3000), "\n";
function unwrap($n) {
    $total = 0;
    for ($i = 0; $i < $n; $i++) {
        $x = [[[$i, 1], 2], 3];
        $x = $x[0];
        $x = $x[0];
        $total += $x[0] + $x[1];
    }
    return $total;
}
echo unwrap(2000), "\n";
function sum_to($a, $n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        $s += $a[$i] ?? 0;
        $s += $a[$i];
    }
    return $s;
}
echo sum_to([1, 2, 3, 4, 5], 5), "\n";
$big = range(1, 500);
echo sum_to($big, 500), "\n";
echo sum_to($big, 502), "\n";
$h = ['a' => 1, 0 => 2, 1 => 3, 2 => 4];
echo sum_to($h, 3), "\n";
function into_ref($a, $n) {
    $x = 0;
    $r = &$x;
    $t = 0;
    for ($i = 0; $i < $n; $i++) {
        $x = $a[$i];
        $t += $r;
    }
    return $t;
}
echo into_ref(range(1, 1000), 1000), "\n";
function heap_like(array &$a, $n) {
    $c = 0;
    for ($i = 1; $i < $n; $i++) {
        if ($a[$i - 1] > $a[$i]) { $t = $a[$i]; $a[$i] = $a[$i - 1]; $a[$i - 1] = $t; $c++; }
    }
    return $c;
}
$v = [];
for ($i = 0; $i < 2000; $i++) $v[] = ($i * 7919) % 1000;
echo heap_like($v, 2000), " ", $v[1999], "\n";
