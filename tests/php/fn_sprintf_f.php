<?php
// sprintf %f %F and precision/width combos
$vals = [0, 1, -1, 3.14159265, -2.5, 0.5, 1.005, 2.675, 1e10, 1e-10, 123456789.987654321, -0.0];
foreach ($vals as $v) {
    printf("[%f] [%F] [%.2f] [%.0f] [%10.4f] [%-10.3f] [%010.2f] [%+.1f]\n", $v, $v, $v, $v, $v, $v, $v, $v);
}
printf("[%.15f]\n", 0.1);
printf("[%.20f]\n", 1/3);
printf("[%f]\n", "3.5xyz");
printf("[%'x12.3f]\n", 3.14159);
printf("[%.53f]\n", 1.0);
