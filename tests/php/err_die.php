<?php
// die without args, and die in an expression with or
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
echo "a\n";
$ok = false;
$ok or die("die message\n");
echo "never\n";
