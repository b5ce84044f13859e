<?php
// sort of mixed numeric strings and strings with PHP 8 comparison rules
$a = ["10", "9", "2", "1", "1e1", " 5", "5 ", "0.5", "-3"];
sort($a);
echo json_encode($a), "\n";
$b = [10, "9", 2.5, -1, "2", 0.0, "11"];
sort($b);
var_dump($b);
$c = ["b", 1, "a", 0, "1", "0"];
sort($c);
echo json_encode($c), "\n";
var_dump(0 == "a", "1" == "01", "10" == "1e1", 100 == "1e2", "abc" <=> "abd", [1, 2] <=> [1, 3]);
var_dump(null <=> false, "" <=> null, "Z" <=> "a", 2 <=> "10", "2" <=> "10", "2a" <=> "10");
$d = ["b10", "B2", "a", "", "a0", "10a"];
sort($d);
echo json_encode($d), "\n";
