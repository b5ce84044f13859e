<?php
// foreach by value, key=>value, over empty, mixed keys, alternative syntax
$arr = ['a' => 1, 'b' => 2, 5 => 'five', 'c' => [1, 2]];
foreach ($arr as $v) { echo is_array($v) ? 'arr' : $v, " "; }
echo "\n";
foreach ($arr as $k => $v) { echo var_export($k, true), "=>", is_array($v) ? 'arr' : $v, "\n"; }
foreach ([] as $v) echo "never\n";
foreach ([3, 1, 2] as $i => $v):
    echo "$i:$v ";
endforeach;
echo "\n";
$m = [[1, 2], [3, 4]];
foreach ($m as $row) {
    foreach ($row as $cell) echo $cell;
    echo "|";
}
echo "\n";
foreach ($arr as $k => $v) {}
echo "after: k=$k\n";
foreach ([10, 20] as $idx => $val) { $val *= 2; }
echo "last val=$val idx=$idx\n";
foreach (['x' => ['p' => 1, 'q' => 2]] as $outer => ['p' => $p, 'q' => $q]) echo "$outer $p $q\n";
$str = "abc";
foreach (str_split($str) as $ch) echo strtoupper($ch);
echo "\n";
