<?php
// Built-in constants
var_dump(PHP_INT_MAX, PHP_INT_MIN, PHP_INT_SIZE);
var_dump(PHP_EOL === "\n");
var_dump(PHP_FLOAT_EPSILON, PHP_FLOAT_DIG);
var_dump(M_PI, M_E, M_SQRT2);
var_dump(E_ALL, E_ERROR, E_WARNING, E_NOTICE, E_DEPRECATED, E_STRICT, E_USER_ERROR);
var_dump(PHP_MAJOR_VERSION, PHP_MINOR_VERSION);
var_dump(true, TRUE, True, false, FALSE, null, NULL);
var_dump(SORT_STRING, COUNT_RECURSIVE, STR_PAD_LEFT, JSON_PRETTY_PRINT);
var_dump(NAN !== NAN, is_float(INF));
var_dump(1.0 + PHP_FLOAT_EPSILON > 1.0, 1.0 + PHP_FLOAT_EPSILON / 2 > 1.0);
var_dump(PHP_OS_FAMILY === 'Linux');
var_dump(M_PI === pi());
