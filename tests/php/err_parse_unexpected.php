<?php
// Parse error: unexpected token
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
echo "start";
$x = 5 + * 3;
