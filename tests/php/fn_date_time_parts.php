<?php
// date() 12/24-hour fields and Swatch time across a day in UTC
date_default_timezone_set('UTC');
$base = 1700006400; // 2023-11-15 00:00:00
foreach ([0, 1, 11, 12, 13, 23] as $h) {
    $t = $base + $h * 3600 + 5 * 60 + 9;
    echo date("H G h g i s a A B", $t), " | ", date("D M j, Y g:ia", $t), "\n";
}
echo date("\\T\\o\\d\\a\\y \\i\\s l", $base), "\n";
echo date("y/n/j", $base), " ", date("U", $base) === (string)$base ? "U ok" : "U bad", "\n";
echo date(DATE_RFC2822, $base), "\n";
echo date(DATE_COOKIE, $base), "\n";
echo date(DATE_RSS, $base), "\n";
