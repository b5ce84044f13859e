<?php
// Array fast paths of the optimized tier next to the cases they must leave alone:
// copy-on-write, references inside arrays, appends, odd keys, string offsets.
function fill($n) {
    $a = [];
    for ($i = 0; $i < $n; $i++) { $a[] = $i * 2; }
    for ($i = 0; $i < $n; $i++) { $a[$i] = $a[$i] + 1; }
    return $a;
}
function cow($a) {
    $b = $a;
    for ($i = 0; $i < count($b); $i++) { $b[$i] = -$b[$i]; }
    return [$a[1], $b[1]];
}
function refs() {
    $x = 10;
    $a = [1, 2, 3];
    $a[1] = &$x;
    for ($i = 0; $i < 3; $i++) { $a[$i] = $a[$i] + 100; }
    return [$x, $a[0], $a[1], $a[2]];
}
function odd_keys() {
    $a = [1, 2, 3];
    $a[PHP_INT_MIN] = 'min';
    $a[] = 'next';
    $a[5] = 'gap';
    $a[-1] = 'neg';
    return $a;
}
function strings() {
    $s = "abcdef";
    for ($i = 0; $i < 3; $i++) { $s[$i] = strtoupper($s[$i]); }
    return $s;
}
function nested($n) {
    $m = [[0, 0], [0, 0]];
    for ($i = 0; $i < $n; $i++) { $m[$i % 2][$i % 2] += $i; $m[1][0] = $m[0][0]; }
    return $m;
}
for ($r = 0; $r < 3; $r++) {
    echo implode(",", fill(6)), "\n";
    echo implode(",", cow([1, 2, 3])), "\n";
    echo implode(",", refs()), "\n";
    var_dump(odd_keys());
    echo strings(), "\n";
    echo json_encode(nested(50)), "\n";
}
