<?php
// conversions between bases round-trip for a range of values
foreach ([0, 1, 7, 8, 15, 16, 100, 255, 256, 1000, 65535, 123456789] as $n) {
    $b = decbin($n); $o = decoct($n); $h = dechex($n);
    $ok = bindec($b) === $n && octdec($o) === $n && hexdec($h) === $n;
    echo str_pad($n, 10), str_pad($b, 28), str_pad($o, 12), str_pad($h, 9), base_convert($n, 10, 36), " ", $ok ? "ok" : "FAIL", "\n";
}
echo strtoupper(dechex(48879)), " ", base_convert("BEEF", 16, 8), " ", base_convert("777", 8, 2), "\n";
var_dump(@base_convert("1e5", 10, 10), @base_convert("-15", 10, 16), base_convert("Zz", 36, 10));
var_dump(bindec("111") + octdec("7") + hexdec("f"));
var_dump(base_convert("11", 2, 10) === "3");
