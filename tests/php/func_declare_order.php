<?php
// Functions usable before declaration; conditional declaration inside if
echo later(3), "\n";
function later($x) { return $x * 2; }
var_dump(function_exists('cond'));
if (true) {
    function cond() { return "cond defined"; }
}
var_dump(function_exists('cond'));
echo cond(), "\n";
if (false) {
    function never_defined() {}
}
var_dump(function_exists('never_defined'));
function outer() {
    if (!function_exists('inner')) {
        function inner() { return "inner"; }
    }
    return inner();
}
var_dump(function_exists('inner'));
echo outer(), "\n";
var_dump(function_exists('inner'));
echo outer(), "\n";
var_dump(function_exists('LATER'), function_exists('strlen'), function_exists('nope'));
echo LATER(5), " ", Later(6), "\n";
function noReturn() { $x = 1; }
var_dump(noReturn());
function emptyReturn() { return; }
var_dump(emptyReturn());
