<?php
// is_int/is_float/is_string/is_bool/is_array/is_null over a table of values
$vals = [0, 1.0, "1", "", true, false, null, [], [1], NAN, PHP_INT_MAX + 1, "1.0"];
echo "val            int   float string bool  array null\n";
foreach ($vals as $v) {
    $row = [is_int($v), is_float($v), is_string($v), is_bool($v), is_array($v), is_null($v)];
    echo str_pad(var_export($v, true), 15);
    foreach ($row as $b) echo str_pad($b ? "yes" : "no", 6);
    echo "\n";
}
var_dump(is_integer(5), is_long(5), is_double(5.0), is_scalar(null), is_scalar("x"), is_iterable([]));
