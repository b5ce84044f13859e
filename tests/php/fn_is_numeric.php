<?php
// is_numeric over many candidate strings and types
$vals = ["0", "1", "-1", "+1", "1.5", ".5", "5.", "1e5", "1E-5", "-1.5e+3", " 1", "1 ", " 1 ", "\n1", "1\n", "0x1A", "0b1", "1_000", "", " ", "abc", "1a", "e5", ".", "-", "+.5", "--1", "INF", "NAN", 1, 1.5, true, null, [], NAN, INF];
foreach ($vals as $v) {
    echo str_pad(json_encode($v, JSON_PARTIAL_OUTPUT_ON_ERROR), 12), var_export(is_numeric($v), true), "\n";
}
