<?php
// strlen counts bytes, including multibyte UTF-8 and NUL bytes
$strs = ["", "a", "hello", "héllo", "日本語", "😀", "a\0b", "\n\t", str_repeat("x", 1000)];
foreach ($strs as $s) {
    echo strlen($s), "\n";
}
var_dump(strlen(123), strlen(1.5), strlen(true), strlen(false), strlen(-0.0));
try {
    var_dump(strlen([]));
} catch (TypeError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
var_dump(strlen((string)null), strlen(PHP_EOL));
