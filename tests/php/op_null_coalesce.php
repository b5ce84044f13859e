<?php
// ??, ??= and ?: operators
$a = ['x' => null, 'y' => 0, 'z' => ['deep' => 'v']];
var_dump($a['x'] ?? 'default');
var_dump($a['y'] ?? 'default');
var_dump($a['missing'] ?? 'default');
var_dump($a['z']['deep'] ?? 'd');
var_dump($a['z']['nope']['more'] ?? 'd2');
var_dump($undefined ?? 'undef');
var_dump(null ?? false ?? 1);
var_dump(null ?? null ?? 'third');
var_dump($a['y'] ?: 'elvis');
var_dump('' ?: 0 ?: 'last');
var_dump('val' ?: 'no');
$b = [];
$b['k'] ??= 'set';
$b['k'] ??= 'not set again';
var_dump($b);
$n = null;
$n ??= 42;
var_dump($n);
$calls = 0;
function side() { global $calls; $calls++; return 'side'; }
$c = 'present';
$c ??= side();
var_dump($c, $calls);
$m = [];
$m['a']['b'] ??= 'nested';
print_r($m);
$s = "str";
var_dump($s[10] ?? 'no offset');
$i = 5;
var_dump($i['x'] ?? 'int idx');
