<?php
// mt_srand(N) then mt_rand() sequences are deterministic
foreach ([0, 1, 42, 2024, -7] as $seed) {
    mt_srand($seed);
    $out = [];
    for ($i = 0; $i < 5; $i++) $out[] = mt_rand();
    echo "seed $seed: ", implode(" ", $out), "\n";
}
mt_srand(99);
$a = [mt_rand(), mt_rand()];
mt_srand(99);
$b = [mt_rand(), mt_rand()];
var_dump($a === $b);
var_dump(mt_getrandmax(), getrandmax());
