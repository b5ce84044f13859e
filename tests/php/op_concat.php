<?php
// String concatenation and its precedence vs arithmetic (PHP 8)
$a = "Hello";
$b = "World";
echo $a . " " . $b . "\n";
echo "Sum: " . 1 + 2 . "\n";
echo "Prod: " . 2 * 3 . "\n";
echo 1 . 2 . "\n";
var_dump(1 . 2);
var_dump(1.5 . "");
var_dump(true . "|" . false . "|" . null);
var_dump(-1 . "");
var_dump(1e20 . "");
var_dump(0.1 + 0.2 . "");
$s = "x";
$s .= "y";
$s .= 3;
$s .= 1.0;
var_dump($s);
$t = "";
for ($i = 0; $i < 5; $i++) { $t .= $i; }
var_dump($t);
echo "a" . "b" === "ab" ? "yes\n" : "no\n";
var_dump("10" . "5" + 1);
