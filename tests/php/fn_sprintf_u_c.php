<?php
// sprintf %u (unsigned) and %c (char) and %%
$vals = [0, 1, 42, -1, -42, PHP_INT_MAX, PHP_INT_MIN];
foreach ($vals as $v) {
    echo sprintf("%u", $v), "\n";
}
echo sprintf("[%c%c%c]", 72, 105, 33), "\n";
echo sprintf("[%5c]", 65), "|\n";
echo bin2hex(sprintf("%c", 256 + 65)), "\n";
echo bin2hex(sprintf("%c", -1)), "\n";
echo sprintf("100%% sure %%d"), "\n";
echo sprintf("%%%d%%", 5), "\n";
echo sprintf("%5.1f%%", 99.44), "\n";
