<?php
// Interpolation of undefined vars and keys emits warnings but continues
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
$a = ['x' => 1];
echo "start\n";
echo "missing key: [$a[y]]\n";
echo "missing var: [$nope]\n";
$arr = [1, 2];
echo "array: $arr\n";
echo "done\n";
