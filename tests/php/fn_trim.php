<?php
// trim/ltrim/rtrim with default whitespace, character lists and ranges
$s = " \t\n\r\0\x0B hello \t\n ";
var_dump(trim($s), ltrim($s), rtrim($s));
var_dump(trim("xxhixx", "x"), ltrim("0012300", "0"), rtrim("1.5000", "0"), rtrim("1.000", ".0"));
var_dump(trim("abcHELLOcba", "a..c"));
var_dump(trim("HELLOworld", "A..Z"));
var_dump(trim("123abc456", "0..9"));
var_dump(trim("[test]", "[]"));
var_dump(trim("", "x"), trim("xxx", "x"), trim("abc", ""));
var_dump(trim(" \f x \f "));
var_dump(rtrim("line\r\n"), ltrim("  \u{00A0}nbsp"));
var_dump(trim("a..b", "."));
var_dump(trim("-=hi=-", "-="));
