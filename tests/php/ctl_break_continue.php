<?php
// break/continue with levels in nested loops
for ($i = 0; $i < 4; $i++) {
    for ($j = 0; $j < 4; $j++) {
        if ($j == 2) continue 2;
        if ($i == 3) break 2;
        echo "($i,$j)";
    }
    echo "never";
}
echo "\n";
$i = 0;
while (true) {
    $i++;
    foreach ([1, 2, 3] as $v) {
        if ($v == 2 && $i < 3) continue 2;
        if ($i >= 3) break 2;
    }
}
echo "i=$i\n";
for ($a = 0; $a < 3; $a++) {
    switch ($a) {
        case 0: echo "zero "; continue 2;
        case 1: echo "one "; break;
        default: echo "other "; break 2;
    }
    echo "after-switch($a) ";
}
echo "\n";
$found = null;
foreach ([[1, 2], [3, 4], [5, 6]] as $r => $row) {
    foreach ($row as $c => $val) {
        if ($val == 4) { $found = [$r, $c]; break 2; }
    }
}
print_r($found);
$n = 0;
do { $n++; if ($n < 3) continue; break; } while (true);
echo "n=$n\n";
