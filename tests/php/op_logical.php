<?php
// Logical operators, short-circuit with side effects
function t($label) { echo "t($label) "; return true; }
function f($label) { echo "f($label) "; return false; }
var_dump(t(1) && f(2));
var_dump(f(1) && t(2));
var_dump(t(1) || f(2));
var_dump(f(1) || t(2));
var_dump(f(1) || f(2) || t(3) || t(4));
var_dump(t(1) xor t(2));
var_dump(!t(1));
var_dump(!0, !"0", !"", !"a", ![], ![0], !null, !0.0, !"0.0");
$count = 0;
$inc = function () use (&$count) { $count++; return true; };
for ($i = 0; $i < 5; $i++) { $i % 2 == 0 && $inc(); }
echo "count=$count\n";
$x = null;
$x === null || die("not reached\n");
echo "ok\n";
var_dump(1 && "a", 0 || 0.0, "a" and "", "x" or null);
