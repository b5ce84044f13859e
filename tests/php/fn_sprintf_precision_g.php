<?php
// %g/%G boundaries between fixed and exponent notation, precisions 0..17
foreach ([1, 2, 4, 6, 10, 15, 17] as $p) {
    echo $p, ": ", sprintf("%.{$p}g | %.{$p}G | %.{$p}e | %.{$p}f", 123.456, 0.000012345, 1/3, 2/3), "\n";
}
foreach ([1e-4, 1e-5, 99999, 999999, 1e6, 1234567, 0.1, 100] as $v) {
    echo sprintf("%g %G %.0g %.1g", $v, $v, $v, $v), "\n";
}
echo sprintf("%g", 0), " ", sprintf("%g", -0.0), " ", sprintf("%G", 1e300), "\n";
echo sprintf("%.3g|%10.3g|%-10.3g|", 3.14159, 3.14159, 3.14159), "\n";
