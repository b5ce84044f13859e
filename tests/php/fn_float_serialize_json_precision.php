<?php
// serialize and json_encode use shortest round-trip representation
$vals = [0.1, 1/3, M_PI, 1e15, 1e16, 1e21, 1e-7, 5e-324, 2.2250738585072014e-308, 4.35, 0.1 * 3, 100.0, 1.5, -2.0];
foreach ($vals as $v) {
    $s = serialize($v);
    $j = json_encode($v);
    echo $s, " ", $j, " ", var_export(unserialize($s) === $v, true), " ", var_export(json_decode($j, true) == $v, true), "\n";
}
echo json_encode([0.1, 0.2, 0.1 + 0.2]), "\n";
var_dump(serialize(0.1 + 0.2));
var_dump(json_encode(1/3));
