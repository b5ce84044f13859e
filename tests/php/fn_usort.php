<?php
// usort with spaceship, string comparators, callable names and return values
$a = [3, 1, 2, 5, 4];
var_dump(usort($a, fn($x, $y) => $x <=> $y));
echo json_encode($a), "\n";
usort($a, fn($x, $y) => $y <=> $x);
echo json_encode($a), "\n";
$words = ["pear", "fig", "banana", "kiwi", "apple"];
usort($words, fn($x, $y) => strlen($x) - strlen($y));
echo json_encode($words), "\n";
usort($words, 'strcmp');
echo json_encode($words), "\n";
$people = [["n" => "Bo", "a" => 30], ["n" => "Al", "a" => 25], ["n" => "Cy", "a" => 30]];
usort($people, fn($p, $q) => [$q["a"], $p["n"]] <=> [$p["a"], $q["n"]]);
echo json_encode($people), "\n";
$k = ["x" => 2, "y" => 1];
usort($k, fn($p, $q) => $p - $q);
var_dump($k);
$f = [0.5, 0.25, 0.75];
usort($f, fn($p, $q) => $p <=> $q);
echo json_encode($f), "\n";
