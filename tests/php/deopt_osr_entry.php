<?php
// A local that is an int where the loop starts turns float inside it (the int
// multiply overflows): optimized code leaves for baseline code, whose next
// back-edge would re-enter the optimized loop with the float. The entry checks the
// tags the loop was compiled for and stays in baseline code.
function grow_local($n) {
    $x = 1;
    $steps = 0;
    for ($i = 0; $i < $n; $i++) {
        $x = $x * 3;
        $steps = $steps + 1;
    }
    return [$x, $steps];
}
for ($r = 0; $r < 5; $r++) {
    var_dump(grow_local(30 + $r * 10));
}
function halve($n) {
    $v = $n;
    $k = 0;
    while ($k < 12) {
        $v = $v / 2;
        $k++;
    }
    return $v;
}
var_dump(halve(4096), halve(1000), halve(7));
