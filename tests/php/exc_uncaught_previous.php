<?php
// Uncaught exception with a previous exception prints both (Next ...)
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
echo "start\n";
try {
    throw new InvalidArgumentException("root cause");
} catch (Exception $e) {
    echo "wrapping\n";
    throw new RuntimeException("wrapper", 5, $e);
}
