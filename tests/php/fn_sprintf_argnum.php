<?php
// sprintf positional arguments %1$s %2$05d
echo sprintf('%2$s %1$s', "world", "hello"), "\n";
echo sprintf('%1$s %1$s %1$s', "echo"), "\n";
echo sprintf('%2$05d|%1$-6s|%2$x', "ab", 255), "\n";
echo sprintf('%1$\'*10s', "pad"), "\n";
echo sprintf('%3$.2f %2$s %1$d', 7, "mid", 3.14159), "\n";
echo sprintf('%1$+d %1$+d', -3), "\n";
try {
    echo sprintf('%3$s', "a", "b"), "\n";
} catch (ArgumentCountError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
try {
    echo sprintf('%0$s', "a"), "\n";
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
