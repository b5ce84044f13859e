<?php
// Searches (`find_from`: first-byte candidates 16 bytes at a time, last byte
// checked first) through strpos, stripos, strrpos, substr_count, str_contains,
// strstr, explode and str_replace, with offsets.
$hays = ["", "a", "abc", "abcabcabc", str_repeat("xy", 30) . "needle" . str_repeat("z", 20), "TH3T4 TH3T TH3T4", str_repeat("aab", 12), "\x00\x01\x00\x01\x02"];
$needles = ["a", "ab", "abc", "needle", "TH3T4", "zz", "aab", "\x00\x01\x02", "b", "xyz"];
foreach ($hays as $h) foreach ($needles as $n) {
  echo json_encode([strpos($h, $n), stripos($h, $n), strrpos($h, $n), substr_count($h, $n), str_contains($h, $n), strstr($h, $n), explode($n, $h), str_replace($n, "#", $h)]), "\n";
  for ($o = 0; $o <= strlen($h); $o += 3) echo json_encode(strpos($h, $n, $o)), " ";
  echo "\n";
}
