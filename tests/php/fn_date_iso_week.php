<?php
// date() ISO-8601 week numbers and day-of-year around year boundaries
date_default_timezone_set('UTC');
$day = 86400;
$start = 1703808000; // 2023-12-29
for ($i = 0; $i < 8; $i++) {
    $t = $start + $i * $day;
    echo date("Y-m-d D", $t), " W=", date("W", $t), " o=", date("o", $t), " z=", date("z", $t), " N=", date("N", $t), " S=", date("jS", $t), "\n";
}
foreach ([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31] as $d) {
    echo date("jS ", 1704067200 + ($d - 1) * $day);
}
echo "\n";
echo date("t", 1706745600), " ", date("t", 1709251200), " ", date("L", 1709251200), "\n";
