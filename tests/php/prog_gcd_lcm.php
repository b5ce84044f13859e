<?php
// GCD/LCM: Euclid iterative and recursive, extended Euclid, fractions
function gcd(int $a, int $b): int { $a = abs($a); $b = abs($b); while ($b) { [$a, $b] = [$b, $a % $b]; } return $a; }
function gcdRec(int $a, int $b): int { return $b == 0 ? abs($a) : gcdRec($b, $a % $b); }
function lcm(int $a, int $b): int { return $a && $b ? intdiv(abs($a * $b), gcd($a, $b)) : 0; }
function egcd(int $a, int $b): array {
    if ($b == 0) return [$a, 1, 0];
    [$g, $x, $y] = egcd($b, $a % $b);
    return [$g, $y, $x - intdiv($a, $b) * $y];
}
foreach ([[12, 18], [17, 5], [0, 9], [-24, 36], [1071, 462], [2 ** 20, 6 ** 10]] as [$a, $b]) {
    [$g, $x, $y] = egcd($a, $b);
    printf("gcd(%d,%d)=%d rec=%d lcm=%d egcd: %d*%d + %d*%d = %d\n", $a, $b, gcd($a, $b), gcdRec($a, $b), lcm($a, $b), $a, $x, $b, $y, $a * $x + $b * $y);
}
echo "lcm(1..20) = ", array_reduce(range(1, 20), 'lcm', 1), "\n";
function reduce_frac(int $n, int $d): string { $g = gcd($n, $d); if ($d < 0) $g = -$g; return intdiv($n, $g) . "/" . intdiv($d, $g); }
function add_frac(array $p, array $q): array { return [$p[0] * $q[1] + $q[0] * $p[1], $p[1] * $q[1]]; }
$sum = [0, 1];
for ($i = 1; $i <= 10; $i++) { $sum = add_frac($sum, [1, $i]); $g = gcd($sum[0], $sum[1]); $sum = [intdiv($sum[0], $g), intdiv($sum[1], $g)]; }
echo "H(10) = ", $sum[0], "/", $sum[1], "\n";
echo reduce_frac(84, -36), " ", reduce_frac(0, 5), "\n";
