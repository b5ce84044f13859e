<?php
// str_repeat edge cases
var_dump(str_repeat("ab", 3));
var_dump(str_repeat("x", 0));
var_dump(str_repeat("", 100));
var_dump(str_repeat("é", 2));
var_dump(str_repeat(5, 3));
var_dump(strlen(str_repeat("-", 10000)));
try {
    str_repeat("x", -1);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
try {
    str_repeat("x", "two");
} catch (TypeError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
echo str_repeat("=", 20), "\n";
