<?php
// Uncaught exception at top level prints Fatal error with stack trace, exit 255
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
echo "line one\n";
$x = 10;
echo "x = $x\n";
throw new RuntimeException("something broke", 42);
echo "never\n";
