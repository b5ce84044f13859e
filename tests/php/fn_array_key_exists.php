<?php
// array_key_exists vs isset, key normalization, array_key_first/last
$a = ["a" => null, 0 => "zero", "1" => "one", "" => "empty"];
foreach (["a", 0, "0", 1, "1", "", "b", 1.0, true, null] as $k) {
    echo var_export($k, true), ": ", var_export(@array_key_exists($k, $a), true), " isset=", var_export(isset($a[$k]), true), "\n";
}
var_dump(key_exists("a", $a));
var_dump(array_key_first($a), array_key_last($a));
var_dump(array_key_first([]), array_key_last([]));
var_dump(array_key_first([7 => 1, 3 => 2]), array_key_last([7 => 1, 3 => 2]));
$b = [1, 2, 3];
unset($b[2]);
var_dump(array_key_last($b));
try {
    array_key_exists([], $a);
} catch (TypeError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
