<?php
// Deep recursion and recursion returning arrays (permutations, combinations)
function depth($n) { return $n == 0 ? 0 : 1 + depth($n - 1); }
echo depth(20000), "\n";
function perms(array $items): array {
    if (count($items) <= 1) return [$items];
    $out = [];
    foreach ($items as $i => $item) {
        $rest = $items;
        unset($rest[$i]);
        foreach (perms(array_values($rest)) as $p) $out[] = array_merge([$item], $p);
    }
    return $out;
}
foreach (perms(['a', 'b', 'c']) as $p) echo implode("", $p), " ";
echo "\n", count(perms(range(1, 6))), "\n";
function combos(array $items, int $k, int $start = 0, array $cur = []): array {
    if (count($cur) == $k) return [$cur];
    $out = [];
    for ($i = $start; $i < count($items); $i++) foreach (combos($items, $k, $i + 1, [...$cur, $items[$i]]) as $c) $out[] = $c;
    return $out;
}
foreach (combos([1, 2, 3, 4, 5], 3) as $c) echo implode("", $c), " ";
echo "\n";
function digitSum($n) { return $n < 10 ? $n : digitSum(array_sum(str_split((string)$n))); }
echo digitSum(987654321), " ", digitSum(PHP_INT_MAX), "\n";
function binaryStr($n) { return $n < 2 ? (string)$n : binaryStr(intdiv($n, 2)) . ($n % 2); }
echo binaryStr(1023), " ", binaryStr(1024), " ", binaryStr(0), "\n";
