<?php
// intdiv truncation and errors; fmod and % sign rules
var_dump(intdiv(7, 2), intdiv(-7, 2), intdiv(7, -2), intdiv(-7, -2), intdiv(0, 5), intdiv(PHP_INT_MIN, 1));
foreach ([[1, 0], [PHP_INT_MIN, -1]] as [$a, $b]) {
    try {
        var_dump(intdiv($a, $b));
    } catch (Throwable $e) {
        echo get_class($e) . ": " . $e->getMessage(), "\n";
    }
}
try {
    var_dump(5 % 0);
} catch (DivisionByZeroError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
try {
    var_dump(5 / 0);
} catch (DivisionByZeroError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
var_dump(7 % 3, -7 % 3, 7 % -3, -7 % -3, 7.0 % 3);
var_dump(fmod(7, 3), fmod(-7, 3), fmod(7, -3), fmod(7.5, 2), fmod(1, 0), fmod(0.3, 0.1), fmod(-0.0, 1), fmod(INF, 2), fmod(5, INF));
var_dump(PHP_INT_MIN % -1);
