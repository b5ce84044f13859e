<?php
// explode/implode round trips, CSV-like splitting and trimming pieces
$csv = "name, age ,city,, ";
$parts = explode(",", $csv);
var_dump($parts);
var_dump(array_map('trim', $parts));
var_dump(implode(",", $parts) === $csv);
$pairs = "a=1&b=2&c=&=4&e";
$out = [];
foreach (explode("&", $pairs) as $p) {
    $kv = explode("=", $p, 2);
    $out[$kv[0]] = $kv[1] ?? null;
}
var_dump($out);
echo implode(" ", array_reverse(explode(" ", "one two three"))), "\n";
echo implode(",", str_split(strrev("1234567"), 3)), "\n";
echo strrev(implode(",", str_split(strrev("1234567"), 3))), "\n";
var_dump(explode(",", "a,b,c", -3), explode("x", "x"));
