<?php
// `if (cond) break;` / `continue;` compile to one conditional jump out of the loop
// where nothing needs releasing; the other cases keep their iterator frees and
// finally blocks. Every shape, with the conditions that fuse and those that do not.
for ($i = 0; $i < 10; $i++) {
    if ($i > 4) break;
    if ($i == 1) continue;
    echo $i;
}
echo "\n";
$j = 0;
while (true) {
    $j++;
    if ($j < 3) { continue; }
    if (strlen(str_repeat("x", $j)) > 5) { break; }
    echo $j;
}
echo " j=$j\n";
$k = 0;
do {
    $k += 2;
    if ($k % 3 == 0) continue;
    if ($k > 12) break;
    echo $k, ",";
} while ($k < 20);
echo "\n";
foreach ([1, 2, 3, 4, 5] as $v) {
    if ($v == 2) continue;
    if ($v >= 4) break;
    echo $v;
}
echo "\n";
foreach (["a" => [1, 2], "b" => [3, 4], "c" => [5]] as $key => $row) {
    for ($x = 0; $x < 5; $x++) {
        if ($x >= count($row)) continue 2;
        if ($row[$x] == 4) break 2;
        echo "$key$x ";
    }
}
echo "\n";
for ($a = 0; $a < 3; $a++) {
    foreach ([10, 20, 30] as $w) {
        if ($w > 10 * ($a + 1)) continue 2;
        if ($a == 2 && $w == 20) break 2;
        echo "$a:$w ";
    }
}
echo "\n";
for ($s = 0; $s < 5; $s++) {
    switch ($s) {
        case 1:
            if ($s) break;
            echo "never";
        case 3:
            if ($s == 3) continue 2;
            echo "x";
            break;
        default:
            echo "d$s";
    }
    echo "|";
}
echo "\n";
function with_finally() {
    $out = "";
    for ($i = 0; $i < 5; $i++) {
        try {
            if ($i == 1) continue;
            if ($i == 3) break;
            $out .= "t$i";
        } finally {
            $out .= "f$i";
        }
    }
    return $out;
}
echo with_finally(), "\n";
$n = NAN;
for ($i = 0; $i < 3; $i++) {
    if ($n > 1) break;
    if (1 > $n) break;
    echo $i;
}
echo "\n";
for ($i = 0; ; $i++) {
    if ($i > "3") break;
    echo $i;
}
echo "\n";
$list = [3, 1, 2];
while ($x = array_pop($list)) {
    if ($x < 2) continue;
    echo $x;
}
echo "\n";
