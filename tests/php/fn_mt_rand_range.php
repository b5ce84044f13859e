<?php
// mt_rand(min,max) and rand(min,max) after seeding, including reversed rand bounds
mt_srand(7);
$out = [];
for ($i = 0; $i < 10; $i++) $out[] = mt_rand(1, 6);
echo implode(" ", $out), "\n";
$out = [];
for ($i = 0; $i < 5; $i++) $out[] = mt_rand(-100, 100);
echo implode(" ", $out), "\n";
echo mt_rand(5, 5), " ", mt_rand(0, PHP_INT_MAX), "\n";
srand(7);
$out = [];
for ($i = 0; $i < 10; $i++) $out[] = rand(1, 6);
echo implode(" ", $out), "\n";
echo rand(10, 1), " ", rand(), "\n";
mt_srand(3, MT_RAND_PHP);
echo mt_rand(1, 100), " ", mt_rand(1, 100), "\n";
try {
    mt_rand(10, 1);
} catch (ValueError $e) {
    echo get_class($e) . ": " . $e->getMessage(), "\n";
}
