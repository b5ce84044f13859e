<?php
// Calls the interpreter runs in its own loop: returns of every kind, faults that
// unwind several calls at once, warnings and traces with the right lines.
function depth($n) {
    return $n == 0 ? 0 : 1 + depth($n - 1);
}
echo depth(20000), "\n";

function pick($i) {
    if ($i % 3 == 0) return "s" . $i;
    if ($i % 3 == 1) return [$i, $i * 2];
    return $i / 4;
}
for ($i = 0; $i < 6; $i++) {
    var_dump(pick($i));
}

function thrower($n) {
    if ($n == 0) {
        throw new RuntimeException("bottom", 7);
    }
    $local = str_repeat("x", $n);
    return thrower($n - 1) . $local;
}
function catcher() {
    try {
        return thrower(5);
    } catch (RuntimeException $e) {
        return "caught " . $e->getMessage() . " at line " . $e->getLine();
    }
}
echo catcher(), "\n";
// The VM stack is whole again: calls after the fault work.
echo depth(10), "\n";

function warns($a) {
    return $a + $undefined;
}
function outer_warns() {
    return warns(1) + warns(2);
}
echo outer_warns(), "\n";

function args_of($a, $b) {
    return func_num_args() . ":" . implode(",", func_get_args());
}
function via($x) {
    return args_of($x, $x + 1);
}
echo via(3), "\n";

function counter() {
    static $n = 0;
    return ++$n;
}
function twice() {
    return counter() + counter();
}
echo twice(), " ", twice(), "\n";

function modify($arr) {
    $arr[] = 99;
    return count($arr);
}
$a = [1, 2, 3];
echo modify($a), " ", count($a), "\n";

function divide($x, $y) {
    return intdiv($x, $y);
}
function middle($x) {
    return divide($x, 0) + 1;
}
try {
    middle(5);
} catch (DivisionByZeroError $e) {
    echo get_class($e), ": ", $e->getMessage(), " line ", $e->getLine(), "\n";
}
function fails($x) {
    throw new LogicException("deep $x");
}
function relay($x) {
    $keep = [$x];
    return fails($x + 1) + 1;
}
echo relay(5), "\n";
