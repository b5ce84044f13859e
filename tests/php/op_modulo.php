<?php
// % with negatives and floats (truncated to int), fmod
foreach ([[7, 3], [-7, 3], [7, -3], [-7, -3], [0, 5], [5, 7], [7.9, 3], [-7.9, 3.9]] as [$a, $b]) {
    echo "$a % $b = ", $a % $b, "\n";
}
var_dump(10 % 3.5);
var_dump("10" % "4");
var_dump(fmod(7.5, 2), fmod(-7.5, 2));
var_dump(PHP_INT_MAX % 2, PHP_INT_MIN % 2);
$x = 17;
$x %= 5;
var_dump($x);
var_dump(-1 % 10 + 10);
