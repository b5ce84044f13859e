<?php
// Array to string conversion warnings
$arr = [1, 2, 3];
echo "start\n";
echo $arr, "\n";
$s = "value: " . $arr;
var_dump($s);
$i = "$arr[0] and $arr";
var_dump($i);
echo implode(",", [[1], 2]), "\n";
var_dump((string)[]);
print_r([$arr]);
echo "\n";
var_dump(strval([1]) === "Array");
echo "end\n";
