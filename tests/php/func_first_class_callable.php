<?php
// First-class callable syntax f(...) and closures from named functions
function triple($x) { return $x * 3; }
$t = triple(...);
echo $t(4), "\n";
$len = strlen(...);
echo $len("hello"), "\n";
print_r(array_map(triple(...), [1, 2, 3]));
$up = strtoupper(...);
echo implode(" ", array_map($up, ["a", "bc"])), "\n";
var_dump($t instanceof Closure, is_callable($len));
$compose = fn(callable ...$fs) => fn($x) => array_reduce($fs, fn($acc, $f) => $f($acc), $x);
$pipeline = $compose(trim(...), strrev(...), strtoupper(...));
echo $pipeline("  abc  "), "\n";
$fromCallable = Closure::fromCallable('triple');
echo $fromCallable(5), "\n";
function apply(callable $f, array $xs) { $out = []; foreach ($xs as $x) $out[] = $f($x); return $out; }
echo implode(",", apply('abs', [-1, -2, 3])), "\n";
