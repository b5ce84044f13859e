<?php
// sprintf with huge, tiny and special floats
$vals = [1e300, -1e300, 1e-300, 5e-324, 1.7976931348623157e308, INF, -INF, NAN, PHP_INT_MAX + 1, 0.1 + 0.2];
foreach ($vals as $v) {
    echo sprintf("%f|%e|%g|%d|%s", $v, $v, $v, $v, $v), "\n";
}
echo sprintf("%.3f", 1e20), "\n";
echo sprintf("%5.2f|%-8s|", INF, NAN), "\n";
echo sprintf("%.50f", 1e-40), "\n";
echo sprintf("%.2e", 9.999e99), "\n";
echo sprintf("%.1f", 0.05), " ", sprintf("%.1f", 0.15), " ", sprintf("%.1f", 0.25), "\n";
