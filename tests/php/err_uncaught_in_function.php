<?php
// Uncaught TypeError from a user function with typed parameter
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
function square(int $n): int { return $n * $n; }
echo square(4), "\n";
echo square("5"), "\n";
echo square("five"), "\n";
echo "never\n";
