<?php
// Collatz sequences: lengths, longest under a limit, with memoisation
function collatz(int $n): array { $s = [$n]; while ($n != 1) { $n = $n % 2 ? 3 * $n + 1 : $n / 2; $s[] = $n; } return $s; }
echo implode(" -> ", collatz(27 > 100 ? 1 : 6)), "\n";
$s27 = collatz(27);
echo "27: length ", count($s27), " max ", max($s27), "\n";
var_dump(is_int($s27[1]), is_int($s27[2]));
$cache = [1 => 1];
function clen(int $n, array &$cache): int {
    if (isset($cache[$n])) return $cache[$n];
    $next = ($n & 1) ? 3 * $n + 1 : $n >> 1;
    return $cache[$n] = 1 + clen($next, $cache);
}
$best = 0; $bestN = 0;
for ($i = 1; $i < 30000; $i++) { $l = clen($i, $cache); if ($l > $best) { $best = $l; $bestN = $i; } }
echo "longest under 30000: n=$bestN length=$best\n";
$hist = [];
for ($i = 1; $i <= 50; $i++) { $b = intdiv(clen($i, $cache), 10) * 10; $hist[$b] = ($hist[$b] ?? 0) + 1; }
ksort($hist);
foreach ($hist as $b => $c) printf("%3d-%3d: %s\n", $b, $b + 9, str_repeat("*", $c));
