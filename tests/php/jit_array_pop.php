<?php
// array_pop in optimized code (an intrinsic on the reference its MakeRef makes):
// packed and hash arrays, shared arrays copied first, references inside, counted
// values, empty arrays, the next free key, and non-arrays arriving late.
function drain(&$a, $n) {
    $out = [];
    for ($i = 0; $i < $n; $i++) { $v = array_pop($a); $out[] = $v; }
    return $out;
}
for ($r = 0; $r < 40; $r++) { $a = range(1, 10); $got = drain($a, 4); }
var_dump($got, $a);
$a = ['x' => 1, 'y' => "two", 5 => [3], 'z' => 4.5];
var_dump(drain($a, 2), $a);
$a[] = 'next';
var_dump($a);
$orig = [1, 2, 3];
$copy = $orig;
drain($copy, 1);
var_dump($orig, $copy);
$x = "ref";
$withref = [1, &$x];
$p = drain($withref, 1);
$p[0] .= "!";
var_dump($p, $x, $withref);
$e = [];
var_dump(drain($e, 3), $e);
$objs = [new stdClass, (object)['n' => 7]];
$o = drain($objs, 1);
var_dump($o[0]->n, count($objs));
function pop_any(&$v) { return array_pop($v); }
for ($r = 0; $r < 40; $r++) { $q = [$r, $r + 1]; $last = pop_any($q); }
var_dump($last);
$nul = null;
try {
    var_dump(pop_any($nul));
} catch (TypeError $t) {
    echo get_class($t), ": ", $t->getMessage(), "\n";
}
$str = "abc";
try {
    var_dump(pop_any($str));
} catch (TypeError $t) {
    echo get_class($t), ": ", $t->getMessage(), "\n";
}
$s = [1, 2];
array_pop($s);
var_dump($s);
