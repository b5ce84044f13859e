<?php
// is_nan/is_infinite/is_finite across computations
$vals = [0.0, 1.0, NAN, INF, -INF, sqrt(-1), log(0), 1e308 * 10, -1e308 * 10, INF - INF, fdiv(1, 0), fdiv(-1, 0), fdiv(0, 0), acos(2), PHP_FLOAT_MAX, PHP_FLOAT_MIN, PHP_FLOAT_EPSILON];
foreach ($vals as $i => $v) {
    echo $i, ": ", var_export($v, true), " nan=", var_export(is_nan($v), true), " inf=", var_export(is_infinite($v), true), " fin=", var_export(is_finite($v), true), "\n";
}
var_dump(is_nan(1), is_infinite(PHP_INT_MAX));
try {
    is_nan("x");
} catch (TypeError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
