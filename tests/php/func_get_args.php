<?php
// func_get_args and func_num_args, including extra args beyond declared params
function info($a, $b = 'B') {
    echo "num=", func_num_args(), " args=", json_encode(func_get_args()), "\n";
}
info(1);
info(1, 2);
info(1, 2, 3, [4]);
function sumAll() {
    $t = 0;
    foreach (func_get_args() as $v) $t += $v;
    return $t;
}
echo sumAll(), " ", sumAll(1, 2, 3), "\n";
function modified($x) {
    $x = 'changed';
    return func_get_args();
}
print_r(modified('orig'));
function variadicToo($a, ...$rest) { return func_num_args() . " " . count($rest); }
echo variadicToo(1, 2, 3), "\n";
function getArg() { return func_num_args() > 1 ? func_get_args()[1] : 'none'; }
echo getArg('a'), " ", getArg('a', 'b'), "\n";
