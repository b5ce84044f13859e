<?php
// global keyword: reading, writing, creating globals from functions
$counter = 10;
$config = ['debug' => false];
function bump() { global $counter; $counter++; }
function setDebug() { global $config; $config['debug'] = true; }
function createGlobal() { global $newGlobal; $newGlobal = "made inside"; }
function localOnly() { $counter = 999; return $counter; }
function readNoGlobal() { return isset($counter) ? "set" : "not visible"; }
function multi() { global $counter, $config; return $counter . ":" . var_export($config['debug'], true); }
bump(); bump();
echo $counter, "\n";
setDebug();
var_dump($config);
createGlobal();
echo $newGlobal, "\n";
echo localOnly(), " ", $counter, "\n";
echo readNoGlobal(), "\n";
echo multi(), "\n";
function unsetGlobal() { global $counter; unset($counter); return isset($counter) ? "y" : "n"; }
echo unsetGlobal(), " ", $counter, "\n";
function nested() { global $counter; $inner = function () use ($counter) { return $counter * 2; }; return $inner(); }
echo nested(), "\n";
