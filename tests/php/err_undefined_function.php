<?php
// Calling an undefined function is a fatal Error
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
function defined_one() { return "defined"; }
echo defined_one(), "\n";
echo "calling missing\n";
$r = not_defined_anywhere(1, 2);
echo "never\n";
