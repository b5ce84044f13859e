<?php
// sprintf %x %X %o %b with negatives and padding
$vals = [0, 1, 10, 255, 4096, -1, -255, PHP_INT_MAX, PHP_INT_MIN, 3.7];
foreach ($vals as $v) {
    echo sprintf("%x %X %o %b", $v, $v, $v, $v), "\n";
    echo sprintf("[%08x] [%-8X] [%'012o] [%016b]", $v, $v, $v, $v), "\n";
}
try {
    echo sprintf("%#x", 255), "\n";
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
echo sprintf("%b", "5"), "\n";
