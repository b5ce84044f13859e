<?php
// building an aligned text table with sprintf/str_pad/number_format
$rows = [["Widget", 3, 4.5], ["Gadget extra long", 12, 19.999], ["Nut", 1000, 0.05], ["", 0, 0]];
$line = str_repeat("-", 40);
echo $line, "\n";
printf("%-20s|%6s|%12s\n", "Item", "Qty", "Price");
echo $line, "\n";
$total = 0;
foreach ($rows as [$name, $qty, $price]) {
    printf("%-20.20s|%6d|%12s\n", $name, $qty, number_format($price * $qty, 2));
    $total += $price * $qty;
}
echo $line, "\n";
printf("%-20s|%6s|%12s\n", "TOTAL", "", number_format($total, 2));
printf("%'=40s\n", "");
echo sprintf("%05.1f%%", 45.678), "\n";
echo sprintf("%08.3e", 1234.5), "\n";
