<?php
// String comparisons: lexicographic, numeric-looking, case sensitivity
$pairs = [["abc", "abd"], ["abc", "ABC"], ["a", "aa"], ["10", "9"], ["10", "010"], ["1e1", "10"],
          ["abc", "abc "], ["", "a"], ["Z", "a"], ["1.0", "1"], ["+1", "1"], ["0.0", "-0"], ["null", ""]];
foreach ($pairs as [$a, $b]) {
    printf("%-6s %-6s == %-5s < %-5s <=> %2d strcmp %2d\n", "'$a'", "'$b'",
        var_export($a == $b, true), var_export($a < $b, true), $a <=> $b, strcmp($a, $b) <=> 0);
}
var_dump("abc" == "ABC", strcasecmp("abc", "ABC"));
var_dump("apple" < "banana", "apple" > "Apple");
$words = ["banana", "apple", "Cherry", "10", "9", "1e1"];
sort($words);
print_r($words);
sort($words, SORT_STRING);
print_r($words);
