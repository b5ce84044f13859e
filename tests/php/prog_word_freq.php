<?php
// Word frequency count with manual tokenizing
function c_alpha($c) { $o = ord($c); return ($o >= 65 && $o <= 90) || ($o >= 97 && $o <= 122); }
function c_digit($c) { $o = ord($c); return $o >= 48 && $o <= 57; }
function c_alnum($c) { return c_alpha($c) || c_digit($c); }
function c_space($c) { return $c === " " || $c === "\t" || $c === "\n" || $c === "\r"; }
$text = "The quick brown fox jumps over the lazy dog. The dog barks; the fox runs! Quick, quick.";
$words = [];
$cur = "";
for ($i = 0, $n = strlen($text); $i <= $n; $i++) {
    $ch = $i < $n ? $text[$i] : " ";
    if (c_alpha($ch)) { $cur .= strtolower($ch); }
    elseif ($cur !== "") { $words[] = $cur; $cur = ""; }
}
echo count($words), " words\n";
$freq = [];
foreach ($words as $w) { $freq[$w] = ($freq[$w] ?? 0) + 1; }
arsort($freq);
$top = array_slice($freq, 0, 5, true);
foreach ($top as $w => $c) echo str_pad($w, 8), str_repeat("#", $c), " $c\n";
$byLen = [];
foreach (array_keys($freq) as $w) $byLen[strlen($w)][] = $w;
ksort($byLen);
foreach ($byLen as $len => $ws) { sort($ws); echo "$len: ", implode(" ", $ws), "\n"; }
$longest = array_reduce(array_keys($freq), fn($c, $w) => strlen($w) > strlen($c) ? $w : $c, "");
echo "longest: $longest\n";
