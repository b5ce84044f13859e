<?php
// reproducible shuffles and picks with several seeds; reseeding restarts sequence
$deck = [];
foreach (["S", "H"] as $suit) foreach (["A", "K", "Q", "J"] as $r) $deck[] = $r . $suit;
foreach ([5, 6, 1000000] as $seed) {
    mt_srand($seed);
    $d = $deck;
    shuffle($d);
    echo $seed, ": ", implode(" ", $d), " | ", mt_rand(1, 52), " | ", str_shuffle("xyz123"), "\n";
}
mt_srand(5);
$d = $deck;
shuffle($d);
echo "again 5: ", implode(" ", $d), "\n";
mt_srand(10);
var_dump(array_rand(["a" => 1, "b" => 2, "c" => 3], 2));
var_dump(array_rand([10, 20, 30], 3));
mt_srand(11);
echo rand(), " ", rand(0, 9), " ", mt_rand(0, 9), "\n";
