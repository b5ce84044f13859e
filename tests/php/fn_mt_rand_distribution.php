<?php
// seeded mt_rand histogram and derived values stay deterministic
mt_srand(123);
$hist = array_fill(1, 6, 0);
for ($i = 0; $i < 600; $i++) $hist[mt_rand(1, 6)]++;
print_r($hist);
echo array_sum($hist), "\n";
mt_srand(123);
$first = mt_rand(1, 6);
echo $first, "\n";
mt_srand(0);
$s = "";
for ($i = 0; $i < 8; $i++) $s .= chr(mt_rand(97, 122));
echo $s, "\n";
mt_srand(PHP_INT_MAX);
echo mt_rand(), " ", mt_rand(PHP_INT_MIN, PHP_INT_MAX), "\n";
