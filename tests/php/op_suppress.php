<?php
// @ error-suppression operator
$arr = [1, 2];
echo "before\n";
$v = @$arr[5];
var_dump($v);
$u = @$undefinedVar;
var_dump($u);
$r = @(10 / 1);
var_dump($r);
$x = @("5 apples" + 1);
var_dump($x);
echo @$arr[9] ?? "coalesced", "\n";
$s = "abc";
var_dump(@$s[10]);
echo "now without @\n";
$w = $arr[5];
var_dump($w);
echo "after\n";
