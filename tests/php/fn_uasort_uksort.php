<?php
// uasort and uksort with custom comparators keep keys
$scores = ["ann" => 82, "bob" => 95, "cy" => 82, "dee" => 70];
uasort($scores, fn($a, $b) => $b <=> $a);
print_r($scores);
uksort($scores, fn($a, $b) => strlen($a) <=> strlen($b) ?: strcmp($a, $b));
print_r($scores);
$byLen = ["ccc" => 1, "a" => 2, "bb" => 3];
var_dump(uksort($byLen, 'strcmp'));
print_r($byLen);
$nums = [3 => "c", 1 => "a", 2 => "b"];
uksort($nums, fn($a, $b) => $b - $a);
print_r($nums);
uasort($nums, 'strcmp');
print_r($nums);
