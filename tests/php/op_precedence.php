<?php
// Operator precedence and associativity mix
var_dump(1 + 2 * 3 - 4 / 2);
var_dump(-3 ** 2);
var_dump(!true == false);
var_dump(1 < 2 == true);
var_dump(5 & 3 == 3);
var_dump((5 & 3) == 1);
var_dump(1 + 2 . "3" + 4);
var_dump("x" . 1 + 2);
var_dump(2 * 3 % 4);
var_dump(10 - 5 - 2, 2 ** 2 ** 3, 100 / 10 * 2);
var_dump(true ? 1 : 0 + 10);
var_dump(null ?? 1 + 1);
$a = 1;
var_dump($a++ + ++$a * 2);
var_dump(-$a ** 2);
var_dump(~1 + 1, -~1);
var_dump(!empty([0]) && !0);
var_dump(1 | 2 ^ 3 & 4);
var_dump((int)"12" . "3", (string)1 + 1);
var_dump(3 - -3, 3 + +3, - - 3);
$x = 3; $y = 4;
var_dump($x > $y ? "x" : ($x == $y ? "eq" : "y"));
var_dump(instanceof_test());
function instanceof_test() { $e = new Exception(); return !$e instanceof Error; }
