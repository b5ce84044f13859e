<?php
// Bitwise operators and shifts on ints and strings
var_dump(12 & 10, 12 | 10, 12 ^ 10, ~12, ~0, ~-1);
var_dump(1 << 3, 1 << 62, 1 << 63, 1 << 64, 1 << 65);
var_dump(-8 >> 1, -1 >> 63, 8 >> 64, -8 >> 64, PHP_INT_MIN >> 63);
var_dump(0xFF & ~0x0F);
var_dump("12" & 10);
var_dump("ab" & "  ");
var_dump("AB" | "  ");
var_dump("ab" ^ "AB");
var_dump(~"A" === chr(190));
var_dump(5.7 | 0);
var_dump(PHP_INT_MAX << 1);
$x = 6;
$x &= 3; var_dump($x);
$x |= 8; var_dump($x);
$x ^= 15; var_dump($x);
$x <<= 4; var_dump($x);
$x >>= 2; var_dump($x);
var_dump(1 + 2 << 1, 1 | 2 & 3, 6 ^ 3 | 1);
try {
    var_dump(1 << -1);
} catch (ArithmeticError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    var_dump(8 >> -2);
} catch (ArithmeticError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
echo "done\n";
