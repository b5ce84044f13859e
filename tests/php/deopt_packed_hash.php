<?php
function total($a, $n) { $s = 0; for ($i = 0; $i < $n; $i++) { $s += $a[$i % 4]; } return $s; }
function bump(&$a, $n) { for ($i = 0; $i < $n; $i++) { $a[$i % 4] += 1; } }
$a = [1, 2, 3, 4];
for ($r = 0; $r < 50; $r++) { echo total($a, 100), " "; bump($a, 8); }
echo "\n";
$a["k"] = 5; unset($a[0]);
for ($r = 0; $r < 3; $r++) { echo @total($a, 10), " "; }
$b = [3 => 1, 1 => 2, 0 => 3, 2 => 4];
echo total($b, 40), "\n";
