<?php
// Reading globals via $GLOBALS
$alpha = 1;
$beta = "two";
function readGlobals() {
    return $GLOBALS['alpha'] + 10 . " " . $GLOBALS['beta'];
}
echo readGlobals(), "\n";
var_dump(isset($GLOBALS['alpha']), isset($GLOBALS['nope']));
function writeGlobal() { $GLOBALS['alpha'] = 100; }
writeGlobal();
echo $alpha, "\n";
var_dump(array_key_exists('beta', $GLOBALS));
