<?php
// Several warnings/deprecations in sequence; execution continues
echo "1\n";
$a = [];
echo @$a['x'], "2\n";
echo $a['y'] ?? "3", "\n";
$r = "10 apples" * 2;
echo "4: $r\n";
$arr = [1.5 => 'x'];
echo "5\n";
$str = "abc";
echo $str[5] ?? "6", "\n";
echo intdiv(7, 2), "\n";
echo str_repeat("=", 3), "\n";
$u = $undefined ?? null;
echo "end\n";
