<?php
// define, const, constant(), defined() and constant expressions
const GREETING = "hello";
const NUMS = [1, 2, 3];
const DOUBLE = GREETING . " " . GREETING;
const CALC = 2 ** 10 - 24;
define('DYN', strtoupper('dynamic'));
define('ARR_CONST', ['a' => 1]);
echo GREETING, " ", DOUBLE, " ", CALC, " ", DYN, "\n";
echo NUMS[1], " ", count(NUMS), " ", ARR_CONST['a'], "\n";
var_dump(defined('GREETING'), defined('NOPE'), defined('DYN'));
echo constant('GREETING'), " ", constant('PHP_INT_SIZE'), "\n";
$name = 'CALC';
echo constant($name), "\n";
if (!defined('LATE')) define('LATE', 'defined late');
echo LATE, "\n";
var_dump(define('LATE', 'again'));
echo LATE, "\n";
function useConst() { return GREETING . "!"; }
echo useConst(), "\n";
define('lower_case', 'lc');
echo lower_case, "\n";
var_dump(defined('LOWER_CASE'));
const BOOL_C = true, NULL_C = null, FLOAT_C = 1.5;
var_dump(BOOL_C, NULL_C, FLOAT_C);
try { echo constant('MISSING_ONE'); } catch (Error $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
