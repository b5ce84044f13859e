<?php
// date() escaping, leap years, week numbers and timezone switching
date_default_timezone_set('UTC');
echo date('\Y\e\a\r: Y', 1000000000), "\n";
echo date('[\\\\]', 0), "\n";
echo date('', 0), "|\n";
foreach ([951782400, -2208988800, 1672531200, 1704067200, 4107542400] as $t) {
    echo $t, " => ", date("Y L z t", $t), "\n";
}
foreach ([1704067200, 1703980800, 1609459200, 1640995200] as $t) {
    echo date("Y-m-d D W o N", $t), "\n";
}
date_default_timezone_set('America/New_York');
echo date("Y-m-d H:i:s T P I", 1700000000), "\n";
echo date("Y-m-d H:i:s T P I", 1690000000), "\n";
date_default_timezone_set('Asia/Kolkata');
echo date("Y-m-d H:i T e O", 0), "\n";
var_dump(@date_default_timezone_set('Not/AZone'));
echo date_default_timezone_get(), "\n";
