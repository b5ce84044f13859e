<?php
// Constants are global: visible in functions and closures; define inside function
const TOP = 'top';
function useTop() { return TOP; }
function defineInside() { define('FROM_FUNC', 'defined in function'); }
echo useTop(), "\n";
defineInside();
echo FROM_FUNC, "\n";
$c = fn() => TOP . "/" . FROM_FUNC;
echo $c(), "\n";
if (true) { define('IN_IF', 42); }
echo IN_IF * 2, "\n";
for ($i = 0; $i < 3; $i++) { if (!defined("LOOP_$i")) define("LOOP_$i", $i * $i); }
echo LOOP_0, LOOP_1, LOOP_2, " ", constant("LOOP_2"), "\n";
const ARR = ['a' => ['b' => 'nested']];
echo ARR['a']['b'], "\n";
function defaultFromConst($x = ARR['a']['b']) { return $x; }
echo defaultFromConst(), "\n";
var_dump(TOP === 'top', is_array(ARR));
