<?php
// Parse error: missing semicolon
echo "this never prints\n";
$a = 1
$b = 2;
echo $a + $b;
