<?php
// Interpolation of undefined vars and keys emits warnings but continues
$a = ['x' => 1];
echo "start\n";
echo "missing key: [$a[y]]\n";
echo "missing var: [$nope]\n";
$arr = [1, 2];
echo "array: $arr\n";
echo "done\n";
