<?php
// Built-ins the optimizing tier computes inline (strlen, ord, count, sqrt): every
// argument type, the last owner of a consumed argument, results never used, and
// arguments of other types arriving after the function was optimized.

function lengths(array $items) {
    $total = 0;
    foreach ($items as $v) {
        $total += strlen($v) * 1000 + ord($v);
    }
    return $total;
}

function numbers($n) {
    $acc = 0.0;
    for ($i = 0; $i < $n; $i++) {
        $acc += sqrt($i) + sqrt($i * 0.5);
    }
    return $acc;
}

function sizes($rows) {
    $t = 0;
    for ($i = 0; $i < count($rows); $i++) {
        $t += count($rows[$i]) + sizeof($rows[$i]);
    }
    return $t;
}

function fresh($n) {
    $t = 0;
    for ($i = 0; $i < $n; $i++) {
        // Each argument is the last owner of a fresh string or array.
        $t += strlen(str_repeat("ab", $i)) + count(array_fill(0, $i + 1, $i)) + ord(chr(65 + $i % 26));
        strlen("unused $i");
    }
    return $t;
}

function closures_released_at_the_call() {
    $t = 0;
    for ($i = 0; $i < 3; $i++) {
        // The array is the last owner of its closure and its object.
        $t += count([function () use ($i) { return $i; }, new stdClass()]);
    }
    return $t;
}

function anything($v) {
    return strlen($v) + ord($v);
}

function any_count($v) {
    return count($v);
}

function any_sqrt($v) {
    return sqrt($v);
}

echo lengths(["", "a", "hello", "\xff\xfe", str_repeat("x", 300)]), "\n";
for ($r = 0; $r < 3; $r++) {
    printf("%.6f\n", numbers(50 + $r));
}
echo sizes([[1, 2], [], ['a' => 1, 'b' => 2, 'c' => 3], range(1, 10)]), "\n";
echo fresh(40), "\n";
echo closures_released_at_the_call(), "\n";

// Warm the inline paths up, then feed each built-in what it does not take inline.
for ($i = 0; $i < 30; $i++) {
    anything("warm");
    any_count([1, 2, 3]);
    any_sqrt(2.0);
}
var_dump(anything(12345), anything(1.5), anything(true), anything(false));
var_dump(anything(null));
try {
    anything([1]);
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
var_dump(any_count(['x' => 1, 'y' => 2]), any_count([]));
try {
    any_count(5);
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    any_count(new stdClass());
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
try {
    any_count("str");
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
var_dump(any_sqrt(16), any_sqrt(-1), any_sqrt("2.25"), any_sqrt(PHP_INT_MAX), any_sqrt(INF));
try {
    any_sqrt("abc");
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
var_dump(any_sqrt(null));
$s = "kept";
$len = 0;
for ($i = 0; $i < 5; $i++) {
    $len += strlen($s);
}
echo $s, " ", $len, "\n";
