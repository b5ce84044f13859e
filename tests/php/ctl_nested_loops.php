<?php
// Nested loops building a multiplication table and triangle patterns
for ($i = 1; $i <= 5; $i++) {
    $row = [];
    for ($j = 1; $j <= 5; $j++) $row[] = str_pad($i * $j, 3, " ", STR_PAD_LEFT);
    echo implode("", $row), "\n";
}
for ($i = 1; $i <= 4; $i++) {
    echo str_repeat(" ", 4 - $i), str_repeat("*", 2 * $i - 1), "\n";
}
$pairs = 0;
foreach (range(1, 6) as $a) {
    foreach (range($a, 6) as $b) {
        if (($a + $b) % 3 == 0) { $pairs++; echo "$a+$b "; }
    }
}
echo "\npairs=$pairs\n";
$i = 0;
while ($i < 3) {
    $j = 0;
    do { echo $i * 10 + $j, " "; $j++; } while ($j < $i + 1);
    $i++;
}
echo "\n";
