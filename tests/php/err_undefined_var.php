<?php
// Undefined variable warnings in various contexts
echo "start\n";
echo $undef1, "|\n";
$x = $undef2 + 5;
var_dump($x);
$s = "pre" . $undef3;
var_dump($s);
function f() { return $local; }
var_dump(f());
var_dump(isset($undef4), empty($undef5), $undef6 ?? 'coalesce ok');
$arr = [$undef7];
var_dump($arr);
$undef8++;
var_dump($undef8);
$undef9 .= "x";
var_dump($undef9);
$undef10[] = 1;
var_dump(count($undef10));
echo "end\n";
