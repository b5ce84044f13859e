<?php
// Integer overflow promotes to float in +, -, *, unary minus
var_dump(PHP_INT_MAX + 1);
var_dump(PHP_INT_MIN - 1);
var_dump(PHP_INT_MAX * 2);
var_dump(PHP_INT_MAX * -1);
var_dump(PHP_INT_MIN * -1);
var_dump(-PHP_INT_MIN);
var_dump(-PHP_INT_MAX);
var_dump(PHP_INT_MAX + PHP_INT_MAX);
var_dump(4611686018427387904 * 2);
var_dump(4611686018427387903 * 2);
var_dump(3037000499 * 3037000499);
var_dump(3037000500 * 3037000500);
$x = PHP_INT_MAX;
$x++;
var_dump($x);
$y = PHP_INT_MIN;
$y--;
var_dump($y);
$z = PHP_INT_MAX;
$z += 1;
var_dump($z);
var_dump(PHP_INT_MIN + PHP_INT_MAX);
var_dump(abs(PHP_INT_MIN));
var_dump(PHP_INT_MIN / -1);
var_dump(intdiv(PHP_INT_MIN, 2));
var_dump(PHP_INT_MIN % -1);
