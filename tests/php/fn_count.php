<?php
// count and sizeof, including COUNT_RECURSIVE and TypeError for scalars
var_dump(count([]), count([1, 2, 3]), sizeof(["a" => 1, "b" => 2]));
$nested = [1, [2, 3], [4, [5, 6]]];
var_dump(count($nested), count($nested, COUNT_RECURSIVE), sizeof($nested, 1));
var_dump(count([null, null]), count([[]], COUNT_RECURSIVE));
foreach (["str", 5, null, 1.5, true] as $v) {
    try {
        var_dump(count($v));
    } catch (TypeError $e) {
        echo get_class($e) . ": " . $e->getMessage(), "\n";
    }
}
try {
    count([1], 5);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
$a = [1, 2, 3];
unset($a[0]);
$a[] = 4;
var_dump(count($a));
