<?php
// sqrt, pow and ** with ints, floats, negatives and overflow to float
var_dump(sqrt(16), sqrt(2), sqrt(0), sqrt(-1), sqrt(-0.0), sqrt(INF));
var_dump(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8, 1/3), pow(0, 0), pow(0, -1));
var_dump(pow(2, 62), pow(2, 63), pow(2, 64), pow(-2, 63), pow(10, 18), pow(10, 19));
var_dump(2 ** 10, 2 ** -2, (-2) ** 2, -2 ** 2, 2 ** 3 ** 2, 3 ** 40);
var_dump(pow("3", "2"), pow("2.5", 2), pow(4, 0.5), pow(-1, 0.5));
var_dump(PHP_INT_MAX ** 1, 7 ** 0, 0 ** 0.0);
var_dump(intdiv(PHP_INT_MAX, 2) * 2 + 1 === PHP_INT_MAX);
var_dump(sqrt(1e-10), sqrt("9"), pow(2, 0.5) == sqrt(2));
var_dump((-8) ** (1/3), 10 ** -1);
