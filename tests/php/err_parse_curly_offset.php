<?php
// $a{0} curly offset syntax is a fatal compile error in PHP 8
$a = [1, 2];
echo "before\n";
echo $a{0};
