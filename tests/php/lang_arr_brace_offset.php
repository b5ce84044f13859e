<?php
// Curly-brace string offset syntax $s{0} is a parse error in PHP 8
echo "before\n";
$s = "abc";
echo $s{0};
