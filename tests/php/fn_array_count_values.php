<?php
// array_count_values over strings and ints, case sensitivity
print_r(array_count_values(["a", "b", "a", "A", "b", "a"]));
print_r(array_count_values([1, "1", 2, "02", 1]));
print_r(array_count_values([]));
print_r(@array_count_values([1.5, true, "x"]));
$words = explode(" ", "the cat and the hat and the bat");
$c = array_count_values($words);
arsort($c);
print_r($c);
