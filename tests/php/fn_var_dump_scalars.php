<?php
// var_dump of every scalar type and multiple arguments
var_dump(1, -1, 0, PHP_INT_MAX, PHP_INT_MIN);
var_dump(1.5, -0.25, 1e3);
var_dump("", "abc", "héllo", "a\0b", "line\nbreak");
var_dump(true, false, null);
var_dump([]);
var_dump("123", "1.0", " ");
$x = 5;
var_dump($x + 0.0, $x . "", $x == "5", $x === "5");
