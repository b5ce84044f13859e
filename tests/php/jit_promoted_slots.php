<?php
// Loops whose locals and temporaries the optimizing tier keeps in registers
// (promoted slots, src/jit/opt/promote.rs): every way out of the loop must leave
// the frame as PHP sees it — a deopt mid-loop (overflow, a type change, a float
// turning up), a helper call inside the loop (built-ins, an undefined variable),
// an exception thrown from a callee or an operation, recursion, and a return.
function acc_loop($n, $step) {
    $s = 0;
    $t = 1;
    for ($i = 0; $i < $n; $i++) {
        $s = $s + $i * $step;
        $t = ($t * 3) % 1000003;
    }
    return [$s, $t];
}
function overflow_mid_loop($n) {
    $x = PHP_INT_MAX - 5;
    $k = 0;
    for ($i = 0; $i < $n; $i++) {
        $x = $x + 1;
        $k++;
    }
    return [$x, $k];
}
function with_builtins($n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        $s += abs($i - 7) + intdiv($i, 3) + strlen(str_repeat("a", $i % 5));
    }
    return $s;
}
function undefined_inside($n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        if ($i == 3) {
            $s += $never; // warning, then null
        }
        $s += $i;
    }
    return $s;
}
function thrower($i) {
    if ($i == 13) throw new RuntimeException("at $i");
    return $i;
}
function throws_from_loop($n) {
    $s = 0;
    for ($i = 0; $i < $n; $i++) {
        $s += thrower($i) * 2;
    }
    return $s;
}
function divides($n) {
    $s = 0;
    for ($i = 5; $i > -$n; $i--) {
        $s += intdiv(100, $i);
    }
    return $s;
}
function fib_loop($n) {
    $a = 0;
    $b = 1;
    for ($i = 0; $i < $n; $i++) {
        $c = $a + $b;
        $a = $b;
        $b = $c;
    }
    return $a;
}
function nested_sum($m) {
    $total = 0;
    for ($i = 0; $i < $m; $i++) {
        for ($j = 0; $j < $m; $j++) {
            $total += ($i ^ $j) & 7;
        }
        if ($i % 50 == 49) $total += fib_loop(10);
    }
    return $total;
}
function grid($n) {
    $row = array_fill(0, $n, 0);
    for ($k = 0; $k < $n; $k++) {
        for ($j = 0; $j < $n; $j++) $row[$j] += $k * $j;
    }
    return array_sum($row);
}
function mixed_types($v) {
    $s = 0;
    for ($i = 0; $i < 10; $i++) {
        $s = $s + $v;
    }
    return $s;
}
function bump_all(array &$a, int $k) {
    $n = count($a);
    for ($i = 0; $i < $n; $i++) {
        $a[$i] = $a[$i] + $k * $i;
    }
    return $n;
}
$arr = range(0, 9);
for ($r = 0; $r < 50; $r++) bump_all($arr, 2);
echo "bumped: ", implode(",", $arr), "\n";
$arr[4] = 0.5;
$arr[6] = "5";
echo "bumped mixed: ", bump_all($arr, 1), " ", implode(",", $arr), "\n";
try {
    bump_all($arr, "x");
} catch (TypeError $e) {
    echo "TypeError: ", $e->getMessage(), "\n";
}
for ($r = 0; $r < 300; $r++) {
    $a = acc_loop(200, 3);
    $g = grid(30);
    $ns = nested_sum(60);
}
echo "acc: ", implode(",", $a), " grid: $g nested: $ns\n";
echo "acc float step: ", implode(",", acc_loop(50, 0.5)), "\n";
echo "acc huge step: ", implode(",", acc_loop(5, PHP_INT_MAX)), "\n";
echo "overflow: ", var_export(overflow_mid_loop(10), true), "\n";
echo "builtins: ", with_builtins(40), "\n";
echo "undefined: ", undefined_inside(6), "\n";
try {
    echo throws_from_loop(20), "\n";
} catch (RuntimeException $e) {
    echo "caught: ", $e->getMessage(), "\n";
}
try {
    echo divides(3), "\n";
} catch (DivisionByZeroError $e) {
    echo "caught: ", $e->getMessage(), "\n";
}
echo "fib: ", fib_loop(90), " ", fib_loop(100), "\n";
echo "mixed: ", mixed_types(2), " ", mixed_types(2.5), " ", mixed_types("3"), " ", mixed_types(true), "\n";
try {
    echo mixed_types([1]), "\n";
} catch (TypeError $e) {
    echo "TypeError: ", $e->getMessage(), "\n";
}
