<?php
// Calls the optimizing tier makes natively (frame set up in JIT code): recursion
// deeper than the call stack's first allocation, counted arguments and results,
// results stored over counted values, exceptions unwinding through native calls,
// callees that grow their CallInfo (func_get_args, extract), unused results.
function depth($n) { return $n == 0 ? 0 : 1 + depth($n - 1); }
function label($s, $i) { return $s . ":" . $i; }
function pair($a, $b) { return [$a, $b]; }
function thrower($n) {
    if ($n == 0) throw new RuntimeException("bottom reached");
    return thrower($n - 1) + 1;
}
function counted_args($a) { return count($a) + strlen(implode(",", $a)); }
function extractor($x) { extract(['y' => $x * 2]); return $y; }
function args_of($a) { return count(func_get_args()) + $a; }
function nothing($x) { $x + 1; }
function side(&$r) { $r++; }

$t = 0;
for ($i = 0; $i < 2000; $i++) {
    $t += depth(3000 + $i % 3);
}
echo "depth: $t\n";

$s = "start";
for ($i = 0; $i < 2000; $i++) {
    $s = label($s === "" ? "x" : substr($s, 0, 8), $i);  // dst holds a string
}
echo "label: $s\n";

$p = null;
for ($i = 0; $i < 2000; $i++) {
    $p = pair($i, "v$i");                                // dst holds an array
}
print_r($p);

for ($k = 0; $k < 3; $k++) {
    try {
        for ($i = 0; $i < 500; $i++) {
            thrower($k == 2 ? 5 : 50 + $i);
        }
    } catch (RuntimeException $e) {
        echo "caught: ", $e->getMessage(), " line ", $e->getLine(), "\n";
    }
}

$arr = ["a", "bb", "ccc"];
$c = 0;
for ($i = 0; $i < 2000; $i++) {
    $c += counted_args($arr) + extractor($i) + args_of($i);
    nothing($i);
    label("unused", $i);
}
echo "mixed: $c\n";

$r = 0;
for ($i = 0; $i < 2000; $i++) {
    side($r);
}
echo "by-ref: $r\n";

// Uncaught, through native calls: the stack trace names each call's line.
function outer($n) { return inner($n) + 1; }
function inner($n) { return thrower($n) + 1; }
for ($i = 0; $i < 1000; $i++) {
    outer($i < 999 ? 3 : 1);
}
