<?php
// print returns 1, printf returns length, print in expressions
$a = print "hello\n";
var_dump($a);
$n = printf("%s-%d\n", "x", 42);
var_dump($n);
$m = printf("");
var_dump($m);
if (print "in condition\n") echo "print was truthy\n";
$x = 5 + print "";
var_dump($x);
echo print("nested "), "\n";
$total = printf("%05.2f|%-5s|%5s|%x|%o|%b|%e|%%\n", 3.14159, "ab", "cd", 255, 8, 5, 12345.678);
var_dump($total);
printf("%'*10s|%+d|%+d|%c|%u\n", "pad", 5, -5, 65, 3);
echo sprintf("%08.3f", -3.5), " ", sprintf("%5.1f%%", 45.67), "\n";
printf("[%s] [%10.4f] [%-10d]\n", true, M_PI, 42);
printf("%2\$s %1\$s\n", "world", "hello");
echo vsprintf("%d items cost %.2f\n", [3, 9.5]);
