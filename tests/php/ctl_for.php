<?php
// for loops: comma lists, empty parts, alternative syntax
for ($i = 0; $i < 3; $i++) echo "i=$i\n";
for ($i = 0, $j = 10; $i < $j; $i += 3, $j -= 2) echo "i=$i j=$j\n";
$k = 0;
for (;;) {
    if ($k >= 3) break;
    echo "k=$k\n";
    $k++;
}
for ($m = 5; $m > 0;):
    echo "m=$m\n";
    $m -= 2;
endfor;
for ($a = 0, $b = 1, $c = 0; $c < 8; $c++, [$a, $b] = [$b, $a + $b]) echo $a, " ";
echo "\n";
for ($x = 0; $x < 3, $x < 5; $x++) echo $x;
echo "\n";
$arr = ['a', 'b', 'c'];
for ($i = 0, $n = count($arr); $i < $n; $i++) echo $arr[$i];
echo "\n";
for ($i = 10; $i--; ) echo $i;
echo "\n";
for ($f = 0.0; $f < 1.0; $f += 0.25) echo $f, ";";
echo "\n";
echo "after loop i=$i\n";
