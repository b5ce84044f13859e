<?php
// Loop edge cases: modifying loop variable, loops over range with float step, empty bodies
for ($i = 0; $i < 10; $i++) { if ($i % 3 == 0) $i++; echo $i, " "; }
echo "\n";
foreach (range(0, 1, 0.25) as $f) echo $f, " ";
echo "\n";
foreach (range('a', 'e') as $c) echo $c;
echo "\n";
foreach (range(5, 1, 2) as $n) echo $n;
echo "\n";
for ($i = 0; $i < 5; $i++);
echo "i after empty for: $i\n";
$i = 0;
while ($i++ < 5);
echo "i after empty while: $i\n";
$arr = [1, 2, 3];
foreach ($arr as $k => $v) { $arr[$k] = $v * 2; }
print_r($arr);
$x = 0;
do echo $x++; while ($x < 3);
echo "\n";
$matrix = [];
for ($r = 0; $r < 3; $r++) for ($c = 0; $c < 3; $c++) $matrix[$r][$c] = $r == $c ? 1 : 0;
foreach ($matrix as $row) echo implode(" ", $row), "\n";
$total = 0;
foreach ([1, 2, 3] as $a) foreach ([10, 20] as $b) $total += $a * $b;
echo "total=$total\n";
$keys = [];
foreach (['x' => 1, 'y' => 2] as $keys[] => $val);
print_r($keys);
