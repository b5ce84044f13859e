<?php
// echo of many float values (precision=14) vs var_export (serialize_precision=-1)
$vals = [0.1, 0.2, 0.3, 1.1, 2.2, 3.3, 1e14, 1e15, 1e16, 123456789012345.6, 1234567890123456.7, 0.1 + 0.7, 1.23456789012345678, 100.0, 1.5e-6, 0.00001234, -1.75, 3.0e0, 255 / 10, 7 / 2, 10 / 4, 6 / 3, 2 ** 0.5, 1e22, 1e-22];
foreach ($vals as $v) {
    echo str_pad((string)$v, 22), " ", var_export($v, true), "\n";
}
var_dump(6 / 3, 7 / 2, 10 / 5, 1 / 8);
var_dump(is_float(6 / 3), is_int(6 / 3));
echo 1.0 . "", " ", 0.5 . "", " ", -0.0 . "", "\n";
echo 1e15 + 1, " ", 1e14 + 0.5, "\n";
