<?php
// String reversal and palindrome checks, manual and built-in
function c_alpha($c) { $o = ord($c); return ($o >= 65 && $o <= 90) || ($o >= 97 && $o <= 122); }
function c_digit($c) { $o = ord($c); return $o >= 48 && $o <= 57; }
function c_alnum($c) { return c_alpha($c) || c_digit($c); }
function c_space($c) { return $c === " " || $c === "\t" || $c === "\n" || $c === "\r"; }
function rev(string $s): string { $r = ""; for ($i = strlen($s) - 1; $i >= 0; $i--) $r .= $s[$i]; return $r; }
function revRec(string $s): string { return $s === "" ? "" : revRec(substr($s, 1)) . $s[0]; }
function isPal(string $s): bool {
    $clean = "";
    foreach (str_split(strtolower($s)) as $c) if (c_alnum($c)) $clean .= $c;
    for ($i = 0, $j = strlen($clean) - 1; $i < $j; $i++, $j--) if ($clean[$i] !== $clean[$j]) return false;
    return true;
}
function longestPal(string $s): string {
    $best = "";
    for ($c = 0; $c < strlen($s); $c++) {
        foreach ([[$c, $c], [$c, $c + 1]] as [$l, $r]) {
            while ($l >= 0 && $r < strlen($s) && $s[$l] === $s[$r]) { $l--; $r++; }
            if ($r - $l - 1 > strlen($best)) $best = substr($s, $l + 1, $r - $l - 1);
        }
    }
    return $best;
}
$tests = ["racecar", "hello", "A man, a plan, a canal: Panama", "", "ab", "No 'x' in Nixon", "12321", "123"];
foreach ($tests as $t) {
    printf("%-32s rev=%-32s pal=%s same=%s\n", "\"$t\"", "\"" . rev($t) . "\"", isPal($t) ? "yes" : "no",
        rev($t) === strrev($t) && revRec($t) === strrev($t) ? "ok" : "BAD");
}
foreach (["babad", "cbbd", "forgeeksskeegfor", "abacdfgdcaba"] as $s) echo "$s -> ", longestPal($s), "\n";
$n = 0;
for ($i = 10; $i < 1000; $i++) if ((string)$i === strrev((string)$i)) $n++;
echo "numeric palindromes 10..999: $n\n";
