<?php
// substr with every sign combination of offset and length
$s = "abcdefghij";
$offs = [0, 3, -3, 10, 11, -10, -11, -20];
$lens = [null, 0, 2, -2, 20, -20];
foreach ($offs as $o) {
    foreach ($lens as $l) {
        $r = $l === null ? substr($s, $o) : substr($s, $o, $l);
        echo "substr($o, ", var_export($l, true), ") = ", var_export($r, true), "\n";
    }
}
var_dump(substr("", 0), substr("", 0, 1), substr("héllo", 1, 2));
var_dump(substr(12345, 1, 3));
