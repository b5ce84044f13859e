<?php
// String interpolation: simple and complex syntax
$x = "X"; $n = 5; $f = 1.5; $b = true; $null = null;
$a = [10, 20, 'key' => 'KV', 'nested' => [1, [2, 3]]];
$m = [[1, 2, 3], [4, 5, 6]];
echo "x=$x n=$n f=$f b=$b null=[$null]\n";
echo "a0=$a[0] a1=$a[1] key=$a[key]\n";
echo "brace: {$a['key']} {$a[0]} {$m[1][2]} {$a['nested'][1][0]}\n";
echo "braces around var: {$x}s and ${x}s\n";
echo "adjacent: $x$n$f\n";
echo "no interp: {$x} \{$x} {\$x} \$x\n";
echo "method-like: $x->y\n";
$k = 'key';
echo "var key: {$a[$k]}\n";
echo "expr: ${'x'}\n";
echo "two dims simple: $m[1]\n";
echo "dollar alone: $ and $1 and {$n}0\n";
$s = "str";
echo "offset: $s[0] $s[2] {$s[-1]}\n";
$i = 1;
echo "dyn idx: {$a[$i]} {$m[$i][$i]}\n";
echo "math not done: $n+1\n";
echo "nl: {$x}\n";
