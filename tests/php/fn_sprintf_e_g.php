<?php
// sprintf %e %E %g %G conversions with precision
$vals = [0, 1, 1.5, -1.5, 123456.789, 0.000123456, 1e100, -1e-100, 1e15, 1e16, 100000, 1000000, 0.0001, 0.00001];
foreach ($vals as $v) {
    echo sprintf("%e | %E | %.2e | %g | %G | %.3g | %12.3e", $v, $v, $v, $v, $v, $v, $v), "\n";
}
echo sprintf("%.0e", 12345), "\n";
echo sprintf("%.10g", 1/3), "\n";
echo sprintf("%g", 1e-5), "\n";
echo sprintf("%G", 1.5e-7), "\n";
