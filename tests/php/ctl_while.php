<?php
// while and do-while loops, including alternative syntax
$i = 0;
while ($i < 5) {
    echo $i, " ";
    $i++;
}
echo "\n";
$j = 10;
while ($j > 0):
    echo $j, " ";
    $j -= 3;
endwhile;
echo "\n";
$k = 100;
do {
    echo "do-once $k\n";
} while ($k < 10);
$n = 0;
do {
    $n++;
    if ($n == 2) continue;
    if ($n == 5) break;
    echo "n=$n\n";
} while (true);
$stack = [1, 2, 3];
while (($top = array_pop($stack)) !== null) echo "pop $top\n";
$x = 1;
while ($x < 1000) $x *= 3;
echo "x=$x\n";
$count = 0;
while (false) { $count++; }
echo "count=$count\n";
$a = 5;
while ($a--) { echo $a; }
echo "\nfinal a=$a\n";
