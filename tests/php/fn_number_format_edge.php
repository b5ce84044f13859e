<?php
// number_format rounding behaviour, negative zero and large values
foreach ([0.5, 1.5, 2.5, -0.5, -1.5, 0.05, 0.15, 0.25, 0.35, 1.005, 1.045, -0.004, 99.995] as $v) {
    echo $v, " => ", number_format($v), " ", number_format($v, 1), " ", number_format($v, 2), "\n";
}
echo number_format(PHP_INT_MAX), "\n";
echo number_format(1e20, 2), "\n";
echo number_format(-1234567.891, 2, ',', ' '), "\n";
echo number_format(0.000001, 8), "\n";
echo number_format(123, 2, '.', ''), "\n";
echo number_format("1234.5"), "\n";
