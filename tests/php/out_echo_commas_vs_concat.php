<?php
// echo with commas evaluates and prints left-to-right; concatenation builds the string first
function say($s) { echo "[say $s]"; return $s; }
echo say("a"), say("b"), "\n";
echo say("a") . say("b") . "\n";
echo "x", print("p"), "\n";
print "chained " . say("c") . "\n";
$i = 0;
echo $i++, $i++, $i, "\n";
echo "sum: ", 1 + 2, ", concat: " . 3 . 4, "\n";
echo 'Nested echo parts: ', implode('-', [1, 2]), PHP_EOL;
