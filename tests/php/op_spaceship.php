<?php
// <=> spaceship and relational operators across types
$cases = [[1, 2], [2, 1], [1, 1], [1.5, 1.5], ["a", "b"], ["b", "a"], ["abc", "abd"], ["10", "9"],
          ["10", "9a"], [[1, 2], [1, 3]], [[1, 2, 3], [5, 6]], [null, false], [true, false],
          ["Z", "a"], ["", null], [1, "1"], ["abc", 0], [0, "abc"], ["1e3", "999"], [null, 0], [-1, null]];
foreach ($cases as [$a, $b]) {
    echo json_encode($a), " <=> ", json_encode($b), " = ", $a <=> $b,
        " lt=", var_export($a < $b, true), " ge=", var_export($a >= $b, true), "\n";
}
var_dump("abc" < "abd", "abc" < "ab", "10" < "9", "10" < "9x", 10 < "9x");
var_dump([1, 2] < [1, 2, 0]);
var_dump(INF <=> INF, -INF <=> INF, 2 <=> NAN);
usort($cases, fn($x, $y) => count($x) <=> count($y));
echo count($cases), "\n";
