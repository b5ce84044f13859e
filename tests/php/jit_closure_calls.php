<?php
// `$f(...)` call sites the optimizing tier calls natively once their profile saw
// one closure function: captured values (by value and by reference) reach the
// callee, other callables arriving later take the generic call, exceptions and
// recursion through a captured reference behave as in php.

function run_calls($f, $n) {
    $t = 0;
    for ($i = 0; $i < $n; $i++) {
        $t += $f($i);
    }
    return $t;
}

$k = 3;
$scale = function ($x) use ($k) { return $x * $k; };
$inc = fn($x) => $x + 1;
echo run_calls($scale, 200), " ", run_calls($scale, 300), "\n";

// The same site, now with other closures, a string callable and a built-in.
echo run_calls($inc, 100), "\n";
echo run_calls('abs', 10), "\n";
function neg($x) { return -$x; }
echo run_calls('neg', 10), "\n";
echo run_calls(fn($x) => $x * $k * 2, 50), "\n";
echo run_calls(Closure::fromCallable('strlen'), 3), "\n";

// Captures: strings, arrays (counted values copied in), references (shared).
$prefix = "item-";
$seen = [];
$log = function ($x) use ($prefix, &$seen) {
    $seen[] = $prefix . $x;
    return strlen($prefix) + $x;
};
$total = 0;
for ($i = 0; $i < 100; $i++) {
    $total += $log($i);
}
echo $total, " ", count($seen), " ", $seen[99], " ", $prefix, "\n";

// A counter captured by reference, called from a hot loop.
$count = 0;
$bump = function ($by) use (&$count) { $count += $by; return $count; };
for ($i = 0; $i < 500; $i++) {
    $bump($i % 3);
}
echo "count $count\n";

// Recursion through a captured reference to the closure itself.
$fib = function ($n) use (&$fib) { return $n < 2 ? $n : $fib($n - 1) + $fib($n - 2); };
echo "fib ", $fib(20), "\n";

// A closure replacing itself while it runs (its captures were copied).
$self = function ($x) use (&$self) {
    if ($x == 7) {
        $self = fn($y) => -1000;
    }
    return $x;
};
$sum = 0;
for ($i = 0; $i < 10; $i++) {
    $sum += $self($i);
}
echo "self $sum\n";

// Exceptions thrown by the callee unwind through the native call.
$thrower = function ($x) {
    if ($x == 150) {
        throw new RuntimeException("at $x");
    }
    return 1;
};
try {
    echo run_calls($thrower, 200), "\n";
} catch (RuntimeException $e) {
    echo "caught ", $e->getMessage(), "\n";
}
echo run_calls($thrower, 100), "\n";

// Fewer or more arguments than parameters; defaults; type errors.
$two = function ($a, $b = 10) { return $a + $b; };
$s = 0;
for ($i = 0; $i < 100; $i++) {
    $s += $two($i) + $two($i, 1);
}
echo "two $s\n";
$typed = function (int $x) { return $x * 2; };
$s = 0;
for ($i = 0; $i < 100; $i++) {
    $s += $typed($i);
}
try {
    $typed("nope");
} catch (TypeError $e) {
    echo get_class($e), "\n";
}
echo "typed $s\n";
