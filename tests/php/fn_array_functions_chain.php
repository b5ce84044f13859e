<?php
// chaining array functions: word frequency and grouping pipeline
$text = "the quick brown fox jumps over the lazy dog the end";
$words = explode(" ", $text);
$freq = array_count_values($words);
arsort($freq);
print_r(array_slice($freq, 0, 3, true));
$lengths = array_map('strlen', $words);
echo array_sum($lengths), " ", max($lengths), " ", min($lengths), "\n";
$byLen = [];
foreach (array_unique($words) as $w) $byLen[strlen($w)][] = $w;
ksort($byLen);
echo json_encode($byLen), "\n";
$long = array_values(array_filter(array_unique($words), fn($w) => strlen($w) > 3));
echo implode(",", $long), "\n";
echo ucwords(implode(" ", array_reverse(array_slice($words, 0, 4)))), "\n";
echo json_encode(array_flip(array_slice(array_unique($words), 0, 4))), "\n";
echo json_encode(array_chunk(array_keys($freq), 4)), "\n";
