<?php
// dechex/hexdec including negatives, huge hex to float, ignored chars
foreach ([0, 1, 15, 16, 255, 4095, 65535, PHP_INT_MAX, -1, -255] as $n) {
    echo $n, " -> ", dechex($n), "\n";
}
foreach (["ff", "FF", "0", "", "7fffffffffffffff", "8000000000000000", "ffffffffffffffff", "1ffffffffffffffff", "0xff", "zz1g"] as $h) {
    echo "'$h' -> ";
    var_dump(@hexdec($h));
}
var_dump(hexdec(dechex(123456789)));
