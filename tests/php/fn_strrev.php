<?php
// strrev reverses bytes (breaks UTF-8), plus palindromes
var_dump(strrev("hello"), strrev(""), strrev("a"), strrev("12345"), strrev(12.5));
$u = strrev("é");
var_dump(bin2hex($u), strlen($u));
foreach (["racecar", "level", "hello", "A man"] as $w) {
    echo $w, ": ", ($w === strrev($w) ? "palindrome" : "no"), "\n";
}
echo strrev(strrev("round trip")), "\n";
var_dump(strrev("a b c"), strrev("\x00\x01"));
var_dump(strrev(strval(12345)) === "54321");
