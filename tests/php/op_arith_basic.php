<?php
// Arithmetic operators on ints and floats, result types
$pairs = [[7, 2], [-7, 2], [7, -2], [6, 3], [7.5, 2], [1, 0.5], [0, 5]];
foreach ($pairs as [$a, $b]) {
    echo "$a + $b = "; var_dump($a + $b);
    echo "$a - $b = "; var_dump($a - $b);
    echo "$a * $b = "; var_dump($a * $b);
    echo "$a / $b = "; var_dump($a / $b);
}
var_dump(10 / 5, 10 / 4, 10.0 / 5, -10 / 5);
var_dump(-(-5), +"3", -"2.5");
var_dump(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2);
var_dump(10 - 2 - 3, 100 / 10 / 5);
