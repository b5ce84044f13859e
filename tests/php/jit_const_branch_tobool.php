<?php
// Branches on literal conditions (decided when translating) and `&&` / `||` results
// (ToBool: bools and ints inline, everything else through the generic op) inside
// loops hot enough for every tier.
function count_up($n) {
    $i = 0;
    while (true) {
        $i++;
        if ($i >= $n) break;
    }
    do { $i += 2; } while (false);
    while (0) { $i = -1; }
    if ("0") { $i = -2; }
    if ("a") { $i += 1; }
    return $i;
}
function mix($vals) {
    $t = 0; $f = 0;
    foreach ($vals as $a) {
        foreach ($vals as $b) {
            $x = $a && $b;
            $y = $a || $b;
            if ($x) $t++;
            if (!$y) $f++;
        }
    }
    return [$t, $f];
}
function ints($n) {
    $c = 0;
    for ($i = 0; $i < $n; $i++) {
        $ok = ($i % 3 == 0) && ($i % 5 != 0);
        $c += $ok ? 1 : 0;
        $z = $i && ($i - 1);
        if ($z) $c += 2;
    }
    return $c;
}
$vals = [0, 1, -1, 0.0, 0.5, "", "0", "a", null, [], [0], true, false];
for ($r = 0; $r < 40; $r++) {
    $a = count_up(10 + $r);
    [$t, $f] = mix($vals);
    $c = ints(50 + $r);
}
var_dump($a, $t, $f, $c);
