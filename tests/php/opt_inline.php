<?php
// Small callees the optimizing tier inlines, next to the surprises that must take
// the real call: defaults, type changes, overflow, strings, undefined results.
function add3($a, $b, $c) { return $a + $b + $c; }
function mix($a, $b, $c, $d = 1) { return ($a * $b + $c * $d) & 0xFFFFF; }
function pick($flag, $x, $y) { return $flag ? $x : $y; }
function sumto($n) { $s = 0; for ($i = 1; $i <= $n; $i++) { $s += $i; } return $s; }
function half($x) { return $x / 2; }
function nothing($x) { $y = $x; }
function cmp($a, $b) { return $a < $b; }
function grow($x) { return $x * 1000003; }
$t = 0; $f = 0.0; $out = [];
for ($i = 0; $i < 3000; $i++) {
    $t = ($t + add3($i, 2, 3) + mix($i, 3, 5) + mix($i, 3, 5, 7) + pick($i % 2, 10, 20) + sumto($i % 7)) % 1000003;
    $f += half($i);
    if ($i == 2500) { $t += add3(0.5, 1, 1); }
    if ($i % 1000 == 999) {
        $out[] = var_export(nothing($i), true);
        $out[] = var_export(cmp($i, 1500), true);
        $out[] = add3("1", "2", 3);
        $out[] = grow(PHP_INT_MAX >> 10);
        $out[] = half(7);
    }
}
echo $t, " ", $f, "\n", implode(" ", $out), "\n";
try { echo add3([], 1, 2); } catch (TypeError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
