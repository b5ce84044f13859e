<?php
// intval with bases, strings, floats, bools, arrays, overflow
$vals = ["42", "  42", "42abc", "abc", "-17", "+5", "0x1A", "012", "0b11", "1e3", "9999999999999999999", "-9999999999999999999", 42.99, -42.99, true, false, null, [], [0], ""];
foreach ($vals as $v) {
    echo json_encode($v), " => ", intval($v), "\n";
}
echo intval("0x1A", 16), " ", intval("0x1A", 0), " ", intval("1A", 16), "\n";
echo intval("012", 0), " ", intval("012", 8), " ", intval("0b11", 0), " ", intval("11", 2), "\n";
echo intval("z", 36), " ", intval("-ff", 16), "\n";
echo intval(1e19), " ", intval(-1.5e19), "\n";
echo intval("  12  "), " ", intval("1_000"), "\n";
