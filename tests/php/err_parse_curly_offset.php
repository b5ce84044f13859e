<?php
// $a{0} curly offset syntax is a fatal compile error in PHP 8
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
$a = [1, 2];
echo "before\n";
echo $a{0};
