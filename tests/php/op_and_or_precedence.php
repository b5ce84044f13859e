<?php
// and/or/xor have lower precedence than =
$a = true and false;
var_dump($a);
$b = (true and false);
var_dump($b);
$c = false or true;
var_dump($c);
$d = (false or true);
var_dump($d);
$e = true xor true;
var_dump($e);
$f = (true xor true);
var_dump($f);
$g = true && false;
var_dump($g);
$h = false || true;
var_dump($h);
$r = false or print("printed\n");
var_dump($r);
$x = 5 and $y = 6;
var_dump($x, $y);
var_dump(true || false and false);
var_dump((true || false) and false);
