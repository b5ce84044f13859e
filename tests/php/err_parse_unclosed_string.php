<?php
// Parse error: unexpected end of file inside a function call
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
echo "start\n";
echo strlen("abc";
