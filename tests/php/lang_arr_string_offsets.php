<?php
// String offsets: read, negative, write, out of range
$s = "Hello";
var_dump($s[0], $s[4], $s[-1], $s[-5]);
echo $s[1] . $s[-2], "\n";
$t = $s;
$t[0] = 'J';
echo "$s $t\n";
$t[-1] = 'y';
echo $t, "\n";
$u = "ab";
$u[5] = 'z';
var_dump($u);
$v = "abc";
$v[1] = 'XYZ';
var_dump($v);
var_dump(isset($s[4]), isset($s[5]), isset($s[-5]), isset($s[-6]), isset($s["1"]), isset($s["x"]));
var_dump(empty($s[0]), "0"[0], empty("0"[0]));
for ($i = 0; $i < strlen($s); $i++) echo $s[$i], "-";
echo "\n";
$n = "12345";
var_dump($n[2] + 1);
echo "now out of range read:\n";
var_dump($s[10]);
var_dump($s[-10]);
echo "string key:\n";
try { var_dump($s["x"]); } catch (\TypeError $e) { echo get_class($e), ": ", $e->getMessage(), "\n"; }
var_dump($s["1"]);
var_dump($s[1.7]);
echo "end\n";
