<?php
// number_format with decimals, separators, rounding and negatives
$vals = [0, 1234, 1234.5, 1234.5678, -1234.567, 0.5, 1.5, 2.5, -0.4, 1000000, 999.999, 0.129, 1e15];
foreach ($vals as $v) {
    echo number_format($v), " | ", number_format($v, 2), " | ", number_format($v, 2, ',', '.'), " | ", number_format($v, 3, '.', ' '), "\n";
}
echo number_format(1234.5678, 2, '', ''), "\n";
echo number_format(1234567.891, 2, '.', "'"), "\n";
echo number_format(1234.5, 0), "\n";
echo number_format(-0.5), "\n";
echo number_format(1234.5678, -2), "\n";
echo number_format(12345.6789, 2, 'DEC', 'THOU'), "\n";
var_dump(number_format(0.0, 1));
