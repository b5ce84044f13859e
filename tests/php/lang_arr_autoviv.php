<?php
// Nested auto-vivification of arrays
$m = [];
for ($i = 0; $i < 3; $i++)
    for ($j = 0; $j < 3; $j++)
        $m[$i][$j] = $i * $j;
print_r($m);
$tree = [];
$tree['a']['b']['c'] = 1;
$tree['a']['b']['d'] = 2;
$tree['a']['e'][] = 3;
$tree['a']['e'][] = 4;
echo json_encode($tree), "\n";
$n = null;
$n[] = 'from null';
var_dump($n);
$groups = [];
foreach ([['fruit', 'apple'], ['veg', 'kale'], ['fruit', 'pear']] as [$cat, $item]) $groups[$cat][] = $item;
print_r($groups);
$counts = [];
foreach (str_split("mississippi") as $ch) { $counts[$ch] ??= 0; $counts[$ch]++; }
print_r($counts);
$f = false;
$f[] = 'from false';
var_dump($f);
$s = "";
try { $s[] = 'x'; } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
$int = 5;
try { $int[0] = 1; } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump($int);
echo "end\n";
