<?php
function add($a, $b) { return $a + $b; }
function lt($a, $b) { return $a < $b ? "lt" : "ge"; }
$s = 0;
for ($i = 0; $i < 3000; $i++) { $s = add($s, $i); }
echo $s, " ", lt(1, 2), "\n";
var_dump(add("5", "7"), add("1.5", 2), add($s, 0.25), lt("10", "9"), lt("abc", "abd"), lt(2.5, 2));
try { add([], 1); } catch (TypeError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
echo add(PHP_INT_MAX, 1), "\n";
