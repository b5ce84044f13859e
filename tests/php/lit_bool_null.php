<?php
// Boolean and null literals: case-insensitivity and printing in all output forms
$vals = [true, TRUE, True, false, FALSE, null, NULL, Null];
foreach ($vals as $v) { echo "[", $v, "] "; var_dump($v); }
print_r([true, false, null]);
echo "\n";
var_export([true, false, null]);
echo "\n";
echo json_encode([true, false, null]), "\n";
echo gettype(true), " ", gettype(null), "\n";
var_dump((string)true, (string)false, (string)null, strval(true));
var_dump(true + true + true, true . true, true && "false");
echo implode(",", [true, false, null, 0, ""]), "|\n";
echo sprintf("%s|%s|%s|%d|%d", true, false, null, true, null), "\n";
