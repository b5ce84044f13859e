<?php
// sprintf coercing each argument type through each conversion
$args = [42, -3.75, "12abc", "abc", true, false, null, "0x1F", "1e3", PHP_INT_MAX];
foreach ($args as $a) {
    echo json_encode($a), " => ", sprintf("%d|%s|%.2f|%x|%b|%o|%e|%u|%c", $a, $a, $a, $a, $a, $a, $a, $a, $a === null ? 32 : (is_numeric($a) ? 65 : 66)), "\n";
}
try {
    echo sprintf("%d", [1]), "\n";
} catch (Throwable $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
