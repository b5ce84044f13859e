<?php
// Ternary operator forms, nesting with parentheses
for ($i = -1; $i <= 1; $i++) {
    echo $i, " is ", ($i < 0 ? "negative" : ($i == 0 ? "zero" : "positive")), "\n";
}
$x = 5;
echo $x > 3 ? "big" : "small", "\n";
echo ($x > 3 ? "big" : "small") . "!\n";
$r = true ? 'a' : (false ? 'b' : 'c');
var_dump($r);
$r2 = (true ? 'a' : false) ? 'b' : 'c';
var_dump($r2);
var_dump(null ? 1 : 2, "0" ? 1 : 2, "0.0" ? 1 : 2, [] ? 1 : 2, [0] ? 1 : 2);
$val = 0;
$out = $val ?: 'fallback';
var_dump($out);
$arr = [1, 2, 3];
echo count($arr) > 2 ? "many" : "few", "\n";
function pick($c) { return $c ? "yes" : "no"; }
echo pick(1), pick(0), pick("a"), pick(""), "\n";
echo (1 ? 'x' : 'y') . (0 ? 'x' : 'y'), "\n";
