<?php
// abs return types and edge cases
var_dump(abs(-5), abs(5), abs(0), abs(-0.0), abs(-1.5), abs("-3"), abs("-3.5"), abs(PHP_INT_MIN), abs(-PHP_INT_MAX), abs(-INF), abs(NAN));
try {
    abs("abc");
} catch (TypeError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
var_dump(abs(true));
var_dump(abs(-0), abs("0"), abs(" 7"));
var_dump(abs(-PHP_FLOAT_MAX), abs(-1e-300));
