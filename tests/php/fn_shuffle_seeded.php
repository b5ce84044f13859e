<?php
// shuffle, str_shuffle and array_rand after mt_srand produce fixed sequences
foreach ([1, 42, 12345] as $seed) {
    mt_srand($seed);
    $a = range(1, 10);
    shuffle($a);
    echo "seed $seed shuffle: ", implode(",", $a), "\n";
    echo "str_shuffle: ", str_shuffle("abcdefghij"), "\n";
    echo "array_rand 1: ", array_rand(["a" => 1, "b" => 2, "c" => 3, "d" => 4]), "\n";
    echo "array_rand 3: ", implode(",", array_rand(range(0, 9), 3)), "\n";
}
$e = [];
var_dump(shuffle($e), $e);
try {
    array_rand([]);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
try {
    array_rand([1, 2], 3);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
