<?php
// TypeError messages of unsupported operand types and other type errors
$cases = [
    fn() => [] + 1,
    fn() => [1] - [1],
    fn() => [] * [],
    fn() => [] / 2,
    fn() => 2 % [],
    fn() => [] ** 2,
    fn() => [] . "x",
    fn() => [] | 1,
    fn() => ~[],
    fn() => "a" << 1,
    fn() => 1.5 & [],
    fn() => strlen([]),
    fn() => str_repeat("x", "y"),
    fn() => array_sum(5),
];
foreach ($cases as $i => $c) {
    try {
        $r = @$c();
        echo "$i ok: "; var_dump($r);
    } catch (TypeError $e) {
        echo "$i ", get_class($e), ": ", $e->getMessage(), "\n";
    }
}
