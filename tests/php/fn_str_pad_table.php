<?php
// str_pad used for layout with every pad type and oversize pad strings
$names = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff"];
foreach ($names as $n) {
    echo "|", str_pad($n, 6, ".", STR_PAD_LEFT), "|", str_pad($n, 6, ".", STR_PAD_BOTH), "|", str_pad($n, 6, "<>", STR_PAD_RIGHT), "|\n";
}
echo str_pad("", 0), "|", str_pad("", 3, "abcdef"), "|", str_pad("x", 2, "abcdef", STR_PAD_BOTH), "|\n";
echo str_pad("mid", 9, "123", STR_PAD_BOTH), "\n";
echo str_pad("mid", 10, "123", STR_PAD_BOTH), "\n";
echo str_pad(42, 6, 0, STR_PAD_LEFT), "\n";
echo str_pad(-4.5, 8, "0", STR_PAD_LEFT), "\n";
