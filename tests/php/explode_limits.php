<?php
// explode with one-byte and longer separators, every limit sign, around the
// 16-byte steps of `byte_scan`.
$ss = ["", " ", "a", "a b", " a ", "  ", str_repeat("ab cd ", 10), str_repeat(" ", 33), "x" . str_repeat(",", 16) . "y", "\x00a\x00"];
foreach ([" ", ",", "\x00", "ab"] as $sep) {
  foreach ($ss as $s) {
    foreach ([PHP_INT_MAX, 1, 2, 3, 0, -1, -2, -100] as $lim) {
      echo json_encode(explode($sep, $s, $lim)), "\n";
    }
  }
}
