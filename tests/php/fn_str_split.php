<?php
// str_split with lengths, empty string, invalid lengths
print_r(str_split("abcdef"));
print_r(str_split("abcdefg", 3));
print_r(str_split("ab", 5));
print_r(str_split(""));
print_r(str_split("héllo", 2));
print_r(str_split(12345, 2));
try {
    str_split("abc", 0);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
try {
    str_split("abc", -1);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
