<?php
// A rotated loop nest (tests after the bodies) whose bounds LLVM's instcombine can
// keep folding: the optimizing tier compiles it without LLVM stopping the process.
function nested($n) {
    $acc = 0;
    for ($a = 0; $a < $n; $a++) {
        for ($b = 0; $b < $n; $b++) {
            for ($c = 0; $c < $n; $c++) {
                $acc = ($acc + ($a * $b) ^ $c + ($a + $b + $c) % 7) & 0xFFFFFFF;
            }
        }
    }
    return $acc;
}
$total = 0;
for ($r = 0; $r < 3; $r++) {
    $total += nested(60 + $r);
}
echo "nested: $total\n";
$i = 10;
while ($i > 0) {
    $i -= 3;
}
echo $i, "\n";
for ($x = 0.5; $x < 3; $x += 1.0) {
    echo $x, " ";
}
for ($x = 5; 0 < $x; $x--) {
    if ($x == 3) continue;
    echo $x;
}
echo "\n";
$k = 0;
for (;;) {
    if (++$k > 4) break;
}
echo $k, "\n";
$n = NAN;
for ($y = 0; $y < $n; $y++) { echo "never"; }
for ($y = 0; $n > $y; $y++) { echo "never"; }
$s = "10";
for ($y = 8; $y < $s; $y++) { echo $y; }
echo "\n";
