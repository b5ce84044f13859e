<?php
// Array comparison: ==, ===, <, <=> on arrays of different sizes and key orders
$items = ['alpha' => 1, 'beta' => 2, 'gamma' => 3];
foreach ($items as $name => $n) {
    echo str_pad($name, 6), str_repeat('*', $n), "\n";
}
$total = array_sum($items);
echo "total: $total\n";
$a = [1, 2, 3]; $b = [1, 2, 3]; $c = [3 => 1]; $d = ['x' => 1, 'y' => 2]; $e = ['y' => 2, 'x' => 1];
var_dump($a == $b, $a === $b, $d == $e, $d === $e, $d <=> $e);
var_dump([1, 2] < [1, 3], [1, 2] <=> [1, 2, 3], [5] <=> [1, 1], ['a' => 1] <=> ['b' => 1]);
var_dump(['a' => 1] == ['b' => 1], ['a' => 1] < ['b' => 1], ['a' => 1] > ['b' => 1]);
var_dump([0] == [false], [0] === [false], ["1"] == [1], [null] == [], [[]] == [[]]);
var_dump([] == [], [] < [0], [1, 2] == [1 => 2, 0 => 1], [1, 2] === [1 => 2, 0 => 1]);
var_dump(max([1, 2], [1, 3]), min([[0, 9], [1]]));
