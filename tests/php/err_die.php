<?php
// die without args, and die in an expression with or
echo "a\n";
$ok = false;
$ok or die("die message\n");
echo "never\n";
