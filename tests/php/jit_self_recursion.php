<?php
// Self-recursive functions, whose optimized bodies run nested calls of
// themselves as jumps (up to a depth, then as native calls): deep recursion past
// that depth, exceptions thrown and caught at different depths, deopts in nested
// activations, counted values returned up the chain, backtraces and by-reference
// parameters.

function sum_to($n) {
    if ($n == 0) return 0;
    return $n + sum_to($n - 1);
}

function ack($m, $n) {
    if ($m == 0) return $n + 1;
    if ($n == 0) return ack($m - 1, 1);
    return ack($m - 1, ack($m, $n - 1));
}

// Throws at depth 0 of its argument; every fifth level catches and rethrows.
function thrower($n) {
    if ($n == 0) throw new RuntimeException("bottom");
    if ($n % 5 == 0) {
        try {
            return thrower($n - 1) + 1;
        } catch (RuntimeException $e) {
            throw new RuntimeException($e->getMessage() . "<$n", 0, $e);
        }
    }
    return thrower($n - 1) + 1;
}

// Int arithmetic that overflows to float deep down (a deopt in a nested activation).
function grow($x, $n) {
    if ($n == 0) return $x;
    return grow($x * 3, $n - 1) + 1;
}

// Returns counted values (strings, arrays) up the chain.
function build($n) {
    if ($n == 0) return "";
    return build($n - 1) . chr(65 + $n % 26);
}

function nest($n) {
    if ($n == 0) return [];
    return [$n, nest($n - 1)];
}

function depth_of($a) {
    if (count($a) == 0) return 0;
    return 1 + depth_of($a[1]);
}

// A type that changes mid-recursion: ints, then a string at one level.
function mixed_sum($n) {
    if ($n == 0) return 0;
    $v = $n == 40 ? "7" : $n;
    return $v + mixed_sum($n - 1);
}

// A by-reference parameter threaded through the recursion.
function count_down($n, &$acc) {
    if ($n == 0) return 0;
    $acc += $n;
    return count_down($n - 1, $acc) + 1;
}

function trace_at($n) {
    if ($n == 0) {
        $t = (new Exception("here"))->getTrace();
        return count($t) . ":" . $t[0]['function'] . ":" . $t[0]['line'];
    }
    return trace_at($n - 1);
}

// Recursion with a loop inside (its slots may live in registers).
function perm_count($n, $used) {
    if ($n == 0) return 1;
    $c = 0;
    for ($i = 0; $i < 5; $i++) {
        if (($used >> $i) & 1) continue;
        $c += perm_count($n - 1, $used | (1 << $i));
    }
    return $c;
}

function fib($n) {
    return $n < 2 ? $n : fib($n - 1) + fib($n - 2);
}

for ($round = 0; $round < 3; $round++) {
    echo sum_to(50), " ", sum_to(1000), " ", sum_to(5000), "\n";
    echo ack(2, 3), " ", ack(2, 200), " ", ack(3, 4), "\n";
    foreach ([3, 12, 130] as $n) {
        try {
            thrower($n);
        } catch (RuntimeException $e) {
            $depth = 0;
            for ($p = $e; $p; $p = $p->getPrevious()) $depth++;
            echo strlen($e->getMessage()), " ", $depth, " ", $e->getLine(), "\n";
        }
    }
    var_dump(grow(1, 10), grow(1, 50), grow(2, 45));
    $s = build(300);
    echo strlen($s), " ", substr($s, 0, 10), " ", substr($s, -10), "\n";
    echo depth_of(nest(200)), "\n";
    var_dump(mixed_sum(30), mixed_sum(100));
    $acc = 0;
    echo count_down(150, $acc), " ", $acc, "\n";
    echo trace_at(0), " ", trace_at(3), " ", trace_at(100), "\n";
    echo perm_count(4, 0), " ", perm_count(5, 0), "\n";
    echo fib(20), "\n";
}

// Self calls that pass enough arguments enter past the body's argument check;
// one passing too few must still reach it (and throw), one leaving a default
// parameter out must still see its count.
function with_default($n, $acc = 0) {
    if ($n == 0) {
        return $acc;
    }
    if ($n % 3 == 0) {
        return with_default($n - 1, $acc + $n);
    }
    return with_default($n - 1);
}
function too_few($a, $b) {
    if ($a <= 0) {
        return $b;
    }
    try {
        return too_few($a - 1);
    } catch (ArgumentCountError $e) {
        return $e->getMessage() . " at " . $a;
    }
}
for ($i = 0; $i < 30; $i++) {
    $d = with_default(20 + $i);
    $f = too_few(3, 1);
}
var_dump($d);
echo $f, "\n";
