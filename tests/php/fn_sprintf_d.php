<?php
// sprintf %d with widths, signs, padding and coercions
$vals = [0, 1, -1, 42, -42, 123456, PHP_INT_MAX, PHP_INT_MIN, 3.99, -3.99, "17abc", true, false, null, "0x1A", " 12"];
foreach ($vals as $v) {
    echo sprintf("[%d] [%5d] [%-5d] [%05d] [%+d] [%+05d]", $v, $v, $v, $v, $v, $v), "\n";
}
echo sprintf("[%'*8d] [%'#-8d]", 77, -77), "\n";
echo sprintf("[%3d]", 123456), "\n";
echo sprintf("%d%%", 50), "\n";
echo sprintf("[%d] [%d]", "1e3", "  -8 "), "\n";
echo sprintf("[%-+6d]", 9), "\n";
