<?php
// exit("msg") prints the message and exits with status 0
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
echo "before\n";
function stop($why) { exit("stopped: $why\n"); }
stop("requested");
echo "never\n";
