<?php
// php -n: 1.286s (median of 3 via ci/bench; PHP 8.2.36, AMD EPYC, 2 cores)
// String-keyed arrays: count generated words, insert composite keys, look up hits and
// misses, delete. Sizes stay well under php's default 128M memory_limit.
mt_srand(7);
$syll = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'qu', 'ph', 'xy'];
// Word counts (words are generated on the fly rather than stored).
$counts = [];
for ($i = 0; $i < 2000000; $i++) {
    $len = mt_rand(1, 4);
    $w = '';
    for ($j = 0; $j < $len; $j++) $w .= $syll[mt_rand(0, 11)];
    if (isset($counts[$w])) $counts[$w]++;
    else $counts[$w] = 1;
}
echo "distinct: ", count($counts), "\n";
$hits = 0; $sum = 0; $left = 0;
for ($round = 0; $round < 8; $round++) {
    // Inserts with composite keys, then lookups (half hit, half miss).
    $table = [];
    for ($i = 0; $i < 250000; $i++) $table["key_" . $i . "_" . ($i % 97)] = $i + $round;
    for ($i = 0; $i < 500000; $i++) {
        $k = "key_" . $i . "_" . ($i % 97);
        if (array_key_exists($k, $table)) { $hits++; $sum += $table[$k]; }
    }
    // Deletes of every third key.
    for ($i = 0; $i < 250000; $i += 3) unset($table["key_" . $i . "_" . ($i % 97)]);
    $left += count($table);
}
echo "hits: $hits sum: $sum left: $left\n";
// arsort is stable in PHP 8, so the order of equal counts is defined too.
arsort($counts);
$top = array_slice($counts, 0, 5, true);
$chk = 0;
foreach ($counts as $w => $c) $chk = ($chk * 131 + $c * strlen($w)) % 1000000007;
echo "top counts: ", implode(',', array_values($top)), "\n";
echo "hash checksum: $chk\n";
