<?php
// `$a[$k] op= $v` on packed arrays: the interpreter runs the three ops the emitter
// writes at once when the element and the value are ints or floats; everything else
// must behave as the generic ops do.
$a = [1, 2, 3, PHP_INT_MAX, 1.5, "7", null, [1]];
for ($i = 0; $i < 3; $i++) { $a[$i] += 10; $a[$i] -= 1; $a[$i] *= 2; }
var_dump($a[0], $a[1], $a[2]);
$a[3] += 1;            // int overflow: becomes a float
var_dump($a[3]);
$a[3] = PHP_INT_MIN;
$a[3] -= 1;
var_dump($a[3]);
$a[3] = PHP_INT_MAX;
$a[3] *= 2;
var_dump($a[3]);
$a[4] += 2;            // float element, int value
$a[4] *= 0.5;          // float value
$a[0] += 0.25;         // int element, float value
var_dump($a[4], $a[0]);
$a[5] += 1;            // numeric string element: generic path
$a[6] += 1;            // null element
var_dump($a[5], $a[6]);
$a[1] += "3";          // numeric string value
var_dump($a[1]);
// copy-on-write: the copy keeps its values
$b = $a;
$b[2] += 100;
var_dump($a[2], $b[2]);
// a missing key warns and writes
$c = [1, 2];
$c[5] += 3;
var_dump($c);
// a float or string key
$d = [10, 20, 30];
$d[1.0] += 1;
$d["2"] -= 5;
var_dump($d);
// negative key on a packed array
$e = [1, 2];
$e[-1] += 4;
var_dump($e);
// a reference element and a by-reference alias of the array
$f = [1, 2, 3];
$r = &$f[1];
$f[1] += 40;
var_dump($r);
$g = [1, 2, 3];
$h = &$g;
$h[0] *= 9;
var_dump($g[0]);
// the value is the element itself, read first
$m = [3, 4];
$m[0] *= $m[0];
$m[1] -= $m[1] + 1;
var_dump($m);
// an array operand fails as PHP fails
try {
    $n = [1];
    $n[0] += [2];
} catch (TypeError $t) {
    echo get_class($t), ": ", $t->getMessage(), "\n";
}
// in a hot loop, with a function frame
function accumulate($n) {
    $row = array_fill(0, 8, 0);
    $fl = array_fill(0, 8, 0.0);
    for ($i = 0; $i < $n; $i++) {
        $row[$i % 8] += $i;
        $row[($i + 3) % 8] -= 2;
        $fl[$i % 8] += $i / 3;
        $fl[$i % 8] *= 0.999;
    }
    return [$row, array_map(fn($x) => round($x, 6), $fl)];
}
var_dump(accumulate(1000));
