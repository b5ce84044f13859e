<?php
// Integer literals in decimal, hex, octal, binary, with _ separators
var_dump(42);
var_dump(-42);
var_dump(0x1F);
var_dump(0X1f);
var_dump(0b1011);
var_dump(0B1111_0000);
var_dump(017);
var_dump(0o17);
var_dump(0O777);
var_dump(1_000_000);
var_dump(0xFF_FF);
var_dump(0);
var_dump(-0);
var_dump(PHP_INT_MAX);
var_dump(PHP_INT_MIN);
var_dump(0x7FFFFFFFFFFFFFFF);
echo 0x10 + 0b10 + 010, "\n";
echo 1_2_3 * 2, "\n";
$vals = [0x0, 0b0, 00, 0o0];
foreach ($vals as $v) { echo gettype($v), ":", $v, "\n"; }
