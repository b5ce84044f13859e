<?php
// echo/print of all scalar types and multiple arguments
echo 1, " ", -1, " ", 1.0, " ", 0.5, " ", true, "|", false, "|", null, "|", "str", "\n";
echo 1e6, " ", 1e15, " ", 1e16, " ", 123456789.12345678, " ", -0.0001, " ", 1/7, "\n";
echo PHP_INT_MAX, " ", PHP_INT_MIN, "\n";
echo 7.0 / 2, " ", 7 / 7, " ", 2 ** 0.5, "\n";
echo "a" . 1 . 2.5 . true . null . false . "z", "\n";
print "print works\n";
print("with parens\n");
$r = print "";
var_dump($r);
echo 'single', "double", <<<H
heredoc
H, "\n";
$v = 0.1 + 0.2;
echo $v, " ", $v == 0.3 ? "eq" : "ne", "\n";
echo 100000000000000000000, " ", 0.00001, " ", 1.5e-7, "\n";
echo (string)(0.1 * 3), " ", 1e22, " ", 1.0E+25, "\n";
echo -PHP_INT_MAX - 1, "\n";
echo round(3.14159, 2), " ", 10 / 3, "\n";
