<?php
// float equality, string comparison of floats, and number-to-string contexts
var_dump(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < PHP_FLOAT_EPSILON, (string)(0.1 + 0.2) === "0.3");
var_dump("1.0" == "1", "1e0" == "1", "0.30000000000000004" == 0.1 + 0.2, "abc" == 0, null == 0.0);
var_dump(1.0 === 1, 1.0 == 1, "1.0" === "1", 1.5 <=> 1.25, -0.0 == 0.0, -0.0 === 0.0);
$f = 0.5 + 0.5;
$s = "Value: $f and " . 1e3 . " and " . 1.0;
echo $s, "\n";
echo 10 / 3, "\n";
echo -1 / 3, "\n";
echo 1e100, "\n";
echo 0.1 + 0.2 - 0.3, "\n";
echo 1 <=> 2.5, "\n";
