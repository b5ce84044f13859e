<?php
// floats nested in arrays through print_r/var_export/json_encode/var_dump
$a = [0.1 + 0.2, 1.0, -0.0, 1e100, 0.5, 'k' => 1/3, 'n' => [2.5, 1e-7]];
print_r($a);
echo "\n";
var_export($a);
echo "\n";
echo json_encode($a), "\n";
echo json_encode([1.0, 2.0, 0.0]), "\n";
echo json_encode([1.0], JSON_PRESERVE_ZERO_FRACTION), "\n";
echo json_encode(10.0 / 4, JSON_PRESERVE_ZERO_FRACTION), "\n";
var_dump($a);
echo serialize($a), "\n";
echo implode(",", [1.0, 0.1 + 0.2, 1e25, -1.5]), "\n";
