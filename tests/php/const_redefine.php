<?php
// Redefining a constant with define() warns; const at top level is fatal later
define('A', 1);
echo A, "\n";
$r = define('A', 2);
var_dump($r, A);
const B = 'b';
echo B, "\n";
var_dump(@define('B', 'c'), B);
echo constant('A') + constant('B' === 'x' ? 'A' : 'A'), "\n";
