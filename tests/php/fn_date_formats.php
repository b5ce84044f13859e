<?php
// date() with many format characters at fixed timestamps in UTC
date_default_timezone_set('UTC');
$stamps = [0, 86399, 951782400, 1234567890, 1700000000, -86400, 2147483647];
foreach ($stamps as $t) {
    echo $t, "\n";
    echo "  ", date("Y-m-d H:i:s", $t), "\n";
    echo "  ", date("D, d M Y", $t), " | ", date("l jS \of F y", $t), "\n";
    echo "  ", date("N w z t L", $t), " | ", date("W o", $t), "\n";
    echo "  ", date("g G h H i s a A", $t), "\n";
    echo "  ", date("n j U e T P O", $t), "\n";
    echo "  ", date("c", $t), " | ", date("r", $t), "\n";
    echo "  ", date(DATE_ATOM, $t), " | ", date("u v B", $t), "\n";
}
var_dump(date_default_timezone_get());
