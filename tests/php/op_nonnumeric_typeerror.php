<?php
// Non-numeric strings in arithmetic throw TypeError in PHP 8
$tests = [
    fn() => "abc" * 2,
    fn() => "abc" + 1,
    fn() => 5 - "x",
    fn() => "" + 1,
    fn() => [] + 1,
    fn() => 1 + [],
    fn() => [1] * 2,
    fn() => -"abc",
    fn() => "abc" % 3,
    fn() => "abc" ** 2,
    fn() => null + 1,
    fn() => true + true,
];
foreach ($tests as $i => $t) {
    try {
        $r = $t();
        echo "$i: "; var_dump($r);
    } catch (TypeError $e) {
        echo "$i: ", get_class($e), ": ", $e->getMessage(), "\n";
    }
}
echo "uncaught next\n";
$z = "abc" * 2;
echo "unreachable\n";
