<?php
// ucwords with custom delimiter sets and edge strings
$s = "hello_world-foo bar.baz\tqux";
echo ucwords($s), "\n";
echo ucwords($s, "_"), "\n";
echo ucwords($s, "_-. \t"), "\n";
echo ucwords($s, ""), "\n";
echo ucwords("  leading spaces"), "\n";
echo ucwords("ALL CAPS stay"), "\n";
echo ucwords("123abc 4def"), "\n";
echo ucwords(""), "|\n";
echo ucwords("a"), " ", ucfirst(""), "|", lcfirst(""), "|\n";
echo ucwords("x/y/z", "/"), "\n";
