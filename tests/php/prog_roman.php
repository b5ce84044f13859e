<?php
// Roman numerals: conversion both ways and validation round trip
const ROMAN = ['M' => 1000, 'CM' => 900, 'D' => 500, 'CD' => 400, 'C' => 100, 'XC' => 90,
               'L' => 50, 'XL' => 40, 'X' => 10, 'IX' => 9, 'V' => 5, 'IV' => 4, 'I' => 1];
function toRoman(int $n): string {
    if ($n <= 0 || $n >= 4000) throw new RangeException("out of range: $n");
    $s = "";
    foreach (ROMAN as $sym => $val) { while ($n >= $val) { $s .= $sym; $n -= $val; } }
    return $s;
}
function fromRoman(string $s): int {
    $vals = ['I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, 'D' => 500, 'M' => 1000];
    $total = 0;
    for ($i = 0; $i < strlen($s); $i++) {
        $v = $vals[$s[$i]] ?? throw new InvalidArgumentException("bad numeral {$s[$i]}");
        $next = $i + 1 < strlen($s) ? $vals[$s[$i + 1]] ?? 0 : 0;
        $total += $v < $next ? -$v : $v;
    }
    return $total;
}
foreach ([1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 0, 4000] as $n) {
    try { $r = toRoman($n); echo "$n => $r => ", fromRoman($r), "\n"; }
    catch (RangeException $e) { echo $e->getMessage(), "\n"; }
}
$ok = true;
for ($i = 1; $i < 4000; $i++) if (fromRoman(toRoman($i)) !== $i) { $ok = false; echo "mismatch $i\n"; }
echo "round trip 1..3999: ", $ok ? "ok" : "FAIL", "\n";
echo "longest: ", array_reduce(range(1, 3999), fn($c, $i) => strlen(toRoman($i)) > strlen($c) ? toRoman($i) : $c, ""), "\n";
try { fromRoman("XIZ"); } catch (InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
