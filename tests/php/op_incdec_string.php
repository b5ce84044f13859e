<?php
// Increment/decrement on strings: alphanumeric increment, numeric strings
$tests = ["a", "z", "Az", "zz", "Zz", "a9", "9", "99", "9.5", "1e2", "", "-5", "A", "Zz9", "abc"];
foreach ($tests as $t) {
    $v = $t;
    $v++;
    echo var_export($t, true), "++ => ", var_export($v, true), "\n";
}
$d = "5";
$d--; var_dump($d);
$d = "5.5";
$d--; var_dump($d);
$d = "abc";
$d--; var_dump($d);
$d = "";
$d--; var_dump($d);
$s = "a";
for ($i = 0; $i < 27; $i++) $s++;
var_dump($s);
$s = "Zy";
var_dump(++$s, ++$s);
