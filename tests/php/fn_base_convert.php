<?php
// base_convert between arbitrary bases incl. large values and errors
echo base_convert("ff", 16, 2), "\n";
echo base_convert("255", 10, 16), "\n";
echo base_convert("zz", 36, 10), "\n";
echo base_convert("1010", 2, 36), "\n";
echo base_convert("FF", 16, 10), "\n";
echo base_convert("", 10, 2), "\n";
echo base_convert("0", 2, 10), "\n";
echo base_convert("ffffffffffffffff", 16, 10), "\n";
echo base_convert("18446744073709551616", 10, 16), "\n";
echo base_convert("9223372036854775807", 10, 36), "\n";
echo base_convert("hello", 36, 10), "\n";
echo base_convert("12", 3, 3), "\n";
foreach ([[1, 10], [10, 37], [0, 10]] as [$from, $to]) {
    try {
        echo base_convert("1", $from, $to), "\n";
    } catch (ValueError $e) {
        echo get_class($e) . ": " . $e->getMessage(), "\n";
    }
}
