<?php
// php -n: 1.096s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// implode/explode/str_replace/strtoupper/strpos in loops over short strings.
$words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
$total = 0;
for ($i = 0; $i < 2500000; $i++) {
    $line = implode(' ', $words) . ' ' . $i;
    $up = strtoupper($line);
    $rep = str_replace(['A', 'E'], ['4', '3'], $up);
    $parts = explode(' ', $rep);
    $total += count($parts) + strlen($parts[$i % 8]) + strpos($rep, 'TH3T4');
    $lw = strtolower($parts[($i + 3) % 8]);
    $total += ord($lw[0]) + strlen(trim("  $lw  "));
    if ($i % 500000 == 0) echo $rep, "\n";
}
echo "string checksum: $total\n";
