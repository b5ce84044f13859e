<?php
// Sieve of Eratosthenes and prime statistics
function sieve(int $n): array {
    $is = array_fill(0, $n + 1, true);
    $is[0] = $is[1] = false;
    for ($i = 2; $i * $i <= $n; $i++) {
        if (!$is[$i]) continue;
        for ($j = $i * $i; $j <= $n; $j += $i) $is[$j] = false;
    }
    $primes = [];
    foreach ($is as $k => $p) if ($p) $primes[] = $k;
    return $primes;
}
$p = sieve(200);
echo count($p), " primes <= 200\n";
foreach (array_chunk($p, 10) as $row) echo implode("\t", $row), "\n";
$big = sieve(100000);
echo count($big), " primes <= 100000, last ", end($big), "\n";
$twins = 0;
for ($i = 1; $i < count($big); $i++) if ($big[$i] - $big[$i - 1] == 2) $twins++;
echo "twin pairs: $twins\n";
$maxGap = 0; $at = 0;
for ($i = 1; $i < count($big); $i++) { $g = $big[$i] - $big[$i - 1]; if ($g > $maxGap) { $maxGap = $g; $at = $big[$i - 1]; } }
echo "max gap $maxGap after $at\n";
echo "sum: ", array_sum($big), "\n";
