<?php
// json_encode of scalars, lists vs maps, empty arrays
$vals = [0, -5, 1.5, "s", "", true, false, null, [], [1, 2, 3], [1 => 'a', 2 => 'b'], [0 => 'a', 1 => 'b'], ["a" => 1], [3 => 'x'], ["0" => "zero"], [[]], [[], ["k" => []]]];
foreach ($vals as $v) {
    echo json_encode($v), "\n";
}
$a = [1, 2, 3];
unset($a[1]);
echo json_encode($a), "\n";
echo json_encode(array_values($a)), "\n";
echo json_encode("quote\" back\\ slash/ tab\t nl\n cr\r bs\x08 ff\x0c ctl\x01"), "\n";
echo json_encode(PHP_INT_MAX), "\n";
echo json_encode("123"), " ", json_encode("12.0"), "\n";
echo json_encode("123", JSON_NUMERIC_CHECK), " ", json_encode(["1.5", "1e2", "x"], JSON_NUMERIC_CHECK), "\n";
