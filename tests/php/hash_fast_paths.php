<?php
// String- and int-keyed reads and writes on hash arrays through the fast paths:
// numeric strings normalised to int keys ("5" is 5, "05" and "-0" are not), keys
// shared with the variable that supplied them (changing the variable later must not
// change the key), references inside elements, misses (warnings), isset and ??.
function lookups($a, $keys) {
    $out = [];
    foreach ($keys as $k) {
        $out[] = var_export($a[$k] ?? 'none', true);
    }
    return implode(' ', $out);
}
$x = 10;
$h = ['a' => 1, '5' => 'five', '05' => 'oh-five', '-3' => 'minus', '-0' => 'mzero', 7 => 'seven'];
$h['r'] = &$x;
for ($round = 0; $round < 3; $round++) {
    echo lookups($h, ['a', 5, '5', '05', -3, '-3', '-0', 7, '7', 'r', 'missing', 6]), "\n";
    $x++;
    echo $h['a'], ' ', $h[5], ' ', $h['7'], ' ', $h['r'], "\n";
    echo @$h['nope'] === null ? 'null' : 'set', "\n";
}
echo $h['absent'] ?? 'default', "\n";
echo $h['absent2'], "|\n";

// Keys shared with the string that supplied them.
$t = [];
for ($i = 0; $i < 5; $i++) {
    $k = 'key' . $i;
    $t[$k] = $i;
    $k .= '-changed';
    $t[$k] = -$i;
    $w = 'w' . ($i % 2);
    if (isset($t[$w])) $t[$w]++; else $t[$w] = 100;
}
var_dump($t);
$keys = array_keys($t);
$sum = 0;
foreach ($keys as $kk) $sum += $t[$kk];
echo $sum, "\n";
unset($t['key0'], $t['w1']);
echo implode(',', array_keys($t)), "\n";
$t['key0'] = 'back';
echo implode(',', array_keys($t)), ' ', $t['key0'], "\n";
// A packed array read with string and int keys, and a string read by offset.
$p = [10, 20, 30];
echo $p['1'], ' ', $p[2], ' ', $p['01'] ?? 'no', ' ', 'abc'['1'] ?? '?', "\n";
