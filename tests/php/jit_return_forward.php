<?php
// `return $a op $b;` hands the int result to the return in registers, never
// storing it into the frame (irgen_retfwd.rs). Overflow to float at the add, at
// any depth of a recursion, must leave optimized code with the frame the tier
// below expects; non-int operands arriving late take the other plans.
function add($a, $b) { return $a + $b; }
function sub($a, $b) { return $a - $b; }
function mul($a, $b) { return $a * $b; }
$t = 0;
for ($i = 0; $i < 3000; $i++) $t = add($t, sub(mul($i, 3), $i));
var_dump($t);
var_dump(add(PHP_INT_MAX, 1), sub(PHP_INT_MIN, 1), mul(PHP_INT_MAX, 2));
var_dump(add(1.5, 2), add("3", 4), mul(2, "2.5"));

function fib($n) {
    return $n < 2 ? $n : fib($n - 1) + fib($n - 2);
}
for ($i = 0; $i < 30; $i++) $f = fib(15);
var_dump($f);

// Doubles until it overflows partway down; the deeper levels then see floats.
function grow($n) {
    if ($n == 0) return 1;
    return grow($n - 1) * 3;
}
for ($i = 0; $i < 50; $i++) $g = grow(20);
var_dump($g, grow(39), grow(41), grow(60));

// A sum whose recursion ends in a string once.
function total($n, $last) {
    if ($n == 0) return $last;
    return total($n - 1, $last) + $n;
}
for ($i = 0; $i < 50; $i++) $s = total(40, 0);
var_dump($s, total(40, "5"), total(40, 2.5), total(3, PHP_INT_MAX - 3));

// `return f(...)` hands the call's result over too: strings and arrays (counted,
// owned by the return), deep recursion whose call stack grows (the call's helper
// path), and a callee that throws through it.
function deep($n) {
    if ($n == 0) return "end";
    return deep($n - 1);
}
function pair($n) { return [$n, "v$n"]; }
function wrap($n) { return pair($n); }
function shout($s) { return strtoupper($s) . "!"; }
function relay($s) { return shout($s); }
for ($i = 0; $i < 100; $i++) { $d = deep(50); $w = wrap($i); $r = relay("a$i"); }
var_dump($d, $w, $r);
var_dump(deep(20000), strlen(relay(str_repeat("x", 1000))));
function boom($n) {
    if ($n == 0) throw new RuntimeException("at the bottom");
    return boom($n - 1);
}
for ($i = 0; $i < 3; $i++) {
    try {
        boom(100 + $i);
    } catch (RuntimeException $e) {
        echo $e->getMessage(), " ", count($e->getTrace()), "\n";
    }
}

// Runs of argument writes before a call (a move, then a subtraction that may
// leave optimized code): the moved value reaches the tier below when the
// subtraction overflows or meets a string, counted values included.
function two($m, $n) {
    if ($m == 0) return $n;
    return two($m - 1, $n - 1);
}
function carry($s, $n) {
    if ($n <= 0) return $s;
    return carry($s, $n - 1) . ".";
}
for ($i = 0; $i < 100; $i++) { $a = two(10, 100); $b = carry("x$i", 5); }
var_dump($a, $b);
var_dump(two(5, PHP_INT_MIN + 2), two(3, "10"), two(4, 2.5));
var_dump(carry("str", 3), carry(["no"] === [] ? "a" : "b", 2.5), carry(7, "3"));
