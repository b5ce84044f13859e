<?php
// every sort function returns true and resets or keeps keys as documented
$base = ["d" => 4, "b" => 2, "a" => 1, "c" => 3];
$fns = ["sort", "rsort", "asort", "arsort", "ksort", "krsort"];
foreach ($fns as $f) {
    $x = $base;
    $r = $f($x);
    echo str_pad($f, 7), var_export($r, true), " ", json_encode($x), "\n";
}
$cmp = fn($a, $b) => $a <=> $b;
foreach (["usort", "uasort", "uksort"] as $f) {
    $x = $base;
    $r = $f($x, $cmp);
    echo str_pad($f, 7), var_export($r, true), " ", json_encode($x), "\n";
}
$n = [3 => "c", 1 => "a", 2 => "b"];
sort($n);
var_dump($n);
