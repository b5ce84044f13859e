<?php
// decoct/octdec conversions incl. negatives and huge values
foreach ([0, 7, 8, 64, 511, 493, -1, PHP_INT_MAX] as $n) {
    echo $n, " -> ", decoct($n), "\n";
}
foreach (["0", "7", "10", "777", "755", "", "777777777777777777777", "1777777777777777777777", "0o17"] as $o) {
    echo "'$o' -> ";
    var_dump(@octdec($o));
}
var_dump(octdec(decoct(1234)));
