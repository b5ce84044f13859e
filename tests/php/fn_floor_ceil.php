<?php
// floor/ceil always return float, incl. negatives and ints
foreach ([1, -1, 1.5, -1.5, 2.0, -0.5, 0.5, "3.7", PHP_INT_MAX, 1e20, -0.0] as $v) {
    echo json_encode($v), ": ";
    var_dump(floor($v), ceil($v));
}
echo floor(5) . " " . ceil(-5.5), "\n";
var_dump(floor(-0.5));
try {
    floor("x");
} catch (TypeError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
