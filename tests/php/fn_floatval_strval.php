<?php
// floatval and strval conversions
foreach (["1.5", "-1.5e3", "abc", "1.5abc", ".5", "1e-2", "  3.25", "0x1A", "", "INF", "1,5"] as $s) {
    echo json_encode($s), " => ";
    var_dump(floatval($s));
}
var_dump(floatval(7), floatval(true), doubleval("2.5"));
foreach ([1, -1, 1.0, 0.5, true, false, null, "s", 1e25, 0.1 + 0.2, -0.0] as $v) {
    var_dump(strval($v));
}
