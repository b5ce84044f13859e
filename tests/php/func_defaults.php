<?php
// Default parameter values: scalars, arrays, constants, constant expressions, null
const BASE = 10;
define('FACTOR', 3);
function greet($name = "World", $punct = "!") { return "Hello, $name$punct"; }
function arr($a = [1, 2, 'k' => 'v']) { return json_encode($a); }
function expr($x = BASE * 2 + 1, $y = PHP_INT_SIZE, $z = FACTOR ** 2) { return "$x $y $z"; }
function nul($v = null) { return $v === null ? "null" : $v; }
function mixed_($a, $b = 5, ...$rest) { return "$a $b " . count($rest); }
function strcat_($s = "a" . "b" . "c") { return $s; }
function tern($t = BASE > 5 ? "big" : "small") { return $t; }
function cst($c = M_PI) { return round($c, 4); }
echo greet(), "\n", greet("PHP"), "\n", greet("X", "?"), "\n";
echo arr(), "\n", arr([]), "\n";
echo expr(), "\n", expr(1), "\n";
echo nul(), " ", nul(0), "\n";
echo mixed_(1), "|", mixed_(1, 2), "|", mixed_(1, 2, 3, 4), "\n";
echo strcat_(), " ", tern(), " ", cst(), "\n";
function withNullDefaultTyped(?int $x = null, string $s = 'def') { return var_export($x, true) . $s; }
echo withNullDefaultTyped(), " ", withNullDefaultTyped(5, 'x'), "\n";
function arrDefault(array $opts = ['a' => 1]) { $opts['b'] = 2; return $opts; }
print_r(arrDefault());
print_r(arrDefault(['z' => 0]));
