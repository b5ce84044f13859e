<?php
// Uncaught exception at top level prints Fatal error with stack trace, exit 255
echo "line one\n";
$x = 10;
echo "x = $x\n";
throw new RuntimeException("something broke", 42);
echo "never\n";
