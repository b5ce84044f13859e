<?php
// Element ops with string keys in hot loops: the optimizing tier's keyed fast
// paths (vm/dim_fast_keyed.rs) and every case they hand back to the generic op.

function reads($a, $keys) {
    $hits = 0; $nulls = 0; $sum = 0; $seen = '';
    foreach ($keys as $k) {
        if (isset($a[$k])) $hits++;
        $v = $a[$k] ?? null;
        if ($v === null) $nulls++;
        if (array_key_exists($k, $a)) $sum += is_int($a[$k]) ? $a[$k] : strlen((string) $a[$k]);
        $seen .= gettype($v)[0];
    }
    return "$hits $nulls $sum $seen";
}

function counts($words) {
    $c = [];
    foreach ($words as $w) {
        if (isset($c[$w])) $c[$w]++;
        else $c[$w] = 1;
    }
    return $c;
}

function writes($keys, $vals) {
    $a = [];
    foreach ($keys as $i => $k) $a[$k] = $vals[$i % count($vals)];
    return $a;
}

function bumps(&$a, $keys) {
    foreach ($keys as $k) $a[$k] += 2;
}

function appends($keys) {
    $a = [];
    foreach ($keys as $i => $k) { $a[$k][] = $i; $a[$k . 's'] = ($a[$k . 's'] ?? '') . $i; }
    return $a;
}

function drops($a, $keys) {
    foreach ($keys as $k) unset($a[$k]);
    return $a;
}

$keys = [];
for ($i = 0; $i < 40; $i++) $keys[] = "k" . ($i % 13);
$base = ['k1' => 1, 'k2' => 'two', 'k3' => null, 'k4' => 4.5, 'k5' => [5], '7' => 'seven', 'k6' => false];
$mixed = array_merge($keys, ['7', 7, '07', '-0', '-7', '']);
for ($r = 0; $r < 3; $r++) echo reads($base, $mixed), "\n";

$words = [];
for ($i = 0; $i < 300; $i++) $words[] = ['ka', 'lo', 'mi', '12', '-3', '012'][$i * 7 % 6] . ($i % 4 ? 'x' : '');
$c = counts($words);
ksort($c);
var_dump($c);

// New keys, numeric strings turning into int keys (and moving the next free key).
$w = writes(array_merge($keys, ['5', '9', 'z']), [1, 'str', 2.5, null, [1, 2]]);
$w[] = 'next';
var_dump(count($w), array_key_last($w), $w['k0'], $w['k12'], $w[9], $w[10]);

// Shared arrays are copied first; a reference element is written through.
$orig = ['k1' => 10, 'k2' => 20];
$copy = $orig;
$x = 100;
$orig['k3'] = &$x;
for ($r = 0; $r < 30; $r++) bumps($orig, ['k1', 'k2', 'k3']);
var_dump($copy, $orig, $x);

// A missing element in a read-modify-write warns and starts from null.
$m = ['a' => 1];
for ($r = 0; $r < 3; $r++) bumps($m, ['a', 'b' . $r]);
var_dump($m);

// Nested appends vivify missing elements; a string built across iterations.
$ap = appends(array_slice($keys, 0, 20));
var_dump(count($ap), $ap['k0'], $ap['k0s'], $ap['k7']);

// Unset present, missing and numeric-string keys; the caller's array is untouched.
$d = drops($base, array_merge($keys, ['7', 'nope']));
var_dump($d, count($base));

// The array assigned into itself keeps its old value; the assignment's result.
function self_store($k) {
    $a = ['x' => 1];
    for ($i = 0; $i < 3; $i++) $a[$k . $i] = $a;
    $r = $a['y'] = 'y';
    return [count($a), count($a[$k . '2']), $r];
}
for ($r = 0; $r < 3; $r++) var_dump(self_store('s'));

// Bases that are not arrays, keys that are not strings or ints.
function odd($b, $k) {
    $r = [isset($b[$k]), $b[$k] ?? 'dflt'];
    return $r;
}
foreach ([['abc', '1'], ['abc', 'x'], [null, 'k'], [['a' => 1], 1.0], [['' => 'empty'], null], [[1 => 'one'], true]] as [$b, $k]) {
    for ($r = 0; $r < 2; $r++) var_dump(odd($b, $k));
}
function missing_read($a, $k) { return $a[$k]; }
for ($r = 0; $r < 3; $r++) var_dump(missing_read(['a' => 1], $r ? 'a' : 'zz'));
$s = 'str';
try {
    unset($s['x']);
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
