<?php
// intdiv vs / and result types
var_dump(intdiv(7, 2), intdiv(-7, 2), intdiv(7, -2), intdiv(-7, -2));
var_dump(7 / 2, 8 / 2, -8 / 2, 1 / 3);
var_dump(6 / 3 === 2, 6 / 4 === 1.5);
var_dump(0 / 5, -0 / 5, 0.0 / -5);
var_dump(PHP_INT_MAX / 1);
var_dump(PHP_INT_MAX / PHP_INT_MAX);
var_dump(9007199254740993 / 1);
var_dump((9007199254740993 * 2) / 2);
try {
    var_dump(intdiv(PHP_INT_MIN, -1));
} catch (ArithmeticError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    var_dump(intdiv(1, 0));
} catch (DivisionByZeroError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
echo "end\n";
