<?php
// Casts (int) (float) (string) (bool) of various types
$vals = [0, 1, -3, 2.9, -2.9, "12", "12abc", "abc", "1e3", " 42", "0x1A", "", "0", "0.0", true, false, null, [], [1, 2], 1e20, NAN, INF];
foreach ($vals as $v) {
    echo str_pad(var_export($v, true), 14), " int:", var_export(@(int)$v, true),
        " float:", var_export(@(float)$v, true),
        " bool:", var_export((bool)$v, true);
    if (!is_array($v)) echo " string:", var_export((string)$v, true);
    echo "\n";
}
var_dump((int)"  7  ", (float)".5", (int)"-0", (float)"-0", (int)"+5", (int)"1_000");
var_dump((int)9.99e18, (int)-1.5, (integer)"3", (double)"2", (boolean)"x");
var_dump(intval("0b11", 0), intval("0x1f", 16), intval("077", 8), intval("12", 36));
var_dump((string)1.0, (string)0.00001, (string)-0.0, strval(100000000000000000000.0));
