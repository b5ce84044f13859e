<?php
// sprintf/printf formats: padding, precision, signs, positional args
$fmts = ["%d", "%5d", "%-5d|", "%05d", "%+d", "%x", "%X", "%o", "%b", "%c", "%e", "%.2e", "%f", "%.0f", "%.3f", "%10.2f", "%-10.2f|", "%s", "%10s", "%-10s|", "%'.10s", "%u", "%%", "%5.1s|"];
foreach ($fmts as $f) {
    printf("%-10s => [%s]\n", $f, sprintf($f, 42.567));
}
printf("[%s] [%d] [%.1f]\n", "7 items", "7 items" === "x" ? 0 : 7, "3.14");
printf("[%1\$s %2\$s %1\$s]\n", "a", "b");
printf("[%u]\n", -1);
printf("[%d] [%d]\n", PHP_INT_MAX, 3.99);
printf("[%.15f] [%.20f]\n", 0.1, 1/3);
printf("[%g] [%g] [%G]\n", 0.00001234, 123456789.0, 1e-10);
echo sprintf("%06.2f|%-8s|%08.3e", -1.5, "ab", 1234.5), "\n";
echo number_format(1234567.891, 2), " ", number_format(0.5), " ", number_format(-1234.567, 1, ',', '.'), "\n";
