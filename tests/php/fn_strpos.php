<?php
// strpos/strrpos with offsets, not-found false and the === false idiom
$h = "hello world, hello php";
var_dump(strpos($h, "hello"), strpos($h, "hello", 1), strpos($h, "xyz"), strpos($h, "h", -3), strpos($h, "o", -10));
var_dump(strrpos($h, "hello"), strrpos($h, "o"), strrpos($h, "o", -5), strrpos($h, "o", 5), strrpos($h, "zz"));
var_dump(strpos($h, ""), strpos($h, "", 5), strrpos($h, ""), strpos("", ""));
if (strpos($h, "hello") == false) echo "loose: not found (wrong!)\n";
if (strpos($h, "hello") === false) echo "strict: not found\n"; else echo "strict: found\n";
var_dump(strpos("abc", "c", 3), strpos("abc", "c", -1));
foreach ([4, -4, 100] as $off) {
    try {
        var_dump(strpos("abc", "a", $off));
    } catch (ValueError $e) {
        echo get_class($e) . ": " . $e->getMessage(), "\n";
    }
    try {
        var_dump(strrpos("abc", "a", $off));
    } catch (ValueError $e) {
        echo get_class($e) . ": " . $e->getMessage(), "\n";
    }
}
var_dump(strpos("12345", 3), strpos("a1b", "1"));
var_dump(stripos("HeLLo", "ll"), strripos("aXbx", "X"));
