<?php
// str_contains/str_starts_with/str_ends_with incl. empty needles and case
$h = "Hello, World";
foreach (["Hello", "hello", "World", "", ",", "xyz", "Hello, World!", "d"] as $n) {
    echo json_encode($n), ": ", var_export(str_contains($h, $n), true), " ", var_export(str_starts_with($h, $n), true), " ", var_export(str_ends_with($h, $n), true), "\n";
}
var_dump(str_contains("", ""), str_starts_with("", ""), str_ends_with("", "a"));
var_dump(str_contains("abc\0def", "\0"), str_contains("日本語", "本"), str_ends_with("café", "é"));
var_dump(str_contains("123", 2), str_starts_with(12345, "12"));
var_dump(str_starts_with("abc", "abcd"), str_ends_with("abc", "abcd"));
var_dump(str_contains("aaa", "aa"), str_ends_with("a\n", "\n"));
