<?php
// Arithmetic and comparisons with null and booleans
var_dump(null + 1, null - 1, null * 5, null . "x", -null, null ** 0);
var_dump(true + 1, false * 3, true . "", true / 2, true % 1);
var_dump(null == 0, null === 0, null < 1, null < -1, null == [], null <=> false);
var_dump(true == "any", false == "0", true > false, true == 2, true === 1);
$n = null;
$n += 5;
var_dump($n);
$b = true;
$b += 1;
var_dump($b);
var_dump(max(null, 0, false), min([true, 2]));
var_dump(1 + 1.0, 1 + "1", 1.0 + "1", "1" + "1", "1.0" + "1");
var_dump(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < PHP_FLOAT_EPSILON);
var_dump(9007199254740993 == 9007199254740992.0, 9007199254740993 < 9007199254740994.0);
var_dump(PHP_INT_MAX == (float)PHP_INT_MAX, PHP_INT_MAX < (float)PHP_INT_MAX);
