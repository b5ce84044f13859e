<?php
// unset on references only breaks the binding, not the value
$a = "value";
$b = &$a;
unset($a);
var_dump(isset($a), $b);
$a = "new";
var_dump($b);
$arr = [1, 2, 3];
$el = &$arr[0];
unset($el);
$arr[0] = 'x';
var_dump(isset($el));
print_r($arr);
$x = 1;
$y = &$x;
$y = null;
var_dump($x, isset($x), isset($y));
function unsetParam(&$p) { unset($p); $p = 'local only'; }
$z = 'orig';
unsetParam($z);
echo $z, "\n";
$m = ['k' => 'v'];
$mr = &$m;
unset($mr['k']);
var_dump($m);
$chain1 = 1; $chain2 = &$chain1; $chain3 = &$chain2;
unset($chain2);
$chain3 = 3;
echo "$chain1 $chain3\n";
