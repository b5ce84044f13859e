<?php
// Undefined array key warnings for int and string keys, and in nested reads
$a = ['one' => 1, 2 => 'two'];
echo "start\n";
echo $a['one'], "\n";
echo $a['three'], "|\n";
echo $a[5], "|\n";
echo $a["2"], "\n";
echo $a["02"], "|\n";
$n = $a['x'] ?? 'no warning';
echo $n, "\n";
$sum = 0;
for ($i = 0; $i < 4; $i++) { $sum += strlen($a[$i] ?? ""); }
echo "sum=$sum\n";
$b = [[1]];
echo $b[0][1], "|\n";
$total = $a['missing'] + 1;
var_dump($total);
$a['one']++;
$a['new']++;
var_dump($a);
echo "end\n";
