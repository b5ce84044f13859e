<?php
// sprintf %s with width, precision, alignment and custom padding
$strs = ["", "a", "hello", "hello world", "héllo"];
foreach ($strs as $s) {
    echo sprintf("[%s] [%10s] [%-10s] [%.3s] [%10.2s] [%-10.4s] [%'_10s] [%'.-10s]", $s, $s, $s, $s, $s, $s, $s, $s), "\n";
}
echo sprintf("[%s] [%s] [%s] [%s]", true, false, null, 1.5), "\n";
echo sprintf("[%s] [%s]", 1e20, 0.1 + 0.2), "\n";
echo sprintf("[%05s] [%-05s]", "ab", "ab"), "\n";
echo sprintf("[%.0s]", "abc"), "\n";
echo sprintf("%s-%s-%s", "x", 2, 3.0), "\n";
