<?php
// ** operator with ints, floats, negative exponents, overflow
var_dump(2 ** 10);
var_dump(2 ** 62);
var_dump(2 ** 63);
var_dump(2 ** 64);
var_dump(2 ** -1);
var_dump(2 ** -2);
var_dump((-2) ** 3);
var_dump((-2) ** 63);
var_dump(-2 ** 63);
var_dump(0 ** 0);
var_dump(0 ** 5);
var_dump(2.0 ** 3);
var_dump(4 ** 0.5);
var_dump((-8) ** (1/3));
var_dump(10 ** 18);
var_dump(10 ** 19);
var_dump(1 ** PHP_INT_MAX);
var_dump((-1) ** 1001);
var_dump("3" ** 2);
var_dump(2 ** "3");
$x = 3;
$x **= 3;
var_dump($x);
var_dump(pow(2, 8), pow(2.5, 2), pow(-3, 3));
var_dump(7 ** 22);
var_dump(7 ** 23);
