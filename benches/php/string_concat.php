<?php
// php -n: 1.044s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// Building large strings with .= and inspecting them with strlen/substr/str_repeat.
$total = 0;
for ($round = 0; $round < 50; $round++) {
    $s = '';
    for ($i = 0; $i < 300000; $i++) {
        $s .= 'x' . $i . ',';
        if ($i % 1000 == 0) $s .= str_repeat('-', $round + 1);
    }
    $len = strlen($s);
    $acc = 0;
    for ($i = 0; $i < 200000; $i++) {
        $acc += strlen(substr($s, ($i * 7919) % ($len - 10), 8)) + ord($s[($i * 104729) % $len]);
    }
    $total += $len + $acc;
}
$big = str_repeat('abc', 1000000);
$total += strlen($big) + strlen(substr($big, 12345, 100));
echo "concat checksum: $total\n";
