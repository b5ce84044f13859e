<?php
// (array) casts of scalars, null, arrays and settype
var_dump((array)1);
var_dump((array)"str");
var_dump((array)null);
var_dump((array)false);
var_dump((array)1.5);
var_dump((array)[1, 2]);
$x = "123";
settype($x, "integer");
var_dump($x);
settype($x, "array");
var_dump($x);
$y = 5;
settype($y, "string");
var_dump($y);
$z = "1.5";
settype($z, "float");
var_dump($z);
$b = "0";
settype($b, "bool");
var_dump($b);
var_dump(gettype((array)"x"), count((array)null), count((array)0));
$o = (object)['a' => 1];
var_dump(gettype($o), (array)$o);
var_dump(boolval([]), boolval([0]), floatval("1.5e3abc"), intval(42.99));
