<?php
// Division by zero at top level is a fatal uncaught DivisionByZeroError
$values = [10, 5, 2];
foreach ($values as $v) {
    echo "100 / $v = ", 100 / $v, "\n";
}
$zero = 0;
echo "about to divide\n";
echo 100 / $zero, "\n";
echo "never\n";
