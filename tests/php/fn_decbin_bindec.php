<?php
// decbin/bindec including negatives and overflow to float
foreach ([0, 1, 2, 5, 255, 1024, -1, -2, PHP_INT_MAX, PHP_INT_MIN] as $n) {
    echo $n, " -> ", decbin($n), "\n";
}
foreach (["0", "1", "101", "11111111", "", str_repeat("1", 63), str_repeat("1", 64), "1" . str_repeat("0", 64), "0b101"] as $b) {
    echo "'$b' -> ";
    var_dump(@bindec($b));
}
echo bindec(decbin(-5)), "\n";
