<?php
// Undefined string offset warnings and invalid offsets
$s = "abc";
echo "start\n";
echo $s[2], "\n";
echo $s[3], "|\n";
echo $s[-4], "|\n";
$empty = "";
echo $empty[0], "|\n";
try {
    echo $s["foo"];
} catch (TypeError $e) {
    echo "TypeError: ", $e->getMessage(), "\n";
}
echo $s[" 1"] ?? 'x', "\n";
try {
    $s[] = 'd';
} catch (Error $e) {
    echo "Error: ", $e->getMessage(), "\n";
}
try {
    $s[0][0] = 'z';
} catch (Error $e) {
    echo "Error: ", $e->getMessage(), "\n";
}
$s[-10] = 'q';
var_dump($s);
echo "end\n";
