<?php
// Run-length encoding and decoding
function rle_encode(string $s): string {
    if ($s === "") return "";
    $out = ""; $prev = $s[0]; $count = 1;
    for ($i = 1; $i <= strlen($s); $i++) {
        $c = $s[$i] ?? null;
        if ($c === $prev) { $count++; continue; }
        $out .= $count . $prev;
        $prev = $c; $count = 1;
    }
    return $out;
}
function rle_decode(string $s): string {
    $out = ""; $num = "";
    for ($i = 0; $i < strlen($s); $i++) {
        $c = $s[$i];
        if ($c >= "0" && $c <= "9" && strlen($c) == 1 && is_numeric($c)) { $num .= $c; }
        else { $out .= str_repeat($c, (int)$num); $num = ""; }
    }
    return $out;
}
$tests = ["", "a", "aaa", "aaabbbcccd", "abcd", "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "xxxxxxxxxxxxxxxxxxxxyz"];
foreach ($tests as $t) {
    $e = rle_encode($t);
    $d = rle_decode($e);
    printf("%-3d -> %-20s ratio=%s ok=%s\n", strlen($t), $e, strlen($t) ? round(strlen($e) / strlen($t), 3) : "n/a", var_export($d === $t, true));
}
function lookAndSay(string $s): string { return rle_encode($s); }
$s = "1";
for ($i = 0; $i < 10; $i++) { echo $s, "\n"; $s = lookAndSay($s); }
