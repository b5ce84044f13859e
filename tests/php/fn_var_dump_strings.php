<?php
// var_dump string lengths with multibyte, control chars and numeric strings
var_dump("é", "日本", "tab\there", "\r\n", "\x00\x01", "0", "-0", "00", " 1", "1.50");
$strs = ["", " ", "a b", str_repeat("ab", 20)];
foreach ($strs as $s) var_dump($s);
var_dump(["é" => "ü", "日" => ["本" => "語"]]);
print_r(["é" => "ü"]);
echo "\n";
var_export(["é" => "ü\n"]);
echo "\n";
