<?php
// Closures capturing by value and by reference with use
$x = 1;
$byVal = function () use ($x) { return $x; };
$byRef = function () use (&$x) { return $x; };
$x = 2;
echo $byVal(), " ", $byRef(), "\n";
$mod = function () use ($x) { $x = 100; return $x; };
echo $mod(), " ", $x, "\n";
$modRef = function () use (&$x) { $x = 100; };
$modRef();
echo $x, "\n";
$total = 0;
$add = function ($n) use (&$total) { $total += $n; return $total; };
$add(5); $add(10);
echo "total=$total\n";
$a = 1; $b = 2;
$multi = function ($c) use ($a, &$b) { $b++; return $a + $b + $c; };
echo $multi(10), " ", $multi(10), " b=$b\n";
$mul = function ($n, $m = 2) { return $n * $m; };
echo $mul(4), " ", $mul(4, 3), "\n";
echo (function () { return "IIFE"; })(), "\n";
$arr = [3, 1, 2];
usort($arr, function ($p, $q) { return $q <=> $p; });
echo implode(",", $arr), "\n";
$later = function () use (&$undefinedYet) { return $undefinedYet ?? "unset"; };
echo $later(), "\n";
$undefinedYet = "now set";
echo $later(), "\n";
var_dump(is_callable($add), gettype($add));
$fns = [];
for ($i = 0; $i < 3; $i++) { $fns[] = function () use ($i) { return $i * 10; }; }
foreach ($fns as $fn) echo $fn(), " ";
echo "\n";
$fnsRef = [];
for ($i = 0; $i < 3; $i++) { $fnsRef[] = function () use (&$i) { return $i; }; }
foreach ($fnsRef as $fn) echo $fn(), " ";
echo "\n";
