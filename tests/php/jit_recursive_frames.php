<?php
// Recursive calls in optimized code skip scanning the callee's frame when the
// callee returned through a `Return` whose frame holds nothing to release; frames
// holding strings, arrays or objects when they return are still released.

function fib($n) {
    return $n < 2 ? $n : fib($n - 1) + fib($n - 2);
}

function ack($m, $n) {
    if ($m == 0) return $n + 1;
    if ($n == 0) return ack($m - 1, 1);
    return ack($m - 1, ack($m, $n - 1));
}

// Returns a string (counted) built from its callee's.
function label($n) {
    if ($n == 0) return "x";
    $s = label($n - 1);
    return $s . $n;
}

// Keeps an array and a string in locals while returning an int.
function depth($n, $acc) {
    $list = [$n, $n + 1];
    $name = "level" . $n;
    if ($n == 0) return count($acc) + strlen($name);
    $acc[] = $n;
    return depth($n - 1, $acc) + $list[1];
}

// Returns an int or a string depending on the depth.
function mixed_ret($n) {
    if ($n == 0) return "s";
    if ($n % 3 == 0) return mixed_ret($n - 1) . "";
    $r = mixed_ret($n - 1);
    return is_string($r) ? strlen($r) : $r + 1;
}

// Passes a fresh string (a counted argument temporary, moved into the callee's
// frame) and returns the call's result: the frame is clean after the call.
function pass_on($s, $n) {
    if ($n == 0) return strlen($s) . ":" . substr($s, -3);
    return pass_on($s . chr(97 + $n % 26), $n - 1);
}

for ($round = 0; $round < 3; $round++) {
    echo fib(20), " ", ack(2, 30), " ", label(12), " ", depth(40, []), " ", mixed_ret(25), " ", pass_on("s", 150), "\n";
}
echo memory_get_usage() > 0 ? "ok" : "?", "\n";
