<?php
// Prime factorisation by trial division, divisor counts, perfect numbers
function factorize(int $n): array {
    $f = [];
    for ($d = 2; $d * $d <= $n; $d++) while ($n % $d == 0) { $f[$d] = ($f[$d] ?? 0) + 1; $n = intdiv($n, $d); }
    if ($n > 1) $f[$n] = ($f[$n] ?? 0) + 1;
    return $f;
}
function fmt(array $f): string {
    $parts = [];
    foreach ($f as $p => $e) $parts[] = $e > 1 ? "$p^$e" : "$p";
    return implode(" * ", $parts) ?: "1";
}
foreach ([1, 2, 12, 97, 360, 1001, 65536, 999999, 600851475143, 9007199254740993] as $n) {
    $f = factorize($n);
    $divs = array_product(array_map(fn($e) => $e + 1, $f));
    echo "$n = ", fmt($f), " (divisors: $divs)\n";
}
$perfect = [];
for ($n = 2; $n < 10000; $n++) {
    $s = 1;
    for ($d = 2; $d * $d <= $n; $d++) if ($n % $d == 0) { $s += $d; if ($d * $d != $n) $s += intdiv($n, $d); }
    if ($s == $n) $perfect[] = $n;
}
echo "perfect numbers < 10000: ", implode(", ", $perfect), "\n";
