<?php
// Using an undefined constant throws Error in PHP 8
const KNOWN = 1;
echo KNOWN, "\n";
try {
    echo UNKNOWN_CONST;
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
var_dump(defined('UNKNOWN_CONST'));
echo "uncaught next\n";
echo ANOTHER_UNKNOWN;
echo "never\n";
