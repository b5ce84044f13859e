<?php
// exit from inside nested calls and loops, with buffered output flushed
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
function work($n) {
    ob_start();
    echo "buffered $n\n";
    if ($n == 2) exit(4);
    ob_end_flush();
}
for ($i = 0; $i < 5; $i++) { echo "iteration $i\n"; work($i); }
