<?php
// Common PHP 8.1/8.2 deprecations emitted at runtime
echo "start\n";
var_dump(strlen(null));
var_dump(str_repeat("ab", 2.0));
$a = [];
$a[2.5] = 'x';
var_dump($a);
var_dump(7.8 % 3);
var_dump(1.5 | 0);
$f = false;
$f[] = 1;
var_dump($f);
echo "end\n";
