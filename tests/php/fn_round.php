<?php
// round with precision, negative precision, half modes
foreach ([0.5, 1.5, 2.5, -0.5, -1.5, 1.45, 1.55, 1.005, 2.675, 1234.5678, -1234.5678] as $v) {
    echo $v, ": ", json_encode([round($v), round($v, 1), round($v, 2), round($v, -1), round($v, -2)]), "\n";
}
var_dump(round(5), round(5.0), round("3.7"), round(1e20), round(-0.4));
var_dump(round(1234567, -3), round(PHP_INT_MAX, -5));
foreach ([PHP_ROUND_HALF_UP, PHP_ROUND_HALF_DOWN, PHP_ROUND_HALF_EVEN, PHP_ROUND_HALF_ODD] as $m) {
    echo $m, ": ", json_encode([round(2.5, 0, $m), round(-2.5, 0, $m), round(3.5, 0, $m), round(1.25, 1, $m)]), "\n";
}
var_dump(round(0.1 + 0.2, 15), round(0.285, 2), round(1.955, 2));
