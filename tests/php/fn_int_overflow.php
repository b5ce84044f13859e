<?php
// integer arithmetic overflow promotes to float
var_dump(PHP_INT_MAX + 1, PHP_INT_MIN - 1, PHP_INT_MAX * 2, -PHP_INT_MIN, PHP_INT_MAX + 1 - 1);
var_dump(PHP_INT_MAX * -1, PHP_INT_MIN * -1, 9223372036854775807, 9223372036854775808, -9223372036854775808);
var_dump(PHP_INT_SIZE, PHP_INT_MAX, PHP_INT_MIN);
$x = PHP_INT_MAX;
$x++;
var_dump($x);
$y = PHP_INT_MIN;
$y--;
var_dump($y);
var_dump(array_sum([PHP_INT_MAX, PHP_INT_MAX]));
var_dump(0x7FFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 0b11, 0o17, 017, 1_000_000);
