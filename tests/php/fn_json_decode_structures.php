<?php
// json_decode of nested structures into arrays with key edge cases
$j = '{"a":[1,2,{"b":null}],"c":{"d":{"e":"f"}},"0":"zero","-1":"neg","1.5":"float","":"empty","  ":"spaces","x":[],"y":{}}';
$r = json_decode($j, true);
var_dump($r);
var_dump(array_keys($r));
var_dump(json_decode('[[],{},[{}]]', true));
var_dump(json_decode('  "trimmed"  ', true));
var_dump(json_decode("\t[1]\n", true));
echo json_encode(json_decode('{"b":1,"a":2}', true)), "\n";
