<?php
// string functions on binary data and multibyte bytes
$bin = "\x00\x01\x02\xfe\xff";
var_dump(strlen($bin), bin2hex($bin), bin2hex(strrev($bin)), bin2hex(substr($bin, -2)));
var_dump(strpos($bin, "\xfe"), str_contains($bin, "\x00"), bin2hex(str_pad($bin, 7, "\x00")));
var_dump(ord($bin[3]), bin2hex(chr(0) . chr(255)), bin2hex(trim("\x00abc\x00")));
$u = "naïve café";
var_dump(strlen($u), strtoupper($u), ucfirst("ïx"), substr($u, 2, 2), bin2hex(substr($u, 2, 1)));
echo json_encode(str_split("añb")), "\n";
var_dump(strcmp("a", "b"), strcmp("b", "a"), strcmp("abc", "abc"), strcmp("a", "A") > 0, strcmp("", "a") < 0);
var_dump(strcasecmp("HELLO", "hello"), strncmp("abcd", "abef", 2), strncasecmp("ABx", "aby", 2));
var_dump(hex2bin("48656c6c6f"), bin2hex("Hi"));
