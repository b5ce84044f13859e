<?php
// boolval truthiness of all kinds of values
$vals = [0, 1, -1, 0.0, -0.0, 0.1, "", "0", "00", "0.0", " ", "false", "a", [], [0], [[]], null, true, false, NAN, INF];
foreach ($vals as $v) {
    echo str_pad(var_export($v, true), 14), " => ", var_export(boolval($v), true), " ", var_export((bool)$v, true), " ", ($v ? "T" : "F"), "\n";
}
var_dump(boolval("0.0"), boolval(" 0"), boolval(0.0), boolval("0 "));
var_dump(!![], !![0], !"0", !"");
var_dump(true && "0", false || "a", "" ?: "default");
var_dump(boolval(PHP_INT_MIN), boolval(1e-300));
