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

// A call's result passed straight on as the next call's argument
// (`ack($m - 1, ack($m, $n - 1))`): ints, strings and arrays (counted, owned by
// the outer call's frame), an inner call that throws, and an outer call that
// takes its helper path (the call stack growing, 20000 deep).
function ack($m, $n) {
    if ($m == 0) return $n + 1;
    if ($n == 0) return ack($m - 1, 1);
    return ack($m - 1, ack($m, $n - 1));
}
function tag($s) { return "<$s>"; }
function twice($s, $t) { return $s . $t . $s; }
function nest($n) {
    if ($n == 0) return "0";
    return twice("n$n", nest($n - 1));
}
function firsts($a) { return [$a[0] ?? null, count($a)]; }
function listing($n) { return firsts(range(0, $n)); }
function fragile($n) {
    if ($n == 3) throw new LogicException("three");
    return $n;
}
function chain($n) { return tag(fragile($n)); }
function down($n) {
    if ($n == 0) return 0;
    return tag2(down($n - 1));
}
function tag2($v) { return $v + 1; }
for ($i = 0; $i < 60; $i++) { $k = ack(2, 3); $x = strlen(nest(6)); $l = listing($i); }
var_dump($k, ack(2, 50), ack(3, 4), $x, nest(3), $l);
for ($i = 0; $i < 6; $i++) {
    try {
        echo chain($i), "\n";
    } catch (LogicException $e) {
        echo "caught ", $e->getMessage(), "\n";
    }
}
var_dump(down(20000), ack(1, 5), ack(0, PHP_INT_MAX), ack(1, "4"));
