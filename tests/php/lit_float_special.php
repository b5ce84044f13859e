<?php
// INF, NAN and float edge cases in output and comparisons
$inf = INF; $nan = NAN;
var_dump($inf, -$inf, $nan);
echo $inf, " ", -$inf, " ", $nan, "\n";
var_dump($nan == $nan, $nan === $nan, $inf == $inf, $inf > PHP_INT_MAX);
var_dump(is_nan($nan), is_infinite(-$inf), is_finite(1.0));
var_dump((int)1e19 === 0 || true);
var_dump(0.1 + 0.7);
echo (0.1 + 0.7) * 10, "\n";
var_dump((int)((0.1 + 0.7) * 10));
var_dump(round(2.5), round(-2.5), round(1.955, 2));
var_dump(floor(-1.5), ceil(-1.5));
var_dump(1.0 === 1.00, 1.0 == 1);
var_dump(-0.0 == 0.0);
echo -0.0, "\n";
var_export(-0.0); echo "\n";
var_export(INF); echo "\n";
print_r(NAN); echo "\n";
