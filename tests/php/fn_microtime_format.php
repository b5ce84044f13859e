<?php
// microtime/hrtime/gettimeofday shapes without printing actual values
$m = microtime();
[$usec, $sec] = explode(" ", $m);
var_dump(str_starts_with($usec, "0."), strlen($usec), is_numeric($sec) && (string)(int)$sec === $sec);
$f = microtime(true);
var_dump($f > 1.6e9, floor($f) <= $f);
$h = hrtime();
var_dump(array_keys($h), $h[1] < 1000000000, $h[0] >= 0);
$ns1 = hrtime(true);
$x = 0;
for ($i = 0; $i < 1000; $i++) $x += $i;
$ns2 = hrtime(true);
var_dump($ns2 - $ns1 >= 0, $x);
$g = gettimeofday();
var_dump(gettype($g["sec"]), gettype($g["usec"]), $g["usec"] < 1000000, gettype(gettimeofday(true)));
var_dump(time() >= (int)$f);
