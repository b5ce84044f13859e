<?php
// Curly-brace string offset syntax $s{0} is a parse error in PHP 8
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
echo "before\n";
$s = "abc";
echo $s{0};
