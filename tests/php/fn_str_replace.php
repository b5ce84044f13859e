<?php
// str_replace with strings, arrays, count by reference, subject arrays
echo str_replace("a", "b", "banana"), "\n";
echo str_replace("an", "", "banana", $count), " count=$count\n";
echo str_replace(["a", "b"], ["b", "c"], "ab"), "\n";
echo str_replace(["a", "b", "c"], ["x"], "abcabc"), "\n";
echo str_replace(["a", "b"], "-", "abcab", $count), " count=$count\n";
echo str_replace("", "x", "abc"), "\n";
echo str_replace("xyz", "q", "abc", $count), " count=$count\n";
print_r(str_replace("o", "0", ["foo", "k" => "boo", 3 => "bar"], $count));
echo "count=$count\n";
echo str_ireplace("HELLO", "bye", "hello Hello HELLO"), "\n";
echo str_replace("é", "e", "café"), "\n";
echo str_replace(1, 2, 1213), "\n";
var_dump(str_replace("a", "b", ""));
echo str_replace(["aa", "a"], ["a", "aa"], "aaa"), "\n";
// Same-length replacements (patched in place): overlaps, counts, case-insensitive.
var_dump(str_replace('aa', 'bb', 'aaaaa', $c), $c);
var_dump(str_ireplace('AB', 'xy', 'abABaB', $c), $c);
var_dump(str_replace(['a', 'b'], ['b', 'c'], 'ab'));
var_dump(str_replace('é', 'è', 'café é'));
