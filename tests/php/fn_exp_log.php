<?php
// exp, log with bases, log10, log of zero/negative
var_dump(exp(0), exp(1), exp(-1), exp(710), exp(-1000));
var_dump(log(1), log(M_E), log(0), log(-1), log(8, 2), log(100, 10), log(27, 3));
var_dump(log10(1000), log10(1), log10(0.001), log10(0), log10(-5));
var_dump(log(INF), exp(INF), exp(-INF));
try {
    var_dump(log(8, 1));
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
try {
    log(8, 0);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
printf("%.12f %.12f\n", log(2), log1p(0.5));
var_dump(M_LN2, M_LN10, M_E);
