<?php
// is_numeric over many candidate strings and types
$vals = ["0", "1", "-1", "+1", "1.5", ".5", "5.", "1e5", "1E-5", "-1.5e+3", " 1", "1 ", " 1 ", "\n1", "1\n", "0x1A", "0b1", "1_000", "", " ", "abc", "1a", "e5", ".", "-", "+.5", "--1", "INF", "NAN", 1, 1.5, true, null, [], NAN, INF];
foreach ($vals as $v) {
    echo str_pad(json_encode($v, JSON_PARTIAL_OUTPUT_ON_ERROR), 12), var_export(is_numeric($v), true), "\n";
}
var_dump(is_numeric("1.5e3"), is_numeric("1.5e"), is_numeric("e"));
var_dump(is_numeric(" 1.5 "), is_numeric("\t1"), is_numeric("1\t"));
var_dump(is_numeric("0b101"), is_numeric("0o7"), is_numeric("007"));
var_dump(is_numeric(PHP_INT_MAX), is_numeric(-0.0));
