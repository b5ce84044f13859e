<?php
// printf returns the byte count; vsprintf with arrays
$n = printf("hello %s\n", "world");
var_dump($n);
$n = printf("");
var_dump($n);
$n = printf("%s", "héllo");
echo "\n";
var_dump($n);
echo vsprintf("%04d-%02d-%02d", [2024, 3, 7]), "\n";
echo vsprintf("%s and %s", ["x", "y"]), "\n";
echo vsprintf('%2$s %1$s', ["a", "b"]), "\n";
echo vsprintf("none", []), "\n";
echo vsprintf("%s|%s", ["k1" => "v1", "k2" => "v2"]), "\n";
$n = vprintf("%d items\n", [3]);
var_dump($n);
