<?php
// casts between float, int and string
$strs = ["1.5", "1e3", "  2.5", "2.5  ", ".5", "5.", "-0", "1e400", "0x10", "abc", "1_000", "1.5e-3x"];
foreach ($strs as $s) {
    echo str_pad(var_export($s, true), 10), " float=", var_export((float)$s, true), " int=", var_export((int)$s, true), " num=", var_export(is_numeric($s), true), "\n";
}
$floats = [1.9999, -1.9999, 1e19, -1e19, 0.5, 1e15 + 0.3];
foreach ($floats as $f) {
    echo var_export($f, true), " -> ", var_export((int)$f, true), " ", var_export(intval($f), true), "\n";
}
var_dump((float)"9223372036854775807", (int)"9223372036854775808", (int)"-9223372036854775809");
var_dump(0.1 + 0.7, (0.1 + 0.7) * 10, (int)((0.1 + 0.7) * 10));
var_dump(floatval("1.0"), floatval(true), floatval(null), floatval([]), floatval([0]));
