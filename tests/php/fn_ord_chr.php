<?php
// ord and chr including wraparound and multibyte first byte
foreach (["A", "a", "0", " ", "", "é", "\0", "\xff", "abc"] as $c) {
    echo json_encode($c, JSON_INVALID_UTF8_SUBSTITUTE), " -> ", ord($c), "\n";
}
foreach ([65, 97, 48, 0, 255, 256, 321, -1, -65] as $n) {
    echo $n, " -> ", bin2hex(chr($n)), "\n";
}
$s = "";
for ($i = 72; $i < 80; $i++) $s .= chr($i);
echo $s, "\n";
echo chr(ord("a") + 1), "\n";
echo implode(",", array_map('ord', str_split("Hi!"))), "\n";
