<?php
// Array key coercion: numeric strings, bools, null, floats
$a = [];
$a["1"] = 'string one';
$a[1] = 'int one';
$a["01"] = 'string 01';
$a[true] = 'true';
$a[false] = 'false';
$a[null] = 'null';
$a[""] = 'empty';
$a["-5"] = 'neg five';
$a["-0"] = 'neg zero string';
$a[" 3"] = 'space three';
$a["3 "] = 'three space';
$a["1.5"] = 'float string';
$a[2.0] = 'float two';
var_dump($a);
foreach ($a as $k => $v) echo gettype($k), "(", $k, ") ";
echo "\n";
$b = [];
$b[1.7] = 'deprecated truncation';
var_dump($b);
$c = ["9223372036854775807" => 'max', "9223372036854775808" => 'too big'];
foreach ($c as $k => $v) echo gettype($k), " $k\n";
var_dump(isset($a[1]), isset($a["1"]), isset($a[1.9]), array_key_exists(0, $a), array_key_exists("", $a));
