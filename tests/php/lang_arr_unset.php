<?php
// unset of elements then append; holes; re-indexing
$a = [0, 1, 2, 3, 4];
unset($a[1], $a[3]);
var_dump($a);
$a[] = 'appended';
print_r($a);
unset($a[4]);
$a[] = 'again';
print_r($a);
print_r(array_values($a));
unset($a['nonexistent']);
unset($nonexistentVar);
unset($nonexistentVar['x']);
echo count($a), "\n";
$b = ['x' => 1, 'y' => 2];
unset($b['x']);
$b['x'] = 'back';
print_r($b);
$c = [1, 2, 3];
foreach ($c as $i => $v) { if ($v == 2) unset($c[$i]); }
var_dump(array_key_exists(1, $c), count($c));
$nested = ['a' => ['b' => 1, 'c' => 2]];
unset($nested['a']['b']);
print_r($nested);
$e = [1];
unset($e[0]);
$e[] = 'new';
print_r($e);
$e = array_values([]);
$e[] = 'fresh';
print_r($e);
