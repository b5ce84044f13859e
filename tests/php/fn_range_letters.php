<?php
// range over letters, numeric strings, mixed, and float steps
echo implode("", range('a', 'z')), "\n";
echo implode("", range('Z', 'A')), "\n";
echo implode(",", range('a', 'z', 5)), "\n";
echo implode(",", range('0', '9', 3)), "\n";
echo implode(",", range(0, -10, -2.5)), "\n";
echo implode(",", range(5, 5, 2)), "\n";
echo implode(",", range(0.1, 0.5, 0.1)), "\n";
echo count(range(0, 1, 0.1)), "\n";
var_dump(range(1, 2, 0.5));
var_dump(range('a', 'c', 1));
echo json_encode(range(-2, 2)), " ", json_encode(range(2, -2)), "\n";
