<?php
// DivisionByZeroError from /, %, intdiv, fmod is not an error
$ops = [
    '1 / 0' => fn() => 1 / 0,
    '1 % 0' => fn() => 1 % 0,
    'intdiv(1, 0)' => fn() => intdiv(1, 0),
    '1.5 / 0.0' => fn() => 1.5 / 0.0,
    '0 / 0' => fn() => 0 / 0,
    '5 % 0.5' => fn() => 5 % 0.5,
    '$x /= 0' => function () { $x = 3; $x /= 0; return $x; },
    '$x %= 0' => function () { $x = 3; $x %= 0; return $x; },
    '"4" / "0"' => fn() => "4" / "0",
];
foreach ($ops as $label => $op) {
    try {
        var_dump($op());
    } catch (DivisionByZeroError $e) {
        echo "$label: ", get_class($e), " '", $e->getMessage(), "' arithmetic=", (int)($e instanceof ArithmeticError), "\n";
    }
}
var_dump(fmod(1, 0));
var_dump(10 % 3);
echo "uncaught:\n";
echo 10 % 0;
