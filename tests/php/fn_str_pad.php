<?php
// str_pad left/right/both, multi-char pad, short lengths
$s = "abc";
foreach ([0, 2, 3, 4, 7, 8, 10] as $len) {
    echo "[", str_pad($s, $len), "] [", str_pad($s, $len, "-", STR_PAD_LEFT), "] [", str_pad($s, $len, "*", STR_PAD_BOTH), "] [", str_pad($s, $len, "xyz", STR_PAD_BOTH), "]\n";
}
echo "[", str_pad("", 5, "ab"), "]\n";
echo "[", str_pad("5", 3, "0", STR_PAD_LEFT), "]\n";
echo "[", str_pad("é", 4, "."), "]\n";
echo "[", str_pad("x", -5), "]\n";
try {
    str_pad("x", 5, "");
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
try {
    str_pad("x", 5, " ", 7);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
