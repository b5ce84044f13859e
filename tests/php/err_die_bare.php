<?php
// Bare die; and exit; with status 0
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
echo "output then bare die\n";
if (true) {
    die;
}
echo "never\n";
