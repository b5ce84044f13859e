<?php
// Uncaught UnhandledMatchError at top level
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
$values = [1, 2, 3];
foreach ($values as $v) {
    echo match ($v) { 1 => "one", 2 => "two", 3 => "three" }, "\n";
}
$x = "four";
echo match ($x) { "one" => 1, "two" => 2 };
echo "unreachable\n";
