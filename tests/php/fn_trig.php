<?php
// pi and trigonometric functions with rounding to avoid last-digit noise
var_dump(pi(), M_PI, pi() === M_PI);
foreach ([0, M_PI / 6, M_PI / 4, M_PI / 2, M_PI, -M_PI / 3, 10] as $x) {
    printf("x=%.6f sin=%.10f cos=%.10f tan=%.6e\n", $x, sin($x), cos($x), tan($x));
}
foreach ([-1, -0.5, 0, 0.5, 1] as $v) {
    printf("v=%.1f asin=%.10f acos=%.10f atan=%.10f\n", $v, asin($v), acos($v), atan($v));
}
var_dump(asin(2), acos(-1.5), atan(INF), sin(0), cos(0), tan(0));
foreach ([[1, 1], [1, -1], [-1, -1], [-1, 1], [0, 0], [0, -0.0], [-0.0, -1], [1, 0]] as [$y, $x]) {
    printf("atan2(%s,%s)=%.10f\n", var_export($y, true), var_export($x, true), atan2($y, $x));
}
var_dump(sin(M_PI) < 1e-15, is_float(sin(1)));
