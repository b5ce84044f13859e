<?php
// substr_count, substr_replace, strstr/strrchr, str_word_count basics
echo substr_count("hello hello hello", "ll"), " ", substr_count("aaa", "aa"), " ", substr_count("abcabc", "abc", 1), "\n";
echo substr_replace("Hello World", "PHP", 6, 5), "\n";
echo substr_replace("Hello", "J", 0, 1), "\n";
echo substr_replace("Hello", "!!", -1, 0), "\n";
echo substr_replace("Hello", "", 1, -1), "\n";
echo substr_replace("abc", "X", 10), "\n";
var_dump(strstr("user@example.com", "@"), strstr("user@example.com", "@", true), strstr("abc", "z"));
var_dump(strrchr("a/b/c", "/"), strrchr("abc", "z"), stristr("HayStack", "st"));
echo str_word_count("The quick brown fox"), "\n";
echo ucwords(strtolower("JOHN O'REILLY")), "\n";
echo wordwrap("The quick brown fox sat over the lazy dog", 15, "\n", true), "\n";
echo nl2br("a\nb"), "\n";
echo strtr("Hi all", "ai", "eo"), " ", strtr("Hi all", ["Hi" => "Hello", "all" => "world"]), "\n";
