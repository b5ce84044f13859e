<?php
// Parse error: missing semicolon
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
echo "this never prints\n";
$a = 1
$b = 2;
echo $a + $b;
