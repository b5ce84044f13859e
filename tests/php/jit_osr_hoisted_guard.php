<?php
// A script-body loop reads elements of a string it never writes. The optimizing
// tier moves the loop-invariant check of the read's base to the loop's entry (an
// array check: the read is inlined for arrays and calls its helper otherwise), so
// the body's entry state says "array". Compiled while baseline code is inside the
// loop (jit.sync=2 compiles at the back-edge that crosses the threshold), the
// translation is only ever entered at the loop body (OSR), which refuses the
// string. That refusal must reach the next translation (it marks the loop's
// entry), or every translation is refused the same way until the function is
// given up on and the loop stays in baseline code.
$s = str_repeat("hello", 1);
$acc = 0;
for ($i = 0; $i < 100000; $i++) {
    $acc += ord($s[$i % 5]);
}
echo $acc, "\n";

// The same with two loops, the second entered only through OSR.
function two_loops($s, $n) {
    $sum = 0;
    for ($i = 0; $i < $n; $i++) {
        $sum += $i & 7;
    }
    $codes = 0;
    for ($j = 0; $j < $n; $j++) {
        $codes += ord($s[$j % strlen($s)]);
    }
    return [$sum, $codes];
}
var_dump(two_loops(str_repeat("ab", 3), 50000));
