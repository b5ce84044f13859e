<?php
// exit inside try does not run finally blocks; exit code 7
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
try {
    echo "in try\n";
    exit(7);
} finally {
    echo "finally (php skips this on exit)\n";
}
