<?php
// exit(3) sets the exit status; output before it is kept
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
echo "working\n";
for ($i = 0; $i < 3; $i++) {
    echo "step $i\n";
    if ($i == 1) exit(3);
}
echo "never\n";
